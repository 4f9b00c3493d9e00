/**
 * Cancelling: an `AbortSignal` per call (during the request and during a backoff wait), the request stopped once no
 * caller waits for it, and `dispose()` stopping everything. Fake clock: `clock.countTimers()` says no timer is left.
 */
import { expect } from 'chai';
import type { Clock } from '@sinonjs/fake-timers';
import { createTokenSource, TokenSourceError, type TokenSourceOptions } from '@zego-token/client';
import { FakeTokenRoute, installClock, tokenBody } from '../support/fake-token-route.js';

const settle = (promise: Promise<unknown>): Promise<unknown> => promise.then((value) => ({ value }), (error: unknown) => error);

describe('@zego-token/client: abort and dispose', () => {
  let clock: Clock;
  let route: FakeTokenRoute;
  const random = Math.random;
  beforeEach(() => {
    clock = installClock();
    route = new FakeTokenRoute();
    Math.random = () => 0.5;
  });
  afterEach(() => {
    clock.uninstall();
    Math.random = random;
  });
  const source = (options: Partial<TokenSourceOptions> = {}) =>
    createTokenSource({ url: '/zego/token/:roomId', fetch: route.fetch, ...options });

  describe('an AbortSignal', () => {
    it("rejects with the signal's reason during the request, and stops the request (its only caller gone)", async () => {
      const controller = new AbortController();
      const pending = settle(source().get('lobby', { signal: controller.signal }));
      await clock.tickAsync(100);
      const reason = new Error('user left the page');
      controller.abort(reason);
      expect(await pending).to.equal(reason);
      expect(route.last.init.signal.aborted).to.equal(true);
      expect(clock.countTimers()).to.equal(0); // the attempt's timeout cleared
    });

    it('rejects at once during a backoff wait, and no retry follows', async () => {
      route.onRequest = (request) => request.respond(503);
      const controller = new AbortController();
      const pending = settle(source().get('lobby', { signal: controller.signal }));
      await clock.tickAsync(100); // the first attempt failed; the wait is 500 ms
      expect(clock.countTimers()).to.equal(1);
      controller.abort();
      const error = await pending;
      expect(error).to.be.instanceOf(Error).with.property('name', 'AbortError');
      expect(clock.countTimers()).to.equal(0);
      await clock.tickAsync(60_000);
      expect(route.requests).to.have.length(1);
    });

    it('rejects a call whose signal has already aborted, without a request', async () => {
      const error = await settle(source().get('lobby', { signal: AbortSignal.abort('gone') }));
      expect(error).to.equal('gone');
      expect(route.requests).to.have.length(0);
    });

    it('rejects only the call that aborted: the request goes on for the others', async () => {
      const controller = new AbortController();
      const tokens = source();
      const aborted = settle(tokens.get('lobby', { signal: controller.signal }));
      const waiting = tokens.get('lobby');
      await clock.tickAsync(0);
      controller.abort();
      expect(await aborted).to.have.property('name', 'AbortError');
      expect(route.last.init.signal.aborted).to.equal(false);
      route.last.respond(200, tokenBody('lobby'));
      expect((await waiting).roomId).to.equal('lobby');
      expect(route.requests).to.have.length(1);
    });

    it('stops the request when every caller has aborted, and the next call starts a new one', async () => {
      const [one, two] = [new AbortController(), new AbortController()];
      const tokens = source();
      const calls = [settle(tokens.get('lobby', { signal: one.signal })), settle(tokens.get('lobby', { signal: two.signal }))];
      await clock.tickAsync(0);
      one.abort();
      expect(route.last.init.signal.aborted).to.equal(false);
      two.abort();
      expect(route.last.init.signal.aborted).to.equal(true);
      await Promise.all(calls);
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      expect((await tokens.get('lobby')).roomId).to.equal('lobby');
      expect(route.requests).to.have.length(2);
    });

    it('is released once the call settles: aborting later changes nothing', async () => {
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      const controller = new AbortController();
      const tokens = source();
      const body = await tokens.get('lobby', { signal: controller.signal });
      controller.abort();
      expect(await tokens.get('lobby')).to.equal(body);
    });
  });

  describe('dispose()', () => {
    const isDisposed = (error: unknown): boolean => error instanceof TokenSourceError && error.code === 'disposed';

    it("rejects the calls waiting for a request with code 'disposed', and aborts the request", async () => {
      const tokens = source();
      const pending = settle(tokens.get('lobby'));
      await clock.tickAsync(0);
      tokens.dispose();
      expect(isDisposed(await pending)).to.equal(true);
      expect(route.last.init.signal.aborted).to.equal(true);
      expect(clock.countTimers()).to.equal(0);
    });

    it('stops a backoff wait: no timer is left and no retry follows', async () => {
      route.onRequest = (request) => request.fail();
      const tokens = source();
      const pending = settle(tokens.get('lobby'));
      await clock.tickAsync(100);
      expect(clock.countTimers()).to.equal(1);
      tokens.dispose();
      expect(isDisposed(await pending)).to.equal(true);
      expect(clock.countTimers()).to.equal(0);
      await clock.tickAsync(60_000);
      expect(route.requests).to.have.length(1);
    });

    it('drops the cache: a cached room is not handed out, and every later call rejects without a request', async () => {
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      const tokens = source();
      await tokens.get('lobby');
      tokens.dispose();
      expect(isDisposed(await settle(tokens.get('lobby')))).to.equal(true);
      expect(isDisposed(await settle(tokens.get('lobby', { fresh: true })))).to.equal(true);
      expect(route.requests).to.have.length(1);
    });

    it('does not cache or hand out a body that arrives as it is disposed', async () => {
      const tokens = source();
      const pending = settle(tokens.get('lobby'));
      await clock.tickAsync(0);
      route.last.respond(200, tokenBody('lobby')); // resolved, not yet read by the source
      tokens.dispose();
      expect(isDisposed(await pending)).to.equal(true);
    });

    it('is safe to call twice', () => {
      const tokens = source();
      tokens.dispose();
      expect(() => tokens.dispose()).to.not.throw();
    });
  });
});
