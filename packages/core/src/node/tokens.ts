/**
 * The token functions of the main entry, on node:crypto: synchronous. `@zego-token/core/web` has the same functions on
 * Web Crypto (web/tokens.ts); both are the shared rules (tokens/) bound to a platform's cryptography.
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
import { NODE_BASE64, NODE_CRYPTO } from './crypto.js';

/**
 * Generates a version 04 token, the kind current ZEGO SDKs (Express, ZIM, UIKits) take in `loginRoom` / `login`.
 *
 * The nonce and IV come from `node:crypto`; nothing is logged. It writes only what every ZEGO client takes: room and
 * stream IDs without `/`, `:`, spaces or non-ASCII (`isZegoRoomId`), and no expiry after 2^31 - 1 s (2038-01-19).
 *
 * @throws {@link ZegoTokenError} APP_ID_INVALID, USER_ID_INVALID, SECRET_INVALID for a bad app ID, user ID or secret;
 *   EFFECTIVE_TIME_IN_SECONDS_INVALID for a lifetime that is not an integer from 1 to 2^31 - 1, that is plainly a
 *   timestamp or milliseconds (the message says which), or that would make the token expire after 2038-01-19;
 *   ROOM_ID_INVALID, PRIVILEGE_INVALID or PAYLOAD_INVALID for a bad room payload (see {@link buildRoomPayload}:
 *   `streamIdList: []` is refused; a payload string that is a room payload is held to the same ID rule), a payload
 *   string with a lone surrogate, or a payload too long for a token (or a key that is none of a room payload's);
 *   OPTION_INVALID for an unknown `mode`,
 *   an unknown option (named, with the option meant) or options that are not a plain object. The options are read
 *   once, by the rule of every function that takes options (see `TokenIssuerOptions`).
 *
 * @example
 * ```ts
 * const token = generateToken04({
 *   appId: 1234567890,
 *   userId: 'alice',
 *   secret: process.env.ZEGO_SERVER_SECRET!,
 *   effectiveTimeInSeconds: 3600,
 *   payload: { roomId: 'lobby', privilege: { publish: false } },
 * });
 * ```
 */
export function generateToken04(options: GenerateToken04Options): string {
  return generateToken04With(NODE_CRYPTO, options);
}

/**
 * Generates a version 03 token (AES-256-CBC, always bound to a room), for apps still on ZEGO's older SDKs.
 * New apps should use {@link generateToken04}.
 *
 * @throws {@link ZegoTokenError} with the seed's codes: 1 app ID, 2 room ID (a room ID outside `isZegoRoomId`'s rule:
 *   no `/`, `:`, spaces or non-ASCII), 3 user ID, 4 privilege, 5 secret, 6 lifetime (as `generateToken04`'s: plainly a
 *   timestamp or milliseconds, or an expiry after 2038-01-19, is refused too); OPTION_INVALID for an unknown option (named, with the option meant) or options that are not a plain
 *   object. The options are read once, by the rule of every function that takes options.
 *
 * @example
 * ```ts
 * const token = generateToken03({ appId, roomId: 'demo', userId: 'demo', secret, effectiveTimeInSeconds: 3600 });
 * ```
 */
export function generateToken03(options: GenerateToken03Options): string {
  return generateToken03With(NODE_CRYPTO, options);
}

/**
 * Decrypts a token and returns its claims. It does not judge expiry or audience: use {@link verifyToken} for that.
 *
 * Use it to find out why a ZEGO login fails with "token error": wrong app ID, user ID, room or an expired token.
 * It reads every token ZEGO's generators make (docs/FORMAT.md, "What ZEGO's generators really emit"), and a UIKit
 * kit token (`token04#wrapper`) as its token's claims plus `kit`.
 *
 * @throws {@link ZegoTokenError} `SECRET_INVALID` for a bad secret argument; `TOKEN_MALFORMED` for a malformed
 *   token (prefix, base64, lengths, trailing bytes, mode, plaintext shape, header and body expiry that disagree,
 *   a malformed kit wrapper); `TOKEN_DECRYPTION_FAILED` when this secret cannot decrypt it (wrong secret or an
 *   altered token); `TOKEN_EMPTY_PLAINTEXT` when it decrypts to nothing (its generator failed to encode its JSON).
 *   Messages never contain the secret, IV or plaintext.
 *
 * @example
 * ```ts
 * const claims = decodeToken(token, process.env.ZEGO_SERVER_SECRET!);
 * if (claims.version === '04') report(claims.userId, claims.room?.roomId, new Date(claims.expireTime * 1000));
 * ```
 */
export function decodeToken(token: string, secret: string): DecodedToken {
  const key = NODE_CRYPTO.keyFor(secret);
  const opened = openToken(token, NODE_BASE64);
  return readClaims(key.open(opened.envelope), opened);
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
 *   claim differs from `expect` (or a kit wrapper from its token); OPTION_INVALID for a `now` or
 *   `clockToleranceSeconds` that is not a finite number (`null` included: leave a field out, or `undefined`, for its
 *   default), an unknown key in `expect` (`userID` names `userId`: a misspelt expectation is never skipped), or an
 *   `expect` that is not a plain object; APP_ID_INVALID, ROOM_ID_INVALID or USER_ID_INVALID for a bad expected app,
 *   room or user ID.
 *
 * @example
 * ```ts
 * const claims = verifyToken(token, secret, { appId, userId: 'alice', roomId: 'lobby', clockToleranceSeconds: 5 });
 * ```
 */
export function verifyToken(token: string, secret: string, expect: VerifyTokenExpectations = {}): DecodedToken {
  const expected = checkExpectations(expect);
  return judgeClaims(decodeToken(token, secret), expected);
}
