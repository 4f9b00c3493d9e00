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
 * Packing and unpacking bytes only: no cipher and no runtime API, so node:crypto (`node/crypto.ts`) and Web Crypto
 * (`web/crypto.ts`) share it. Reading lives in envelope-reader.ts (faults as values, for the doctor); this file lays
 * out new envelopes (open-token.ts turns a reader's fault into an error).
 */
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import {
  AES_BLOCK_BYTES,
  CBC_IV_BYTES,
  EXPIRE_BYTES,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  LENGTH_BYTES,
  MAX_LENGTH,
  MAX_TOKEN_CHARS,
  MODE_GCM,
  decryptionFailed,
  type Base64Decoder,
  TWO_TO_32,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from './envelope-reader.js';

export type { Base64Decoder, Envelope, TokenMode, TokenVersion };
export { decryptionFailed, GCM_TAG_BYTES, MAX_TOKEN_CHARS };

/** The largest plaintext a token can carry: its ciphertext (plus padding or tag) must fit in 16 bits. */
export const MAX_PLAINTEXT_BYTES: number = MAX_LENGTH - AES_BLOCK_BYTES; // 65,519 for both CBC and GCM

/** Where each part of a new envelope goes, for a plaintext of a given length. */
export interface EnvelopeLayout {
  readonly mode: TokenMode;
  readonly ivAt: number;
  readonly ivLength: number;
  readonly cipherAt: number;
  /** The ciphertext's length: CBC's padded length, or GCM's plaintext length plus the tag. */
  readonly cipherLength: number;
  /** The whole envelope's length in bytes. */
  readonly size: number;
}

/** Lays out the envelope of a `plaintextBytes`-long plaintext; throws PAYLOAD_INVALID if it is too long to be carried. */
export function layoutEnvelope(mode: TokenMode, plaintextBytes: number): EnvelopeLayout {
  if (plaintextBytes > MAX_PLAINTEXT_BYTES) {
    throw new ZegoTokenError(
      ErrorCode.PAYLOAD_INVALID,
      `token plaintext must be at most ${MAX_PLAINTEXT_BYTES} bytes; the payload is too long`,
    );
  }
  // PKCS#7 always pads, by 1 to 16 bytes.
  return layoutSealed(
    mode,
    mode === 'gcm' ? plaintextBytes + GCM_TAG_BYTES : (plaintextBytes & ~(AES_BLOCK_BYTES - 1)) + AES_BLOCK_BYTES,
  );
}

/** Lays out the envelope around a ciphertext of `cipherLength` bytes (GCM: with its tag), as a cipher returned it. */
export function layoutSealed(mode: TokenMode, cipherLength: number): EnvelopeLayout {
  const gcm = mode === 'gcm';
  const ivLength = gcm ? GCM_NONCE_BYTES : CBC_IV_BYTES;
  const ivAt = EXPIRE_BYTES + LENGTH_BYTES;
  const cipherAt = ivAt + ivLength + LENGTH_BYTES;
  return { mode, ivAt, ivLength, cipherAt, cipherLength, size: cipherAt + cipherLength + (gcm ? 1 : 0) };
}

function writeUint16(target: Uint8Array, at: number, value: number): void {
  target[at] = value >>> 8;
  target[at + 1] = value & 0xff;
}

function writeUint32(target: Uint8Array, at: number, value: number): void {
  target[at] = value >>> 24;
  target[at + 1] = (value >>> 16) & 0xff;
  target[at + 2] = (value >>> 8) & 0xff;
  target[at + 3] = value & 0xff;
}

/** Writes everything but the IV and ciphertext into `target` (of `layout.size` bytes): times, lengths, mode byte. */
export function writeEnvelopeFrame(target: Uint8Array, layout: EnvelopeLayout, expireTime: number): void {
  writeUint32(target, 0, Math.floor(expireTime / TWO_TO_32));
  writeUint32(target, 4, expireTime >>> 0);
  writeUint16(target, EXPIRE_BYTES, layout.ivLength);
  writeUint16(target, layout.cipherAt - LENGTH_BYTES, layout.cipherLength);
  if (layout.mode === 'gcm') target[layout.size - 1] = MODE_GCM;
}
