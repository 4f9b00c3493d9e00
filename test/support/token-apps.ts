/**
 * Every way to mount the token route, behind one interface, so the HTTP contract table runs against all of them.
 */
import { getRequestListener } from '@hono/node-server';
import Router from '@koa/router';
import {
  zegoToken as expressZegoToken,
  zegoTokenHandler,
  zegoTokenRouter as expressZegoTokenRouter,
  type ZegoTokenHandlerOptions,
} from '@zego-token/express';
import {
  zegoToken as koaZegoToken,
  zegoTokenHandler as koaZegoTokenHandler,
  zegoTokenRouter,
  type ZegoTokenOptions as KoaOptions,
} from '@zego-token/koa';
import { zegoToken as fastifyZegoToken, type ZegoTokenOptions as FastifyOptions } from '@zego-token/fastify';
import { zegoToken as fetchZegoToken, type ZegoTokenHandler, type ZegoTokenOptions as FetchOptions } from '@zego-token/fetch';
import express, { type ErrorRequestHandler } from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import type request from 'supertest';

/** Whatever supertest can send requests to. */
type App = Parameters<typeof request>[0];

/** Adapter-neutral options: `getUserId` and `getUserName` receive the framework's request (Express `req` or Koa `ctx`). */
export type RouteOptions = Omit<ZegoTokenHandlerOptions, 'getUserId' | 'getUserName'> & {
  getUserId: (request: unknown) => unknown;
  getUserName?: ((request: unknown) => unknown) | undefined;
};

export interface TokenApp {
  listener: App;
  /** Errors that reached the framework's error handling. */
  errors: unknown[];
}

export interface Mounting {
  name: string;
  adapter: 'express' | 'koa' | 'fastify' | 'fetch';
  /**
   * The framework itself answers (400, its own body) a path it cannot percent-decode before any route runs: Express
   * on an app route of yours (passing a URIError to the error handlers), Fastify always (`FST_ERR_BAD_URL`).
   */
  frameworkDecodesPath?: boolean;
  /** The URL of the token for `room` (already encoded as it should appear in the path). */
  url: (encodedRoom: string) => string;
  app: (options: RouteOptions) => TokenApp | Promise<TokenApp>;
}

/** How the installed routers write an optional parameter: Express 5 and @koa/router 14+ `{/:x}`, older `/:x?`. */
function optionalParamSyntax(register: (path: string) => unknown): (prefix: string, name: string) => string {
  try {
    register('/probe/:x?');
    return (prefix, name) => `${prefix}/:${name}?`;
  } catch {
    return (prefix, name) => `${prefix}{/:${name}}`;
  }
}

/** `prefix` followed by an optional parameter `name`, as the installed Express writes it. */
export const expressOptional: (prefix: string, name: string) => string = optionalParamSyntax((path) =>
  express.Router().get(path, () => undefined),
);
/** `prefix` followed by an optional parameter `name`, as the installed @koa/router writes it. */
export const koaOptional: (prefix: string, name: string) => string = optionalParamSyntax((path) =>
  new Router().get(path, () => undefined),
);

export function expressApp(mount: (app: express.Express) => void): TokenApp {
  const errors: unknown[] = [];
  const app = express();
  app.set('env', 'test'); // Express's final handler would otherwise print each stack to stderr
  mount(app);
  const recordError: ErrorRequestHandler = (error, _req, _res, next) => {
    errors.push(error);
    next(error); // on to Express's own final handler, as in an app without one
  };
  app.use(recordError);
  return { listener: app, errors };
}

export function koaApp(mount: (app: Koa) => void): TokenApp {
  const errors: unknown[] = [];
  const app = new Koa();
  app.silent = true; // recorded below instead of printed
  app.on('error', (error: unknown) => errors.push(error));
  mount(app);
  return { listener: app.callback(), errors };
}

async function fastifyApp(mount: (app: FastifyInstance) => void): Promise<TokenApp> {
  const errors: unknown[] = [];
  // Room IDs run to 128 characters, 384 percent-encoded; Fastify's default limit on a parameter is 100 (see the guide).
  const app = Fastify({ routerOptions: { maxParamLength: 384 } });
  // Recorded on the way to Fastify's own error handler, which answers as in an app without one.
  app.addHook('onError', (_request, _reply, error, done) => {
    errors.push(error);
    done();
  });
  mount(app);
  await app.ready();
  return { listener: app.server, errors };
}

/** A fetch handler (or a Hono app's `fetch`) under Node's HTTP server, as `@hono/node-server` serves it. */
function fetchApp(handler: (request: Request) => Response | Promise<Response>): TokenApp {
  const errors: unknown[] = [];
  const listener = getRequestListener(handler, {
    overrideGlobalObjects: false,
    errorHandler: (error) => {
      errors.push(error); // a rejected handler: the host's error handling, as a Worker's 500
      return new Response('Internal Server Error', { status: 500 });
    },
  });
  return { listener, errors };
}

/** A Hono app whose route calls the fetch handler, as the Hono guide says; its `onError` is the host's error path. */
function honoApp(path: string, handler: ZegoTokenHandler): TokenApp {
  const errors: unknown[] = [];
  const app = new Hono();
  app.get(path, (c) => handler(c.req.raw));
  app.onError((error, c) => {
    errors.push(error);
    return c.text('Internal Server Error', 500);
  });
  return { listener: getRequestListener(app.fetch, { overrideGlobalObjects: false }), errors };
}

const asFetch = (o: RouteOptions): FetchOptions => o as unknown as FetchOptions;
const asFastify = (o: RouteOptions): FastifyOptions => o as unknown as FastifyOptions;
const asExpress = (o: RouteOptions): ZegoTokenHandlerOptions => o as unknown as ZegoTokenHandlerOptions;
const asKoa = (o: RouteOptions): KoaOptions => o as unknown as KoaOptions;

export const mountings: Mounting[] = [
  {
    name: 'Express app.use(zegoToken())',
    adapter: 'express',
    url: (room) => `/zego/token/${room}`,
    app: (o) => expressApp((app) => app.use(expressZegoToken(asExpress(o)))),
  },
  {
    name: 'Express zegoToken() on a custom path and parameter',
    adapter: 'express',
    url: (room) => `/api/rooms/${room}/zego-token`,
    app: (o) =>
      expressApp((app) => app.use('/api', expressZegoToken({ ...asExpress(o), path: '/rooms/:room/zego-token', roomParam: 'room' }))),
  },
  {
    name: 'Express zegoTokenHandler() on an app route',
    adapter: 'express',
    frameworkDecodesPath: true,
    url: (room) => `/token-for/${room}`,
    app: (o) => expressApp((app) => app.get('/token-for/:roomId', zegoTokenHandler(asExpress(o)))),
  },
  {
    name: 'Express zegoTokenRouter() under /api',
    adapter: 'express',
    url: (room) => `/api/zego/token/${room}`,
    app: (o) => expressApp((app) => app.use('/api', expressZegoTokenRouter(asExpress(o)))),
  },
  {
    name: 'Express zegoTokenHandler() in a router mounted under the room parameter',
    adapter: 'express',
    frameworkDecodesPath: true,
    url: (room) => `/rooms/${room}/zego-token`,
    app: (o) =>
      expressApp((app) => {
        const rooms = express.Router({ mergeParams: true });
        rooms.get('/zego-token', zegoTokenHandler(asExpress(o)));
        app.use('/rooms/:roomId', rooms);
      }),
  },
  {
    name: 'Koa router.get(path, zegoToken())',
    adapter: 'koa',
    url: (room) => `/zego/token/${room}`,
    app: (o) =>
      koaApp((app) => {
        const router = new Router();
        router.get('/zego/token/:roomId', koaZegoToken(asKoa(o)));
        app.use(router.routes());
      }),
  },
  {
    name: 'Koa app.use(zegoToken())',
    adapter: 'koa',
    url: (room) => `/zego/token/${room}`,
    app: (o) => koaApp((app) => app.use(koaZegoToken(asKoa(o)))),
  },
  {
    name: 'Koa app.use(zegoToken()) on a custom path and parameter',
    adapter: 'koa',
    url: (room) => `/rooms/${room}/zego-token`,
    app: (o) => koaApp((app) => app.use(koaZegoToken({ ...asKoa(o), path: '/rooms/:room/zego-token', roomParam: 'room' }))),
  },
  {
    name: 'Koa router.get(path, zegoTokenHandler())',
    adapter: 'koa',
    url: (room) => `/token-for/${room}`,
    app: (o) =>
      koaApp((app) => {
        const router = new Router();
        router.get('/token-for/:roomId', koaZegoTokenHandler(asKoa(o)));
        app.use(router.routes());
      }),
  },
  {
    name: 'Koa zegoTokenRouter()',
    adapter: 'koa',
    url: (room) => `/zego/token/${room}`,
    app: (o) => koaApp((app) => app.use(zegoTokenRouter(asKoa(o)).routes())),
  },
  {
    name: 'Koa zegoTokenRouter() on a custom path and parameter, under a prefixed router',
    adapter: 'koa',
    url: (room) => `/api/rooms/${room}/zego-token`,
    app: (o) =>
      koaApp((app) => {
        const api = new Router({ prefix: '/api' });
        const tokens = zegoTokenRouter({ ...asKoa(o), path: '/rooms/:room/zego-token', roomParam: 'room' });
        api.use(tokens.routes());
        app.use(api.routes());
      }),
  },
  {
    name: 'Fastify app.register(zegoToken)',
    adapter: 'fastify',
    frameworkDecodesPath: true,
    url: (room) => `/zego/token/${room}`,
    app: (o) => fastifyApp((app) => void app.register(fastifyZegoToken, asFastify(o))),
  },
  {
    name: 'Fastify app.register(zegoToken) with a prefix, a custom path and parameter',
    adapter: 'fastify',
    frameworkDecodesPath: true,
    url: (room) => `/api/rooms/${room}/zego-token`,
    app: (o) =>
      fastifyApp((app) => void app.register(fastifyZegoToken, { ...asFastify(o), prefix: '/api', path: '/rooms/:room/zego-token', roomParam: 'room' })),
  },
  {
    name: 'fetch zegoToken() under Node’s HTTP server',
    adapter: 'fetch',
    url: (room) => `/zego/token/${room}`,
    app: (o) => fetchApp(fetchZegoToken(asFetch(o))),
  },
  {
    name: 'fetch zegoToken() on a custom path and parameter',
    adapter: 'fetch',
    url: (room) => `/api/rooms/${room}/zego-token`,
    app: (o) => fetchApp(fetchZegoToken({ ...asFetch(o), path: '/api/rooms/:room/zego-token', roomParam: 'room' })),
  },
  {
    name: 'fetch zegoToken() as a Next.js route handler: GET(request, { params })',
    adapter: 'fetch',
    url: (room) => `/zego/token/${room}`,
    app: (o) => {
      const GET = fetchZegoToken(asFetch(o));
      // Next.js 15 passes the dynamic segments as a promise in the second argument; the handler reads the URL.
      return fetchApp((request) => GET(request, { params: Promise.resolve({ roomId: 'not-the-url' }) }));
    },
  },
  {
    name: 'fetch zegoToken() in a Hono route: app.get(path, (c) => handler(c.req.raw))',
    adapter: 'fetch',
    url: (room) => `/zego/token/${room}`,
    app: (o) => honoApp('/zego/token/:roomId', fetchZegoToken(asFetch(o))),
  },
];

/** A mounting of the room-less identity route: `path` without the room parameter. */
export interface IdentityMounting {
  name: string;
  url: string;
  /** Throws (or rejects) at construction for refused options, as the adapter's factory does. */
  app: (options: RouteOptions) => TokenApp | Promise<TokenApp>;
}

export const identityMountings: IdentityMounting[] = [
  {
    name: 'Express app.use(zegoToken({ path: "/zego/token" }))',
    url: '/zego/token',
    app: (o) => expressApp((app) => app.use(expressZegoToken({ ...asExpress(o), path: '/zego/token' }))),
  },
  {
    name: 'Express app.use("/api", zegoTokenRouter({ path: "/zim-token" }))',
    url: '/api/zim-token',
    app: (o) => expressApp((app) => app.use('/api', expressZegoTokenRouter({ ...asExpress(o), path: '/zim-token' }))),
  },
  {
    name: 'Koa app.use(zegoToken({ path: "/zego/token" }))',
    url: '/zego/token',
    app: (o) => koaApp((app) => app.use(koaZegoToken({ ...asKoa(o), path: '/zego/token' }))),
  },
  {
    name: 'Koa zegoTokenRouter({ path: "/zego/token" }) under a prefixed router',
    url: '/api/zego/token',
    app: (o) =>
      koaApp((app) => {
        const api = new Router({ prefix: '/api' });
        api.use(zegoTokenRouter({ ...asKoa(o), path: '/zego/token' }).routes());
        app.use(api.routes());
      }),
  },
  {
    name: 'Fastify app.register(zegoToken, { path: "/zego/token" })',
    url: '/zego/token',
    app: (o) => fastifyApp((app) => void app.register(fastifyZegoToken, { ...asFastify(o), path: '/zego/token' })),
  },
  {
    name: 'fetch zegoToken({ path: "/zego/token" })',
    url: '/zego/token',
    app: (o) => fetchApp(fetchZegoToken({ ...asFetch(o), path: '/zego/token' })),
  },
  {
    name: 'fetch zegoToken({ path: "/api/zim-token" }) in Hono',
    url: '/api/zim-token',
    app: (o) => honoApp('/api/zim-token', fetchZegoToken({ ...asFetch(o), path: '/api/zim-token' })),
  },
];
