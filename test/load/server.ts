/**
 * The load test's server, one per adapter, in its own process:
 *   node --expose-gc --import tsx test/load/server.ts express|koa      (prints "listening <port>")
 * The signed-in user comes from the X-User-Id header (a stand-in for real auth). GET /__heap answers the heap size
 * after a full GC, for the load test to see whether memory grows.
 */
import Router from '@koa/router';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import express from 'express';
import Koa from 'koa';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const options = { appId: 1234567890, secret: 'load0000load0000load0000load0000', effectiveTimeInSeconds: 3600 };

function heapAfterGc(): { heapUsed: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the load server with --expose-gc');
  gc();
  return { heapUsed: process.memoryUsage().heapUsed };
}

function start(adapter: string): Server {
  if (adapter === 'koa') {
    const app = new Koa();
    const router = new Router();
    router.get('/zego/token/:roomId', koaZegoToken({ ...options, getUserId: (ctx) => ctx.get('x-user-id') || undefined }));
    router.get('/__heap', (ctx) => {
      ctx.body = heapAfterGc();
    });
    app.use(router.routes());
    return app.listen(0, '127.0.0.1');
  }
  const app = express();
  app.use(expressZegoToken({ ...options, getUserId: (req) => req.get('x-user-id') }));
  app.get('/__heap', (_req, res) => {
    res.json(heapAfterGc());
  });
  return app.listen(0, '127.0.0.1');
}

const server = start(process.argv[2] ?? 'express');
server.on('listening', () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
