/**
 * A server for the route benchmark, run as its own process with an IPC channel:
 *   node --expose-gc --import tsx bench/route-server.ts express|koa|fastify|fetch Buffer|KeyObject
 * It sends `{ port }` once listening, and answers `'heap'` with the heap after full GCs.
 *
 * Every adapter gets the same three routes, built the same way in its framework:
 * - `/zego/token/:roomId`, the adapter's token route;
 * - `/bare/:roomId`, the same getUserId, the same headers and a constant JSON body of the token response's size;
 * - `/floor/:roomId`, the bare route plus only the floor's cipher work (floor-node.ts) for a real token: the best any
 *   implementation on node:crypto could do in this framework.
 */
import { createTokenIssuer, TOKEN_RESPONSE_HEADERS, type TokenResponseBody } from '@zego-token/core';
import type express from 'express';
import type Koa from 'koa';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { floorToken, useFloorKey, type KeyKind } from './floor-node.js';
import { ADAPTERS, APP_ID, SECRET, TTL, USER_HEADER, type Adapter } from './inputs.js';


const options = { appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: TTL };

// A real token response for the benchmark's user and room, then the same shape and size with constant content.
const sample = createTokenIssuer(options).issue({ userId: 'alice', roomId: 'lobby', request: null });
if (sample instanceof Promise) throw new Error('the issuer should answer synchronously here');
const real = sample.body as TokenResponseBody;
const constantBody: TokenResponseBody = { ...real, token: 'x'.repeat(real.token.length) };
const floorBody = (userId: string | undefined, roomId: string | undefined): TokenResponseBody => ({
  ...constantBody,
  token: floorToken('04-GCM', userId ?? '', roomId ?? ''),
});

// The Fastify plugin sends its 200 body through a response schema (fast-json-stringify): the bare and floor routes
// get the same schema, so the three serialise alike.
const responseSchema = {
  response: {
    200: {
      type: 'object',
      required: ['token', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt'],
      properties: {
        token: { type: 'string' },
        appId: { type: 'integer' },
        userId: { type: 'string' },
        roomId: { type: 'string' },
        version: { type: 'string' },
        issuedAt: { type: 'integer' },
        expiresAt: { type: 'integer' },
      },
    },
  },
};

async function start(adapter: Adapter): Promise<Server> {
  // Each server loads only its own framework and adapter.
  if (adapter === 'koa') {
    const [{ default: Koa }, { default: Router }, { zegoToken: koaZegoToken }] = await Promise.all([
      import('koa'),
      import('@koa/router'),
      import('@zego-token/koa'),
    ]);
    const app = new Koa();
    const router = new Router();
    const getUserId = (ctx: Koa.Context): string | undefined => ctx.get(USER_HEADER) || undefined;
    // The README's one line, as in Express: app.use(zegoToken(...)) in front of the app's router. (On a route,
    // router.get(path, zegoToken(...)) matches its own path again through a router of its own; zegoTokenHandler is
    // the direct handler for a route.)
    app.use(koaZegoToken({ ...options, getUserId }));
    router.get('/bare/:roomId', (ctx) => {
      getUserId(ctx);
      ctx.status = 200;
      ctx.set(TOKEN_RESPONSE_HEADERS);
      ctx.body = constantBody;
    });
    router.get('/floor/:roomId', (ctx) => {
      const body = floorBody(getUserId(ctx), ctx.params['roomId']);
      ctx.status = 200;
      ctx.set(TOKEN_RESPONSE_HEADERS);
      ctx.body = body;
    });
    app.use(router.routes());
    return app.listen(0, '127.0.0.1');
  }
  if (adapter === 'fastify') {
    const [{ default: Fastify }, { zegoToken: fastifyZegoToken }] = await Promise.all([
      import('fastify'),
      import('@zego-token/fastify'),
    ]);
    const app = Fastify({ logger: false });
    const getUserId = (request: { headers: Record<string, unknown> }): string | undefined => {
      const value = request.headers[USER_HEADER];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    await app.register(fastifyZegoToken, { ...options, getUserId });
    // Synchronous handlers that return the reply, as the plugin's own is when every callback is synchronous.
    app.get('/bare/:roomId', { schema: responseSchema }, (request, reply) => {
      getUserId(request);
      return reply.code(200).headers(TOKEN_RESPONSE_HEADERS).send(constantBody);
    });
    app.get('/floor/:roomId', { schema: responseSchema }, (request, reply) => {
      const body = floorBody(getUserId(request), (request.params as Record<string, string | undefined>)['roomId']);
      return reply.code(200).headers(TOKEN_RESPONSE_HEADERS).send(body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app.server;
  }
  if (adapter === 'fetch') {
    const [{ getRequestListener }, { zegoToken: fetchZegoToken }] = await Promise.all([
      import('@hono/node-server'),
      import('@zego-token/fetch'),
    ]);
    const getUserId = (request: Request): string | undefined => request.headers.get(USER_HEADER) || undefined;
    const token = fetchZegoToken({ ...options, getUserId });
    // A minimal fetch route reads its room from the URL as the adapter does: parse, match the prefix, decode.
    const roomOf = (request: Request, prefix: string): string | undefined => {
      const { pathname } = new URL(request.url);
      return pathname.startsWith(prefix) ? decodeURIComponent(pathname.slice(prefix.length)) : undefined;
    };
    // Promise-returning, as a fetch handler is (the adapter's type says so): @hono/node-server serves a plain
    // Response on a faster path that no handler of that type takes.
    /* eslint-disable @typescript-eslint/require-await */
    const bare = async (request: Request): Promise<Response> => {
      getUserId(request);
      roomOf(request, '/bare/');
      return new Response(JSON.stringify(constantBody), { status: 200, headers: TOKEN_RESPONSE_HEADERS });
    };
    const floor = async (request: Request): Promise<Response> => {
      const body = floorBody(getUserId(request), roomOf(request, '/floor/'));
      return new Response(JSON.stringify(body), { status: 200, headers: TOKEN_RESPONSE_HEADERS });
    };
    /* eslint-enable @typescript-eslint/require-await */
    // The fetch handler under Node's HTTP server, as @hono/node-server serves it; the three routes share the dispatch.
    const listener = getRequestListener(
      (request: Request) => {
        const { url } = request;
        return url.includes('/bare/') ? bare(request) : url.includes('/floor/') ? floor(request) : token(request);
      },
      { overrideGlobalObjects: false },
    );
    return createServer((req, res) => void listener(req, res)).listen(0, '127.0.0.1');
  }
  const [{ default: express }, { zegoToken: expressZegoToken }] = await Promise.all([
    import('express'),
    import('@zego-token/express'),
  ]);
  const app = express();
  const getUserId = (req: express.Request): string | undefined => req.get(USER_HEADER);
  app.use(expressZegoToken({ ...options, getUserId }));
  app.get('/bare/:roomId', (req, res) => {
    getUserId(req);
    res.status(200).set(TOKEN_RESPONSE_HEADERS).json(constantBody);
  });
  app.get('/floor/:roomId', (req, res) => {
    res.status(200).set(TOKEN_RESPONSE_HEADERS).json(floorBody(getUserId(req), req.params.roomId));
  });
  return app.listen(0, '127.0.0.1');
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the route server with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const adapter = process.argv[2] as Adapter;
if (!ADAPTERS.includes(adapter)) throw new Error(`usage: route-server.ts ${ADAPTERS.join('|')} Buffer|KeyObject`);
useFloorKey((process.argv[3] ?? 'Buffer') as KeyKind);
const server = await start(adapter);
const announce = (): void => {
  process.send?.({ port: (server.address() as AddressInfo).port });
};
if (server.listening) announce();
else server.once('listening', announce);
process.on('message', (message) => {
  if (message === 'heap') process.send?.({ heapUsed: heapAfterGc() });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
