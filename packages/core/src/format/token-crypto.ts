/**
 * What differs between node:crypto and Web Crypto, as one interface: the key, the cipher and the random source. Everything above the format layer takes a `TokenCrypto` and so runs on either: node:crypto's is synchronous
 * (`Sealed = string`), Web Crypto's answers with promises.
 */
import { assertSecret } from '../lib/assertions.js';
import type { Envelope, TokenMode, TokenVersion } from './envelope.js';
import type { RandomSource } from './random.js';

/** A platform's cryptography for tokens. */
export interface TokenCrypto<Sealed, Opened> {
  readonly random: RandomSource;
  /**
   * Validates the server secret (SECRET_INVALID) and returns the cipher bound to it: its 32 UTF-8 bytes as an AES-256 key,
   * never hex-decoded. The key is set up once per secret.
   */
  keyFor(secret: unknown): TokenKey<Sealed, Opened>;
}

/** The cipher bound to one secret. */
export interface TokenKey<Sealed, Opened> {
  /**
   * Encrypts `plaintext` with a fresh IV and packs it into a token (`version` + base64 envelope). Throws (or
   * rejects with) PAYLOAD_INVALID if the plaintext is too long to be carried.
   */
  seal(version: TokenVersion, mode: TokenMode, expireTime: number, plaintext: string): Sealed;
  /** Decrypts an envelope's ciphertext. A wrong secret or an altered token throws (or rejects with) TOKEN_DECRYPTION_FAILED. */
  open(envelope: Envelope): Opened;
}

/**
 * A platform's `keyFor`: validates the secret (SECRET_INVALID) and sets its key up with `makeKey`, remembering the
 * last one. Servers use one secret, so every call after the first is spared the validation and the key set-up.
 */
export function lastKeyFor<Key>(makeKey: (secret: string) => Key): (secret: unknown) => Key {
  let lastSecret: string | undefined;
  let lastKey: Key | undefined;
  return (secret) => {
    if (secret === lastSecret && lastKey !== undefined) return lastKey;
    assertSecret(secret);
    const key = makeKey(secret);
    lastSecret = secret;
    lastKey = key;
    return key;
  };
}
