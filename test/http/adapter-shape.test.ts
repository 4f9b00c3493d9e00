/**
 * One adapter shape: the README's one line, `app.use(zegoToken({...}))`, works in Express and in Koa and leaves the
 * rest of the app alone; every adapter exports the same names for the same things and applies the same option
 * rules; routing honours the host's settings; a missing room is the client's 400, after 401.
 */
import Router from '@koa/router';
import * as core from '@zego-token/core';
import { ErrorCode, type TokenResponseBody } from '@zego-token/core';
import * as expressAdapter from '@zego-token/express';
import * as koaAdapter from '@zego-token/koa';
import { expect } from 'chai';
import express, { type RequestHandler } from 'express';
import { createServer } from 'node:http';
import Koa from 'koa';
import request from 'supertest';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { expressApp, expressOptional, koaApp, koaOptional, type TokenApp } from '../support/token-apps.js';

const base = { appId: APP_ID, secret: SECRET };
const signedIn = { ...base, getUserId: () => 'alice' };

/** Each framework's app with a `/health` route before and a `/after` route after the one line. */
const oneLineApps: Array<[string, (options: object) => TokenApp]> = [
  [
    'Express',
    (options) =>
      expressApp((app) => {
        app.get('/health', (_req, res) => void res.json({ ok: true }));
        app.use(expressAdapter.zegoToken(options as never));
        app.get('/after', (_req, res) => void res.json({ after: true }));
      }),
  ],
  [
    'Koa',
    (options) =>
      koaApp((app) => {
        const router = new Router();
        router.get('/health', (ctx) => void (ctx.body = { ok: true }));
        router.get('/after', (ctx) => void (ctx.body = { after: true }));
        app.use(koaAdapter.zegoToken(options as never));
        app.use(router.routes());
      }),
  ],
];

describe('one adapter shape', () => {
  describe('the one line app.use(zegoToken({...}))', () => {
    for (const [name, make] of oneLineApps) {
      it(`${name}: serves GET /zego/token/:roomId and leaves /health and every other route alone`, async () => {
        const { listener, errors } = make(signedIn);
        const token = await request(listener).get('/zego/token/lobby').expect(200);
        expect((token.body as TokenResponseBody).roomId).to.equal('lobby');
        expect((await request(listener).get('/health').expect(200)).body).to.deep.equal({ ok: true });
        expect((await request(listener).get('/after').expect(200)).body).to.deep.equal({ after: true });
        await request(listener).get('/nowhere').expect(404);
        await request(listener).post('/zego/token/lobby').expect(404);
        await request(listener).get('/zego/token').expect(404);
        await request(listener).get('/zego/token/lobby/more').expect(404);
        expect(errors).to.deep.equal([]);
      });

      it(`${name}: serves options.path instead, with its room parameter`, async () => {
        const { listener, errors } = make({ ...signedIn, path: '/rooms/:room/token', roomParam: 'room' });
        expect((await request(listener).get('/rooms/stage/token').expect(200)).body).to.include({ roomId: 'stage' });
        await request(listener).get('/zego/token/lobby').expect(404);
        await request(listener).get('/health').expect(200);
        expect(errors).to.deep.equal([]);
      });

      it(`${name}: a roomParam without a path names the parameter of the default path`, async () => {
        const { listener } = make({ ...signedIn, roomParam: 'room' });
        expect((await request(listener).get('/zego/token/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
      });
    }

    it('Koa: the same zegoToken(...) mounted on a @koa/router route serves that route', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router({ prefix: '/v1' });
        router.get('/rooms/:roomId/token', koaAdapter.zegoToken(signedIn));
        router.get('/health', (ctx) => void (ctx.body = { ok: true }));
        app.use(router.routes());
      });
      expect((await request(listener).get('/v1/rooms/lobby/token').expect(200)).body).to.include({ roomId: 'lobby' });
      await request(listener).get('/v1/health').expect(200);
      await request(listener).get('/zego/token/lobby').expect(404);
      expect(errors).to.deep.equal([]);
    });

    it('Koa: a route of another router that passes the request on is not served a token by app.use(zegoToken(...))', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router();
        router.get('/rooms/:roomId', (_ctx, next) => next()); // e.g. a logger registered as a route
        app.use(router.routes());
        app.use(koaAdapter.zegoToken(signedIn));
      });
      await request(listener).get('/rooms/lobby').expect(404);
      await request(listener).get('/zego/token/lobby').expect(200);
      expect(errors).to.deep.equal([]);
    });

    it('Koa: router.use(zegoToken(...)) serves the token route in that router, under its prefix and use path, and leaves its routes alone', async () => {
      const mounts: Array<[string, (router: Router) => void, { prefix?: string }, string]> = [
        ['router.use', (router) => router.use(koaAdapter.zegoToken(signedIn)), {}, ''],
        ['a prefixed router', (router) => router.use(koaAdapter.zegoToken(signedIn)), { prefix: '/api' }, '/api'],
        ["router.use('/api', …)", (router) => router.use('/api', koaAdapter.zegoToken(signedIn)), {}, '/api'],
        ['both', (router) => router.use('/v1', koaAdapter.zegoToken(signedIn)), { prefix: '/api' }, '/api/v1'],
      ];
      for (const [what, mount, routerOptions, at] of mounts) {
        const { listener, errors } = koaApp((app) => {
          const router = new Router(routerOptions);
          mount(router);
          router.get('/health', (ctx) => void (ctx.body = { ok: true }));
          app.use(router.routes());
        });
        const prefix = routerOptions.prefix ?? '';
        expect((await request(listener).get(`${prefix}/health`)).body, what).to.deep.equal({ ok: true });
        const served = await request(listener).get(`${at}/zego/token/lobby`);
        expect(served.status, what).to.equal(200);
        expect((served.body as TokenResponseBody).roomId).to.equal('lobby');
        expect((await request(listener).get('/elsewhere/zego/token/lobby')).status, what).to.equal(404);
        expect(errors).to.deep.equal([]);
      }
    });

    it('Koa: router.use(zegoToken(...)) in a sensitive or strict router without the same options is a server error (OPTION_INVALID), never a looser match', async () => {
      for (const hostOptions of [{ sensitive: true }, { strict: true }]) {
        const { listener, errors } = koaApp((app) => {
          const router = new Router(hostOptions);
          router.use(koaAdapter.zegoToken(signedIn));
          app.use(router.routes());
        });
        await request(listener).get('/zego/token/lobby').expect(500);
        expect(errors[0]).to.have.property('code', ErrorCode.OPTION_INVALID);
        const matched = koaApp((app) => {
          const router = new Router({ sensitive: true, strict: true });
          router.use(koaAdapter.zegoToken({ ...signedIn, sensitive: true, strict: true }));
          app.use(router.routes());
        }).listener;
        await request(matched).get('/zego/token/lobby').expect(200);
        await request(matched).get('/ZEGO/token/lobby').expect(404);
        await request(matched).get('/zego/token/lobby/').expect(404);
      }
    });

    it('Koa: path, sensitive or strict given to a zegoToken(...) mounted on a route are refused (OPTION_INVALID): the route decides', async () => {
      for (const extra of [{ path: '/zego/token/:roomId' }, { sensitive: true }, { strict: false }]) {
        const { listener, errors } = koaApp((app) => {
          const router = new Router();
          router.get('/zego/token/:roomId', koaAdapter.zegoToken({ ...signedIn, ...extra }));
          app.use(router.routes());
        });
        await request(listener).get('/zego/token/lobby').expect(500);
        expect(errors).to.have.length(1);
        expect(errors[0]).to.have.property('code', ErrorCode.OPTION_INVALID);
      }
    });
  });

  describe('the same names in every adapter', () => {
    for (const [name, adapter] of [['Express', expressAdapter], ['Koa', koaAdapter]] as const) {
      it(`${name} exports zegoToken, zegoTokenRouter, zegoTokenHandler and the core's DEFAULT_TOKEN_PATH`, () => {
        expect(adapter.zegoToken).to.be.a('function');
        expect(adapter.zegoTokenRouter).to.be.a('function');
        expect(adapter.zegoTokenHandler).to.be.a('function');
        expect(adapter.DEFAULT_TOKEN_PATH).to.equal(core.DEFAULT_TOKEN_PATH).and.equal('/zego/token/:roomId');
      });
    }
  });

  describe('the same option rules in every factory', () => {
    const factories: Array<[string, (options: object) => unknown]> = [
      ['Express zegoToken', (o) => expressAdapter.zegoToken(o as never)],
      ['Express zegoTokenRouter', (o) => expressAdapter.zegoTokenRouter(o as never)],
      ['Express zegoTokenHandler', (o) => expressAdapter.zegoTokenHandler(o as never)],
      ['Koa zegoToken', (o) => koaAdapter.zegoToken(o as never)],
      ['Koa zegoTokenRouter', (o) => koaAdapter.zegoTokenRouter(o as never)],
      ['Koa zegoTokenHandler', (o) => koaAdapter.zegoTokenHandler(o as never)],
    ];
    const pathFactories = factories.filter(([name]) => !name.endsWith('Handler'));

    for (const [name, factory] of factories) {
      it(`${name}: a misspelt option is refused, naming the option meant`, () => {
        for (const [key, meant] of [['effectiveTime', 'effectiveTimeInSeconds'], ['roomparam', 'roomParam'], ['getUserID', 'getUserId']]) {
          const error = expectZegoError(() => factory({ ...signedIn, [key!]: 1 }), ErrorCode.OPTION_INVALID, [SECRET]);
          expect(error.message).to.include(`${key}: did you mean ${meant}?`);
        }
      });

      it(`${name}: options of a class instance are refused, as by every function that takes options (copy them into an object literal)`, () => {
        class Options {
          appId = APP_ID;
          secret = SECRET;
          getUserId(): string {
            return 'alice';
          }
          privilege(): false {
            return false;
          }
        }
        const error = expectZegoError(() => factory(new Options()), ErrorCode.OPTION_INVALID, [SECRET]);
        expect(error.message).to.include('must be a plain object');
      });

      it(`${name}: null for roomParam is refused, as for every option`, () => {
        expectZegoError(() => factory({ ...signedIn, roomParam: null }), ErrorCode.OPTION_INVALID);
      });
    }

    for (const [name, factory] of pathFactories) {
      const refused: Array<[string, object]> = [
        ['a path without a leading / (zego/:roomId)', { path: 'zego/:roomId' }],
        ['an empty path', { path: '' }],
        ['a path without the room parameter (/rooms/:room/token, no roomParam)', { path: '/rooms/:room/token' }],
        ['a null path', { path: null }],
        ['a RegExp path', { path: /^\/zego/ }],
      ];
      for (const [what, extra] of refused) {
        it(`${name}: ${what} fails at construction (OPTION_INVALID)`, () => {
          expectZegoError(() => factory({ ...signedIn, ...extra }), ErrorCode.OPTION_INVALID);
        });
      }
    }

    it('the handlers take no path, and Express takes no sensitive (Express names it caseSensitive): unknown options', () => {
      for (const factory of [expressAdapter.zegoTokenHandler, koaAdapter.zegoTokenHandler]) {
        expectZegoError(() => factory({ ...signedIn, path: '/t/:roomId' } as never), ErrorCode.OPTION_INVALID);
      }
      expect(expectZegoError(() => expressAdapter.zegoToken({ ...signedIn, sensitive: true } as never), ErrorCode.OPTION_INVALID).message).to.include(
        'did you mean caseSensitive?',
      );
    });

    it('Express: caseSensitive and strict must be booleans (OPTION_INVALID)', () => {
      for (const factory of [expressAdapter.zegoToken, expressAdapter.zegoTokenRouter]) {
        for (const extra of [{ caseSensitive: 'yes' }, { strict: 1 }, { caseSensitive: null }]) {
          expectZegoError(() => factory({ ...signedIn, ...extra } as never), ErrorCode.OPTION_INVALID);
        }
      }
    });

    it('Koa: sensitive and strict must be booleans (OPTION_INVALID)', () => {
      for (const factory of [koaAdapter.zegoToken, koaAdapter.zegoTokenRouter]) {
        for (const extra of [{ sensitive: 'yes' }, { strict: 1 }, { sensitive: null }]) {
          expectZegoError(() => factory({ ...signedIn, ...extra } as never), ErrorCode.OPTION_INVALID);
        }
      }
    });
  });

  describe('routing honours the host’s settings', () => {
    it('Express: with case sensitive and strict routing set on the app, /ZEGO/token/lobby and /zego/token/lobby/ are not the token route, and cannot slip past a limiter', async () => {
      let limited = 0;
      const { listener, errors } = expressApp((app) => {
        app.set('case sensitive routing', true);
        app.set('strict routing', true);
        app.get('/zego/token/:roomId', (_req, _res, next) => {
          limited += 1; // a rate limiter on the token route
          next();
        });
        app.use(expressAdapter.zegoToken(signedIn));
      });
      await request(listener).get('/ZEGO/token/lobby').expect(404);
      await request(listener).get('/zego/token/lobby/').expect(404);
      await request(listener).get('/zego/TOKEN/lobby').expect(404);
      await request(listener).get('/zego/token/lobby').expect(200);
      expect(limited).to.equal(1);
      expect(errors).to.deep.equal([]);
    });

    it('Express: each setting alone, and neither (Express’s defaults: case-insensitive, trailing slash allowed)', async () => {
      const cases: Array<[Record<string, boolean>, Record<string, number>]> = [
        [{}, { '/ZEGO/token/lobby': 200, '/zego/token/lobby/': 200 }],
        [{ 'case sensitive routing': true }, { '/ZEGO/token/lobby': 404, '/zego/token/lobby/': 200 }],
        [{ 'strict routing': true }, { '/ZEGO/token/lobby': 200, '/zego/token/lobby/': 404 }],
      ];
      for (const [settings, expected] of cases) {
        const { listener } = expressApp((app) => {
          for (const [setting, value] of Object.entries(settings)) app.set(setting, value);
          app.use(expressAdapter.zegoToken(signedIn));
        });
        for (const [url, status] of Object.entries(expected)) {
          expect((await request(listener).get(url)).status, `${JSON.stringify(settings)} ${url}`).to.equal(status);
        }
      }
    });

    it('Express: the settings of the (sub-)app that mounts the router decide', async () => {
      const { listener } = expressApp((app) => {
        const api = express();
        api.set('case sensitive routing', true);
        api.use(expressAdapter.zegoTokenRouter(signedIn));
        app.use('/api', api);
        app.use('/loose', expressAdapter.zegoTokenRouter(signedIn));
      });
      await request(listener).get('/api/ZEGO/token/lobby').expect(404);
      await request(listener).get('/api/zego/token/lobby').expect(200);
      await request(listener).get('/loose/ZEGO/token/lobby').expect(200);
    });

    /** A rate limiter (or any per-route guard) that marks the responses it saw. */
    const limiter: RequestHandler = (_req, res, next) => {
      res.set('x-limited', 'yes');
      next();
    };
    const pastTheLimiter = (response: request.Response): boolean => response.status === 200 && response.headers['x-limited'] !== 'yes';

    it('Express: in a case-sensitive, strict express.Router (whose options it cannot see) it serves only the exact path, never past the router’s limiter', async () => {
      const { listener, errors } = expressApp((app) => {
        const host = express.Router({ caseSensitive: true, strict: true });
        host.get('/zego/token/:roomId', limiter);
        host.use(expressAdapter.zegoToken(signedIn));
        app.use(host);
      });
      for (const url of ['/ZEGO/token/lobby', '/zego/token/lobby/']) {
        expect(pastTheLimiter(await request(listener).get(url)), `${url} got a token past the limiter`).to.equal(false);
      }
      const exact = await request(listener).get('/zego/token/lobby').expect(200);
      expect(exact.headers['x-limited']).to.equal('yes');
      expect(errors).to.deep.equal([]);
    });

    it('Express: in an express.Router it matches exactly by default, and as caseSensitive and strict say when given', async () => {
      const served = async (options: object): Promise<Record<string, number>> => {
        const { listener } = expressApp((app) => {
          const host = express.Router();
          host.use(expressAdapter.zegoToken({ ...signedIn, ...options }));
          app.use('/api', host);
        });
        const statuses: Record<string, number> = {};
        for (const url of ['/api/zego/token/lobby', '/api/ZEGO/token/lobby', '/api/zego/token/lobby/']) {
          statuses[url] = (await request(listener).get(url)).status;
        }
        return statuses;
      };
      expect(await served({})).to.deep.equal({ '/api/zego/token/lobby': 200, '/api/ZEGO/token/lobby': 404, '/api/zego/token/lobby/': 404 });
      expect(await served({ caseSensitive: false, strict: false })).to.deep.equal({
        '/api/zego/token/lobby': 200,
        '/api/ZEGO/token/lobby': 200,
        '/api/zego/token/lobby/': 200,
      });
      expect(await served({ caseSensitive: false })).to.deep.equal({
        '/api/zego/token/lobby': 200,
        '/api/ZEGO/token/lobby': 200,
        '/api/zego/token/lobby/': 404,
      });
    });

    it('Express: on the app it matches as the app’s router was made, not as a setting changed afterwards (as Express’s own routes)', async () => {
      const { listener } = expressApp((app) => {
        app.set('case sensitive routing', true);
        app.get('/zego/token/:roomId', limiter); // the app's router is made now, case-sensitive, and stays so
        app.use(expressAdapter.zegoToken(signedIn));
        app.set('case sensitive routing', false);
      });
      expect(pastTheLimiter(await request(listener).get('/ZEGO/token/lobby')), 'a token past the limiter').to.equal(false);
      expect((await request(listener).get('/zego/token/lobby').expect(200)).headers['x-limited']).to.equal('yes');
    });

    it('Express: in an express.Router served without an Express app (no req.app), the router’s other routes are left alone', async () => {
      const router = express.Router();
      router.use(expressAdapter.zegoToken(signedIn));
      router.get('/health', (_req, res) => {
        res.end('ok'); // no Express app: res is Node's own
      });
      const server = createServer((req, res) => {
        router(req as express.Request, res as express.Response, (error?: unknown) => {
          res.statusCode = error === undefined ? 404 : 500;
          res.end();
        });
      });
      const health = await request(server).get('/health');
      expect(health.status).to.equal(200);
      expect(health.text).to.equal('ok');
    });

    it('Express: an OPTIONS request (a CORS preflight) to the token path is left to the app’s own handler', async () => {
      const { listener } = expressApp((app) => {
        app.use(expressAdapter.zegoToken(signedIn));
        app.options('/zego/token/:roomId', (_req, res) => {
          res.set('access-control-allow-headers', 'authorization').sendStatus(204);
        });
      });
      const response = await request(listener).options('/zego/token/lobby');
      expect(response.status, `answered by the token router: Allow ${String(response.headers.allow)}`).to.equal(204);
      expect(response.headers['access-control-allow-headers']).to.equal('authorization');
    });

    it('Koa: sensitive and strict make zegoTokenRouter and app.use(zegoToken(...)) match as @koa/router does', async () => {
      for (const mount of [
        (app: Koa, options: object) => app.use(koaAdapter.zegoTokenRouter(options as never).routes()),
        (app: Koa, options: object) => app.use(koaAdapter.zegoToken(options as never)),
      ]) {
        const strict = koaApp((app) => mount(app, { ...signedIn, sensitive: true, strict: true })).listener;
        await request(strict).get('/ZEGO/token/lobby').expect(404);
        await request(strict).get('/zego/token/lobby/').expect(404);
        await request(strict).get('/zego/token/lobby').expect(200);
        const loose = koaApp((app) => mount(app, signedIn)).listener;
        await request(loose).get('/ZEGO/token/lobby').expect(200);
        await request(loose).get('/zego/token/lobby/').expect(200);
      }
    });
  });

  describe('a missing room at request time is 400 invalid_room_id, after 401', () => {
    /** [what, app for options, URL without a room]: each declares the room parameter optional. */
    const optionalRooms: Array<[string, (options: object) => TokenApp]> = [
      ['Express zegoToken({ path })', (o) => expressApp((app) => app.use(expressAdapter.zegoToken({ ...o, path: expressOptional('/t', 'roomId') } as never)))],
      ['Express zegoTokenHandler on an app route', (o) => expressApp((app) => app.get(expressOptional('/t', 'roomId'), expressAdapter.zegoTokenHandler(o as never)))],
      ['Koa zegoTokenRouter({ path })', (o) => koaApp((app) => app.use(koaAdapter.zegoTokenRouter({ ...o, path: koaOptional('/t', 'roomId') } as never).routes()))],
      ['Koa app.use(zegoToken({ path }))', (o) => koaApp((app) => app.use(koaAdapter.zegoToken({ ...o, path: koaOptional('/t', 'roomId') } as never)))],
      ['Koa zegoTokenHandler on a router route', (o) => koaApp((app) => app.use(new Router().get(koaOptional('/t', 'roomId'), koaAdapter.zegoTokenHandler(o as never)).routes()))],
      ['Koa zegoToken on a router route', (o) => koaApp((app) => app.use(new Router().get(koaOptional('/t', 'roomId'), koaAdapter.zegoToken(o as never)).routes()))],
    ];
    for (const [name, make] of optionalRooms) {
      it(`${name}: /t without a room → 400 signed in, 401 signed out, and the room still served`, async () => {
        const signedInApp = make(signedIn);
        const missing = await request(signedInApp.listener).get('/t').expect(400);
        expect(missing.body).to.have.nested.property('error.code', 'invalid_room_id');
        expect((await request(signedInApp.listener).get('/t/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
        const signedOut = make({ ...base, getUserId: () => null });
        expect((await request(signedOut.listener).get('/t').expect(401)).body).to.have.nested.property('error.code', 'unauthenticated');
        expect(signedInApp.errors).to.deep.equal([]);
        expect(signedOut.errors).to.deep.equal([]);
      });
    }
  });
});
