/**
 * The binary envelope shared by every ZEGO token version (docs/FORMAT.md, "Envelope"):
 *
 * ```
 * token = VERSION ("03" | "04") + base64(
 *   int64  BE  expire time (epoch seconds, in clear)
 *   uint16 BE  ivLength, then the IV        CBC: any 16 bytes (we write [0-9a-z])    GCM: 12 random bytes
 *   uint16 BE  ciphertextLength, then the ciphertext (GCM: followed by its 16-byte tag, counted in the length)
 *   [uint8     mode]                        04 only: 1 = GCM, 0 = CBC; absent means CBC
 * )
 * ```
 *
 * Reading lives in envelope-reader.ts (no Node APIs, shared with Web Crypto decoding); this file seals and decrypts.
 */
import { createCipheriv, createDecipheriv, type Cipher, type KeyObject } from 'node:crypto';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import {
  AES_BLOCK_BYTES,
  CBC_IV_BYTES,
  EXPIRE_BYTES,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  isEnvelopeFault,
  LENGTH_BYTES,
  MAX_LENGTH,
  MAX_TOKEN_CHARS,
  MODE_GCM,
  readEnvelope,
  decryptionFailed,
  TWO_TO_32,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from './envelope-reader.js';
import { fillAlphanumeric, fillRandomBytes } from './random.js';

export type { Envelope, TokenMode, TokenVersion };
export { decryptionFailed, MAX_TOKEN_CHARS };

/** The largest plaintext a token can carry: its ciphertext (plus padding or tag) must fit in 16 bits. */
export const MAX_PLAINTEXT_BYTES: number = MAX_LENGTH - AES_BLOCK_BYTES; // 65,519 for both CBC and GCM

/**
 * Encrypts `plaintext` and packs it into a token, writing IV and ciphertext straight into the envelope.
 * Throws code 7 if the plaintext is too long to be carried.
 */
export function sealToken(
  version: TokenVersion,
  mode: TokenMode,
  key: KeyObject,
  expireTime: number,
  plaintext: string,
): string {
  // The cipher reads the string itself: no intermediate Buffer of the plaintext.
  const length = Buffer.byteLength(plaintext, 'utf8');
  if (length > MAX_PLAINTEXT_BYTES) {
    throw new ZegoTokenError(
      ErrorCode.PAYLOAD_INVALID,
      `token plaintext must be at most ${MAX_PLAINTEXT_BYTES} bytes; the payload is too long`,
    );
  }
  const gcm = mode === 'gcm';
  const ivLength = gcm ? GCM_NONCE_BYTES : CBC_IV_BYTES;
  const cipherLength = gcm ? length + GCM_TAG_BYTES : (length & ~(AES_BLOCK_BYTES - 1)) + AES_BLOCK_BYTES;
  const ivAt = EXPIRE_BYTES + LENGTH_BYTES;
  const cipherAt = ivAt + ivLength + LENGTH_BYTES;
  const envelope = Buffer.allocUnsafe(cipherAt + cipherLength + (gcm ? 1 : 0));

  envelope.writeUInt32BE(Math.floor(expireTime / TWO_TO_32), 0);
  envelope.writeUInt32BE(expireTime >>> 0, 4);
  envelope.writeUInt16BE(ivLength, EXPIRE_BYTES);
  if (gcm) fillRandomBytes(envelope, ivAt, ivLength);
  else fillAlphanumeric(envelope, ivAt, ivLength);
  envelope.writeUInt16BE(cipherLength, cipherAt - LENGTH_BYTES);

  const iv = envelope.subarray(ivAt, ivAt + ivLength);
  if (gcm) {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const tagAt = encryptInto(cipher, plaintext, envelope, cipherAt);
    cipher.getAuthTag().copy(envelope, tagAt);
    envelope[tagAt + GCM_TAG_BYTES] = MODE_GCM;
  } else {
    encryptInto(createCipheriv('aes-256-cbc', key, iv), plaintext, envelope, cipherAt);
  }
  return version + envelope.toString('base64');
}

/** Encrypts `plaintext` into `target` at `at` without an intermediate concat; returns where the output ends. */
function encryptInto(cipher: Cipher, plaintext: string, target: Buffer, at: number): number {
  const end = at + cipher.update(plaintext, 'utf8').copy(target, at);
  return end + cipher.final().copy(target, end);
}

function malformed(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.TOKEN_MALFORMED, `malformed token: ${reason}`);
}

/**
 * Reads a token's envelope, rejecting anything that is not exactly the layout above (code 8); a token cut short
 * says so ("cut short: …").
 */
export function openEnvelope(token: unknown): Envelope {
  if (typeof token !== 'string') throw malformed('not a string');
  const envelope = readEnvelope(token);
  if (!isEnvelopeFault(envelope)) return envelope;
  throw malformed(envelope.fault === 'truncated' ? `cut short: ${envelope.reason}` : envelope.reason);
}

/** Decrypts an envelope's ciphertext. A wrong secret or an altered token throws code 9, with no detail. */
export function decryptEnvelope(envelope: Envelope, key: KeyObject): Buffer {
  try {
    if (envelope.mode === 'gcm') {
      const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv);
      decipher.setAuthTag(envelope.tag);
      return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
    }
    const decipher = createDecipheriv('aes-256-cbc', key, envelope.iv);
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
  } catch {
    throw decryptionFailed();
  }
}
