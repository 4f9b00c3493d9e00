/**
 * Every way to mount the token route, behind one interface, so the HTTP contract table runs against all of them.
 */
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
import express, { type ErrorRequestHandler } from 'express';
import Koa from 'koa';
import type request from 'supertest';

/** Whatever supertest can send requests to. */
type App = Parameters<typeof request>[0];

/** Adapter-neutral options: `getUserId` receives the framework's request (Express `req` or Koa `ctx`). */
export type RouteOptions = Omit<ZegoTokenHandlerOptions, 'getUserId'> & {
  getUserId: (request: unknown) => unknown;
};

export interface TokenApp {
  listener: App;
  /** Errors that reached the framework's error handling. */
  errors: unknown[];
}

export interface Mounting {
  name: string;
  adapter: 'express' | 'koa';
  /** Express itself answers (400, its own body) a path it cannot percent-decode on an app route of yours. */
  frameworkDecodesPath?: boolean;
  /** The URL of the token for `room` (already encoded as it should appear in the path). */
  url: (encodedRoom: string) => string;
  app: (options: RouteOptions) => TokenApp;
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
];
