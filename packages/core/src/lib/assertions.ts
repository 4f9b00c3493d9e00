import { describe, describeNumber, ErrorCode, invalid } from './errors.js';
import { utf8Length } from './utf8.js';

/** The largest app ID: app IDs are unsigned 32-bit integers, and 0 is not one. */
export const MAX_APP_ID: number = 0xffff_ffff;
/** The longest room ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_ROOM_ID_BYTES = 128;
/** The longest user ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_USER_ID_BYTES = 64;
/** The server secret is used as an AES-256 key: exactly this many UTF-8 bytes. */
export const SECRET_BYTES = 32;

export { describe };

/** Throws APP_ID_INVALID unless `appId` is an integer in 1..{@link MAX_APP_ID}; `option` names it in the error. */
export function assertAppId(appId: unknown, option = 'appId'): asserts appId is number {
  if (typeof appId !== 'number' || !Number.isInteger(appId) || appId < 1 || appId > MAX_APP_ID) {
    throw invalid(ErrorCode.APP_ID_INVALID, option, `must be an integer from 1 to ${MAX_APP_ID}`, describeNumber(appId));
  }
}

// An unpaired surrogate has no UTF-8 form: Node would silently encode it as U+FFFD, changing the ID or key.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// `String#isWellFormed` where the runtime has it (Node 20+, Bun, Deno, workerd): several times faster than the regex,
// which stays for Node 18.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** Whether `value` is a string with a UTF-8 form (no lone surrogate): `String#isWellFormed`, which Node 18 lacks. */
export const isWellFormed: (value: string) => boolean =
  nativeIsWellFormed === undefined ? (value) => !LONE_SURROGATE.test(value) : (value) => nativeIsWellFormed.call(value);

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

/** Throws SECRET_INVALID unless `secret` is a well-formed string of exactly {@link SECRET_BYTES} UTF-8 bytes. */
export function assertSecret(secret: unknown): asserts secret is string {
  // Length in UTF-8 bytes, not UTF-16 units: the key is the secret's UTF-8 encoding.
  if (typeof secret !== 'string' || utf8Length(secret) !== SECRET_BYTES || !isWellFormed(secret)) {
    throw invalid(ErrorCode.SECRET_INVALID, 'secret', `must be a string of exactly ${SECRET_BYTES} UTF-8 bytes (the ServerSecret from the ZEGO console)`);
  }
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
