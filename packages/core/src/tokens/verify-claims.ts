/** What `verifyToken` checks besides decryption, shared by node:crypto's and Web Crypto's `verifyToken`. */
import { assertAppId, assertRoomId, assertUserId } from '../lib/assertions.js';
import { nowInSeconds } from '../lib/time.js';
import type { DecodedToken } from './read-claims.js';
import { describeNumber, ErrorCode, invalid, ZegoTokenError } from '../lib/errors.js';
import { optionsReader, type OptionNames, type ReadOptions } from '../lib/options.js';

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
   * `room_id: ""` is valid in any room (ZEGO's README), so it passes: the result says so with `room.anyRoom`. A kit
   * token whose wrapper names a room is bound to that room, the one UIKit joins (its token, if bound to a room, must
   * be bound to the same).
   */
  roomId?: string | undefined;
  /** The current time in epoch seconds; defaults to the system clock (leave it out, or `undefined`: `null` is refused). */
  now?: number | undefined;
  /**
   * Seconds of clock skew to allow past the expire time; defaults to {@link DEFAULT_CLOCK_TOLERANCE_SECONDS} (leave it
   * out, or `undefined`: `null` is refused).
   */
  clockToleranceSeconds?: number | undefined;
}

/** The names of {@link VerifyTokenExpectations}, which the doctor's options share. */
export const EXPECTATION_NAMES: OptionNames<VerifyTokenExpectations> = {
  appId: true,
  userId: true,
  roomId: true,
  now: true,
  clockToleranceSeconds: true,
};

const readExpectations = optionsReader<VerifyTokenExpectations>(EXPECTATION_NAMES);

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

/** The room a token is bound to: an 03 token's, or a 04 room payload's; `undefined` for none or any room. */
export function boundRoom(decoded: DecodedToken): string | undefined {
  if (decoded.version === '03') return decoded.roomId;
  return decoded.room === undefined || decoded.room.anyRoom === true ? undefined : decoded.room.roomId;
}

/**
 * Whether a kit token's wrapper names a room (the room UIKit joins) other than the one its token is bound to: then
 * the login fails wherever room authentication is on. A wrapper with no room, or a token bound to none, never differs.
 */
export function kitRoomDiffers(decoded: DecodedToken): boolean {
  const { kit } = decoded;
  const room = boundRoom(decoded);
  return kit !== undefined && kit.roomId !== '' && room !== undefined && room !== kit.roomId;
}

/** Expectations checked before any decryption, so a bad one fails the same way whatever the token. */
export interface CheckedExpectations {
  appId: number | undefined;
  userId: string | undefined;
  roomId: string | undefined;
  now: number;
  tolerance: number;
}

/**
 * Validates expectations already read (APP_ID_INVALID, USER_ID_INVALID, ROOM_ID_INVALID, OPTION_INVALID) and fills in
 * the clock and tolerance defaults: `verifyToken`'s and the doctor's, one rule. Only `undefined` means "not given".
 */
export function checkedExpectations(read: ReadOptions<VerifyTokenExpectations>): CheckedExpectations {
  const { appId, userId, roomId } = read;
  if (appId !== undefined) assertAppId(appId);
  if (userId !== undefined) assertUserId(userId);
  if (roomId !== undefined) assertRoomId(roomId);
  const now = read.now === undefined ? nowInSeconds() : read.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw invalid(ErrorCode.OPTION_INVALID, 'now', 'must be a finite number of epoch seconds', describeNumber(now));
  }
  const tolerance = read.clockToleranceSeconds === undefined ? DEFAULT_CLOCK_TOLERANCE_SECONDS : read.clockToleranceSeconds;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw invalid(ErrorCode.OPTION_INVALID, 'clockToleranceSeconds', 'must be a finite number >= 0', describeNumber(tolerance));
  }
  return { appId, userId, roomId, now, tolerance };
}

/** Reads `expect` as options (lib/options.ts) and validates it: see {@link checkedExpectations}. */
export function checkExpectations(expect: VerifyTokenExpectations): CheckedExpectations {
  return checkedExpectations(readExpectations(expect));
}

/** Throws TOKEN_EXPIRED if `decoded` has expired, TOKEN_CLAIM_MISMATCH if a claim differs from what is expected. */
export function judgeClaims(decoded: DecodedToken, expected: CheckedExpectations): DecodedToken {
  const { appId, userId, roomId, now, tolerance } = expected;
  if (decoded.expireTime < decoded.createTime) {
    throw new ZegoTokenError(ErrorCode.TOKEN_EXPIRED, 'token expired before it was created: its lifetime is negative');
  }
  if (now >= decoded.expireTime + tolerance) throw new ZegoTokenError(ErrorCode.TOKEN_EXPIRED, 'token has expired');
  const { kit } = decoded;
  if (kit !== undefined) {
    if (kit.appId !== decoded.appId) throw new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, "kit token's wrapper names another app than its token");
    if (kit.userId !== decoded.userId) throw new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, "kit token's wrapper names another user than its token");
    if (kitRoomDiffers(decoded)) throw new ZegoTokenError(ErrorCode.TOKEN_CLAIM_MISMATCH, "kit token's wrapper names another room than its token");
  }
  if (appId !== undefined && decoded.appId !== appId) throw mismatch('app');
  if (userId !== undefined && decoded.userId !== userId) throw mismatch('user');
  if (roomId !== undefined) {
    // UIKit joins the wrapper's room: a kit token that names one is bound to it (its token, checked above, agrees).
    const bound = kit !== undefined && kit.roomId !== '' ? kit.roomId === roomId : roomMatch(decoded, roomId) === 'match';
    if (!bound) throw mismatch('room');
  }
  return decoded;
}
