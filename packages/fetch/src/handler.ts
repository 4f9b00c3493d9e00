/**
 * Web-standard fetch adapter: a `Request` in, a `Response` out, for Cloudflare Workers, Next.js route handlers, Hono,
 * Bun and Deno. The HTTP contract itself lives in `@zego-token/core` (`createTokenRoute`, `token-response.ts`); the
 * core is passed in (this file imports only its types), so one handler serves every build of it: `index.ts` binds
 * the `node:crypto` one, and a Web-Crypto-only build binds `@zego-token/core/web` the same way.
 */
import type {
  createTokenRoute,
  ENVIRONMENT_VARIABLES,
  EnvironmentSource,
  ErrorCode,
  MaybePromise,
  METHOD_NOT_ALLOWED_RESPONSE,
  NOT_FOUND_RESPONSE,
  readTokenRouteOptions,
  resolveTokenPath,
  TokenResponse,
  TokenRoute,
  TokenRouteOptions,
  ZegoTokenError,
} from '@zego-token/core';
import { compilePathPattern, matchPath, type PathPattern } from './path-pattern.js';

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
   * `roomParam`); a path with no parameter (`'/zego/token'`) serves identity tokens. Matched exactly:
   * case-sensitive, no trailing slash. Default {@link DEFAULT_TOKEN_PATH}.
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

/** A Worker keeps configuration as string variables and secrets on its `env`; anything else holds none. */
function credentialsOf(env: unknown, names: CoreBuild['ENVIRONMENT_VARIABLES']): Readonly<Record<string, string>> | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const found: Record<string, string> = {};
  for (const name of [names.appId, names.secret]) {
    const value: unknown = (env as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') found[name] = value;
  }
  return Object.keys(found).length === 0 ? undefined : found;
}

function fromProcess(name: string): boolean {
  return typeof process === 'object' && process !== null && (process.env[name] ?? '') !== '';
}

function toResponse({ status, headers, body }: TokenResponse, method: string): Response {
  // HEAD is answered like GET, without the body (Fetch would refuse a body on a HEAD response anyway).
  return new Response(method === 'HEAD' ? null : JSON.stringify(body), { status, headers });
}

/** What the handler takes from a build of the core (its `createTokenRoute`'s `answer` may return a promise). */
export interface CoreBuild {
  createTokenRoute: typeof createTokenRoute;
  readTokenRouteOptions: typeof readTokenRouteOptions;
  resolveTokenPath: typeof resolveTokenPath;
  ENVIRONMENT_VARIABLES: typeof ENVIRONMENT_VARIABLES;
  NOT_FOUND_RESPONSE: typeof NOT_FOUND_RESPONSE;
  METHOD_NOT_ALLOWED_RESPONSE: typeof METHOD_NOT_ALLOWED_RESPONSE;
  ZegoTokenError: typeof ZegoTokenError;
  ErrorCode: typeof ErrorCode;
  /** Whether this build's route reads `ZEGO_APP_ID`/`ZEGO_SERVER_SECRET` from `process.env` (the Web Crypto build never does). */
  readsProcessEnv: boolean;
}

/** {@link zegoToken} over a given build of the core. */
export function zegoTokenWith<Env = unknown>(core: CoreBuild, options: ZegoTokenOptions<Env>): ZegoTokenHandler<Env> {
  const { resolveTokenPath, NOT_FOUND_RESPONSE, METHOD_NOT_ALLOWED_RESPONSE } = core;
  const optionInvalid = (message: string): ZegoTokenError => new core.ZegoTokenError(core.ErrorCode.OPTION_INVALID, message);
  // Read once: the route is built again for each Worker env, from this record, so a getter of the caller's runs once.
  const read = core.readTokenRouteOptions(options, ['path']);
  const coreOptions = read as unknown as TokenRouteOptions<Request>; // getUserId takes env as well: see answer()
  const build = (environment: EnvironmentSource | undefined): { route: TokenRoute<Request, 'path'>; pattern: PathPattern } => {
    const route = core.createTokenRoute<Request, 'path'>(coreOptions, ['path'], { environment });
    const path = resolveTokenPath(route.adapterOptions.path, route.roomParam);
    return { route, pattern: compilePathPattern(path, route.roomParam, optionInvalid) };
  };
  // Built now when nothing needs a Worker's env, so a misconfigured server fails at start-up.
  const names = core.ENVIRONMENT_VARIABLES;
  const given = (option: 'appId' | 'secret'): boolean => read[option] !== undefined || (core.readsProcessEnv && fromProcess(names[option]));
  let current = given('appId') && given('secret') ? build(undefined) : undefined;
  let currentKey = '';

  function routeFor(env: unknown): { route: TokenRoute<Request, 'path'>; pattern: PathPattern } {
    const environment = credentialsOf(env, names);
    const key = environment === undefined ? '' : `${environment[names.appId] ?? ''}\n${environment[names.secret] ?? ''}`;
    if (current === undefined || key !== currentKey) {
      current = build(environment);
      currentKey = key;
    }
    return current;
  }

  return async (request: Request, env?: unknown): Promise<Response> => {
    const { route, pattern } = routeFor(env);
    const match = matchPath(pattern, new URL(request.url).pathname);
    if (match === undefined) return toResponse(NOT_FOUND_RESPONSE, request.method);
    if (request.method !== 'GET' && request.method !== 'HEAD') return toResponse(METHOD_NOT_ALLOWED_RESPONSE, request.method);
    const roomId = match.room ? match.roomId : undefined;
    const answer = route.answer(request, roomId, env);
    // Awaited only when the callbacks made it a promise (any realm's: a TokenResponse has no `then`), so a
    // synchronous answer skips a turn of the microtask queue.
    return toResponse('then' in answer ? await answer : answer, request.method);
  };
}
