/**
 * A server for the route benchmark, run as its own process: the token route and a bare route in the same app. The
 * bare route runs the same getUserId and answers a constant JSON body of the token response's size, with the same
 * headers. A third, the floor route, is the bare route plus the floor's node:crypto work for a real token: the best
 * any implementation could do. Usage: node --import tsx bench/route-server.ts express|koa   (prints "listening <port>")
 */
import Router from '@koa/router';
import { createTokenIssuer, TOKEN_RESPONSE_HEADERS, type TokenResponseBody } from '@zego-token/core';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import express from 'express';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { floor04 } from './core.js';

const options = { appId: 1234567890, secret: 'bench000bench000bench000bench000', effectiveTimeInSeconds: 3600 };
const header = (get: (name: string) => string | undefined): string | undefined => get('x-user-id');

// A real token response for the benchmark's user and room, then the same shape and size with constant content.
const sample = createTokenIssuer(options).issue({ userId: 'alice', roomId: 'lobby', request: null });
if (sample instanceof Promise) throw new Error('the issuer should answer synchronously here');
const real = sample.body as TokenResponseBody;
const constantBody: TokenResponseBody = { ...real, token: 'x'.repeat(real.token.length) };

function start(): Server {
  if (process.argv[2] === 'koa') {
    const app = new Koa();
    const router = new Router();
    const getUserId = (ctx: Koa.Context): string | undefined => header((name) => ctx.get(name) || undefined);
    router.get('/zego/token/:roomId', koaZegoToken({ ...options, getUserId }));
    router.get('/bare/:roomId', (ctx) => {
      getUserId(ctx);
      ctx.status = 200;
      ctx.set(TOKEN_RESPONSE_HEADERS);
      ctx.body = constantBody;
    });
    router.get('/floor/:roomId', (ctx) => {
      const token = floor04('gcm', getUserId(ctx), ctx.params['roomId']);
      ctx.status = 200;
      ctx.set(TOKEN_RESPONSE_HEADERS);
      ctx.body = { ...constantBody, token };
    });
    app.use(router.routes());
    return app.listen(0, '127.0.0.1');
  }
  const app = express();
  const getUserId = (req: express.Request): string | undefined => header((name) => req.get(name));
  app.use(expressZegoToken({ ...options, getUserId }));
  app.get('/bare/:roomId', (req, res) => {
    getUserId(req);
    res.status(200).set(TOKEN_RESPONSE_HEADERS).json(constantBody);
  });
  app.get('/floor/:roomId', (req, res) => {
    const token = floor04('gcm', getUserId(req), req.params.roomId);
    res.status(200).set(TOKEN_RESPONSE_HEADERS).json({ ...constantBody, token });
  });
  return app.listen(0, '127.0.0.1');
}

const server = start();
server.on('listening', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
