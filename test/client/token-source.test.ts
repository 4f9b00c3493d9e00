/**
 * `createTokenSource`: what it asks the route, what it caches and for how long (judged by the server's clock), and
 * one request per room. A fake clock and a fake route (test/support/fake-token-route.ts): nothing here waits.
 */
import { expect } from 'chai';
import type { Clock } from '@sinonjs/fake-timers';
import { createTokenSource, type TokenSourceOptions } from '@zego-token/client';
import { FakeTokenRoute, installClock, tokenBody, type FakeRequest } from '../support/fake-token-route.js';

/** The room a request's URL names (room routes), or undefined (the identity route). */
function roomOf(request: FakeRequest): string | undefined {
  const match = /^\/zego\/token\/(.*)$/.exec(request.url);
  return match === null ? undefined : decodeURIComponent(match[1]!);
}

describe('@zego-token/client: the token source', () => {
  let clock: Clock;
  let route: FakeTokenRoute;
  beforeEach(() => {
    clock = installClock();
    route = new FakeTokenRoute();
  });
  afterEach(() => clock.uninstall());

  const source = (options: Partial<TokenSourceOptions> = {}) =>
    createTokenSource({ url: '/zego/token/:roomId', fetch: route.fetch, ...options });
  /** Answers every request at once, with a token of `lifetime` seconds from a server `skew` seconds off. */
  const answerAll = (options: { lifetime?: number; skew?: number } = {}): void => {
    route.onRequest = (request) => request.respond(200, tokenBody(roomOf(request), options));
  };

  describe('requests', () => {
    it('asks the room route with GET, the room ID percent-encoded into :roomId, and resolves to the body', async () => {
      answerAll();
      const body = await source().get('a b/ü');
      expect(route.requests).to.have.length(1);
      expect(route.last.url).to.equal('/zego/token/a%20b%2F%C3%BC');
      expect(route.last.init.method).to.equal('GET');
      expect(body).to.deep.equal(JSON.parse(await (await route.last.response).text()));
      expect(body.roomId).to.equal('a b/ü');
      expect(Object.isFrozen(body)).to.equal(true);
    });

    it('asks an identity route (no :roomId) with no room, and takes its room-less body', async () => {
      answerAll();
      const body = await source({ url: 'https://api.example/zego/token' }).get();
      expect(route.last.url).to.equal('https://api.example/zego/token');
      expect(body).to.not.have.property('roomId');
    });

    it('builds the URL with a function of the room ID (undefined for get())', async () => {
      const seen: Array<string | undefined> = [];
      route.onRequest = (request) => request.respond(200, tokenBody(request.url === '/id' ? undefined : 'r1'));
      const tokens = source({ url: (roomId) => (seen.push(roomId), roomId === undefined ? '/id' : `/rooms/${roomId}/token`) });
      await tokens.get('r1');
      await tokens.get();
      expect(seen).to.deep.equal(['r1', undefined]);
      expect(route.requests.map((request) => request.url)).to.deep.equal(['/rooms/r1/token', '/id']);
    });

    it('sends the credentials and headers given, and calls a headers function before every attempt', async () => {
      let bearer = 0;
      route.onRequest = (request) =>
        route.requests.length === 1 ? request.respond(503) : request.respond(200, tokenBody('lobby'));
      const pending = source({ credentials: 'include', headers: () => ({ authorization: `Bearer ${++bearer}` }) }).get('lobby');
      await clock.tickAsync(1000);
      await pending;
      expect(route.requests.map((request) => request.init.headers)).to.deep.equal([
        { authorization: 'Bearer 1' },
        { authorization: 'Bearer 2' },
      ]);
      expect(route.requests.every((request) => request.init.credentials === 'include')).to.equal(true);
      answerAll();
      await source({ headers: { 'x-app': '1' } }).get('lobby');
      expect(route.last.init).to.include({ method: 'GET' }).and.not.have.property('credentials');
      expect(route.last.init.headers).to.deep.equal({ 'x-app': '1' });
    });

    it('passes the headers through as given: a Headers object from a JavaScript caller keeps its entries', async () => {
      answerAll();
      const headers = new Headers({ authorization: 'Bearer h' });
      await source({ headers: headers as unknown as Record<string, string> }).get('lobby');
      expect(new Headers(route.last.init.headers).get('authorization')).to.equal('Bearer h');
    });

    it('rejects with what a headers function throws, without a request', async () => {
      const signedOut = new Error('signed out');
      const error = await source({ headers: () => Promise.reject(signedOut) }).get('lobby').catch((e: unknown) => e);
      expect(error).to.equal(signedOut);
      expect(route.requests).to.have.length(0);
    });

    it("uses the platform's fetch when none is given, looked up at each request", async () => {
      const original = globalThis.fetch;
      const calls: string[] = [];
      globalThis.fetch = ((url: string) => {
        calls.push(url);
        return Promise.resolve(new Response(JSON.stringify(tokenBody('lobby')), { status: 200 }));
      }) as typeof fetch;
      try {
        const body = await createTokenSource({ url: '/zego/token/:roomId' }).get('lobby');
        expect(calls).to.deep.equal(['/zego/token/lobby']);
        expect(body.roomId).to.equal('lobby');
      } finally {
        globalThis.fetch = original;
      }
    });

    it('refuses, as a TypeError and without a request, a room on an identity route, none on a room route, a room ID that is not a string', async () => {
      const rejections = [
        source({ url: '/zego/token' }).get('lobby'),
        source().get(),
        source().get(42 as unknown as string),
        source({ url: () => 42 as unknown as string }).get('lobby'),
      ].map((promise) => promise.then(() => 'resolved', (e: unknown) => e));
      for (const error of await Promise.all(rejections)) expect(error).to.be.instanceOf(TypeError);
      expect(route.requests).to.have.length(0);
    });
  });

  describe('options are honoured or refused at construction', () => {
    const refused: Array<[string, Record<string, unknown>]> = [
      ['an unknown option', { url: '/t', retry: 3 }],
      ['a request init the source cannot honour', { url: '/t', init: { method: 'POST' } }],
      ['no url', {}],
      ['an empty url', { url: '' }],
      ['a url that is neither string nor function', { url: new URL('https://x.example/t') }],
      ['a fetch that is not a function', { url: '/t', fetch: 'fetch' }],
      ['unknown credentials', { url: '/t', credentials: 'always' }],
      ['headers that are neither object nor function', { url: '/t', headers: 'authorization: x' }],
      ['null headers', { url: '/t', headers: null }],
      ['a negative renewAheadSeconds', { url: '/t', renewAheadSeconds: -1 }],
      ['a NaN renewAheadSeconds', { url: '/t', renewAheadSeconds: Number.NaN }],
      ['an infinite renewAheadSeconds', { url: '/t', renewAheadSeconds: Infinity }],
      ['a renewAheadSeconds string', { url: '/t', renewAheadSeconds: '60' }],
      ['negative retries', { url: '/t', retries: -1 }],
      ['fractional retries', { url: '/t', retries: 1.5 }],
    ];
    for (const [what, options] of refused) {
      it(`refuses ${what} with a TypeError`, () => {
        expect(() => createTokenSource(options as unknown as TokenSourceOptions)).to.throw(TypeError, /^createTokenSource: /);
      });
    }

    it('refuses a missing options object, and a platform without fetch when none is given', () => {
      expect(() => createTokenSource(undefined as unknown as TokenSourceOptions)).to.throw(TypeError);
      const original = globalThis.fetch;
      Reflect.deleteProperty(globalThis, 'fetch');
      try {
        expect(() => createTokenSource({ url: '/t' })).to.throw(TypeError, /no fetch/);
        expect(() => createTokenSource({ url: '/t', fetch: route.fetch })).to.not.throw();
      } finally {
        globalThis.fetch = original;
      }
    });

    it('takes every documented option, undefined meaning the default', () => {
      expect(() =>
        createTokenSource({
          url: '/t',
          fetch: undefined,
          credentials: undefined,
          headers: undefined,
          renewAheadSeconds: 0,
          retries: 0,
        }),
      ).to.not.throw();
    });
  });

  describe('the cache', () => {
    // A 3600 s token from a request made at t = 0 is handed out again until 3600 - 1 - 60 = 3539 s (the second: the
    // server writes whole seconds; 60: renewAheadSeconds' default).
    const FRESH_MS = 3539_000;

    it('hands out a room\'s token again, without a request, until fewer than renewAheadSeconds (+1 s) are left', async () => {
      answerAll();
      const tokens = source();
      const first = await tokens.get('lobby');
      await clock.tickAsync(FRESH_MS - 1);
      expect(await tokens.get('lobby')).to.equal(first);
      expect(route.requests).to.have.length(1);
      await clock.tickAsync(1);
      const second = await tokens.get('lobby');
      expect(route.requests).to.have.length(2);
      expect(second.token).to.not.equal(first.token);
      expect(await tokens.get('lobby')).to.equal(second);
    });

    it('keeps each room apart, and the identity route apart from every room', async () => {
      answerAll();
      const rooms = source({ url: (roomId) => (roomId === undefined ? '/zego/token' : `/zego/token/${roomId}`) });
      const [a, b, identity] = [await rooms.get('a'), await rooms.get('b'), await rooms.get()];
      expect([a.roomId, b.roomId, identity.roomId]).to.deep.equal(['a', 'b', undefined]);
      expect(await rooms.get('a')).to.equal(a);
      expect(await rooms.get()).to.equal(identity);
      expect(route.requests).to.have.length(3);
    });

    it('counts renewAheadSeconds from the option', async () => {
      answerAll();
      const tokens = source({ renewAheadSeconds: 600 });
      await tokens.get('lobby');
      await clock.tickAsync((3600 - 1 - 600) * 1000 - 1);
      await tokens.get('lobby');
      expect(route.requests).to.have.length(1);
      await clock.tickAsync(1);
      await tokens.get('lobby');
      expect(route.requests).to.have.length(2);
    });

    it('hands out, but never reuses, a token that arrives with no more than renewAheadSeconds left', async () => {
      answerAll({ lifetime: 40 });
      const tokens = source();
      const [first, second] = [await tokens.get('lobby'), await tokens.get('lobby')];
      expect(first.token).to.not.equal(second.token);
      expect(route.requests).to.have.length(2);
    });

    it('skips the cache with fresh: true, and keeps the newer token', async () => {
      answerAll();
      const tokens = source();
      const cached = await tokens.get('lobby');
      const fresh = await tokens.get('lobby', { fresh: true });
      expect(fresh.token).to.not.equal(cached.token);
      expect(await tokens.get('lobby')).to.equal(fresh);
      expect(route.requests).to.have.length(2);
    });

    it('does not cache a failure: the next call asks again', async () => {
      route.onRequest = (request) =>
        route.requests.length === 1 ? request.respond(401, { error: { code: 'unauthenticated' } }) : request.respond(200, tokenBody('lobby'));
      const tokens = source();
      expect(await tokens.get('lobby').catch((e: { code: string }) => e.code)).to.equal('unauthenticated');
      expect((await tokens.get('lobby')).roomId).to.equal('lobby');
    });
  });

  describe("clock skew: the server's clock, never the client's, says how old a token is", () => {
    const FRESH_MS = 3539_000;
    /** How many requests two gets made at `before` and at FRESH_MS caused, with a server `skew` seconds off. */
    async function requestsWithSkew(skew: number, before: number): Promise<number[]> {
      answerAll({ skew });
      const tokens = source();
      await tokens.get('lobby');
      await clock.tickAsync(before);
      await tokens.get('lobby');
      const counts = [route.requests.length];
      await clock.tickAsync(FRESH_MS - before);
      await tokens.get('lobby');
      counts.push(route.requests.length);
      return counts;
    }

    for (const [what, skew] of [
      ['the same clocks', 0],
      ['a client clock an hour ahead of the server', -3600],
      ['a client clock an hour behind the server', 3600],
      ['a client clock a day behind (its expiry would look a day away)', 86_400],
      ['a client clock ten minutes ahead (every token would look expired)', -600],
    ] as const) {
      it(`caches for the token's lifetime from the request, with ${what}`, async () => {
        expect(await requestsWithSkew(skew, FRESH_MS - 1)).to.deep.equal([1, 2]);
      });
    }

    it('counts the time a response takes against the token: the lifetime runs from the request, not the arrival', async () => {
      const tokens = source();
      const pending = tokens.get('lobby');
      const body = tokenBody('lobby');
      await clock.tickAsync(5000); // 5 s in flight: the server made the token somewhere in them
      route.last.respond(200, body);
      await pending;
      await clock.tickAsync(FRESH_MS - 5000 - 1);
      answerAll();
      await tokens.get('lobby');
      expect(route.requests).to.have.length(1);
      await clock.tickAsync(1);
      await tokens.get('lobby');
      expect(route.requests).to.have.length(2);
    });

    it('is not fooled by the wall clock moving back: a monotonic clock measures the age', async () => {
      answerAll();
      const tokens = source();
      await tokens.get('lobby');
      await clock.tickAsync(FRESH_MS);
      clock.setSystemTime(Date.now() - 3_600_000); // the user sets the clock back an hour
      await tokens.get('lobby');
      expect(route.requests).to.have.length(2);
    });
  });

  describe('one request per room', () => {
    it('shares one request among concurrent calls for the same room', async () => {
      const tokens = source();
      const calls = [tokens.get('lobby'), tokens.get('lobby'), tokens.get('lobby', { fresh: true })];
      await clock.tickAsync(0);
      expect(route.requests).to.have.length(1);
      route.last.respond(200, tokenBody('lobby'));
      const [a, b, c] = await Promise.all(calls);
      expect(a).to.equal(b).and.to.equal(c);
    });

    it('makes one request per room when rooms are asked concurrently', async () => {
      const tokens = source();
      const calls = [tokens.get('a'), tokens.get('b'), tokens.get('a')];
      await clock.tickAsync(0);
      expect(route.requests.map(roomOf)).to.deep.equal(['a', 'b']);
      for (const request of route.requests) request.respond(200, tokenBody(roomOf(request)));
      expect((await Promise.all(calls)).map((body) => body.roomId)).to.deep.equal(['a', 'b', 'a']);
    });

    it('shares the retries too, and starts a new request once the shared one has failed', async () => {
      route.onRequest = (request) => request.respond(503);
      const tokens = source({ retries: 1 });
      const calls = [tokens.get('lobby'), tokens.get('lobby')].map((promise) => promise.catch((e: { code: string }) => e.code));
      await clock.tickAsync(1000);
      expect(await Promise.all(calls)).to.deep.equal(['unavailable', 'unavailable']);
      expect(route.requests).to.have.length(2);
      answerAll();
      await tokens.get('lobby');
      expect(route.requests).to.have.length(3);
    });
  });
});
