/**
 * Express adapter: translate the request, ask the core's token route, write its answer. The HTTP contract itself
 * lives in `@zego-token/core` (`createTokenIssuer`), shared with the Koa adapter.
 */
import {
  createTokenRoute,
  ErrorCode,
  INVALID_ROOM_ID_RESPONSE,
  ZegoTokenError,
  type TokenResponse,
  type TokenRouteOptions,
} from '@zego-token/core';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, type Router } from 'express';

/** The route {@link zegoToken} serves unless told otherwise. */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

/**
 * Options of {@link zegoTokenHandler}: the issuer's options, `getUserId(req)` (typically `req.user?.id` or
 * `req.session.userId`) and `roomParam`.
 */
export type ZegoTokenHandlerOptions = TokenRouteOptions<Request>;

/** Options of {@link zegoToken}. */
export interface ZegoTokenOptions extends ZegoTokenHandlerOptions {
  /** The path of the token route, with the room parameter. Default {@link DEFAULT_TOKEN_PATH}. */
  path?: string | undefined;
}

function send(res: Response, { status, headers, body }: TokenResponse): void {
  // Another middleware (a timeout, say) may have answered while an async callback was pending.
  if (!res.headersSent) res.status(status).set(headers).json(body);
}

/**
 * A request handler that answers with a ZEGO token for the signed-in user and the room in `req.params`, for a
 * route of your own. Options are validated here, so a misconfigured server fails at start-up.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenIssuer`; code 12 without `getUserId`.
 *
 * @example
 * ```ts
 * app.get('/rooms/:roomId/token', requireLogin, zegoTokenHandler({ getUserId: (req) => req.user?.id }));
 * ```
 */
export function zegoTokenHandler(options: ZegoTokenHandlerOptions): RequestHandler {
  const route = createTokenRoute<Request>(options);
  const { roomParam } = route;

  return (req, res, next) => {
    if (!(roomParam in req.params)) {
      next(new ZegoTokenError(ErrorCode.OPTION_INVALID, `the route has no :${roomParam} parameter (see roomParam)`));
      return;
    }
    let answer: TokenResponse | Promise<TokenResponse>;
    try {
      answer = route.answer(req, req.params[roomParam]);
    } catch (error) {
      next(error);
      return;
    }
    // Express 4 does not catch rejections, so async failures are handed to next() explicitly.
    if (answer instanceof Promise) answer.then((response) => send(res, response)).catch(next);
    else send(res, answer);
  };
}

/** Express answers a path it cannot percent-decode with its own 400; the token route answers in its contract. */
const undecodableRoom: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (error instanceof URIError && (error as URIError & { status?: number }).status === 400) send(res, INVALID_ROOM_ID_RESPONSE);
  else next(error);
};

/**
 * An Express router serving `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`): `app.use(zegoToken({...}))`.
 *
 * @example
 * ```ts
 * app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
 * app.use(zegoToken({ getUserId: (req) => req.session.userId })); // appId and secret from ZEGO_APP_ID, ZEGO_SERVER_SECRET
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): Router {
  const { path = DEFAULT_TOKEN_PATH, ...handlerOptions } = options ?? ({} as ZegoTokenOptions);
  // mergeParams: the room parameter may also sit in the path the router is mounted at.
  const router = express.Router({ mergeParams: true });
  router.get(path, zegoTokenHandler(handlerOptions));
  router.use(undecodableRoom);
  return router;
}
