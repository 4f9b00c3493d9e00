/**
 * What is specific to `@zego-token/koa`, beyond the contract table and the exact-routing table: the one line
 * `app.use(zegoToken({...}))` beside an app's own routers, `zegoToken` nested in a `@koa/router` router (prefix,
 * `use` path, any router settings) and on a route, `zegoTokenHandler` on a route of the user's, and a JWT verified
 * with jose as real authentication.
 */
import Router from '@koa/router';
import { decodeToken, type TokenResponseBody } from '@zego-token/core';
import { zegoToken, zegoTokenHandler, zegoTokenRouter } from '@zego-token/koa';
import { expect } from 'chai';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import Koa from 'koa';
import { connect } from 'node:net';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { get, listen, rawRequest } from '../support/raw-http.js';
import { koaApp, koaOptional } from '../support/token-apps.js';

const base = { appId: APP_ID, secret: SECRET };
const signedIn = { ...base, getUserId: () => 'alice' };

async function statuses(listener: Parameters<typeof request>[0], urls: readonly string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const url of urls) result[url] = (await request(listener).get(url)).status;
  return result;
}

describe('@zego-token/koa', () => {
  describe('the one line app.use(zegoToken({...}))', () => {
    it('serves GET /zego/token/:roomId and leaves the app’s routers and every other request alone', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router();
        router.get('/health', (ctx) => void (ctx.body = { ok: true }));
        app.use(zegoToken(signedIn));
        app.use(router.routes());
      });
      expect((await request(listener).get('/zego/token/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
      expect((await request(listener).get('/health').expect(200)).body).to.deep.equal({ ok: true });
      for (const url of ['/nowhere', '/zego/token', '/zego/token/lobby/more']) await request(listener).get(url).expect(404);
      await request(listener).post('/zego/token/lobby').expect(404);
      expect(errors).to.deep.equal([]);
    });

    it('serves options.path instead, with its room parameter; a roomParam alone renames the default path’s', async () => {
      const custom = koaApp((app) => app.use(zegoToken({ ...signedIn, path: '/rooms/:room/token', roomParam: 'room' }))).listener;
      expect((await request(custom).get('/rooms/stage/token').expect(200)).body).to.include({ roomId: 'stage' });
      await request(custom).get('/zego/token/lobby').expect(404);
      const renamed = koaApp((app) => app.use(zegoToken({ ...signedIn, roomParam: 'room' }))).listener;
      expect((await request(renamed).get('/zego/token/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
    });

    it('does not serve a token on a route of another router that passes the request on', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router();
        router.get('/rooms/:roomId', (_ctx, next) => next()); // e.g. a logger registered as a route
        app.use(router.routes());
        app.use(zegoToken(signedIn));
      });
      await request(listener).get('/rooms/lobby').expect(404);
      await request(listener).get('/zego/token/lobby').expect(200);
      expect(errors).to.deep.equal([]);
    });

    it('answers HEAD like GET, without a body, as zegoTokenRouter does', async () => {
      for (const app of [new Koa().use(zegoToken(signedIn)), new Koa().use(zegoTokenRouter(signedIn).routes())]) {
        const response = await request(app.callback()).head('/zego/token/lobby').expect(200);
        expect(response.headers['cache-control']).to.equal('no-store');
        expect(response.text ?? '').to.equal('');
      }
    });
  });

  describe('in a @koa/router router: router.use(zegoToken(...)), or zegoTokenRouter().routes() nested', () => {
    it('serves the token route under the router’s prefix and use path, and leaves the router’s routes alone', async () => {
      const mounts: Array<[string, (router: Router) => void, { prefix?: string }, string]> = [
        ['router.use', (router) => router.use(zegoToken(signedIn)), {}, ''],
        ['a prefixed router', (router) => router.use(zegoToken(signedIn)), { prefix: '/api' }, '/api'],
        ["router.use('/api', …)", (router) => router.use('/api', zegoToken(signedIn)), {}, '/api'],
        ['both', (router) => router.use('/v1', zegoToken(signedIn)), { prefix: '/api' }, '/api/v1'],
        ['zegoTokenRouter().routes() in a prefixed router', (router) => router.use(zegoTokenRouter(signedIn).routes()), { prefix: '/api' }, '/api'],
      ];
      for (const [what, mount, routerOptions, at] of mounts) {
        const { listener, errors } = koaApp((app) => {
          const router = new Router(routerOptions);
          mount(router);
          router.get('/health', (ctx) => void (ctx.body = { ok: true }));
          app.use(router.routes());
        });
        expect((await request(listener).get(`${routerOptions.prefix ?? ''}/health`)).body, what).to.deep.equal({ ok: true });
        const served = await request(listener).get(`${at}/zego/token/lobby`);
        expect(served.status, what).to.equal(200);
        expect((served.body as TokenResponseBody).roomId).to.equal('lobby');
        expect((await request(listener).get('/elsewhere/zego/token/lobby')).status, what).to.equal(404);
        expect(errors).to.deep.equal([]);
      }
    });

    it('matches exactly, prefix included, in a router of any settings', async () => {
      for (const routerOptions of [{}, { sensitive: true }, { strict: true }, { sensitive: true, strict: true }]) {
        const { listener, errors } = koaApp((app) => {
          const router = new Router({ prefix: '/api', ...routerOptions });
          router.use(zegoToken(signedIn));
          app.use(router.routes());
        });
        expect(await statuses(listener, ['/api/zego/token/lobby', '/API/zego/token/lobby', '/api/ZEGO/token/lobby', '/api/zego/token/lobby/', '/api/zego/%74oken/lobby']), JSON.stringify(routerOptions)).to.deep.equal({
          '/api/zego/token/lobby': 200,
          '/API/zego/token/lobby': 404,
          '/api/ZEGO/token/lobby': 404,
          '/api/zego/token/lobby/': 404,
          '/api/zego/%74oken/lobby': 404,
        });
        expect(errors).to.deep.equal([]);
      }
    });
  });

  describe('on a @koa/router route', () => {
    it('zegoToken serves the route’s requests whose path is its own path, exactly', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router(); // case-insensitive, trailing slash allowed: the route matches more than the token path
        router.get('/zego/token/:roomId', zegoToken(signedIn));
        app.use(router.routes());
      });
      expect(await statuses(listener, ['/zego/token/lobby', '/ZEGO/token/lobby', '/zego/token/lobby/'])).to.deep.equal({
        '/zego/token/lobby': 200,
        '/ZEGO/token/lobby': 404,
        '/zego/token/lobby/': 404,
      });
      expect(errors).to.deep.equal([]);
    });

    it('zegoToken on a route of another path serves nothing (no token, 404): that is what zegoTokenHandler is for', async () => {
      const { listener, errors } = koaApp((app) => {
        const router = new Router({ prefix: '/v1' });
        router.get('/rooms/:roomId/token', zegoToken(signedIn));
        router.get('/rooms/:roomId/handler', zegoTokenHandler(signedIn));
        app.use(router.routes());
      });
      await request(listener).get('/v1/rooms/lobby/token').expect(404);
      expect((await request(listener).get('/v1/rooms/lobby/handler').expect(200)).body).to.include({ roomId: 'lobby', userId: 'alice' });
      expect(errors).to.deep.equal([]);
    });

    it('zegoTokenHandler serves what the route matched, the room from its ctx.params (any roomParam, under a prefix)', async () => {
      const api = new Router({ prefix: '/v1' });
      api.get('/rooms/:id/token', zegoTokenHandler({ ...signedIn, roomParam: 'id' }));
      const response = await request(new Koa().use(api.routes()).callback()).get('/V1/rooms/r1/token/').expect(200);
      expect(response.body).to.include({ roomId: 'r1', userId: 'alice' });
    });

    it('zegoTokenHandler without a room (an optional parameter left out, or no @koa/router route) answers like a bad room: 401, then 400', async () => {
      const mounts: Array<(app: Koa, options: object) => void> = [
        (app, options) => app.use(new Router().get(koaOptional('/t', 'roomId'), zegoTokenHandler(options as never)).routes()),
        (app, options) => app.use(zegoTokenHandler(options as never)),
      ];
      for (const mount of mounts) {
        const signedInApp = koaApp((app) => mount(app, signedIn));
        expect((await request(signedInApp.listener).get('/t').expect(400)).body).to.have.nested.property('error.code', 'invalid_room_id');
        const signedOut = koaApp((app) => mount(app, { ...base, getUserId: () => null }));
        await request(signedOut.listener).get('/t').expect(401);
        expect([...signedInApp.errors, ...signedOut.errors]).to.deep.equal([]);
      }
    });
  });

  it('getUserId resolving after the client hung up is dropped quietly, and the server serves on', async () => {
    const errors: unknown[] = [];
    const slowUser = (): Promise<string> => new Promise((resolve) => setTimeout(() => resolve('alice'), 100));
    const app = new Koa().use(zegoToken({ ...base, getUserId: slowUser }));
    app.on('error', (error: unknown) => errors.push(error));
    const { port, close } = await listen(app.callback());
    try {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(get('/zego/token/lobby'));
      await new Promise((resolve) => setTimeout(resolve, 30));
      socket.destroy(); // the client gives up before getUserId settles
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await rawRequest(port, get('/zego/token/lobby'))).status).to.equal(200);
    } finally {
      await close();
    }
    expect(errors).to.deep.equal([]);
  });

  describe('behind a JWT middleware (jose) setting ctx.state.user', () => {
    const jwtKey = new TextEncoder().encode('jwt-signing-key-of-at-least-32-bytes!');
    const otherKey = new TextEncoder().encode('somebody-elses-key-of-32-bytes-or-more');
    const sign = (sub: string, key = jwtKey, expiresIn = '5m'): Promise<string> =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(key);

    it('serves a token for the JWT subject, and 401 without a valid JWT', async () => {
      const app = new Koa();
      // The app's auth: a valid bearer token sets ctx.state.user; anything else leaves the request anonymous.
      app.use(async (ctx, next) => {
        const match = /^Bearer (.+)$/.exec(ctx.get('authorization'));
        if (match?.[1]) {
          try {
            ctx.state['user'] = (await jwtVerify(match[1], jwtKey, { algorithms: ['HS256'] })).payload;
          } catch {
            // anonymous
          }
        }
        await next();
      });
      const router = new Router();
      router.get('/zego/token/:roomId', zegoToken({ ...base, getUserId: (ctx) => (ctx.state['user'] as JWTPayload | undefined)?.sub }));
      app.use(router.routes());
      const server = app.callback();
      const tokenFor = async (jwt: string, room: string): Promise<[string, string | false | undefined]> => {
        const response = await request(server).get(`/zego/token/${room}`).set('authorization', `Bearer ${jwt}`).expect(200);
        const decoded = decodeToken((response.body as TokenResponseBody).token, SECRET);
        return [decoded.userId, decoded.version === '04' && decoded.room?.roomId];
      };

      expect(await tokenFor(await sign('carol'), 'lobby')).to.deep.equal(['carol', 'lobby']);
      expect(await tokenFor(await sign('user:1001'), 'r9')).to.deep.equal(['user:1001', 'r9']);
      await request(server).get('/zego/token/lobby').expect(401);
      await request(server).get('/zego/token/lobby').set('authorization', `Bearer ${await sign('carol', otherKey)}`).expect(401);
      await request(server).get('/zego/token/lobby').set('authorization', `Bearer ${await sign('carol', jwtKey, '-1m')}`).expect(401);
    });
  });
});
