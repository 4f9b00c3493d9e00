/**
 * The SDK bindings against stand-ins that behave as the SDKs do where the bindings touch them (measured in
 * ../shared/CLIENT-SDKS.md and in the browser test, test/browser/): Express keeps a list of listeners per event and
 * `renewToken` returns `false` when it refuses; ZIM keeps one handler per event and `renewToken` returns a promise;
 * UIKit's `renewToken` takes a kit token. The real SDKs run in test/browser/.
 */
import { expect } from 'chai';
import type { Clock } from '@sinonjs/fake-timers';
import {
  attachExpressEngine,
  attachZim,
  createTokenSource,
  TokenSourceError,
  uikitRenewal,
  type TokenSource,
} from '@zego-token/client';
import { FakeTokenRoute, installClock, tokenBody, type RouteBody as PlainBody } from '../support/fake-token-route.js';

type RouteBody = PlainBody & { kitToken: string };

class FakeExpressEngine {
  readonly listeners = new Set<(roomID: string) => void>();
  readonly renewed: Array<[string, string]> = [];
  accepts = true;
  on(event: 'tokenWillExpire', callback: (roomID: string) => void): boolean {
    expect(event).to.equal('tokenWillExpire');
    this.listeners.add(callback);
    return true;
  }
  off(event: 'tokenWillExpire', callback: (roomID: string) => void): boolean {
    expect(event).to.equal('tokenWillExpire');
    return this.listeners.delete(callback);
  }
  renewToken(token: string, roomID: string): boolean {
    this.renewed.push([token, roomID]);
    return this.accepts;
  }
  /** The SDK's timer firing: each listener is called, and must not throw. */
  tokenWillExpire(roomID: string): void {
    for (const listener of this.listeners) expect(listener(roomID)).to.equal(undefined);
  }
}

class FakeZim {
  handler: (() => void) | undefined;
  readonly renewed: string[] = [];
  refusal: Error | undefined;
  on(event: 'tokenWillExpire', callback: (zim: FakeZim, data: { second: number }) => void): void {
    this.handler = () => callback(this, { second: 30 });
  }
  off(event: 'tokenWillExpire'): void {
    expect(event).to.equal('tokenWillExpire');
    this.handler = undefined;
  }
  renewToken(token: string): Promise<{ token: string }> {
    this.renewed.push(token);
    return this.refusal === undefined ? Promise.resolve({ token }) : Promise.reject(this.refusal);
  }
}

describe('@zego-token/client: the SDK bindings', () => {
  let clock: Clock;
  let route: FakeTokenRoute;
  let source: TokenSource;
  let served: RouteBody[];
  let errors: unknown[];
  const onError = (error: unknown): void => void errors.push(error);
  beforeEach(() => {
    clock = installClock();
    route = new FakeTokenRoute();
    served = [];
    errors = [];
    route.onRequest = (request) => {
      const roomId = /\/zego\/token\/(.+)$/.exec(request.url)?.[1];
      const body = { ...tokenBody(roomId === undefined ? undefined : decodeURIComponent(roomId)), kitToken: `kit-${served.length}` };
      served.push(body);
      request.respond(200, body);
    };
    source = createTokenSource({
      url: (roomId) => (roomId === undefined ? '/zego/token' : `/zego/token/${encodeURIComponent(roomId)}`),
      fetch: route.fetch,
    });
  });
  afterEach(() => clock.uninstall());

  describe('attachExpressEngine', () => {
    it("renews the room's token on tokenWillExpire(roomID) with a fresh one, though the cache holds one", async () => {
      const engine = new FakeExpressEngine();
      attachExpressEngine(engine, source, { onError });
      const login = await source.get('lobby');
      engine.tokenWillExpire('lobby');
      await clock.tickAsync(0);
      expect(route.requests.map((request) => request.url)).to.deep.equal(['/zego/token/lobby', '/zego/token/lobby']);
      expect(engine.renewed).to.deep.equal([[served[1]!.token, 'lobby']]);
      expect(engine.renewed[0]![0]).to.not.equal(login.token);
      expect(errors).to.deep.equal([]);
    });

    it('renews each room of a multi-room engine with its own token', async () => {
      const engine = new FakeExpressEngine();
      attachExpressEngine(engine, source);
      engine.tokenWillExpire('a');
      engine.tokenWillExpire('b');
      await clock.tickAsync(0);
      expect(engine.renewed.map(([token, room]) => [served.find((body) => body.token === token)?.roomId, room])).to.deep.equal([
        ['a', 'a'],
        ['b', 'b'],
      ]);
    });

    it('reports a failed fetch to onError (a 401: sign in again), never to the SDK, and calls no renewToken', async () => {
      route.onRequest = (request) => request.respond(401, { error: { code: 'unauthenticated' } });
      const engine = new FakeExpressEngine();
      attachExpressEngine(engine, source, { onError });
      engine.tokenWillExpire('lobby');
      await clock.tickAsync(0);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.be.instanceOf(TokenSourceError).with.property('code', 'unauthenticated');
      expect(engine.renewed).to.deep.equal([]);
    });

    it('reports a renewToken that returns false (the engine refused the token), without the token', async () => {
      const engine = new FakeExpressEngine();
      engine.accepts = false;
      attachExpressEngine(engine, source, { onError });
      engine.tokenWillExpire('lobby');
      await clock.tickAsync(0);
      expect(errors).to.have.length(1);
      expect(String((errors[0] as Error).message)).to.match(/refused/).and.not.include(served[0]!.token);
    });

    it('reports a renewToken that throws', async () => {
      const engine = new FakeExpressEngine();
      const thrown = new Error('engine destroyed');
      engine.renewToken = () => {
        throw thrown;
      };
      attachExpressEngine(engine, source, { onError });
      engine.tokenWillExpire('lobby');
      await clock.tickAsync(0);
      expect(errors).to.deep.equal([thrown]);
    });

    it('drops failures quietly without onError: nothing thrown, no unhandled rejection', async () => {
      route.onRequest = (request) => request.respond(403);
      const unhandled: unknown[] = [];
      const record = (reason: unknown): void => void unhandled.push(reason);
      process.on('unhandledRejection', record);
      try {
        const engine = new FakeExpressEngine();
        attachExpressEngine(engine, source);
        engine.tokenWillExpire('lobby');
        await clock.tickAsync(0);
        await new Promise((resolve) => setImmediate(resolve));
        expect(unhandled).to.deep.equal([]);
      } finally {
        process.off('unhandledRejection', record);
      }
    });

    it('detaches: the listener removed, a renewal under way dropped (no renewToken, no onError), twice harmless', async () => {
      route.onRequest = undefined; // requests wait
      const engine = new FakeExpressEngine();
      const detach = attachExpressEngine(engine, source, { onError });
      expect(engine.listeners.size).to.equal(1);
      engine.tokenWillExpire('lobby');
      await clock.tickAsync(0);
      detach();
      detach();
      expect(engine.listeners.size).to.equal(0);
      expect(route.last.init.signal.aborted).to.equal(true); // its only caller gone
      route.last.respond(200, tokenBody('lobby'));
      await clock.tickAsync(0);
      expect(engine.renewed).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('leaves the listeners of others in place', () => {
      const engine = new FakeExpressEngine();
      const theirs = (): void => undefined;
      engine.on('tokenWillExpire', theirs);
      attachExpressEngine(engine, source)();
      expect([...engine.listeners]).to.deep.equal([theirs]);
    });

    it('refuses options it does not know, and an onError that is not a function', () => {
      const engine = new FakeExpressEngine();
      expect(() => attachExpressEngine(engine, source, { onerror: onError } as never)).to.throw(TypeError, /onerror/);
      expect(() => attachExpressEngine(engine, source, { onError: 'log' } as never)).to.throw(TypeError, /onError/);
      expect(engine.listeners.size).to.equal(0);
    });
  });

  describe('attachZim', () => {
    it('renews from the identity route on tokenWillExpire: source.get() fresh, then zim.renewToken(token)', async () => {
      const zim = new FakeZim();
      attachZim(zim, source, { onError });
      await source.get();
      zim.handler!();
      await clock.tickAsync(0);
      expect(route.requests.map((request) => request.url)).to.deep.equal(['/zego/token', '/zego/token']);
      expect(zim.renewed).to.deep.equal([served[1]!.token]);
      expect(errors).to.deep.equal([]);
    });

    it("reports a rejected renewToken (ZIM's error) to onError", async () => {
      const zim = new FakeZim();
      zim.refusal = Object.assign(new Error('Token version number is wrong'), { code: 6000107 });
      attachZim(zim, source, { onError });
      zim.handler!();
      await clock.tickAsync(0);
      expect(errors).to.deep.equal([zim.refusal]);
    });

    it('reports a failed fetch, and renews nothing', async () => {
      route.onRequest = (request) => request.respond(200, { token: 'x' });
      const zim = new FakeZim();
      attachZim(zim, source, { onError });
      zim.handler!();
      await clock.tickAsync(0);
      expect(errors[0]).to.be.instanceOf(TokenSourceError).with.property('code', 'bad_response');
      expect(zim.renewed).to.deep.equal([]);
    });

    it('detaches with off(tokenWillExpire), once, dropping a renewal under way', async () => {
      route.onRequest = undefined;
      const zim = new FakeZim();
      const detach = attachZim(zim, source, { onError });
      const handler = zim.handler!;
      handler();
      await clock.tickAsync(0);
      detach();
      expect(zim.handler).to.equal(undefined);
      const theirs = (): void => undefined;
      zim.handler = theirs;
      detach(); // already detached: must not remove the handler set since
      expect(zim.handler).to.equal(theirs);
      route.last.respond(200, tokenBody(undefined));
      await clock.tickAsync(0);
      expect(zim.renewed).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('refuses a null instance (what ZIM.create returns for a second one) with a TypeError', () => {
      expect(() => attachZim(null, source)).to.throw(TypeError, /ZIM/);
    });
  });

  describe('uikitRenewal', () => {
    it("gives UIKit's onTokenWillExpire a handler that renews with the route's fresh kitToken", async () => {
      const kitTokens: string[] = [];
      const zp = { renewToken: (kitToken: string) => void kitTokens.push(kitToken) };
      const handler = uikitRenewal(zp, source, 'lobby', { onError });
      expect(handler()).to.equal(undefined);
      await clock.tickAsync(0);
      expect(route.last.url).to.equal('/zego/token/lobby');
      expect(kitTokens).to.deep.equal([served[0]!.kitToken]);
      expect(errors).to.deep.equal([]);
    });

    it('renews from the identity route when given no room', async () => {
      const kitTokens: string[] = [];
      uikitRenewal({ renewToken: (kitToken: string) => void kitTokens.push(kitToken) }, source, undefined)();
      await clock.tickAsync(0);
      expect(route.last.url).to.equal('/zego/token');
      expect(kitTokens).to.have.length(1);
    });

    it("reports a body without kitToken (a route without getUserName) as bad_response, and ignores renewToken's false", async () => {
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      const kitTokens: string[] = [];
      const handler = uikitRenewal({ renewToken: (kitToken: string) => (kitTokens.push(kitToken), false) }, source, 'lobby', { onError });
      handler();
      await clock.tickAsync(0);
      expect(errors[0]).to.be.instanceOf(TokenSourceError).with.property('code', 'bad_response');
      expect((errors[0] as Error).message).to.include('kitToken');
      expect(kitTokens).to.deep.equal([]);
      route.onRequest = (request) => request.respond(200, { ...tokenBody('lobby'), kitToken: 'kit' });
      handler();
      await clock.tickAsync(0);
      expect(kitTokens).to.deep.equal(['kit']);
      expect(errors).to.have.length(1); // UIKit returns false with its ZIM plugin before the renewal finishes
    });

    it("makes the kit token with the kitToken option when given one (UIKit's generateKitTokenForProduction, today)", async () => {
      route.onRequest = (request) => request.respond(200, tokenBody('lobby'));
      const kitTokens: string[] = [];
      const wrap = (body: { token: string; appId: number; userId: string }): string => `${body.token}#${body.appId}:${body.userId}`;
      uikitRenewal({ renewToken: (kitToken: string) => void kitTokens.push(kitToken) }, source, 'lobby', { onError, kitToken: wrap })();
      await clock.tickAsync(0);
      const body = JSON.parse(await (await route.last.response).text()) as PlainBody;
      expect(kitTokens).to.deep.equal([wrap(body)]);
      expect(errors).to.deep.equal([]);
    });

    it('reports a kitToken option that throws or makes no kit token, and renews nothing', async () => {
      const kitTokens: string[] = [];
      const zp = { renewToken: (kitToken: string) => void kitTokens.push(kitToken) };
      const latin1 = new Error('btoa: the string contains characters outside of the Latin1 range');
      uikitRenewal(zp, source, 'lobby', { onError, kitToken: () => { throw latin1; } })();
      uikitRenewal(zp, source, 'lobby', { onError, kitToken: () => '' })();
      await clock.tickAsync(0);
      expect(errors[0]).to.equal(latin1);
      expect(errors[1]).to.be.instanceOf(TokenSourceError).with.property('code', 'bad_response');
      expect(kitTokens).to.deep.equal([]);
    });

    it('refuses options it does not know, and a kitToken that is not a function', () => {
      expect(() => uikitRenewal({ renewToken: () => true }, source, 'lobby', { retries: 2 } as never)).to.throw(TypeError, /retries/);
      expect(() => uikitRenewal({ renewToken: () => true }, source, 'lobby', { kitToken: 'kit' } as never)).to.throw(TypeError, /kitToken/);
    });
  });
});
