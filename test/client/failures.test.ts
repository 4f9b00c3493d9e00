/**
 * How a token source fails: the route's refusals at once, a body that is not the route's at once, network errors,
 * timeouts and 5xx after bounded exponential backoff with full jitter. Errors never carry a token.
 */
import { expect } from 'chai';
import type { Clock } from '@sinonjs/fake-timers';
import { createTokenSource, TokenSourceError, type TokenSourceOptions } from '@zego-token/client';
import { FakeTokenRoute, installClock, tokenBody, type FakeRequest, type RouteBody } from '../support/fake-token-route.js';

/** What a promise rejected with (failing the test if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

/** The error, checked to be a TokenSourceError with `code` that carries none of `tokens` anywhere. */
function expectSourceError(error: unknown, code: string, tokens: readonly string[] = []): TokenSourceError {
  expect(error).to.be.instanceOf(TokenSourceError);
  const sourceError = error as TokenSourceError;
  expect(sourceError.code, sourceError.message).to.equal(code);
  expect(sourceError.name).to.equal('TokenSourceError');
  for (const token of tokens) {
    expect(`${sourceError.message} ${sourceError.stack} ${JSON.stringify(sourceError)}`).to.not.include(token);
  }
  return sourceError;
}

describe('@zego-token/client: failures', () => {
  let clock: Clock;
  let route: FakeTokenRoute;
  const random = Math.random;
  beforeEach(() => {
    clock = installClock();
    route = new FakeTokenRoute();
  });
  afterEach(() => {
    clock.uninstall();
    Math.random = random;
  });
  const source = (options: Partial<TokenSourceOptions> = {}) =>
    createTokenSource({ url: '/zego/token/:roomId', fetch: route.fetch, ...options });

  describe("the route's refusals: rejected at once, never retried", () => {
    for (const [status, code] of [
      [401, 'unauthenticated'],
      [403, 'forbidden'],
      [400, 'invalid_room_id'],
      [404, 'bad_response'],
      [405, 'bad_response'],
      [429, 'bad_response'],
      [302, 'bad_response'],
      [0, 'bad_response'], // an opaque response (a no-cors fetch)
    ] as const) {
      it(`${status} → ${code}, after one request`, async () => {
        route.onRequest = (request) => request.respond(status, { error: { code, message: 'no' } });
        const error = expectSourceError(await rejection(source().get('lobby')), code);
        expect(error.status).to.equal(status);
        expect(error.message).to.include(String(status));
        await clock.tickAsync(60_000);
        expect(route.requests).to.have.length(1);
        expect(clock.countTimers()).to.equal(0);
      });
    }
  });

  describe('a 2xx body that is not the route\'s: bad_response at once, naming the field, never the token', () => {
    const good = tokenBody('lobby');
    const cases: Array<[string, unknown, string]> = [
      ['HTML (a single-page app answering every path)', '<!doctype html><html></html>', 'body'],
      ['empty', '', 'body'],
      ['null', null, 'body'],
      ['an array', [good], 'token'],
      ['no token', { ...good, token: undefined }, 'token'],
      ['an empty token', { ...good, token: '' }, 'token'],
      ['a numeric token', { ...good, token: 4 }, 'token'],
      ['app ID 0', { ...good, appId: 0 }, 'appId'],
      ['a negative app ID', { ...good, appId: -1 }, 'appId'],
      ['a fractional app ID', { ...good, appId: 1.5 }, 'appId'],
      ['an app ID string', { ...good, appId: '1234567890' }, 'appId'],
      ['no user ID', { ...good, userId: undefined }, 'userId'],
      ['an empty user ID', { ...good, userId: '' }, 'userId'],
      ['another room', { ...good, roomId: 'lobby2' }, 'roomId'],
      ['no room on a room route', { ...good, roomId: undefined }, 'roomId'],
      ['a version number', { ...good, version: 4 }, 'version'],
      ['no issuedAt', { ...good, issuedAt: undefined }, 'issuedAt'],
      ['issuedAt in milliseconds, fractional', { ...good, issuedAt: good.issuedAt + 0.5 }, 'issuedAt'],
      ['expiresAt a string', { ...good, expiresAt: String(good.expiresAt) }, 'expiresAt'],
      ['expiresAt equal to issuedAt', { ...good, expiresAt: good.issuedAt }, 'expiresAt'],
      ['expiresAt before issuedAt', { ...good, expiresAt: good.issuedAt - 1 }, 'expiresAt'],
      ['an empty kitToken', { ...good, kitToken: '' }, 'kitToken'],
      ['a kitToken that is not a string', { ...good, kitToken: { token: good.token } }, 'kitToken'],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → bad_response (${field})`, async () => {
        route.onRequest = (request) => request.respond(200, body);
        const error = expectSourceError(await rejection(source().get('lobby')), 'bad_response', [good.token]);
        expect(error.message).to.include(field);
        await clock.tickAsync(60_000);
        expect(route.requests).to.have.length(1);
      });
    }

    it("a room on the identity route's body → bad_response (roomId)", async () => {
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      const error = expectSourceError(await rejection(source({ url: '/zego/token' }).get()), 'bad_response');
      expect(error.message).to.include('roomId');
    });

    it('takes a kitToken and fields it does not know (a newer server), and a body without version', async () => {
      const body = { ...tokenBody('lobby'), kitToken: '04AAA#eyJ9', version: undefined, region: 'eu' };
      route.onRequest = (request) => request.respond(200, body);
      expect(await source().get('lobby')).to.deep.equal(JSON.parse(JSON.stringify(body)));
    });
  });

  describe('network errors, timeouts and 5xx: retried with bounded exponential backoff and full jitter', () => {
    /** The times (ms from the first) of the requests made while every answer is `fail`, until the call settles. */
    async function attemptTimes(fail: (request: FakeRequest) => void, options: Partial<TokenSourceOptions> = {}) {
      route.onRequest = fail;
      const settled = source(options).get('lobby').catch((error: unknown) => error);
      await clock.tickAsync(120_000);
      return { times: route.requests.map((request) => request.at - route.requests[0]!.at), error: await settled };
    }

    it('waits up to 1, 2, 4, 8 s between the 4 default retries (the bound, with the jitter at its top), then rejects unavailable', async () => {
      Math.random = () => 0.999999;
      const { times, error } = await attemptTimes((request) => request.respond(503));
      const waits = times.slice(1).map((time, index) => time - times[index]!);
      expect(waits).to.deep.equal([999, 1999, 3999, 7999]); // setTimeout takes whole milliseconds

      expect(expectSourceError(error, 'unavailable').status).to.equal(503);
      expect(clock.countTimers()).to.equal(0);
    });

    it('never waits more than 8 s however many retries are allowed', async () => {
      Math.random = () => 0.999999;
      const { times } = await attemptTimes((request) => request.respond(500), { retries: 7 });
      const waits = times.slice(1).map((time, index) => time - times[index]!);
      expect(waits).to.deep.equal([999, 1999, 3999, 7999, 7999, 7999, 7999]);
    });

    it('draws each wait uniformly below its bound (full jitter): Math.random() × bound', async () => {
      const draws = [0.5, 0.25, 0.125, 0.75];
      Math.random = () => draws.shift() ?? 0;
      const { times } = await attemptTimes((request) => request.fail());
      const waits = times.slice(1).map((time, index) => time - times[index]!);
      expect(waits).to.deep.equal([500, 500, 500, 6000]);
    });

    it('retries a network error, with no status on the final error', async () => {
      Math.random = () => 0;
      const { error } = await attemptTimes((request) => request.fail());
      expect(route.requests).to.have.length(5);
      expect(expectSourceError(error, 'unavailable').status).to.equal(undefined);
    });

    it('retries as many times as `retries` says (0: one attempt)', async () => {
      Math.random = () => 0;
      await attemptTimes((request) => request.respond(502), { retries: 0 });
      expect(route.requests).to.have.length(1);
    });

    it('aborts an attempt that takes 10 s, and retries it', async () => {
      Math.random = () => 0;
      const pending = source().get('lobby');
      await clock.tickAsync(9_999);
      expect(route.requests).to.have.length(1);
      expect(route.last.init.signal.aborted).to.equal(false);
      await clock.tickAsync(1);
      expect(route.requests[0]!.init.signal.aborted).to.equal(true);
      await clock.tickAsync(1); // the retry's wait: Math.random() is 0 here, and a timer takes at least 1 ms
      expect(route.requests).to.have.length(2);
      route.last.respond(200, tokenBody('lobby'));
      expect((await pending).roomId).to.equal('lobby');
    });

    it('retries a 2xx whose body cannot be read (the connection dropped mid-body)', async () => {
      Math.random = () => 0;
      let requests = 0;
      const tokens = source({
        fetch: () =>
          Promise.resolve(
            ++requests === 1
              ? { status: 200, text: () => Promise.reject(new TypeError('network error')) }
              : { status: 200, text: () => Promise.resolve(JSON.stringify(tokenBody('lobby'))) },
          ),
      });
      const pending = tokens.get('lobby');
      await clock.tickAsync(10);
      expect((await pending).roomId).to.equal('lobby');
      expect(requests).to.equal(2);
    });

    it('succeeds when a retry does, with the body of the request that succeeded', async () => {
      Math.random = () => 0;
      route.onRequest = (request) => (route.requests.length < 3 ? request.respond(503) : request.respond(200, tokenBody('lobby')));
      const pending = source().get('lobby');
      await clock.tickAsync(10);
      const body = await pending;
      expect(route.requests).to.have.length(3);
      expect(body.token).to.equal((JSON.parse(await (await route.last.response).text()) as RouteBody).token);
    });

    it('stops retrying at a refusal that follows a 5xx', async () => {
      Math.random = () => 0;
      route.onRequest = (request) => (route.requests.length === 1 ? request.respond(503) : request.respond(401));
      const pending = rejection(source().get('lobby'));
      await clock.tickAsync(60_000);
      expectSourceError(await pending, 'unauthenticated');
      expect(route.requests).to.have.length(2);
    });
  });
});
