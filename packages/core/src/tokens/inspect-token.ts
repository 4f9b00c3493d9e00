import { openEnvelope, type TokenMode, type TokenVersion } from '../format/envelope.js';

/** What anyone can read from a token without the secret. */
export interface TokenHeader {
  version: TokenVersion;
  mode: TokenMode;
  /** Epoch seconds, from the token's clear header. */
  expireTime: number;
}

/**
 * Reads a token's version, cipher and expire time without the secret (they are in clear), for example to tell a
 * client its token is about to expire, or to see at a glance why a login fails.
 *
 * @throws {@link ZegoTokenError} code 8 when the token's envelope is malformed.
 *
 * @example
 * ```ts
 * const { expireTime } = inspectToken(token);
 * const secondsLeft = expireTime - Math.floor(Date.now() / 1000);
 * ```
 */
export function inspectToken(token: string): TokenHeader {
  const { version, mode, expireTime } = openEnvelope(token);
  return { version, mode, expireTime };
}
