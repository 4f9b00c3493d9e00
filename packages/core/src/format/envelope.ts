/**
 * The binary envelope shared by every ZEGO token version (docs/FORMAT.md, "Envelope"):
 *
 * ```
 * token = VERSION ("03" | "04") + base64(
 *   int64  BE  expire time (epoch seconds, in clear)
 *   uint16 BE  ivLength, then the IV        CBC: 16 chars of [0-9a-z]    GCM: 12 random bytes
 *   uint16 BE  ciphertextLength, then the ciphertext (GCM: followed by its 16-byte tag, counted in the length)
 *   [uint8     mode]                        04 only: 1 = GCM, 0 = CBC; absent means CBC
 * )
 * ```
 */
import { createCipheriv, createDecipheriv, type Cipher, type KeyObject } from 'node:crypto';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { fillAlphanumeric, fillRandomBytes } from './random.js';

/** The version prefix of a token. */
export type TokenVersion = '03' | '04';
/** The cipher of a token: AES-256-GCM (current 04) or AES-256-CBC (03 and legacy 04). */
export type TokenMode = 'gcm' | 'cbc';

const EXPIRE_BYTES = 8;
const LENGTH_BYTES = 2;
const CBC_IV_BYTES = 16;
const GCM_NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;
const AES_BLOCK_BYTES = 16;
const MODE_CBC = 0;
const MODE_GCM = 1;
const MAX_LENGTH = 0xffff;
const TWO_TO_32 = 0x1_0000_0000;

/** The largest plaintext a token can carry: its ciphertext (plus padding or tag) must fit in 16 bits. */
export const MAX_PLAINTEXT_BYTES: number = MAX_LENGTH - AES_BLOCK_BYTES; // 65,519 for both CBC and GCM
/**
 * The longest token we read, in characters: the 2-character prefix and the base64 of the largest envelope the 16-bit
 * lengths allow (16-byte IV, 65,535-byte ciphertext, mode byte): 87,422.
 */
export const MAX_TOKEN_CHARS: number = 2 + Math.ceil((EXPIRE_BYTES + 2 * LENGTH_BYTES + CBC_IV_BYTES + MAX_LENGTH + 1) / 3) * 4;

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

/** A token's envelope, read without the secret. */
export interface Envelope {
  version: TokenVersion;
  mode: TokenMode;
  /** The expire time from the clear header, epoch seconds. */
  expireTime: number;
  iv: Buffer;
  /** The ciphertext; for GCM, without its tag. */
  ciphertext: Buffer;
  /** The GCM auth tag; empty for CBC. */
  tag: Buffer;
}

function malformed(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.TOKEN_MALFORMED, `malformed token: ${reason}`);
}

/** Reads a token's envelope, rejecting anything that is not exactly the layout above (code 8). */
export function openEnvelope(token: unknown): Envelope {
  if (typeof token !== 'string') throw malformed('not a string');
  const version = token.slice(0, 2);
  if (version !== '03' && version !== '04') throw malformed('it must start with "03" or "04"');
  if (token.length > MAX_TOKEN_CHARS) throw malformed('too long');
  const base64 = token.slice(2);
  const bytes = Buffer.from(base64, 'base64');
  // Node's decoder skips stray characters; only the canonical, padded encoding is a token.
  if (bytes.toString('base64') !== base64) throw malformed('not canonical padded base64');

  let at = EXPIRE_BYTES + LENGTH_BYTES;
  if (bytes.length < at) throw malformed('too short');
  const high = bytes.readUInt32BE(0);
  if (high > 0x1f_ffff) throw malformed('expire time out of range');
  const expireTime = high * TWO_TO_32 + bytes.readUInt32BE(4);

  const ivLength = bytes.readUInt16BE(EXPIRE_BYTES);
  if (bytes.length < at + ivLength + LENGTH_BYTES) throw malformed('IV length exceeds the token');
  const iv = bytes.subarray(at, at + ivLength);
  at += ivLength;
  const cipherLength = bytes.readUInt16BE(at);
  at += LENGTH_BYTES;
  if (bytes.length < at + cipherLength) throw malformed('ciphertext length exceeds the token');
  const body = bytes.subarray(at, at + cipherLength);
  at += cipherLength;

  const trailing = bytes.length - at;
  let mode: TokenMode;
  if (trailing === 0) mode = 'cbc';
  else if (trailing === 1 && version === '04' && (bytes[at] === MODE_GCM || bytes[at] === MODE_CBC)) {
    mode = bytes[at] === MODE_GCM ? 'gcm' : 'cbc';
  } else if (trailing === 1 && version === '04') throw malformed('unknown mode byte');
  else throw malformed('unexpected bytes after the ciphertext');

  if (mode === 'cbc') {
    if (ivLength !== CBC_IV_BYTES) throw malformed('a CBC IV must be 16 bytes');
    if (cipherLength === 0 || cipherLength % AES_BLOCK_BYTES !== 0) {
      throw malformed('CBC ciphertext length must be a positive multiple of 16');
    }
    return { version, mode, expireTime, iv, ciphertext: body, tag: body.subarray(0, 0) };
  }
  if (ivLength !== GCM_NONCE_BYTES) throw malformed('a GCM nonce must be 12 bytes');
  if (cipherLength < GCM_TAG_BYTES) throw malformed('GCM ciphertext is shorter than its tag');
  const tagAt = cipherLength - GCM_TAG_BYTES;
  return { version, mode, expireTime, iv, ciphertext: body.subarray(0, tagAt), tag: body.subarray(tagAt) };
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

/** The one error for "this secret does not open this token": fixed, so it reveals nothing about why. */
export function decryptionFailed(): ZegoTokenError {
  return new ZegoTokenError(
    ErrorCode.TOKEN_DECRYPTION_FAILED,
    'token decryption failed: wrong secret, or the token was altered',
  );
}
