/**
 * What Fastify users expect of a plugin, beyond the contract table: real auth (@fastify/jwt, @fastify/cookie),
 * Fastify's error handler, exact matching whatever its router options, encapsulation, register's own options, HEAD,
 * and `request.user` typed by the app's declarations (this file type-checks with no cast on `request.user`).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { decodeToken, ErrorCode, type TokenResponseBody } from '@zego-token/core';
import { zegoToken } from '@zego-token/fastify';
import { expect } from 'chai';
import Fastify, { type FastifyInstance } from 'fastify';
import { APP_ID, SECRET } from '../support/fixtures.js';

// The app's own declaration, as @fastify/jwt documents it: `request.user` is typed from here, in user code and in
// getUserId alike.
declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string };
  }
}

const credentials = { appId: APP_ID, secret: SECRET };

async function jwtApp(): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyJwt, { secret: 'jwt-secret-for-tests-only' });
  // Anonymous unless a valid bearer token comes with the request: the token route answers 401 then.
  app.addHook('onRequest', async (request) => {
    await request.jwtVerify().catch(() => undefined);
  });
  await app.register(zegoToken, { ...credentials, getUserId: (request) => request.user?.sub });
  return app;
}

describe('@zego-token/fastify', () => {
  describe('with @fastify/jwt', () => {
    it('serves the user of a valid bearer token, and 401 without one or with a forged one', async () => {
      const app = await jwtApp();
      const good = app.jwt.sign({ sub: 'alice' });
      const forged = Fastify().register(fastifyJwt, { secret: 'another-secret' });
      await forged.ready();

      const ok = await app.inject({ url: '/zego/token/lobby', headers: { authorization: `Bearer ${good}` } });
      expect(ok.statusCode).to.equal(200);
      const body = ok.json<TokenResponseBody>();
      expect(decodeToken(body.token, SECRET).userId).to.equal('alice');
      expect(ok.headers['cache-control']).to.equal('no-store');

      const anonymous = await app.inject({ url: '/zego/token/lobby' });
      expect(anonymous.statusCode).to.equal(401);
      expect(anonymous.json()).to.have.nested.property('error.code', 'unauthenticated');
      const bad = await app.inject({ url: '/zego/token/lobby', headers: { authorization: `Bearer ${forged.jwt.sign({ sub: 'mallory' })}` } });
      expect(bad.statusCode).to.equal(401);
    });

    it("lets another plugin's 401 through unchanged: client errors have no response schema that would reshape it", async () => {
      const app = Fastify();
      await app.register(fastifyJwt, { secret: 'jwt-secret-for-tests-only' });
      app.addHook('onRequest', (request) => request.jwtVerify()); // required auth: @fastify/jwt answers 401 itself
      await app.register(zegoToken, { ...credentials, getUserId: (request) => request.user.sub });
      const response = await app.inject({ url: '/zego/token/lobby' });
      expect(response.statusCode).to.equal(401);
      expect(response.json()).to.include({ code: 'FST_JWT_NO_AUTHORIZATION_IN_HEADER' });
    });
  });

  it('with @fastify/cookie: serves the user of a signed session cookie, 401 for a tampered one', async () => {
    const app = Fastify();
    await app.register(fastifyCookie, { secret: 'cookie-secret-for-tests-only' });
    const userOf = (cookie: string | undefined): string | null => {
      const unsigned = cookie === undefined ? undefined : app.unsignCookie(cookie);
      return unsigned?.valid ? unsigned.value : null;
    };
    await app.register(zegoToken, { ...credentials, getUserId: (request) => userOf(request.cookies['session']) });
    const signed = app.signCookie('bob');
    const ok = await app.inject({ url: '/zego/token/lobby', cookies: { session: signed } });
    expect(ok.statusCode).to.equal(200);
    expect(decodeToken(ok.json<TokenResponseBody>().token, SECRET).userId).to.equal('bob');
    const tampered = await app.inject({ url: '/zego/token/lobby', cookies: { session: signed.replace('bob', 'eve') } });
    expect(tampered.statusCode).to.equal(401);
  });

  it("sends a callback's throw, and a resolver result outside its contract, to the app's setErrorHandler", async () => {
    const seen: unknown[] = [];
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      seen.push(error);
      return reply.code(503).send({ handledBy: 'the app' });
    });
    await app.register(zegoToken, {
      ...credentials,
      getUserId: (request) => {
        if (request.headers['x-fail'] !== undefined) throw new Error('session store down');
        return 'alice';
      },
      privilege: ({ roomId }) => (roomId === 'odd' ? ({ host: true } as never) : { publish: true }),
    });
    const thrown = await app.inject({ url: '/zego/token/lobby', headers: { 'x-fail': '1' } });
    expect(thrown.statusCode).to.equal(503);
    expect(thrown.json()).to.deep.equal({ handledBy: 'the app' });
    const odd = await app.inject({ url: '/zego/token/odd' });
    expect(odd.statusCode).to.equal(503);
    expect(seen).to.have.length(2);
    expect((seen[0] as Error).message).to.equal('session store down');
    expect(seen[1]).to.have.property('code', ErrorCode.PRIVILEGE_INVALID);
  });

  describe('matches its prefix and path exactly, whatever the app’s router options', () => {
    const urls = ['/zego/token/lobby', '/ZEGO/token/lobby', '/zego/token/lobby/', '/zego//token/lobby', '/zego/%74oken/lobby'];

    it('by default, and with caseSensitive: false, ignoreTrailingSlash and ignoreDuplicateSlashes (Fastify’s 404 for the rest)', async () => {
      for (const routerOptions of [{}, { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true }]) {
        const app = Fastify({ routerOptions });
        await app.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
        const statuses: Record<string, number> = {};
        for (const url of urls) statuses[url] = (await app.inject({ url })).statusCode;
        expect(statuses, JSON.stringify(routerOptions)).to.deep.equal({
          '/zego/token/lobby': 200,
          '/ZEGO/token/lobby': 404,
          '/zego/token/lobby/': 404,
          '/zego//token/lobby': 404,
          '/zego/%74oken/lobby': 404,
        });
        const notFound = await app.inject({ url: '/ZEGO/token/lobby' });
        expect(notFound.json()).to.include({ statusCode: 404, error: 'Not Found' }); // Fastify's own 404
        expect((await app.inject({ url: '/zego/token/Lobby' })).json<TokenResponseBody>().roomId).to.equal('Lobby');
      }
    });

    it('under a prefix, which is matched exactly too', async () => {
      for (const prefix of ['/api', '/api/']) {
        const app = Fastify({ routerOptions: { caseSensitive: false, ignoreTrailingSlash: true } });
        await app.register(zegoToken, { ...credentials, prefix, getUserId: () => 'alice' });
        expect((await app.inject({ url: '/api/zego/token/lobby' })).statusCode, prefix).to.equal(200);
        expect((await app.inject({ url: '/API/zego/token/lobby' })).statusCode, prefix).to.equal(404);
        expect((await app.inject({ url: '/api/zego/token/lobby/' })).statusCode, prefix).to.equal(404);
      }
    });

    it('refuses at registration a prefix the core’s path grammar does not take', async () => {
      const app = Fastify();
      let failure: unknown;
      try {
        await app.register(async (scoped) => {
          await scoped.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
        }, { prefix: '/files/*' });
        await app.ready();
      } catch (error) {
        failure = error;
      }
      expect(failure).to.have.property('code', ErrorCode.OPTION_INVALID);
    });

    it("answers a room longer than Fastify's maxParamLength (default 100) with Fastify's 414: raise it to 384", async () => {
      const room = 'r'.repeat(101);
      const strict = Fastify();
      await strict.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
      expect((await strict.inject({ url: `/zego/token/${room}` })).statusCode).to.equal(414);
      const raised = Fastify({ routerOptions: { maxParamLength: 384 } });
      await raised.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
      const encoded = encodeURIComponent('<'.repeat(128)); // the longest room a URL can carry: 384 characters
      expect((await raised.inject({ url: `/zego/token/${encoded}` })).statusCode).to.equal(200);
    });
  });

  it('is encapsulated: its route takes the prefix it is registered with, and leaves the rest of the app alone', async () => {
    const app = Fastify();
    app.get('/health', () => ({ ok: true }));
    await app.register(zegoToken, { ...credentials, prefix: '/api', getUserId: () => 'alice' });
    expect((await app.inject({ url: '/api/zego/token/lobby' })).statusCode).to.equal(200);
    expect((await app.inject({ url: '/zego/token/lobby' })).statusCode).to.equal(404);
    expect((await app.inject({ url: '/health' })).json()).to.deep.equal({ ok: true });
  });

  it('declares a response schema for the token body, so Fastify serialises it with fast-json-stringify', async () => {
    const schemas: unknown[] = [];
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      if (route.method === 'GET') schemas.push(route.schema);
    });
    await app.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
    expect(schemas).to.have.length(1);
    expect(schemas[0]).to.have.nested.property('response.200.properties.token.type', 'string');
    const body = (await app.inject({ url: '/zego/token/lobby' })).json<Record<string, unknown>>();
    expect(body).to.have.keys(['token', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt']);
  });

  it('answers HEAD like GET, without a body', async () => {
    const app = Fastify();
    await app.register(zegoToken, { ...credentials, getUserId: () => 'alice' });
    const response = await app.inject({ method: 'HEAD', url: '/zego/token/lobby' });
    expect(response.statusCode).to.equal(200);
    expect(response.headers['cache-control']).to.equal('no-store');
    expect(response.body).to.equal('');
  });

  it('fails at start-up, not at the first request, on bad options', async () => {
    for (const options of [
      { ...credentials, getUserId: 'alice', path: undefined },
      { ...credentials, getUserId: () => 'alice', secret: 'short', path: undefined },
      { ...credentials, getUserId: () => 'alice', path: 'zego/token/:roomId' },
      { ...credentials, getUserId: () => 'alice', path: '/zego/token/:room' },
    ]) {
      const app = Fastify();
      let failure: unknown;
      try {
        await app.register(zegoToken, options as never);
        await app.ready();
      } catch (error) {
        failure = error;
      }
      expect(failure, JSON.stringify(options.path)).to.have.property('name', 'ZegoTokenError');
    }
  });
});
