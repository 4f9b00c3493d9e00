/**
 * The token functions of `@zego-token/core/web`: the main entry's, on Web Crypto, answering with promises. Same
 * options, same validation, same results and `ZegoTokenError` codes (as rejections).
 */
import { openToken } from '../format/open-token.js';
import {
  generateToken03With,
  generateToken04With,
  type GenerateToken03Options,
  type GenerateToken04Options,
} from '../tokens/generate.js';
import { readClaims, type DecodedToken } from '../tokens/read-claims.js';
import { checkExpectations, judgeClaims, type VerifyTokenExpectations } from '../tokens/verify-claims.js';
import { WEB_CRYPTO } from './crypto.js';

/**
 * Generates a version 04 token with Web Crypto: the main entry's `generateToken04`, as a promise.
 *
 * @returns a promise of the token (`"04"` + base64), byte-for-byte the format of the main entry's.
 * @throws (rejects with) {@link ZegoTokenError} as the main entry: APP_ID_INVALID, USER_ID_INVALID, SECRET_INVALID,
 *   EFFECTIVE_TIME_IN_SECONDS_INVALID for a bad app ID, user ID, secret or lifetime (plainly a timestamp or
 *   milliseconds, or an expiry after 2038-01-19, included); ROOM_ID_INVALID (a room ID with `/`, `:`, a space…),
 *   PRIVILEGE_INVALID or PAYLOAD_INVALID for a bad room payload, a payload with a lone surrogate or one too long;
 *   OPTION_INVALID for an unknown `mode`, an unknown option or options that are not a plain object (read once, as
 *   by every function that takes options).
 *
 * @example
 * ```ts
 * import { generateToken04 } from '@zego-token/core/web';
 * const token = await generateToken04({ appId: Number(env.ZEGO_APP_ID), userId: 'alice', secret: env.ZEGO_SERVER_SECRET,
 *   effectiveTimeInSeconds: 3600 });
 * ```
 */
export async function generateToken04(options: GenerateToken04Options): Promise<string> {
  return generateToken04With(WEB_CRYPTO, options);
}

/**
 * Generates a version 03 token (AES-256-CBC, bound to a room) with Web Crypto: the main entry's `generateToken03`,
 * as a promise.
 *
 * @throws (rejects with) {@link ZegoTokenError} APP_ID_INVALID, ROOM_ID_INVALID, USER_ID_INVALID,
 *   PRIVILEGE_INVALID, SECRET_INVALID or EFFECTIVE_TIME_IN_SECONDS_INVALID, as the main entry; OPTION_INVALID for an
 *   unknown option or options that are not a plain object.
 */
export async function generateToken03(options: GenerateToken03Options): Promise<string> {
  return generateToken03With(WEB_CRYPTO, options);
}

/**
 * Decrypts a token with Web Crypto and returns its claims: the main entry's `decodeToken`, as a promise. It does not
 * judge expiry or audience: use {@link verifyToken} for that.
 *
 * It reads what the main entry reads: every token ZEGO's generators make, and a UIKit kit token.
 *
 * @throws (rejects with) {@link ZegoTokenError} SECRET_INVALID for a bad secret argument, TOKEN_MALFORMED for a
 *   malformed token, TOKEN_DECRYPTION_FAILED when this secret cannot decrypt it, TOKEN_EMPTY_PLAINTEXT when it
 *   decrypts to nothing. Messages never contain the secret, IV or plaintext.
 */
export async function decodeToken(token: string, secret: string): Promise<DecodedToken> {
  const key = WEB_CRYPTO.keyFor(secret);
  const opened = openToken(token);
  return readClaims(await key.open(opened.envelope), opened);
}

/**
 * Decodes a token with Web Crypto and checks that it has not expired and was issued for the expected app, user and
 * room: the main entry's `verifyToken`, as a promise (CBC tokens carry no integrity check; see the main entry).
 *
 * @throws (rejects with) {@link ZegoTokenError} as {@link decodeToken}; TOKEN_EXPIRED when expired;
 *   TOKEN_CLAIM_MISMATCH when a claim differs from `expect`; OPTION_INVALID for a `now` or `clockToleranceSeconds`
 *   that is not a finite number (`null` included), an unknown key in `expect` or an `expect` that is not a plain
 *   object; APP_ID_INVALID, ROOM_ID_INVALID or USER_ID_INVALID for a bad expected app, room or user ID.
 */
export async function verifyToken(token: string, secret: string, expect: VerifyTokenExpectations = {}): Promise<DecodedToken> {
  const expected = checkExpectations(expect);
  return judgeClaims(await decodeToken(token, secret), expected);
}
