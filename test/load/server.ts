/**
 * The load test's server, one per adapter, in its own process:
 *   node --expose-gc --import tsx test/load/server.ts express|koa|fastify|fetch      (prints "listening <port>")
 * The signed-in user comes from the X-User-Id header (a stand-in for real auth). GET /__heap answers the heap size
 * after a full GC, for the load test to see whether memory grows.
 */
import { getRequestListener } from '@hono/node-server';
import Router from '@koa/router';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as fastifyZegoToken } from '@zego-token/fastify';
import { zegoToken as fetchZegoToken } from '@zego-token/fetch';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const options = { appId: 1234567890, secret: 'load0000load0000load0000load0000', effectiveTimeInSeconds: 3600 };

function heapAfterGc(): { heapUsed: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the load server with --expose-gc');
  gc();
  return { heapUsed: process.memoryUsage().heapUsed };
}

async function start(adapter: string): Promise<Server> {
  if (adapter === 'fastify') {
    const app = Fastify({ routerOptions: { maxParamLength: 384 } });
    await app.register(fastifyZegoToken, { ...options, getUserId: (request) => request.headers['x-user-id'] as string | undefined });
    app.get('/__heap', () => heapAfterGc());
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app.server;
  }
  if (adapter === 'fetch') {
    const handler = fetchZegoToken({ ...options, getUserId: (request) => request.headers.get('x-user-id') });
    const listener = getRequestListener((request) => (new URL(request.url).pathname === '/__heap' ? Response.json(heapAfterGc()) : handler(request)), {
      overrideGlobalObjects: false,
    });
    return createServer((req, res) => void listener(req, res)).listen(0, '127.0.0.1');
  }
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

const server = await start(process.argv[2] ?? 'express');
const announce = (): void => void process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
if (server.listening) announce();
else server.on('listening', announce);
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
