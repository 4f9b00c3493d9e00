/**
 * The AES keys homemade generators derive from the ServerSecret where ZEGO takes the secret's own 32 UTF-8 bytes
 * (docs/FORMAT.md): tried by the doctor on a token the secret does not open, so it can say "your generator hashes the
 * secret" rather than "wrong secret". Each is cheap (a digest and one decryption), and each was seen in public code.
 */
import type { Envelope } from '../format/envelope-reader.js';
import type { TokenCrypto } from '../format/token-crypto.js';

/**
 * What the doctor needs of a platform: its tokens' cryptography, any AES key, and two digests. `Bytes` is what each
 * answers: `Uint8Array` on node:crypto, a promise of one on Web Crypto.
 */
export interface DoctorCrypto<Bytes extends Uint8Array | Promise<Uint8Array>> extends TokenCrypto<unknown, Bytes> {
  /**
   * Decrypts with an AES key of 16, 24 or 32 bytes; a wrong key (or one the platform does not take: Chromium's Web
   * Crypto has no AES-192) throws or rejects with TOKEN_DECRYPTION_FAILED.
   */
  readonly openWithKey: (key: Uint8Array, envelope: Envelope) => Bytes;
  /** The digest of `data`. */
  readonly digest: (algorithm: 'sha256' | 'md5', data: Uint8Array) => Bytes;
}

/** The digests of a secret's UTF-8 bytes that the derivations below take. */
export interface SecretDigests {
  readonly sha256: Uint8Array;
  readonly md5: Uint8Array;
}

/** A key derived from the secret, and how, as a phrase: `SHA-256 of the secret`. */
export interface KeyDerivation {
  readonly name: string;
  readonly key: Uint8Array;
}

const utf8 = new TextEncoder();
const HEX = /^[0-9A-Fa-f]+$/;
const AES_KEY_BYTES = new Set([16, 24, 32]);

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

function hexDecoded(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * The keys a generator may have derived from `secret` (as given, right or wrong) instead of its 32 UTF-8 bytes, each
 * named as the doctor says it, from its UTF-8 `bytes` and their digests. Never the secret's own bytes: those are ZEGO's key,
 * tried first.
 */
export function derivedKeys(secret: string, bytes: Uint8Array, { sha256, md5 }: SecretDigests): KeyDerivation[] {
  const candidates: KeyDerivation[] = [
    { name: 'SHA-256 of the secret (AES-256)', key: sha256 },
    { name: 'the first 16 characters of the secret (AES-128)', key: bytes.subarray(0, 16) },
    { name: 'MD5 of the secret (AES-128)', key: md5 },
    { name: 'the hexadecimal MD5 digest of the secret (AES-256)', key: utf8.encode(hex(md5)) },
    // PHP's openssl_encrypt cuts a longer key to the cipher's size.
    { name: 'the hexadecimal SHA-256 digest of the secret cut to 32 characters (AES-256)', key: utf8.encode(hex(sha256).slice(0, 32)) },
  ];
  if (HEX.test(secret) && AES_KEY_BYTES.has(secret.length / 2)) {
    candidates.push({ name: `the secret decoded from hexadecimal (AES-${secret.length * 4})`, key: hexDecoded(secret) });
  }
  if (bytes.length > 32) candidates.push({ name: 'the first 32 characters of the secret (AES-256)', key: bytes.subarray(0, 32) });
  if (bytes.length < 32 && bytes.length > 0) {
    // PHP's openssl_encrypt pads a shorter key with zero bytes.
    const padded = new Uint8Array(32);
    padded.set(bytes);
    candidates.push({ name: 'the secret padded with zero bytes to 32 (AES-256)', key: padded });
  }
  return candidates.filter(({ key }) => key.length >= 16 && AES_KEY_BYTES.has(key.length) && !sameBytes(key, bytes));
}
