/**
 * Koa adapter: translate the context, ask the core's issuer, write its answer. The HTTP contract itself lives in
 * `@zego-token/core` (`createTokenIssuer`), shared with the Express adapter.
 */
import Router from '@koa/router';
import { createTokenRoute, ErrorCode, ZegoTokenError, type TokenResponse, type TokenRouteOptions } from '@zego-token/core';
import type { Context, Middleware } from 'koa';

/** The route {@link zegoTokenRouter} serves unless told otherwise. */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

/**
 * Options of {@link zegoToken}: the issuer's options, `getUserId(ctx)` (typically `ctx.state.user?.sub` after a JWT
 * middleware) and `roomParam`, the `@koa/router` parameter with the room ID.
 */
export type ZegoTokenOptions = TokenRouteOptions<Context>;

/** Options of {@link zegoTokenRouter}. */
export interface ZegoTokenRouterOptions extends ZegoTokenOptions {
  /** The path of the token route, with the room parameter. Default {@link DEFAULT_TOKEN_PATH}. */
  path?: string | undefined;
}

function send(ctx: Context, { status, headers, body }: TokenResponse): void {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
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
 * Koa middleware for a `@koa/router` route with a `:roomId` parameter; it answers with a ZEGO token for the signed-in
 * user. Failures of your callbacks propagate to Koa (500 and the app's `'error'` event). Options are validated here.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenIssuer`; code 12 without `getUserId`.
 *
 * @example
 * ```ts
 * router.get('/zego/token/:roomId', zegoToken({ getUserId: (ctx) => ctx.state.user?.sub }));
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): Middleware {
  const route = createTokenRoute<Context>(options);
  const { roomParam } = route;

  return (ctx) => {
    const params = (ctx as Context & { params?: Record<string, string | undefined> }).params;
    if (params === undefined || !(roomParam in params)) {
      throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `zegoToken needs a @koa/router route with a :${roomParam} parameter`);
    }
    // @koa/router hands over a parameter it cannot percent-decode as is ("%E0%A4%A"): no room the client meant.
    // Only a room with a '%' left in it can be one, so only then is the path decoded again.
    const raw = params[roomParam];
    const roomId = raw?.includes('%') && !isDecodable(ctx.path) ? undefined : raw;
    const answer = route.answer(ctx, roomId);
    if (answer instanceof Promise) return answer.then((response) => send(ctx, response));
    send(ctx, answer);
    return undefined;
  };
}

/**
 * A `@koa/router` router serving `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`).
 *
 * @example
 * ```ts
 * app.use(zegoTokenRouter({ getUserId: (ctx) => ctx.state.user?.sub }).routes());
 * ```
 */
export function zegoTokenRouter(options: ZegoTokenRouterOptions): Router {
  const { path = DEFAULT_TOKEN_PATH, ...middlewareOptions } = options ?? ({} as ZegoTokenRouterOptions);
  const router = new Router();
  router.get(path, zegoToken(middlewareOptions));
  return router;
}
