import { ZegoTokenError, type ErrorCodeValue, type ZegoTokenErrorDetails } from '../lib/errors.js';

// Its own brand: the inherited `Symbol.hasInstance` would answer true for every ZegoTokenError.
const BRAND = Symbol.for('@zego-token/core.ServerAssistantError');

/**
 * The error thrown by `@zego-token/core/server-assistant`: a {@link ZegoTokenError} that also carries the
 * `errorCode` and `errorMessage` fields which callers of ZEGO's Node.js `zegoServerAssistant` module read (that
 * module throws plain `{ errorCode, errorMessage }` objects).
 *
 * `errorCode` is always equal to `code`, and `errorMessage` to `message`. Codes 1-6 are ZEGO's numbering
 * (`appIDInvalid` = 1 … `effectiveTimeInSecondsInvalid` = 6); `PAYLOAD_INVALID` (7) is this library's, for a
 * `generateToken04` payload that ZEGO's module would have encrypted as is. Both fields are own enumerable
 * properties, so `JSON.stringify(error)` and `{ ...error }` still show them. Messages never contain the secret.
 *
 * @example
 * ```js
 * try {
 *   generateToken04(appID, userID, secret, 3600, '');
 * } catch (error) {
 *   res.status(500).json({ errorCode: error.errorCode, errorMessage: error.errorMessage }); // also a ZegoTokenError
 * }
 * ```
 */
export class ServerAssistantError extends ZegoTokenError {
  /** The same value as `code`: one of `ErrorCode`'s values, named as ZEGO's module names it. */
  readonly errorCode: ErrorCodeValue;
  /** The same text as `message`, named as ZEGO's module names it. */
  readonly errorMessage: string;

  /**
   * @param code - one of `ErrorCode`'s values
   * @param message - a fixed phrase: never pass secrets, IVs or plaintexts
   * @param details - the option at fault and the reason, as {@link ZegoTokenError}'s
   */
  constructor(code: ErrorCodeValue, message: string, details?: ZegoTokenErrorDetails) {
    super(code, message, details);
    this.errorCode = code;
    this.errorMessage = message;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Recognises errors from the package's other build too (an app may load both the ESM and CommonJS copy). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * Runs `generate` and rethrows its `ZegoTokenError` as a {@link ServerAssistantError} with the same code and message.
 * Anything else (a caller's throwing getter, say) passes through untouched.
 */
export function withServerAssistantErrors<T>(generate: () => T): T {
  try {
    return generate();
  } catch (error) {
    if (error instanceof ZegoTokenError && !(error instanceof ServerAssistantError)) {
      throw new ServerAssistantError(error.code, error.message, { option: error.option, reason: error.reason });
    }
    throw error;
  }
}
