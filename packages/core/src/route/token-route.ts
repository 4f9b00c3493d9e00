import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { createTokenIssuer, type MaybePromise, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';
import type { TokenResponse } from './token-response.js';

/** The room parameter the adapters read unless told otherwise. */
export const DEFAULT_ROOM_PARAM = 'roomId';

/** Options shared by every framework adapter: the issuer's, plus where the user and the room come from. */
export interface TokenRouteOptions<Request = unknown> extends TokenIssuerOptions<Request> {
  /**
   * Who is asking, from your own authentication (a session, passport's `req.user`, a verified JWT in
   * `ctx.state.user`, …). Return `null`, `undefined` or `''` when nobody is signed in: the route answers 401.
   * May be async; a throw or rejection goes to the framework's error handling.
   */
  getUserId: (request: Request) => MaybePromise<string | number | null | undefined>;
  /** The route parameter holding the room ID. Default {@link DEFAULT_ROOM_PARAM} (`'roomId'`). */
  roomParam?: string | undefined;
}

/** A token route without a framework: an adapter reads the room parameter and sends what `answer` returns. */
export interface TokenRoute<Request = unknown> {
  readonly issuer: TokenIssuer<Request>;
  readonly roomParam: string;
  /** Asks `getUserId` who sent `request` and answers for `roomId`; may throw or reject (framework error path). */
  answer(request: Request, roomId: unknown): TokenResponse | Promise<TokenResponse>;
}

/**
 * What every adapter does before touching its framework: check `getUserId`, validate the issuer's options once, and
 * wire the two together. Used by `@zego-token/express` and `@zego-token/koa`; use it for another framework.
 *
 * @throws {@link ZegoTokenError} as `createTokenIssuer`, and code 12 without a `getUserId` function or with a
 *   `roomParam` that is not a non-empty string.
 */
export function createTokenRoute<Request = unknown>(options: TokenRouteOptions<Request>): TokenRoute<Request> {
  if (typeof options !== 'object' || options === null || typeof options.getUserId !== 'function') {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, 'getUserId must be a function returning the signed-in user ID');
  }
  const { getUserId, roomParam = DEFAULT_ROOM_PARAM, ...issuerOptions } = options;
  if (typeof roomParam !== 'string' || roomParam === '') {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, 'roomParam must be a non-empty string');
  }
  const issuer = createTokenIssuer<Request>(issuerOptions);
  return Object.freeze({
    issuer,
    roomParam,
    answer: (request: Request, roomId: unknown) => issuer.issue({ userId: getUserId(request), roomId, request }),
  });
}
