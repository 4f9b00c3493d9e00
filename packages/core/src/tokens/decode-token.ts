import { openEnvelope } from '../format/envelope.js';
import { NODE_BASE64, NODE_CRYPTO } from '../format/crypto-node.js';
import { unwrapKitToken } from '../format/kit-token.js';
import { readClaims, type DecodedToken } from './read-claims.js';

export type { DecodedToken, DecodedToken03, DecodedToken04 } from './read-claims.js';

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
  // A non-string goes on to openEnvelope, which refuses it as malformed.
  const { token: inner, kit } = typeof token === 'string' ? unwrapKitToken(token) : { token, kit: undefined };
  const envelope = openEnvelope(inner, NODE_BASE64);
  return readClaims(key.open(envelope), envelope, kit);
}
