/**
 * The adapters behind real authentication layers, not mocks: express-session for Express, a jose-verified JWT in
 * ctx.state.user for Koa. Each served token must belong to the user the auth layer knows.
 */
import Router from '@koa/router';
import { decodeToken, type TokenResponseBody } from '@zego-token/core';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import { expect } from 'chai';
import express from 'express';
import session from 'express-session';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import Koa from 'koa';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

function expectTokenFor(body: unknown, userId: string, roomId: string): void {
  const { token } = body as TokenResponseBody;
  const decoded = decodeToken(token, SECRET);
  expect(decoded.userId).to.equal(userId);
  expect(decoded.version === '04' && decoded.room?.roomId).to.equal(roomId);
}

describe('Express behind express-session', () => {
  function sessionApp(): express.Express {
    const app = express();
    app.use(express.json());
    app.use(session({ secret: 'session-signing-secret', resave: false, saveUninitialized: false }));
    app.post('/login', (req, res) => {
      req.session.userId = String((req.body as { userId: string }).userId);
      res.sendStatus(204);
    });
    app.post('/logout', (req, res, next) => req.session.destroy((error) => (error ? next(error) : res.sendStatus(204))));
    app.use(expressZegoToken({ appId: APP_ID, secret: SECRET, getUserId: (req) => req.session.userId }));
    return app;
  }

  it('serves a token for the user signed in on this session only', async () => {
    const app = sessionApp();
    const alice = request.agent(app);
    const bob = request.agent(app);
    await alice.get('/zego/token/lobby').expect(401);

    await alice.post('/login').send({ userId: 'alice' }).expect(204);
    await bob.post('/login').send({ userId: 'bob' }).expect(204);
    expectTokenFor((await alice.get('/zego/token/lobby').expect(200)).body, 'alice', 'lobby');
    expectTokenFor((await bob.get('/zego/token/stage').expect(200)).body, 'bob', 'stage');

    await alice.post('/logout').expect(204);
    await alice.get('/zego/token/lobby').expect(401);
    expectTokenFor((await bob.get('/zego/token/lobby').expect(200)).body, 'bob', 'lobby');
  });
});

describe('Koa behind a JWT middleware (jose) setting ctx.state.user', () => {
  const jwtKey = new TextEncoder().encode('jwt-signing-key-of-at-least-32-bytes!');
  const otherKey = new TextEncoder().encode('somebody-elses-key-of-32-bytes-or-more');

  const sign = (sub: string, key = jwtKey, expiresIn = '5m'): Promise<string> =>
    new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(key);

  function jwtApp(): Koa {
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
    router.get('/zego/token/:roomId', koaZegoToken({
      appId: APP_ID,
      secret: SECRET,
      getUserId: (ctx) => (ctx.state['user'] as JWTPayload | undefined)?.sub,
    }));
    app.use(router.routes());
    return app;
  }

  it('serves a token for the JWT subject, and 401 without a valid JWT', async () => {
    const server = jwtApp().callback();
    const carol = await sign('carol');
    expectTokenFor((await request(server).get('/zego/token/lobby').set('authorization', `Bearer ${carol}`).expect(200)).body, 'carol', 'lobby');
    const dave = await sign('user:1001');
    expectTokenFor((await request(server).get('/zego/token/r9').set('authorization', `Bearer ${dave}`).expect(200)).body, 'user:1001', 'r9');

    await request(server).get('/zego/token/lobby').expect(401);
    await request(server).get('/zego/token/lobby').set('authorization', `Bearer ${await sign('carol', otherKey)}`).expect(401);
    await request(server).get('/zego/token/lobby').set('authorization', `Bearer ${await sign('carol', jwtKey, '-1m')}`).expect(401);
  });
});
