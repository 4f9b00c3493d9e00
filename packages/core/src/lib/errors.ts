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

/**
 * The one error class thrown by `@zego-token/core`.
 *
 * Messages are fixed phrases: they never contain the secret, an IV or nonce, or a token's plaintext, so they are
 * safe to log and to show. Branch on {@link ZegoTokenError.code}, not on the message.
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

  /**
   * @param code - one of {@link ErrorCode}'s values
   * @param message - a fixed phrase: never pass secrets, IVs or plaintexts
   */
  constructor(code: ErrorCodeValue, message: string) {
    super(message);
    this.code = code;
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
