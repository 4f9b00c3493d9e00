const ERROR_CODES = {
  /** No error: only ever seen in a {@link TokenInfo} returned by the seed-compatible `generateToken`. */
  SUCCESS: 0,
  /** The app ID is not an integer in 1..4294967295. */
  APP_ID_INVALID: 1,
  /** The room ID is not a non-empty string of at most 128 UTF-8 bytes. */
  ROOM_ID_INVALID: 2,
  /** The user ID is not a non-empty string of at most 64 UTF-8 bytes. */
  USER_ID_INVALID: 3,
  /** The privilege is not one of the accepted shapes, or a value is not 0, 1 or a boolean. */
  PRIVILEGE_INVALID: 4,
  /** The server secret is not a string of exactly 32 UTF-8 bytes. */
  SECRET_INVALID: 5,
  /** The lifetime is not an integer number of seconds from 1 to 2^31 - 1. */
  EFFECTIVE_TIME_IN_SECONDS_INVALID: 6,
  /** The 04 payload is not a string, is an invalid room payload, or is too long to fit in a token. */
  PAYLOAD_INVALID: 7,
  /** The token is not a well-formed ZEGO token: prefix, base64, lengths, mode byte or plaintext shape. */
  TOKEN_MALFORMED: 8,
  /** The token could not be decrypted with this secret (wrong secret, or the token was altered). */
  TOKEN_DECRYPTION_FAILED: 9,
  /** The token has expired (see `verifyToken`). */
  TOKEN_EXPIRED: 10,
  /** The token is valid but was issued for another app, user or room than expected (see `verifyToken`). */
  TOKEN_CLAIM_MISMATCH: 11,
  /** An option has a value outside its documented set (for example `mode`, `now` or `clockToleranceSeconds`). */
  OPTION_INVALID: 12,
  /**
   * The token decrypts, with this secret, to nothing at all: its generator failed to encode its JSON and encrypted
   * an empty string (PHP's `json_encode` does on invalid UTF-8). The secret is right; the generator's input is not.
   */
  TOKEN_EMPTY_PLAINTEXT: 13,
} as const;

/**
 * Numeric error codes carried by every {@link ZegoTokenError}.
 *
 * Codes 0-6 are those of ZEGO's `zego_server_assistant` (the seed API), so code written against it keeps working;
 * the codes after 6 are this library's own.
 */
export const ErrorCode: typeof ERROR_CODES = Object.freeze(ERROR_CODES);

// Shared by every copy of this module (ESM and CommonJS builds) through the global symbol registry.
const BRAND = Symbol.for('@zego-token/core.ZegoTokenError');

/** One of the values of {@link ErrorCode}. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What a {@link ZegoTokenError} says beyond its code and message: structured, to branch on and to rephrase. */
export interface ZegoTokenErrorDetails {
  /**
   * The option or argument at fault, as the API names it (`'userId'`, `'payload.roomId'`, `'streamIdList[1]'`);
   * absent when the error is about no single one.
   */
  readonly option?: string | undefined;
  /**
   * Why, as a fixed phrase without the option's name and without what the code already says: what is wrong with
   * `option` (`'must be a non-empty string'`), or, for TOKEN_MALFORMED, the part of the token that is
   * (`'kit wrapper: the part after "#" is not base64'`). Defaults to the message.
   */
  readonly reason?: string | undefined;
}

/**
 * The one error class thrown by `@zego-token/core`.
 *
 * Messages are fixed phrases: they never contain the secret, an IV or nonce, or a token's plaintext, so they are
 * safe to log and to show. Branch on {@link ZegoTokenError.code} (and {@link ZegoTokenError.option}), never on the
 * message; show {@link ZegoTokenError.reason} where the code and option are said another way (a command-line flag,
 * a finding).
 *
 * @example
 * ```ts
 * try {
 *   verifyToken(token, secret, { userId: 'alice' });
 * } catch (error) {
 *   if (error instanceof ZegoTokenError && error.code === ErrorCode.TOKEN_EXPIRED) {
 *     // ask the client to fetch a new token
 *   }
 * }
 * ```
 */
export class ZegoTokenError extends Error {
  override readonly name = 'ZegoTokenError' as const;
  /** One of {@link ErrorCode}'s values. */
  readonly code: ErrorCodeValue;
  /** Why, without the option's name: see {@link ZegoTokenErrorDetails.reason}. */
  readonly reason: string;
  /** The option or argument at fault, when there is one: see {@link ZegoTokenErrorDetails.option}. */
  readonly option: string | undefined;

  /**
   * @param code - one of {@link ErrorCode}'s values
   * @param message - a fixed phrase: never pass secrets, IVs or plaintexts
   * @param details - the option at fault and the reason, when the message is made of them
   */
  constructor(code: ErrorCodeValue, message: string, details: ZegoTokenErrorDetails = {}) {
    super(message);
    this.code = code;
    this.reason = details.reason ?? message;
    this.option = details.option;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `instanceof` also recognises errors from the package's other build: an app that both `require`s and `import`s
   * `@zego-token/core` loads two copies of this class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** What a value looked like, for messages: its type only, never its content (it may be a secret). */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A number as itself (app IDs, lifetimes and flags are no secrets), anything else as {@link describe} says. */
export function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : describe(value);
}

/**
 * The error about one option or argument: `${option} ${reason}`, then `. Received ${received}` when given (what the
 * value looked like, from {@link describe}).
 */
export function invalid(code: ErrorCodeValue, option: string, reason: string, received?: string): ZegoTokenError {
  const message = `${option} ${reason}${received === undefined ? '' : `. Received ${received}`}`;
  return new ZegoTokenError(code, message, { option, reason });
}

/** TOKEN_MALFORMED, `malformed token: ${reason}`: `reason` names the part, never a value from the token. */
export function malformedToken(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.TOKEN_MALFORMED, `malformed token: ${reason}`, { reason });
}
