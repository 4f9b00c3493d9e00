/**
 * Express adapter: translate the request, ask the core's token route, write its answer. The HTTP contract, the
 * option rules and the path matcher live in `@zego-token/core` (`createTokenRoute`), shared with every adapter.
 */
import { createTokenRoute, DEFAULT_TOKEN_PATH, pathOfRequestTarget, type TokenResponse, type TokenRouteOptions } from '@zego-token/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export { DEFAULT_TOKEN_PATH };

/**
 * Options of {@link zegoTokenHandler}: the issuer's options, `getUserId(req)` (typically `req.user?.id` or
 * `req.session.userId`), `getUserName(req)` (for UIKit's `kitToken`) and `roomParam`. Unknown keys are refused
 * (OPTION_INVALID).
 */
export type ZegoTokenHandlerOptions = TokenRouteOptions<Request>;

/** Options of {@link zegoToken} (and {@link zegoTokenRouter}): the handler's, plus the path to serve. */
export interface ZegoTokenOptions extends ZegoTokenHandlerOptions {
  /**
   * The path of the token route, below where it is mounted: literal segments and `:name` parameters, the room in
   * `:roomId` (or `roomParam`'s name), or no parameter at all for identity tokens (ZIM). Matched exactly
   * (case-sensitive, no trailing slash); checked at construction. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
}

/** Options of {@link zegoTokenRouter}: the same as {@link zegoToken}'s. */
export type ZegoTokenRouterOptions = ZegoTokenOptions;

/** Asks the route and sends its answer; failures go to `next` (Express 4 does not catch rejections). */
function respond(res: Response, next: NextFunction, ask: () => TokenResponse | Promise<TokenResponse>): void {
  const send = ({ status, headers, body }: TokenResponse): void => {
    // Another middleware (a timeout, say) may have answered while an async callback was pending.
    if (!res.headersSent) res.status(status).set(headers).json(body);
  };
  let answer: TokenResponse | Promise<TokenResponse>;
  try {
    answer = ask();
  } catch (error) {
    next(error);
    return;
  }
  if (answer instanceof Promise) answer.then(send).catch(next);
  else send(answer);
}

/**
 * A request handler that answers with a ZEGO token for the signed-in user and the room in `req.params`, for a
 * route of your own: your route decides which paths it serves, as it matches them. A request without the room
 * parameter (an optional one left out, or a route that declares none) answers like a bad room: 401 when nobody is
 * signed in, else 400 `invalid_room_id`. Options are read and validated here, so a misconfigured server fails at
 * start-up.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID without `getUserId` or
 *   with an unknown option.
 *
 * @example
 * ```ts
 * app.get('/rooms/:roomId/token', requireLogin, zegoTokenHandler({ getUserId: (req) => req.user?.id }));
 * ```
 */
export function zegoTokenHandler(options: ZegoTokenHandlerOptions): RequestHandler {
  const route = createTokenRoute<Request>(options);
  return (req, res, next) => respond(res, next, () => route.answer(req, (req.params as Record<string, unknown>)[route.roomParam]));
}

/**
 * Middleware serving `GET` (and `HEAD`) {@link DEFAULT_TOKEN_PATH} (or `options.path`) and passing every other
 * request on, `OPTIONS` (a CORS preflight) to the token path included: `app.use(zegoToken({...}))`, on an app, a
 * sub-app or an `express.Router`. Below where it is mounted (`app.use('/api', …)`, whose prefix Express matches), it
 * matches its path exactly, with the core's matcher, whatever the host's routing settings: case-sensitive, no
 * trailing slash, nothing percent-decoded but the room. So a guard of yours on that path (a rate limiter on
 * `app.get('/zego/token/:roomId', …)` or in a router with any settings) sees every request it serves. The order of
 * answers is the core's: 401, then 400 (a room that is not valid percent-encoding included), then 403.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a `path` outside the
 *   core's grammar (`compileTokenPath`).
 *
 * @example
 * ```ts
 * app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
 * app.use(zegoToken({ getUserId: (req) => req.session.userId })); // appId and secret from ZEGO_APP_ID, ZEGO_SERVER_SECRET
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): RequestHandler {
  const route = createTokenRoute<Request, 'path'>(options, ['path']);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // req.path is the path Express's own routers match (below the mount path); an express.Router served without an
    // Express app has none, and reads req.url.
    const room = route.path.match(req.path ?? pathOfRequestTarget(req.url));
    if (room === false) next();
    else respond(res, next, () => route.answer(req, room));
  };
}

/**
 * The same as {@link zegoToken}: the name every adapter gives its router factory.
 *
 * @example
 * ```ts
 * app.use('/api', zegoTokenRouter({ getUserId: (req) => req.user?.id })); // GET /api/zego/token/:roomId
 * ```
 */
export const zegoTokenRouter: (options: ZegoTokenRouterOptions) => RequestHandler = zegoToken;
