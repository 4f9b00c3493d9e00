/**
 * The HTTP contract of the token route, in one place. Both adapters send exactly these statuses, headers and bodies.
 *
 * | case                                              | status | body                                                  |
 * |---------------------------------------------------|--------|-------------------------------------------------------|
 * | user known, room valid                            | 200    | `{ token, appId, userId, roomId, version, issuedAt, expiresAt }` |
 * | user known, on a room-less (identity) route       | 200    | `{ token, appId, userId, version, issuedAt, expiresAt }` |
 * | either, with the `getUserName` option             | 200    | the same, with `kitToken` after `token`               |
 * | `getUserId` gives `null`, `undefined` or `''`     | 401    | `{ error: { code: 'unauthenticated', message } }`     |
 * | room ID empty, too long, or outside ZEGO's set    | 400    | `{ error: { code: 'invalid_room_id', message } }`     |
 * | the privilege resolver returns `false`            | 403    | `{ error: { code: 'forbidden', message } }`           |
 * | a callback throws, or gives a user ID ZEGO cannot take | the framework's error handling (500)          |
 *
 * Adapters that route requests themselves (the fetch handler) also answer 404 `not_found` off the route's path and
 * 405 `method_not_allowed` (with `Allow: GET, HEAD`) for other methods; framework adapters leave both to the framework.
 */
import type { TokenVersion } from '../format/envelope.js';
import { MAX_ROOM_ID_BYTES } from '../lib/assertions.js';
import { ZEGO_ID_SYMBOLS } from '../tokens/zego-id.js';

/** The body of a successful token response. Times are epoch seconds. */
export interface TokenResponseBody {
  /** The ZEGO token to pass to `loginRoom`. */
  token: string;
  /**
   * Only with the `getUserName` option: the token wrapped for UIKit Prebuilt, exactly as UIKit's
   * `generateKitTokenForProduction(appId, token, roomId, userId, userName)` wraps it (an identity route's without a
   * room), for `ZegoUIKitPrebuilt.create(kitToken)` and `zp.renewToken(kitToken)`. See `wrapKitToken`.
   */
  kitToken?: string;
  appId: number;
  /** The user the token is for: the client must log in to ZEGO with this user ID. */
  userId: string;
  /** The room the client asked for. */
  roomId: string;
  version: TokenVersion;
  /** When the token was made (its create time). */
  issuedAt: number;
  /** When it stops working: the client should fetch a new one before then. */
  expiresAt: number;
}

/** The body of a successful response of a room-less (identity) route: no room. Times are epoch seconds. */
export type IdentityTokenResponseBody = Omit<TokenResponseBody, 'roomId'>;

/** The machine-readable codes of the route's client errors. */
export type TokenErrorCode = 'unauthenticated' | 'invalid_room_id' | 'forbidden' | 'not_found' | 'method_not_allowed';

/** The body of a client error response. */
export interface TokenErrorBody {
  error: { code: TokenErrorCode; message: string };
}

/** A framework-neutral HTTP response: adapters copy status and headers and send `body` as JSON. */
export interface TokenResponse {
  status: 200 | 400 | 401 | 403 | 404 | 405;
  headers: Readonly<Record<string, string>>;
  body: TokenResponseBody | IdentityTokenResponseBody | TokenErrorBody;
}

/** Tokens are credentials: no cache, shared or private, may keep one. */
export const TOKEN_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-type': 'application/json; charset=utf-8',
});

function clientError(
  status: 400 | 401 | 403 | 404 | 405,
  code: TokenErrorCode,
  message: string,
  headers: Readonly<Record<string, string>> = TOKEN_RESPONSE_HEADERS,
): TokenResponse {
  const body = Object.freeze({ error: Object.freeze({ code, message }) });
  return Object.freeze({ status, headers, body });
}

// Client errors carry fixed messages (never the request's input), so they are built once, frozen.
/** 401 `unauthenticated`: nobody is signed in. */
export const UNAUTHENTICATED_RESPONSE: TokenResponse = clientError(401, 'unauthenticated', 'Sign in to get a ZEGO token.');
/** 400 `invalid_room_id`: the room ID is empty, too long, undecodable or has characters ZEGO refuses. */
export const INVALID_ROOM_ID_RESPONSE: TokenResponse = clientError(
  400,
  'invalid_room_id',
  `Room IDs are 1-${MAX_ROOM_ID_BYTES} characters: letters, digits and ${ZEGO_ID_SYMBOLS}`,
);
/** 403 `forbidden`: the privilege resolver refused this user this room. */
export const FORBIDDEN_RESPONSE: TokenResponse = clientError(403, 'forbidden', 'You may not join this room.');

/** 404 `not_found`: the request's path is not the token route's (adapters that route requests themselves). */
export const NOT_FOUND_RESPONSE: TokenResponse = clientError(404, 'not_found', 'No ZEGO token route at this path.');
/** 405 `method_not_allowed`, with `Allow: GET, HEAD`: the token route only answers GET and HEAD. */
export const METHOD_NOT_ALLOWED_RESPONSE: TokenResponse = clientError(
  405,
  'method_not_allowed',
  'Use GET to get a ZEGO token.',
  Object.freeze({ ...TOKEN_RESPONSE_HEADERS, allow: 'GET, HEAD' }),
);

/** A 200 response carrying a token. */
export function tokenResponse(body: TokenResponseBody | IdentityTokenResponseBody): TokenResponse {
  return { status: 200, headers: TOKEN_RESPONSE_HEADERS, body };
}
