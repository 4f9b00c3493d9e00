import { decodeToken, type DecodedToken } from './decode-token.js';
import { checkExpectations, judgeClaims, type VerifyTokenExpectations } from './verify-claims.js';

export { DEFAULT_CLOCK_TOLERANCE_SECONDS, roomMatch, type VerifyTokenExpectations } from './verify-claims.js';

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
  const expected = checkExpectations(expect);
  return judgeClaims(decodeToken(token, secret), expected);
}
