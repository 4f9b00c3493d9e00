import { describe, describeNumber, ErrorCode, invalid, ZegoTokenError } from './errors.js';
import { isWellFormed, utf8Length } from './utf8.js';
import { SECRET_BYTES, secretProblem } from './secret.js';

/** The largest app ID: app IDs are unsigned 32-bit integers, and 0 is not one. */
export const MAX_APP_ID: number = 0xffff_ffff;
/** The longest room ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_ROOM_ID_BYTES = 128;
/** The longest user ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_USER_ID_BYTES = 64;
export { describe, isWellFormed, SECRET_BYTES };

/** Throws APP_ID_INVALID unless `appId` is an integer in 1..{@link MAX_APP_ID}; `option` names it in the error. */
export function assertAppId(appId: unknown, option = 'appId'): asserts appId is number {
  if (typeof appId !== 'number' || !Number.isInteger(appId) || appId < 1 || appId > MAX_APP_ID) {
    throw invalid(ErrorCode.APP_ID_INVALID, option, `must be an integer from 1 to ${MAX_APP_ID}`, describeNumber(appId));
  }
}

function assertIdentifier(value: unknown, option: string, maxBytes: number, code: 2 | 3): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(code, option, 'must be a non-empty string', describe(value));
  if (!isWellFormed(value)) throw invalid(code, option, 'must be valid Unicode (it has a lone surrogate)');
  const bytes = utf8Length(value);
  if (bytes > maxBytes) throw invalid(code, option, `must be at most ${maxBytes} UTF-8 bytes`, `${bytes} bytes`);
}

/** Throws ROOM_ID_INVALID unless `roomId` is a well-formed string of 1-{@link MAX_ROOM_ID_BYTES} UTF-8 bytes. */
export function assertRoomId(roomId: unknown, option = 'roomId'): asserts roomId is string {
  assertIdentifier(roomId, option, MAX_ROOM_ID_BYTES, ErrorCode.ROOM_ID_INVALID);
}

/** Throws USER_ID_INVALID unless `userId` is a well-formed string of 1-{@link MAX_USER_ID_BYTES} UTF-8 bytes. */
export function assertUserId(userId: unknown, option = 'userId'): asserts userId is string {
  assertIdentifier(userId, option, MAX_USER_ID_BYTES, ErrorCode.USER_ID_INVALID);
}

/**
 * Throws SECRET_INVALID unless `secret` is a ServerSecret: a well-formed string of exactly {@link SECRET_BYTES}
 * UTF-8 bytes, with no quotes or whitespace around it (lib/secret.ts: the one definition, whose reason says why).
 * `name` is what the message calls it: the option, or the environment variable it was read from.
 */
export function assertSecret(secret: unknown, name = 'secret'): asserts secret is string {
  const problem = secretProblem(secret);
  if (problem === undefined) return;
  const received = problem.fault === 'not_string' ? `. Received ${describe(secret)}` : '';
  throw new ZegoTokenError(ErrorCode.SECRET_INVALID, `${name} ${problem.reason}${received}`, { option: 'secret', reason: problem.reason });
}

/**
 * The largest lifetime a writer takes at all: 2^31 - 1 seconds (68 years), far inside what the int64 header can carry.
 * The expiry rule bounds it further: no token of ours expires after 2^31 - 1 epoch seconds (`MAX_EXPIRE_TIME`).
 */
export const MAX_EFFECTIVE_TIME_IN_SECONDS: number = 0x7fff_ffff;

/** Throws EFFECTIVE_TIME_IN_SECONDS_INVALID unless `seconds` is an integer in 1..{@link MAX_EFFECTIVE_TIME_IN_SECONDS}. */
export function assertEffectiveTime(seconds: unknown): asserts seconds is number {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0 || seconds > MAX_EFFECTIVE_TIME_IN_SECONDS) {
    throw invalid(
      ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID,
      'effectiveTimeInSeconds',
      `must be an integer from 1 to ${MAX_EFFECTIVE_TIME_IN_SECONDS}`,
      describeNumber(seconds),
    );
  }
}
