import { assertAppId, assertRoomId, assertUserId } from '../lib/assertions.js';
import { nowInSeconds } from '../lib/clock.js';
import { decodeToken, type DecodedToken } from './decode-token.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { assertOptionsObject, optionInvalid } from '../lib/options.js';

/** The clock skew {@link verifyToken} allows by default, in seconds: none, as ZEGO's servers allow none. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 0;

/** What {@link verifyToken} checks besides decryption. Every field is optional. */
export interface VerifyTokenExpectations {
  /** The token must be for this app. */
  appId?: number | undefined;
  /** The token must be for this user. */
  userId?: string | undefined;
  /**
   * The token must be bound to this room (03 tokens, and 04 tokens with a room payload). A room payload with
   * `room_id: ""` is valid in any room (ZEGO's README), so it passes: the result says so with `room.anyRoom`.
   */
  roomId?: string | undefined;
  /** The current time in epoch seconds; defaults to the system clock (leave it out: `null` is refused). */
  now?: number | undefined;
  /**
   * Seconds of clock skew to allow past the expire time; defaults to {@link DEFAULT_CLOCK_TOLERANCE_SECONDS} (leave it
   * out: `null` is refused).
   */
  clockToleranceSeconds?: number | undefined;
}


function mismatch(claim: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, `token was issued for another ${claim}`);
}

/**
 * Whether a token is valid in `roomId`: `'match'` for its room or a room payload with `room_id: ""` (any room, as
 * ZEGO's README defines it); `'no-room'` for a 04 token without a room payload; `'other'` for another room.
 */
export function roomMatch(decoded: DecodedToken, roomId: string): 'match' | 'no-room' | 'other' {
  if (decoded.version === '03') return decoded.roomId === roomId ? 'match' : 'other';
  if (decoded.room === undefined) return 'no-room';
  return decoded.room.anyRoom === true || decoded.room.roomId === roomId ? 'match' : 'other';
}

/**
 * Decodes a token and checks that it has not expired and was issued for the expected app, user and room.
 * A token is expired from its expire time on (`now >= expireTime + clockToleranceSeconds`), and always when it
 * expires before it was created (a negative lifetime, which ZEGO's Node.js sample accepts). A UIKit kit token must
 * name in its wrapper the app and user of its token: UIKit logs in as the wrapper's user.
 *
 * Only GCM tokens (`mode: 'gcm'`, the 04 default) are authenticated. CBC tokens (03 and legacy 04) carry no
 * integrity check: whoever holds one can flip bits of its IV and so change the first 16 bytes of its plaintext
 * (`{"app_id":…`) without the secret. That is the format's design, and ZEGO's servers accept such tokens too; treat
 * a verified CBC token as "readable with this secret", not as proof of who made it.
 *
 * @throws {@link ZegoTokenError} as {@link decodeToken}; TOKEN_EXPIRED when expired; TOKEN_CLAIM_MISMATCH when a
 *   claim differs from `expect` (or a kit wrapper from its token); OPTION_INVALID for a `now` or `clockToleranceSeconds` that is not a finite number
 *   (`null` included: leave a field out, or `undefined`, for its default); APP_ID_INVALID, ROOM_ID_INVALID or
 *   USER_ID_INVALID for a bad expected app, room or user ID.
 *
 * @example
 * ```ts
 * const claims = verifyToken(token, secret, { appId, userId: 'alice', roomId: 'lobby', clockToleranceSeconds: 5 });
 * ```
 */
export function verifyToken(token: string, secret: string, expect: VerifyTokenExpectations = {}): DecodedToken {
  assertOptionsObject(expect, 'expect');
  const { appId, userId, roomId } = expect;
  if (appId !== undefined) assertAppId(appId);
  if (userId !== undefined) assertUserId(userId);
  if (roomId !== undefined) assertRoomId(roomId);
  // Only `undefined` means "not given": a null is a mistake to report, not a request for the default (as the issuer).
  const now = expect.now === undefined ? nowInSeconds() : expect.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw optionInvalid('now must be a finite number of epoch seconds');
  const tolerance =
    expect.clockToleranceSeconds === undefined ? DEFAULT_CLOCK_TOLERANCE_SECONDS : expect.clockToleranceSeconds;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw optionInvalid('clockToleranceSeconds must be a finite number >= 0');
  }

  const decoded = decodeToken(token, secret);
  if (decoded.expireTime < decoded.createTime) {
    throw new ZegoTokenError(ErrorCode.TOKEN_EXPIRED, 'token expired before it was created: its lifetime is negative');
  }
  if (now >= decoded.expireTime + tolerance) throw new ZegoTokenError(ErrorCode.TOKEN_EXPIRED, 'token has expired');
  if (decoded.version === '04' && decoded.kit !== undefined) {
    if (decoded.kit.appId !== decoded.appId) throw new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, "kit token's wrapper names another app than its token");
    if (decoded.kit.userId !== decoded.userId) throw new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, "kit token's wrapper names another user than its token");
  }
  if (appId !== undefined && decoded.appId !== appId) throw mismatch('app');
  if (userId !== undefined && decoded.userId !== userId) throw mismatch('user');
  if (roomId !== undefined) {
    if (roomMatch(decoded, roomId) !== 'match') throw mismatch('room');
  }
  return decoded;
}
