/**
 * A token route behind a fake `fetch`, for the client's unit tests: every request is recorded (URL, init, the fake
 * clock's time) and waits until the test answers it, so tests decide what arrives, when, and in which order. Like the
 * platform's `fetch`, a request rejects with its signal's reason when the signal aborts.
 */
import type { TokenFetch, TokenRequestInit, TokenResponseLike } from '@zego-token/client';

import { install, type Clock } from '@sinonjs/fake-timers';

/** A token route's 200 body, as `@zego-token/core` sends it. */
export interface RouteBody {
  token: string;
  appId: number;
  userId: string;
  roomId?: string;
  version: string;
  issuedAt: number;
  expiresAt: number;
}

let tokens = 0;

/**
 * A route's 200 body for `roomId` (none: an identity route's), each with a token of its own. The server's clock is
 * the client's (the fake `Date.now()`, whole seconds, as the core writes them) plus `skew` seconds.
 */
export function tokenBody(roomId: string | undefined, { lifetime = 3600, skew = 0 } = {}): RouteBody {
  tokens += 1;
  const token = `04SECRET-TOKEN-${tokens}-${'x'.repeat(100)}`;
  const issuedAt = Math.floor(Date.now() / 1000) + skew;
  const common = { token, appId: 1234567890, userId: 'alice', version: '04' };
  return roomId === undefined
    ? { ...common, issuedAt, expiresAt: issuedAt + lifetime }
    : { ...common, roomId, issuedAt, expiresAt: issuedAt + lifetime };
}

/** One request to the fake route. */
export class FakeRequest {
  readonly response: Promise<TokenResponseLike>;
  settled = false;
  private resolve!: (response: TokenResponseLike) => void;
  private reject!: (error: unknown) => void;

  constructor(
    readonly url: string,
    readonly init: TokenRequestInit,
    /** `performance.now()` when the request was made (the fake clock's milliseconds). */
    readonly at: number,
  ) {
    this.response = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    init.signal.addEventListener('abort', () => this.fail(init.signal.reason));
  }

  /** Answers with `status` and `body` (JSON, unless a string: sent as is). */
  respond(status: number, body: unknown = {}): void {
    if (this.settled) return;
    this.settled = true;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    this.resolve({ status, text: () => Promise.resolve(text) });
  }

  /** Fails as `fetch` does when the network does (a `TypeError`), or with `error`. */
  fail(error: unknown = new TypeError('fetch failed')): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

/** The fake route: `fetch` for the source, the requests it received, and a hook that answers each as it comes. */
export class FakeTokenRoute {
  readonly requests: FakeRequest[] = [];
  /** Called with each request as it arrives (to answer at once); unset, requests wait for the test. */
  onRequest: ((request: FakeRequest) => void) | undefined;

  readonly fetch: TokenFetch = (url, init) => {
    const request = new FakeRequest(url, init, performance.now());
    this.requests.push(request);
    this.onRequest?.(request);
    return request.response;
  };

  /** The last request received. */
  get last(): FakeRequest {
    const request = this.requests.at(-1);
    if (request === undefined) throw new Error('no request yet');
    return request;
  }
}

/** A fake clock for timers, `Date` and `performance` (microtasks stay real), from a fixed date. */
export function installClock(): Clock {
  return install({ now: Date.UTC(2026, 11, 5), toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
}
