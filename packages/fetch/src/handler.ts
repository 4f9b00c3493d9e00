/**
 * Web-standard fetch adapter: a `Request` in, a `Response` out, for Cloudflare Workers, Next.js route handlers, Hono,
 * Bun and Deno. Everything but that translation lives in `@zego-token/core`'s token route (`respond`: the path
 * matcher, 404, 405, the HTTP contract, credentials from a Worker's `env`). The core is passed in (this file imports
 * only its types), so one handler serves every build of it: `index.ts` binds the `node:crypto` one, and a
 * Web-Crypto-only build binds `@zego-token/core/web` the same way.
 */
import type { createTokenRoute, MaybePromise, TokenRouteOptions } from '@zego-token/core';

/**
 * Options of {@link zegoToken}: the issuer's options, `getUserId(request, env)`, `getUserName(request, env)`, `path`
 * and `roomParam`. `Env` is the type of the handler's second argument (a Worker's bindings); `unknown` unless you
 * name it.
 */
export interface ZegoTokenOptions<Env = unknown> extends Omit<TokenRouteOptions<Request>, 'getUserId' | 'getUserName'> {
  /**
   * Who is asking, from your own auth of the `Request` (a verified session cookie or bearer token). `env` is what the
   * handler was given as its second argument (a Worker's `env`, so secrets such as a JWT key can come from there).
   * Return `null`, `undefined` or `''` when nobody is signed in (401). May be async; a throw or rejection rejects
   * the handler's promise.
   */
  getUserId: (request: Request, env: Env) => MaybePromise<string | number | null | undefined>;
  /**
   * The user's display name, for UIKit Prebuilt: given, each token answer carries `kitToken` beside `token` (see the
   * core's `TokenIssuerOptions.getUserName`). Called like `getUserId`, with the request and `env`, once the token is
   * granted; a string, or `null`, `undefined` or `''` for none. May be async.
   */
  getUserName?: ((request: Request, env: Env) => MaybePromise<string | null | undefined>) | undefined;
  /**
   * The URL pathname served: literal segments and `:name` parameters, the room in `:roomId` (or `roomParam`); a path
   * with no parameter (`'/zego/token'`) serves identity tokens. Matched exactly, by the core's matcher:
   * case-sensitive, no trailing slash. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
}

/**
 * The handler: `(request, env?) => Promise<Response>`. `env` is a Cloudflare Worker's bindings, handed to
 * `getUserId` and read for `ZEGO_APP_ID`/`ZEGO_SERVER_SECRET`; whatever else a host passes there (Next.js's
 * `{ params }`, Bun's server, Deno's connection info) is only handed to `getUserId`. A failing callback, or
 * credentials in `env` the core refuses, rejects the promise: the host's error handling answers (500). With a named
 * `Env`, `env` is required.
 */
export type ZegoTokenHandler<Env = unknown> = (
  request: Request,
  ...env: unknown extends Env ? [env?: unknown] : [env: Env]
) => Promise<Response>;

/** {@link zegoToken} over a build of the core, given by its `createTokenRoute`. */
export function zegoTokenWith<Env = unknown>(create: typeof createTokenRoute, options: ZegoTokenOptions<Env>): ZegoTokenHandler<Env> {
  // getUserId takes env as well: the route hands it what `respond` is given as the host.
  const route = create<Request, 'path'>(options as unknown as TokenRouteOptions<Request>, ['path'], { environmentFromHost: true });
  return async (request: Request, env?: unknown): Promise<Response> => {
    const answer = route.respond(request, request.method, new URL(request.url).pathname, env);
    // Awaited only when the callbacks made it a promise (any realm's: a TokenResponse has no `then`), so a
    // synchronous answer skips a turn of the microtask queue.
    const { status, headers, body } = 'then' in answer ? await answer : answer;
    // HEAD is answered like GET, without the body (Fetch would refuse a body on a HEAD response anyway).
    return new Response(request.method === 'HEAD' ? null : JSON.stringify(body), { status, headers });
  };
}
