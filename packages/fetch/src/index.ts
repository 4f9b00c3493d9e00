/**
 * Web-standard fetch adapter: a `Request` in, a `Response` out, for Cloudflare Workers, Next.js route handlers, Hono,
 * Bun and Deno. The HTTP contract itself lives in `@zego-token/core` (`createTokenRoute`, `token-response.ts`).
 */
import {
  createTokenRoute,
  DEFAULT_ROOM_PARAM,
  METHOD_NOT_ALLOWED_RESPONSE,
  NOT_FOUND_RESPONSE,
  type MaybePromise,
  type TokenResponse,
  type TokenRoute,
  type TokenRouteOptions,
} from '@zego-token/core';
import { compilePathPattern, matchPath } from './path-pattern.js';

/** The route {@link zegoToken} serves unless told otherwise. */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

/**
 * Options of {@link zegoToken}: the issuer's options, `getUserId(request, env)`, `path` and `roomParam`. `Env` is
 * the type of the handler's second argument (a Worker's bindings); `unknown` unless you name it.
 */
export interface ZegoTokenOptions<Env = unknown> extends Omit<TokenRouteOptions<Request>, 'getUserId'> {
  /**
   * Who is asking, from your own auth of the `Request` (a verified session cookie or bearer token). `env` is what the
   * handler was given as its second argument (a Worker's `env`, so secrets such as a JWT key can come from there).
   * Return `null`, `undefined` or `''` when nobody is signed in (401). May be async; a throw or rejection rejects
   * the handler's promise.
   */
  getUserId: (request: Request, env: Env) => MaybePromise<string | number | null | undefined>;
  /**
   * The URL pathname served, Express-style: literal segments and `:name` parameters, the room in `:roomId` (or
   * `roomParam`). Matched exactly: case-sensitive, no trailing slash. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
}

/**
 * The handler: `(request, env?) => Promise<Response>`. `env` is a Cloudflare Worker's bindings, handed to
 * `getUserId` and read for `ZEGO_APP_ID`/`ZEGO_SERVER_SECRET`; whatever else a host passes there (Next.js's
 * `{ params }`, Bun's server, Deno's connection info) is only handed to `getUserId`. A failing callback or a bad
 * configuration rejects the promise: the host's error handling answers (500). With a named `Env`, `env` is required.
 */
export type ZegoTokenHandler<Env = unknown> = (
  request: Request,
  ...env: unknown extends Env ? [env?: unknown] : [env: Env]
) => Promise<Response>;

/** Where a Worker keeps configuration: string variables and secrets on its `env`. */
function variableOf(env: unknown, name: string): string | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const value: unknown = (env as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function processVariable(name: string): string | undefined {
  return typeof process === 'object' && process !== null ? process.env[name] || undefined : undefined;
}

function toResponse({ status, headers, body }: TokenResponse, method: string): Response {
  // HEAD is answered like GET, without the body (Fetch would refuse a body on a HEAD response anyway).
  return new Response(method === 'HEAD' ? null : JSON.stringify(body), { status, headers });
}

/**
 * A fetch handler serving `GET`/`HEAD` {@link DEFAULT_TOKEN_PATH} (or `options.path`); any other path is 404 and
 * any other method 405 (`Allow: GET, HEAD`), both as JSON. `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET`, unless given as
 * `appId` and `secret`, come from the Worker's `env` when the handler is given one that holds them, else from
 * `process.env`. The route is built once per pair of values, not per request.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a bad `path`. Where the
 *   credentials can only come from a Worker's `env`, the issuer is built at the first request and a bad app ID or
 *   secret rejects that request instead.
 *
 * @example
 * ```ts
 * // A Cloudflare Worker (ZEGO_APP_ID and ZEGO_SERVER_SECRET from `wrangler secret put`):
 * export default { fetch: zegoToken({ getUserId: (request) => request.headers.get('x-user-id') }) };
 * ```
 */
export function zegoToken<Env = unknown>(options: ZegoTokenOptions<Env>): ZegoTokenHandler<Env> {
  const { path = DEFAULT_TOKEN_PATH, getUserId, ...issuerOptions } = options ?? ({} as ZegoTokenOptions<Env>);
  // The core checks getUserId and the other options; this adapter calls getUserId itself, with the env.
  const routeOptions: TokenRouteOptions<Request> = { ...issuerOptions, getUserId: getUserId as TokenRouteOptions<Request>['getUserId'] };
  const pattern = compilePathPattern(path, routeOptions.roomParam ?? DEFAULT_ROOM_PARAM);
  const fromWorkerEnv = (name: 'ZEGO_APP_ID' | 'ZEGO_SERVER_SECRET', given: unknown): boolean =>
    given === undefined && processVariable(name) === undefined;
  const deferred = fromWorkerEnv('ZEGO_APP_ID', routeOptions.appId) || fromWorkerEnv('ZEGO_SERVER_SECRET', routeOptions.secret);
  // Options complete without a Worker's env are validated now, so a misconfigured server fails at start-up.
  const eager: TokenRoute<Request> | undefined = deferred ? undefined : createTokenRoute<Request>(routeOptions);

  let cached: { key: string; route: TokenRoute<Request> } | undefined;
  function routeFor(env: unknown): TokenRoute<Request> {
    const appId = routeOptions.appId === undefined ? variableOf(env, 'ZEGO_APP_ID') : undefined;
    const secret = routeOptions.secret === undefined ? variableOf(env, 'ZEGO_SERVER_SECRET') : undefined;
    if (appId === undefined && secret === undefined && eager !== undefined) return eager;
    const key = `${appId ?? ''}\n${secret ?? ''}`;
    if (cached?.key !== key) {
      const credentials = {
        ...(appId === undefined ? {} : { appId: /^[0-9]+$/.test(appId) ? Number(appId) : Number.NaN }),
        ...(secret === undefined ? {} : { secret }),
      };
      cached = { key, route: createTokenRoute<Request>({ ...routeOptions, ...credentials }) };
    }
    return cached.route;
  }

  return async (request: Request, ...rest: unknown[]): Promise<Response> => {
    const env = rest[0];
    const match = matchPath(pattern, new URL(request.url).pathname);
    if (match === undefined) return toResponse(NOT_FOUND_RESPONSE, request.method);
    if (request.method !== 'GET' && request.method !== 'HEAD') return toResponse(METHOD_NOT_ALLOWED_RESPONSE, request.method);
    const { issuer } = routeFor(env);
    const roomId = match.room ? match.roomId : undefined;
    const answer = await issuer.issue({ userId: getUserId(request, env as Env), roomId, request });
    return toResponse(answer, request.method);
  };
}
