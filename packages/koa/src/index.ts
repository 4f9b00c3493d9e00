/**
 * Koa adapter: translate the context, ask the core's token route, write its answer. The HTTP contract, the option
 * rules and the path matcher live in `@zego-token/core` (`createTokenRoute`), shared with every adapter.
 */
import Router from '@koa/router';
import { createTokenRoute, DEFAULT_TOKEN_PATH, type TokenResponse, type TokenRouteOptions } from '@zego-token/core';
import type { Context, Middleware } from 'koa';

export { DEFAULT_TOKEN_PATH };

/**
 * Options of {@link zegoTokenHandler}: the issuer's options, `getUserId(ctx)` (typically `ctx.state.user?.sub` after
 * a JWT middleware), `getUserName(ctx)` (for UIKit's `kitToken`) and `roomParam`, the `@koa/router` parameter with
 * the room ID. Unknown keys are refused (OPTION_INVALID).
 */
export type ZegoTokenHandlerOptions = TokenRouteOptions<Context>;

/** Options of {@link zegoToken} and {@link zegoTokenRouter}: the handler's, plus the path to serve. */
export interface ZegoTokenOptions extends ZegoTokenHandlerOptions {
  /**
   * The path of the token route: literal segments and `:name` parameters, the room in `:roomId` (or `roomParam`'s
   * name), or no parameter at all for identity tokens (ZIM). Matched exactly (case-sensitive, no trailing slash);
   * checked at construction. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
}

/** Options of {@link zegoTokenRouter}: the same as {@link zegoToken}'s. */
export type ZegoTokenRouterOptions = ZegoTokenOptions;

function send(ctx: Context, answer: TokenResponse | Promise<TokenResponse>): Promise<void> | undefined {
  const write = ({ status, headers, body }: TokenResponse): void => {
    ctx.status = status;
    ctx.set(headers);
    ctx.body = body;
  };
  if (answer instanceof Promise) return answer.then(write);
  write(answer);
  return undefined;
}

function isDecodable(path: string): boolean {
  try {
    // The result must be used: the bundler drops a bare decodeURIComponent() call as if it could not throw.
    return decodeURIComponent(path).length >= 0;
  } catch {
    return false;
  }
}

/**
 * Koa middleware for a `@koa/router` route of your own (`router.get('/t/:roomId', …)`, any path, under any prefix):
 * your route decides which paths it serves, and the room comes from its `ctx.params`. It answers with a ZEGO token
 * for the signed-in user. A request without the room parameter (an optional one left out, or no `@koa/router` route
 * at all) answers like a bad room: 401 when nobody is signed in, else 400 `invalid_room_id`; so does a room
 * `@koa/router` could not percent-decode. Failures of your callbacks propagate to Koa (500 and the app's `'error'`
 * event). Options are validated here.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID without `getUserId` or with
 *   an unknown option.
 *
 * @example
 * ```ts
 * router.get('/rooms/:roomId/token', requireLogin, zegoTokenHandler({ getUserId: (ctx) => ctx.state.user?.sub }));
 * ```
 */
export function zegoTokenHandler(options: ZegoTokenHandlerOptions): Middleware {
  const route = createTokenRoute<Context>(options);
  return (ctx) => {
    const raw = (ctx as { params?: Record<string, string | undefined> }).params?.[route.roomParam];
    // @koa/router hands over a parameter it cannot percent-decode as is ("%E0%A4%A"): no room the client meant.
    return send(ctx, route.answer(ctx, raw?.includes('%') && !isDecodable(ctx.path) ? undefined : raw));
  };
}

/**
 * A `@koa/router` router with one route, `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`), matched exactly:
 * case-sensitive, no trailing slash (the router is `sensitive` and `strict`), and its room read by the core's
 * matcher. Mount its `routes()` on the app, or nest them in a router of yours: `api.use(zegoTokenRouter().routes())`
 * serves the route under that router's prefix and `use` path, the prefix matched as exactly.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a `path` outside the
 *   core's grammar (`compileTokenPath`).
 *
 * @example
 * ```ts
 * app.use(zegoTokenRouter({ getUserId: (ctx) => ctx.state.user?.sub }).routes());
 * ```
 */
export function zegoTokenRouter(options: ZegoTokenRouterOptions): Router {
  const route = createTokenRoute<Context, 'path'>(options, ['path']);
  const router = new Router({ sensitive: true, strict: true });
  router.get(route.path.path, (ctx, next) => {
    // The router matched the whole path exactly; the core's matcher reads the room from its own segments.
    const room = route.path.matchEnd(ctx.path);
    return room === false ? next() : send(ctx, route.answer(ctx, room));
  });
  return router;
}

/**
 * What you mount, in any of Koa's ways; it serves its own path exactly wherever it is:
 * - `app.use(zegoToken({...}))`: serves `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`) and passes every other
 *   request on, as the Express adapter's one line does;
 * - `router.use(zegoToken({...}))` or `router.use('/api', zegoToken({...}))` on a `@koa/router` router: it is a
 *   router's `routes()` ({@link zegoTokenRouter}'s), so the token route joins that router, served under its prefix and
 *   `use` path (`GET /api/zego/token/:roomId`);
 * - `router.get('/zego/token/:roomId', zegoToken({...}))` on a `@koa/router` route: it serves the requests of that
 *   route whose path is its own `path` (the default one here). For a route of any other path or prefix, mount
 *   {@link zegoTokenHandler}, which serves whatever your route matched.
 *
 * A guard of yours on the same path (a rate limiter in a router with any settings, a `ctx.path` check) sees every
 * request it serves. The order of answers is the core's: 401, then 400, then 403.
 *
 * @throws {@link ZegoTokenError} for bad options, as {@link zegoTokenRouter}.
 *
 * @example
 * ```ts
 * app.use(zegoToken({ getUserId: (ctx) => ctx.state.user?.sub })); // appId and secret from ZEGO_APP_ID, ZEGO_SERVER_SECRET
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): Middleware {
  return zegoTokenRouter(options).routes() as Middleware;
}
