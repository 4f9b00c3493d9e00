/**
 * What is specific to `@zego-token/express`, beyond the contract table and the exact-routing table: the one line
 * `app.use(zegoToken({...}))` beside an app's own routes, exact matching whatever the app's routing settings, the
 * mounts users make (mount paths, sub-apps, `express.Router`, a router without an app), `zegoTokenHandler` on a
 * route of the user's, requests Express leaves to the app (OPTIONS), and express-session as real authentication.
 */
import { decodeToken, type TokenResponseBody } from '@zego-token/core';
import { zegoToken, zegoTokenHandler, zegoTokenRouter } from '@zego-token/express';
import { expect } from 'chai';
import express, { type ErrorRequestHandler } from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { get, listen, rawRequest } from '../support/raw-http.js';
import { expressApp, expressOptional } from '../support/token-apps.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

const base = { appId: APP_ID, secret: SECRET };
const signedIn = { ...base, getUserId: () => 'alice' };

/** The status of each URL, asked one after another. */
async function statuses(listener: Parameters<typeof request>[0], urls: readonly string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const url of urls) result[url] = (await request(listener).get(url)).status;
  return result;
}

describe('@zego-token/express', () => {
  describe('the one line app.use(zegoToken({...}))', () => {
    it('serves GET /zego/token/:roomId and leaves /health and every other route alone', async () => {
      const { listener, errors } = expressApp((app) => {
        app.get('/health', (_req, res) => void res.json({ ok: true }));
        app.use(zegoToken(signedIn));
        app.get('/after', (_req, res) => void res.json({ after: true }));
      });
      expect((await request(listener).get('/zego/token/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
      expect((await request(listener).get('/health').expect(200)).body).to.deep.equal({ ok: true });
      expect((await request(listener).get('/after').expect(200)).body).to.deep.equal({ after: true });
      for (const url of ['/nowhere', '/zego/token', '/zego/token/lobby/more']) await request(listener).get(url).expect(404);
      await request(listener).post('/zego/token/lobby').expect(404);
      expect(errors).to.deep.equal([]);
    });

    it('serves options.path instead, with its room parameter; a roomParam alone renames the default path’s', async () => {
      const custom = expressApp((app) => app.use(zegoToken({ ...signedIn, path: '/rooms/:room/token', roomParam: 'room' }))).listener;
      expect((await request(custom).get('/rooms/stage/token').expect(200)).body).to.include({ roomId: 'stage' });
      await request(custom).get('/zego/token/lobby').expect(404);
      const renamed = expressApp((app) => app.use(zegoToken({ ...signedIn, roomParam: 'room' }))).listener;
      expect((await request(renamed).get('/zego/token/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
    });

    it('answers HEAD like GET, without a body', async () => {
      const response = await request(express().use(zegoToken(signedIn))).head('/zego/token/lobby').expect(200);
      expect(response.headers['cache-control']).to.equal('no-store');
      expect(response.text ?? '').to.equal('');
    });

    it('leaves an OPTIONS request (a CORS preflight) to the token path to the app’s own handler', async () => {
      const { listener } = expressApp((app) => {
        app.use(zegoToken(signedIn));
        app.options('/zego/token/:roomId', (_req, res) => {
          res.set('access-control-allow-headers', 'authorization').sendStatus(204);
        });
      });
      const response = await request(listener).options('/zego/token/lobby');
      expect(response.status, `answered by the token route: Allow ${String(response.headers.allow)}`).to.equal(204);
      expect(response.headers['access-control-allow-headers']).to.equal('authorization');
    });

    it('zegoTokenRouter is the same factory', () => {
      expect(zegoTokenRouter).to.equal(zegoToken);
    });
  });

  describe('matches its path exactly, whatever the app’s routing settings', () => {
    const urls = ['/zego/token/lobby', '/ZEGO/token/lobby', '/zego/token/lobby/', '/zego/%74oken/lobby', '/zego//token/lobby'];
    const exactOnly = { '/zego/token/lobby': 200, '/ZEGO/token/lobby': 404, '/zego/token/lobby/': 404, '/zego/%74oken/lobby': 404, '/zego//token/lobby': 404 };

    it('with Express’s defaults (case-insensitive, trailing slash allowed) and with both settings on', async () => {
      for (const settings of [{}, { 'case sensitive routing': true, 'strict routing': true }, { 'case sensitive routing': true }, { 'strict routing': true }]) {
        const { listener } = expressApp((app) => {
          for (const [setting, value] of Object.entries(settings)) app.set(setting, value);
          app.use(zegoToken(signedIn));
        });
        expect(await statuses(listener, urls), JSON.stringify(settings)).to.deep.equal(exactOnly);
      }
    });

    it('below a mount path, in a sub-app and in an express.Router of any settings (Express matches the mount path)', async () => {
      const mounts: Array<(app: express.Express) => void> = [
        (app) => app.use('/api', zegoToken(signedIn)),
        (app) => {
          const api = express();
          api.use(zegoToken(signedIn));
          app.use('/api', api);
        },
        (app) => app.use('/api', express.Router().use(zegoToken(signedIn))),
        (app) => app.use('/api', express.Router({ caseSensitive: true, strict: true }).use(zegoToken(signedIn))),
      ];
      for (const mount of mounts) {
        const { listener } = expressApp(mount);
        expect(await statuses(listener, urls.map((url) => `/api${url}`))).to.deep.equal(
          Object.fromEntries(Object.entries(exactOnly).map(([url, status]) => [`/api${url}`, status])),
        );
        await request(listener).get('/zego/token/lobby').expect(404);
      }
    });

    it('in an express.Router served without an Express app (no req.path): its path served, the router’s other routes left alone', async () => {
      const router = express.Router();
      router.use(zegoToken(signedIn));
      router.get('/health', (_req, res) => {
        res.end('ok'); // no Express app: res is Node's own
      });
      const server = createServer((req, res) => {
        // Without Express's response methods, the token route's answer reaches the final handler as an error.
        router(req as express.Request, res as express.Response, (error?: unknown) => {
          res.statusCode = error === undefined ? 404 : 500;
          res.end();
        });
      });
      const health = await request(server).get('/health');
      expect([health.status, health.text]).to.deep.equal([200, 'ok']);
      expect((await request(server).get('/zego/token/lobby/')).status).to.equal(404);
    });
  });

  describe('zegoTokenHandler on a route of the app’s: the route decides where, the room comes from req.params', () => {
    it('serves a route of any path, matched as the app matches it', async () => {
      const { listener } = expressApp((app) => app.get('/v1/rooms/:roomId/token', zegoTokenHandler(signedIn)));
      expect((await request(listener).get('/V1/rooms/lobby/token/').expect(200)).body).to.include({ roomId: 'lobby' });
    });

    it('a route whose optional room parameter is left out, or that declares none, answers like a bad room: 401, then 400', async () => {
      for (const path of [expressOptional('/t', 'roomId'), '/t']) {
        const signedInApp = expressApp((app) => app.get(path, zegoTokenHandler(signedIn)));
        const missing = await request(signedInApp.listener).get('/t').expect(400);
        expect(missing.body).to.have.nested.property('error.code', 'invalid_room_id');
        const signedOut = expressApp((app) => app.get(path, zegoTokenHandler({ ...base, getUserId: () => null })));
        await request(signedOut.listener).get('/t').expect(401);
        expect([...signedInApp.errors, ...signedOut.errors]).to.deep.equal([]);
      }
      const optional = expressApp((app) => app.get(expressOptional('/t', 'roomId'), zegoTokenHandler(signedIn))).listener;
      expect((await request(optional).get('/t/lobby').expect(200)).body).to.include({ roomId: 'lobby' });
    });
  });

  describe('timing', () => {
    it('an async answer that comes after another middleware responded is dropped, not a crash', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const app = express();
        app.use((_req, res, next) => {
          setTimeout(() => res.status(503).json({ error: 'timeout' }), 5); // a request timeout, say
          next();
        });
        app.use(zegoToken({ ...base, getUserId: () => new Promise((resolve) => setTimeout(() => resolve('alice'), 40)) }));
        await request(app).get('/zego/token/lobby').expect(503);
        await new Promise((resolve) => setTimeout(resolve, 80));
        expect(unhandled).to.deep.equal([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

    it('getUserId resolving after the client hung up is dropped quietly, and the server serves on', async () => {
      const errors: unknown[] = [];
      const slowUser = (): Promise<string> => new Promise((resolve) => setTimeout(() => resolve('alice'), 100));
      const app = express().use(zegoToken({ ...base, getUserId: slowUser }));
      app.use(((error, _req, res, _next) => {
        errors.push(error);
        res.status(500).end();
      }) as ErrorRequestHandler);
      const { port, close } = await listen(app);
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
  });

  describe('behind express-session', () => {
    it('serves a token for the user signed in on this session only', async () => {
      const app = express();
      app.use(express.json());
      app.use(session({ secret: 'session-signing-secret', resave: false, saveUninitialized: false }));
      app.post('/login', (req, res) => {
        req.session.userId = String((req.body as { userId: string }).userId);
        res.sendStatus(204);
      });
      app.post('/logout', (req, res, next) => req.session.destroy((error) => (error ? next(error) : res.sendStatus(204))));
      app.use(zegoToken({ ...base, getUserId: (req) => req.session.userId }));
      const tokenFor = async (agent: ReturnType<typeof request.agent>, room: string): Promise<[string, string | false | undefined]> => {
        const decoded = decodeToken(((await agent.get(`/zego/token/${room}`).expect(200)).body as TokenResponseBody).token, SECRET);
        return [decoded.userId, decoded.version === '04' && decoded.room?.roomId];
      };

      const alice = request.agent(app);
      const bob = request.agent(app);
      await alice.get('/zego/token/lobby').expect(401);
      await alice.post('/login').send({ userId: 'alice' }).expect(204);
      await bob.post('/login').send({ userId: 'bob' }).expect(204);
      expect(await tokenFor(alice, 'lobby')).to.deep.equal(['alice', 'lobby']);
      expect(await tokenFor(bob, 'stage')).to.deep.equal(['bob', 'stage']);
      await alice.post('/logout').expect(204);
      await alice.get('/zego/token/lobby').expect(401);
      expect(await tokenFor(bob, 'lobby')).to.deep.equal(['bob', 'lobby']);
    });
  });
});
