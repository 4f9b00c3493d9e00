import type { TokenMode, TokenVersion } from '../format/envelope.js';
import type { KitClaims } from '../format/kit-token.js';
import { openToken } from '../format/open-token.js';

/** What anyone can read from a token without the secret. */
export interface TokenHeader {
  version: TokenVersion;
  mode: TokenMode;
  /** Epoch seconds, from the token's clear header. */
  expireTime: number;
  /** Present for a UIKit kit token: its clear wrapper (the header fields are its inner token's). */
  kit?: KitClaims;
}

/**
 * Reads a token's version, cipher and expire time without the secret (they are in clear), for example to tell a
 * client its token is about to expire, or to see at a glance why a login fails. A UIKit kit token
 * (`token04#wrapper`) reads as its inner token's header plus its wrapper, `kit`.
 *
 * @throws {@link ZegoTokenError} `TOKEN_MALFORMED` when the token's envelope (or kit wrapper) is malformed.
 *
 * @example
 * ```ts
 * const { expireTime } = inspectToken(token);
 * const secondsLeft = expireTime - Math.floor(Date.now() / 1000);
 * ```
 */
export function inspectToken(token: string): TokenHeader {
  const { envelope, kit } = openToken(token);
  const { version, mode, expireTime } = envelope;
  return kit === undefined ? { version, mode, expireTime } : { version, mode, expireTime, kit };
}
