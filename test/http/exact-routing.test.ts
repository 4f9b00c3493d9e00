/**
 * Exact routes, tried as an attacker would: a guard on the token path (a rate limiter, an auth check) mounted beside
 * the token route, in a router with any settings (strict, case-sensitive, neither) or as a plain path check, must
 * see every request the token route serves. Each mounting below gets the same raw request targets (another case, a
 * trailing slash, percent-encoded letters, doubled or dot segments, absolute-form, …), sent byte for byte; every
 * one answered with a token must have passed the guard, and the exact path must be served.
 */
import { getRequestListener } from '@hono/node-server';
import Router from '@koa/router';
import { zegoToken as expressZegoToken, zegoTokenHandler } from '@zego-token/express';
import { zegoToken as fastifyZegoToken } from '@zego-token/fastify';
import { zegoToken as fetchZegoToken } from '@zego-token/fetch';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import { expect } from 'chai';
import express, { type RequestHandler } from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa, { type Middleware } from 'koa';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { get, listen, rawRequest, type Listener } from '../support/raw-http.js';

const options = { appId: APP_ID, secret: SECRET, getUserId: () => 'alice' };

/** Request targets, as sent on the request line, for a token route at `/zego/token/:roomId` below `prefix`. */
const targets = (prefix = ''): string[] => [
  `${prefix}/zego/token/lobby`,
  `${prefix}/ZEGO/token/lobby`,
  `${prefix}/zego/TOKEN/lobby`,
  `${prefix}/zego/token/lobby/`,
  `${prefix}/zego/token/lobby//`,
  `${prefix}/zego/%74oken/lobby`,
  `${prefix}/%7Aego/token/lobby`,
  `${prefix}//zego/token/lobby`,
  `${prefix}/zego//token/lobby`,
  `${prefix}/zego/token//lobby`,
  `${prefix}/zego/./token/lobby`,
  `${prefix}/zego/token/../token/lobby`,
  `${prefix}/zego/token/lobby?next=/x`,
  `${prefix}/zego/token/lobby;jsessionid=1`,
  `${prefix}/zego/token/lobby#top`,
  `${prefix}/zego/token/a%2Fb`,
  `${prefix}/zego/token/lobby%2F`,
  `${prefix}/zego/token/%2e%2e`,
  `http://evil.example${prefix}/zego/token/lobby`,
  ...(prefix === '' ? [] : [`${prefix.toUpperCase()}/zego/token/lobby`, `${prefix}//zego/token/lobby`]),
];

/** A mounting of the token route beside a guard that counts the requests it sees. */
interface Guarded {
  name: string;
  prefix?: string;
  listener: (guard: () => void) => Listener | Promise<Listener>;
}

const expressGuard = (guard: () => void): RequestHandler => (_req, _res, next) => {
  guard();
  next();
};
const koaGuard = (guard: () => void): Middleware => (_ctx, next) => {
  guard();
  return next();
};
/** A guard written as a check of the path, as a hand-written limiter would (Koa's `ctx.path`, a fetch URL's pathname). */
const TOKEN_PATH = /^\/zego\/token\/[^/]+$/;

function expressWith(mount: (app: express.Express) => void): Listener {
  const app = express();
  app.set('env', 'production');
  mount(app);
  return app;
}

function koaWith(mount: (app: Koa) => void): Listener {
  const app = new Koa();
  app.silent = true;
  mount(app);
  return app.callback();
}

const mountings: Guarded[] = [
  ...[{ caseSensitive: true, strict: true }, {}].map(
    (settings): Guarded => ({
      name: `Express: a guard in express.Router(${JSON.stringify(settings)}) beside app.use(zegoToken())`,
      listener: (guard) =>
        expressWith((app) => {
          app.use(express.Router(settings).get('/zego/token/:roomId', expressGuard(guard)));
          app.use(expressZegoToken(options));
        }),
    }),
  ),
  {
    name: 'Express: a guard on a case-sensitive, strict app’s own route',
    listener: (guard) =>
      expressWith((app) => {
        app.set('case sensitive routing', true);
        app.set('strict routing', true);
        app.get('/zego/token/:roomId', expressGuard(guard));
        app.use(expressZegoToken(options));
      }),
  },
  {
    name: 'Express: both under app.use("/api", …), the guard in a case-sensitive, strict router',
    prefix: '/api',
    listener: (guard) =>
      expressWith((app) => {
        app.use('/api', express.Router({ caseSensitive: true, strict: true }).get('/zego/token/:roomId', expressGuard(guard)));
        app.use('/api', expressZegoToken(options));
      }),
  },
  ...[{ sensitive: true, strict: true }, {}].map(
    (settings): Guarded => ({
      name: `Koa: a guard in a @koa/router Router(${JSON.stringify(settings)}) beside app.use(zegoToken())`,
      listener: (guard) =>
        koaWith((app) => {
          app.use(new Router(settings).get('/zego/token/:roomId', koaGuard(guard)).routes());
          app.use(koaZegoToken(options));
        }),
    }),
  ),
  {
    name: 'Koa: a ctx.path check beside app.use(zegoToken())',
    listener: (guard) =>
      koaWith((app) => {
        app.use((ctx, next) => {
          if (TOKEN_PATH.test(ctx.path)) guard();
          return next();
        });
        app.use(koaZegoToken(options));
      }),
  },
  {
    name: 'Koa: a guard route and router.use(zegoToken()) in one strict, sensitive, prefixed router',
    prefix: '/api',
    listener: (guard) =>
      koaWith((app) => {
        const api = new Router({ prefix: '/api', sensitive: true, strict: true });
        api.get('/zego/token/:roomId', koaGuard(guard));
        api.use(koaZegoToken(options));
        app.use(api.routes());
      }),
  },
  {
    name: 'Koa: a guard in a strict, sensitive router beside zegoToken() on a default router’s route',
    listener: (guard) =>
      koaWith((app) => {
        app.use(new Router({ sensitive: true, strict: true }).get('/zego/token/:roomId', koaGuard(guard)).routes());
        app.use(new Router().get('/zego/token/:roomId', koaZegoToken(options)).routes());
      }),
  },
  {
    name: 'Fastify (caseSensitive: false, ignoreTrailingSlash, ignoreDuplicateSlashes): a hook keyed on the route Fastify matched',
    listener: async (guard) => {
      const app = Fastify({ routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true } });
      app.addHook('onRequest', (request, _reply, done) => {
        if (request.routeOptions.url === '/zego/token/:roomId') guard();
        done();
      });
      await app.register(fastifyZegoToken, options);
      await app.ready();
      return (req, res) => app.server.emit('request', req, res);
    },
  },
  {
    name: 'Fastify (prefix /api, loose router options): a guard hook in the plugin’s encapsulating context',
    prefix: '/api',
    listener: async (guard) => {
      const app = Fastify({ routerOptions: { caseSensitive: false, ignoreTrailingSlash: true } });
      await app.register(
        async (api) => {
          api.addHook('onRequest', (_request, _reply, done) => {
            guard();
            done();
          });
          await api.register(fastifyZegoToken, options);
        },
        { prefix: '/api' },
      );
      await app.ready();
      return (req, res) => app.server.emit('request', req, res);
    },
  },
  ...[true, false].map(
    (strict): Guarded => ({
      name: `fetch in Hono (strict: ${strict}): a guard on app.use('/zego/token/:roomId'), the handler on every path`,
      listener: (guard) => {
        const handler = fetchZegoToken(options);
        const app = new Hono({ strict });
        app.use('/zego/token/:roomId', async (_c, next) => {
          guard();
          await next();
        });
        app.all('*', (c) => handler(c.req.raw));
        return getRequestListener(app.fetch, { overrideGlobalObjects: false });
      },
    }),
  ),
  {
    name: 'fetch: a pathname check in front of the handler',
    listener: (guard) => {
      const handler = fetchZegoToken(options);
      return getRequestListener(
        (request: Request) => {
          if (TOKEN_PATH.test(new URL(request.url).pathname)) guard();
          return handler(request);
        },
        { overrideGlobalObjects: false },
      );
    },
  },
];

/** Sends every target to the mounting; the targets served a token, and those of them the guard did not see. */
async function probe(mounting: Guarded): Promise<{ served: string[]; unguarded: string[] }> {
  let seen = 0;
  const { port, close } = await listen(await mounting.listener(() => (seen += 1)));
  try {
    const served: string[] = [];
    const unguarded: string[] = [];
    for (const target of targets(mounting.prefix)) {
      const before = seen;
      const response = await rawRequest(port, get(target));
      expect(response.status, `${target}: ${response.body}`).to.not.be.within(500, 599);
      if (response.status !== 200) continue;
      expect(response.body, target).to.include('"token"');
      served.push(target);
      if (seen === before) unguarded.push(target);
    }
    return { served, unguarded };
  } finally {
    await close();
  }
}

describe('exact routes: a guard beside the token route sees every request it serves', () => {
  for (const mounting of mountings) {
    it(mounting.name, async () => {
      const { served, unguarded } = await probe(mounting);
      expect(served, 'the exact path is served').to.include(`${mounting.prefix ?? ''}/zego/token/lobby`);
      expect(unguarded, `served a token past the guard (served: ${served.join(' ')})`).to.deep.equal([]);
    });
  }

  it('catches a route that matches more loosely than its guard (a handler on a default Express route)', async () => {
    const { unguarded } = await probe({
      name: 'control',
      listener: (guard) =>
        expressWith((app) => {
          app.use(express.Router({ caseSensitive: true, strict: true }).get('/zego/token/:roomId', expressGuard(guard)));
          app.get('/zego/token/:roomId', zegoTokenHandler(options));
        }),
    });
    expect(unguarded).to.include.members(['/ZEGO/token/lobby', '/zego/token/lobby/']);
  });
});
