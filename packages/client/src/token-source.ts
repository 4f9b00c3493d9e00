/**
 * The token source: asks the app's token route for tokens, keeps each room's while it is far enough from expiry,
 * shares one request per room among concurrent callers, and retries what can succeed on a retry.
 */
import { backoffDelay, wait } from './backoff.js';
import { invalidField, type TokenBody } from './token-body.js';
import { TokenSourceError, type TokenSourceErrorCode } from './token-source-error.js';

/** `fetch`'s `credentials`: `'include'` sends cookies to another origin too (a cookie session on an API host). */
export type TokenRequestCredentials = 'include' | 'same-origin' | 'omit';

/** Request headers, by name (`{ authorization: 'Bearer …' }`). */
export type TokenRequestHeaders = Readonly<Record<string, string>>;

/** What the source passes to `fetch`: always a GET, with its own signal. */
export interface TokenRequestInit {
  method: 'GET';
  headers: TokenRequestHeaders;
  credentials?: TokenRequestCredentials;
  signal: AbortSignal;
}

/** The part of a `Response` the source reads. */
export interface TokenResponseLike {
  readonly status: number;
  text(): Promise<string>;
}

/** A `fetch`: the platform's (the default), or yours (a wrapper that adds tracing, a test double). */
export type TokenFetch = (url: string, init: TokenRequestInit) => Promise<TokenResponseLike>;

/** The options of {@link createTokenSource}. Any other key is refused. */
export interface TokenSourceOptions {
  /**
   * The token route. A string with `:roomId` is a room route: each `get(roomId)` puts `encodeURIComponent(roomId)`
   * there (`'/zego/token/:roomId'`). A string without `:roomId` is an identity route (`'/zego/token'`, for ZIM):
   * `get()` takes no room. A function is given the room ID (`undefined` for `get()`) and returns the URL.
   */
  url: string | ((roomId: string | undefined) => string);
  /** The `fetch` to use. Default: the platform's global `fetch`, looked up on each request. */
  fetch?: TokenFetch | undefined;
  /** `fetch`'s `credentials`. Default: the platform's (`'same-origin'` in browsers). */
  credentials?: TokenRequestCredentials | undefined;
  /**
   * Headers for each request, or a function called before each request (attempts included) that gives them, so a
   * bearer token that changes stays current. An error it throws rejects `get` as it is, without a retry.
   */
  headers?: TokenRequestHeaders | (() => TokenRequestHeaders | Promise<TokenRequestHeaders>) | undefined;
  /** A cached token is used only while more than this many seconds are left before it expires. Default 60. */
  renewAheadSeconds?: number | undefined;
  /** How many times a network error, a timeout (10 s an attempt) or a 5xx is retried. Default 4. */
  retries?: number | undefined;
}

/** The options of {@link TokenSource.get}. */
export interface GetTokenOptions {
  /** Skip the cache: ask the route (or join a request for the same room already under way). */
  fresh?: boolean | undefined;
  /** Aborting rejects this call with the signal's reason; the request stops when no caller waits for it any more. */
  signal?: AbortSignal | undefined;
}

/** A source of tokens from one token route. */
export interface TokenSource {
  /**
   * The route's body for `roomId` (on a room route) or for the signed-in user (on an identity route, no argument):
   * from the cache while the token has more than `renewAheadSeconds` left, judged by the server's clock, else from
   * the route. Concurrent calls for the same room share one request.
   *
   * @throws (rejects) {@link TokenSourceError}; the `signal`'s reason when it aborts; a `TypeError` for a room ID
   *   that is not a string, a room on an identity route or none on a room route.
   */
  get(roomId?: string, options?: GetTokenOptions): Promise<TokenBody>;
  /** Stops every request and backoff timer (their calls reject with code `disposed`) and drops the cache. */
  dispose(): void;
}

const OPTION_NAMES = ['url', 'fetch', 'credentials', 'headers', 'renewAheadSeconds', 'retries'];
const ATTEMPT_TIMEOUT_MS = 10_000;
const REFUSALS: Partial<Record<number, TokenSourceErrorCode>> = {
  400: 'invalid_room_id',
  401: 'unauthenticated',
  403: 'forbidden',
};

/** A monotonic clock where there is one: moving the wall clock must not make a cached token look fresher. */
const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

function refuse(message: string): never {
  throw new TypeError(`createTokenSource: ${message}`);
}

/** The options a source runs on, defaults applied. */
interface SourceSettings {
  readonly url: TokenSourceOptions['url'];
  readonly fetch: TokenFetch;
  readonly renewAheadSeconds: number;
  readonly retries: number;
}

function readOptions(options: TokenSourceOptions): SourceSettings {
  if (typeof options !== 'object' || options === null) refuse('pass an options object');
  for (const name of Object.keys(options)) if (!OPTION_NAMES.includes(name)) refuse(`unknown option ${name}`);
  const { url, fetch: fetchToken, credentials, headers, renewAheadSeconds = 60, retries = 4 } = options;
  if (typeof url !== 'function' && (typeof url !== 'string' || url === '')) refuse('url must be a URL or a function');
  if (fetchToken === undefined && typeof fetch !== 'function') refuse('this platform has no fetch: pass one');
  if (fetchToken !== undefined && typeof fetchToken !== 'function') refuse('fetch must be a function');
  if (credentials !== undefined && !['include', 'same-origin', 'omit'].includes(credentials)) refuse('bad credentials');
  if (headers !== undefined && (headers === null || !['object', 'function'].includes(typeof headers))) {
    refuse('headers must be an object or a function');
  }
  if (typeof renewAheadSeconds !== 'number' || !(renewAheadSeconds >= 0) || renewAheadSeconds === Infinity) {
    refuse('renewAheadSeconds must be a finite number, 0 or more');
  }
  if (!Number.isSafeInteger(retries) || retries < 0) refuse('retries must be an integer, 0 or more');
  return { url, fetch: fetchToken ?? ((input, init) => fetch(input, init)), renewAheadSeconds, retries };
}

/** A request for one room, shared by the calls waiting for it. */
interface Flight {
  readonly promise: Promise<TokenBody>;
  readonly controller: AbortController;
  waiting: number;
}

/**
 * A token source for one token route.
 *
 * @throws TypeError at once for options it cannot honour (an unknown key, a bad value, no `fetch` anywhere).
 *
 * @example
 * ```ts
 * const source = createTokenSource({ url: '/zego/token/:roomId', credentials: 'include' });
 * const { token, appId, userId } = await source.get('lobby');
 * ```
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { url, fetch: fetchToken, renewAheadSeconds, retries } = readOptions(options);
  const { credentials, headers } = options;
  const cache = new Map<string | undefined, { body: TokenBody; staleAt: number }>();
  const flights = new Map<string | undefined, Flight>();
  const life = new AbortController();

  const urlFor = (roomId: string | undefined): string => {
    if (typeof url === 'function') {
      const built = url(roomId);
      if (typeof built !== 'string') throw new TypeError('the url function must return a string');
      return built;
    }
    if (url.includes(':roomId') !== (roomId !== undefined)) {
      throw new TypeError(roomId === undefined ? 'a room route needs a room ID' : 'an identity route takes no room ID');
    }
    return roomId === undefined ? url : url.split(':roomId').join(encodeURIComponent(roomId));
  };

  // One request's attempts: the body and when its token becomes too old to hand out (local monotonic time).
  const request = async (roomId: string | undefined, target: string, signal: AbortSignal) => {
    for (let retry = 0; ; retry++) {
      const requestHeaders = typeof headers === 'function' ? await headers() : headers;
      if (signal.aborted) throw signal.reason;
      const attempt = new AbortController();
      const stop = (): void => attempt.abort(signal.reason);
      signal.addEventListener('abort', stop);
      const timer = setTimeout(() => attempt.abort(), ATTEMPT_TIMEOUT_MS);
      const started = now();
      // The body's text on a 2xx, the status otherwise, undefined when the network failed (or the attempt timed out).
      let outcome: string | number | undefined;
      try {
        const response = await fetchToken(target, {
          method: 'GET',
          headers: requestHeaders ?? {},
          ...(credentials === undefined ? {} : { credentials }),
          signal: attempt.signal,
        });
        outcome = response.status >= 200 && response.status < 300 ? await response.text() : response.status;
      } catch {
        outcome = undefined;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
      if (signal.aborted) throw signal.reason;
      if (typeof outcome === 'string') {
        let body: unknown;
        try {
          body = JSON.parse(outcome);
        } catch {
          body = undefined;
        }
        const field = invalidField(body, roomId);
        if (field !== undefined) throw new TokenSourceError('bad_response', `the token route sent no valid ${field}`);
        const { issuedAt, expiresAt } = body as TokenBody;
        // The server made the token after `started`, at `issuedAt` or up to a second later (whole seconds): by
        // counting its lifetime from `started`, less that second, neither clock skew nor latency adds any time.
        return { body: Object.freeze(body as TokenBody), staleAt: started + (expiresAt - issuedAt - 1 - renewAheadSeconds) * 1000 };
      }
      if (outcome !== undefined && outcome < 500) {
        throw new TokenSourceError(REFUSALS[outcome] ?? 'bad_response', `the token route answered ${outcome}`, outcome);
      }
      if (retry >= retries) {
        throw new TokenSourceError('unavailable', `no token after ${retry + 1} attempts`, outcome);
      }
      await wait(backoffDelay(retry), signal);
    }
  };

  const fly = (roomId: string | undefined, target: string): Flight => {
    const controller = new AbortController();
    const dispose = (): void => controller.abort(life.signal.reason);
    life.signal.addEventListener('abort', dispose);
    const promise = request(roomId, target, controller.signal)
      .then(({ body, staleAt }) => {
        if (life.signal.aborted) throw life.signal.reason;
        cache.set(roomId, { body, staleAt });
        return body;
      })
      .finally(() => {
        life.signal.removeEventListener('abort', dispose);
        if (flights.get(roomId) === flight) flights.delete(roomId);
      });
    const flight: Flight = { promise, controller, waiting: 0 };
    flights.set(roomId, flight);
    return flight;
  };

  return {
    get(roomId?: string, { fresh = false, signal }: GetTokenOptions = {}): Promise<TokenBody> {
      return new Promise((resolve, reject) => {
        if (roomId !== undefined && typeof roomId !== 'string') throw new TypeError('a room ID is a string');
        if (life.signal.aborted) throw life.signal.reason;
        if (signal?.aborted) throw signal.reason;
        const cached = fresh ? undefined : cache.get(roomId);
        if (cached !== undefined && now() < cached.staleAt) return resolve(cached.body);
        const flight = flights.get(roomId) ?? fly(roomId, urlFor(roomId));
        flight.waiting++;
        const leave = (): void => {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's reason, as fetch does
          reject(signal?.reason);
          // The last caller gone: stop the request, and let the next call start a new one.
          if (--flight.waiting === 0) {
            if (flights.get(roomId) === flight) flights.delete(roomId);
            flight.controller.abort(signal?.reason);
          }
        };
        signal?.addEventListener('abort', leave);
        void flight.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', leave));
      });
    },
    dispose(): void {
      life.abort(new TokenSourceError('disposed', 'the token source was disposed'));
      cache.clear();
    },
  };
}
