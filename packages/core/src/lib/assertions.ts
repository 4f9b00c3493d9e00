import { ErrorCode, ZegoTokenError } from './errors.js';
import { utf8Length } from './utf8.js';

/** The largest app ID: app IDs are unsigned 32-bit integers, and 0 is not one. */
export const MAX_APP_ID: number = 0xffff_ffff;
/** The longest room ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_ROOM_ID_BYTES = 128;
/** The longest user ID ZEGO accepts, in UTF-8 bytes. */
export const MAX_USER_ID_BYTES = 64;
/** The server secret is used as an AES-256 key: exactly this many UTF-8 bytes. */
export const SECRET_BYTES = 32;

/** What a value looked like, for messages: its type only, never its content (it may be a secret). */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function assertAppId(appId: unknown): asserts appId is number {
  if (typeof appId !== 'number' || !Number.isInteger(appId) || appId < 1 || appId > MAX_APP_ID) {
    throw new ZegoTokenError(
      ErrorCode.APP_ID_INVALID,
      `appId must be an integer from 1 to ${MAX_APP_ID}. Received ${typeof appId === 'number' ? String(appId) : describe(appId)}`,
    );
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

function assertIdentifier(value: unknown, name: string, maxBytes: number, code: 2 | 3): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ZegoTokenError(code, `${name} must be a non-empty string. Received ${describe(value)}`);
  }
  if (!isWellFormed(value)) throw new ZegoTokenError(code, `${name} must be valid Unicode (it has a lone surrogate)`);
  const bytes = utf8Length(value);
  if (bytes > maxBytes) {
    throw new ZegoTokenError(code, `${name} must be at most ${maxBytes} UTF-8 bytes. Received ${bytes} bytes`);
  }
}

export function assertRoomId(roomId: unknown): asserts roomId is string {
  assertIdentifier(roomId, 'roomId', MAX_ROOM_ID_BYTES, ErrorCode.ROOM_ID_INVALID);
}

export function assertUserId(userId: unknown): asserts userId is string {
  assertIdentifier(userId, 'userId', MAX_USER_ID_BYTES, ErrorCode.USER_ID_INVALID);
}

export function assertSecret(secret: unknown): asserts secret is string {
  // Length in UTF-8 bytes, not UTF-16 units: the key is the secret's UTF-8 encoding.
  if (typeof secret !== 'string' || utf8Length(secret) !== SECRET_BYTES || !isWellFormed(secret)) {
    throw new ZegoTokenError(
      ErrorCode.SECRET_INVALID,
      `secret must be a string of exactly ${SECRET_BYTES} UTF-8 bytes (the ServerSecret from the ZEGO console)`,
    );
  }
}

/** The longest lifetime accepted: 2^31 - 1 seconds (68 years), far inside what the int64 header can carry. */
export const MAX_EFFECTIVE_TIME_IN_SECONDS: number = 0x7fff_ffff;

export function assertEffectiveTime(seconds: unknown): asserts seconds is number {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0 || seconds > MAX_EFFECTIVE_TIME_IN_SECONDS) {
    throw new ZegoTokenError(
      ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID,
      `effectiveTimeInSeconds must be an integer from 1 to ${MAX_EFFECTIVE_TIME_IN_SECONDS}. Received ${typeof seconds === 'number' ? String(seconds) : describe(seconds)}`,
    );
  }
}
