/**
 * Reads a token's envelope (docs/FORMAT.md, "Envelope") without the secret and without Node: plain `Uint8Array`s and
 * `atob` (or `Uint8Array.fromBase64`), so a Web Crypto decoder opens envelopes with the same rules as `node:crypto` does.
 *
 * What is wrong with an envelope comes back as an {@link EnvelopeFault} value, not an exception: the doctor needs to
 * tell a token that was cut short from one that never was a token, and `openToken` (open-token.ts) turns faults into errors.
 */
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';

/** The version prefix of a token. */
export type TokenVersion = '03' | '04';
/** The cipher of a token: AES-256-GCM (current 04) or AES-256-CBC (03 and legacy 04). */
export type TokenMode = 'gcm' | 'cbc';

/** A token's envelope, read without the secret. */
export interface Envelope {
  version: TokenVersion;
  mode: TokenMode;
  /** The expire time from the clear header, epoch seconds. */
  expireTime: number;
  iv: Uint8Array;
  /** The ciphertext; for GCM, without its tag. */
  ciphertext: Uint8Array;
  /** The GCM auth tag; empty for CBC. */
  tag: Uint8Array;
}

/**
 * Why an envelope cannot be read. `truncated`: the lengths it declares run past its end, so it was cut short;
 * `malformed`: anything else. `reason` names the part, never a value from the token.
 */
export interface EnvelopeFault {
  fault: 'malformed' | 'truncated';
  reason: string;
}

export const EXPIRE_BYTES = 8;
export const LENGTH_BYTES = 2;
export const CBC_IV_BYTES = 16;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
export const AES_BLOCK_BYTES = 16;
export const MODE_CBC = 0;
export const MODE_GCM = 1;
export const MAX_LENGTH = 0xffff;
export const TWO_TO_32 = 0x1_0000_0000;

/**
 * The longest token we read, in characters: the 2-character prefix and the base64 of the largest envelope the 16-bit
 * lengths allow (16-byte IV, 65,535-byte ciphertext, mode byte): 87,422.
 */
export const MAX_TOKEN_CHARS: number = 2 + Math.ceil((EXPIRE_BYTES + 2 * LENGTH_BYTES + CBC_IV_BYTES + MAX_LENGTH + 1) / 3) * 4;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CHARS = /^[A-Za-z0-9+/]*$/;
/** The empty tag of a CBC envelope: a zero-length array holds nothing to change, so one serves every envelope. */
const NO_TAG = new Uint8Array(0);

const fault = (reason: string, kind: EnvelopeFault['fault'] = 'malformed'): EnvelopeFault => ({ fault: kind, reason });

/** Whether a {@link readEnvelope} result is a fault. */
export function isEnvelopeFault(value: Envelope | EnvelopeFault): value is EnvelopeFault {
  return 'fault' in value;
}

/** The bytes of a binary string (`atob`'s output). */
function binaryBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes of whole base64 groups (a cut-off tail of 1 character carries no byte). */
function base64Bytes(text: string): Uint8Array {
  return binaryBytes(atob(text.length % 4 === 1 ? text.slice(0, -1) : text));
}

/**
 * How many bytes canonical padded base64 `text` holds, or -1 when its length or the unused trailing bits of its
 * last character rule it out (canonical base64 has them at zero: any other spelling is not the token's).
 *
 * A forgiving decoder (Node's, `atob`) that is handed `text` decodes exactly this many bytes only if it read every
 * character as one of the 64 of the standard alphabet: each character it skips (whitespace, anything outside its
 * alphabet, a misplaced `=`) costs at least one byte. So a decoder whose only extra letters are known (Node's `-` and
 * `_`) checks a text by this count instead of re-encoding its bytes.
 */
export function canonicalBase64Size(text: string): number {
  const length = text.length;
  if (length % 4 !== 0) return -1;
  let padding = 0;
  let last = text.charAt(length - 1);
  if (last === '=') {
    padding = text.charAt(length - 2) === '=' ? 2 : 1;
    last = text.charAt(length - 1 - padding);
  }
  // The last character holds 6 bits, of which 4 (`==`) or 2 (`=`) fall past the last byte.
  if (padding !== 0 && (BASE64_ALPHABET.indexOf(last) & (padding === 2 ? 0x0f : 0x03)) !== 0) return -1;
  return (length / 4) * 3 - padding;
}

/**
 * Canonical padded base64 to its bytes, `undefined` for any other text. A runtime's own decoder can do it faster than
 * {@link webBase64} (node:crypto's path passes its own); every one must accept exactly the same texts.
 */
export type Base64Decoder = (text: string) => Uint8Array | undefined;

// Uint8Array.fromBase64 where the runtime has it (Bun, Deno, recent V8; not Node 20): no binary string at all.
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

/**
 * The decoder with Web APIs only. `atob` (and `Uint8Array.fromBase64`, with its default forgiving last chunk, which
 * reads as `atob` does) skips whitespace and refuses any other character outside the standard alphabet (and a
 * misplaced `=`), so {@link canonicalBase64Size} decides the rest.
 */
export const webBase64: Base64Decoder = (text) => {
  const size = canonicalBase64Size(text);
  if (size === -1) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = nativeFromBase64 === undefined ? binaryBytes(atob(text)) : nativeFromBase64(text);
  } catch {
    return undefined;
  }
  return bytes.length === size ? bytes : undefined;
};

/**
 * Reads a token's envelope: `version + base64(envelope)`, canonical padded base64 only (a decoder that skipped
 * stray characters would read tokens that are not ZEGO's). A token whose base64 stops early but whose declared
 * lengths run past the end is reported `truncated`.
 */
export function readEnvelope(token: string, decode: Base64Decoder = webBase64): Envelope | EnvelopeFault {
  const version = token.slice(0, 2);
  if (version !== '03' && version !== '04') return fault('it must start with "03" or "04"');
  if (token.length > MAX_TOKEN_CHARS) return fault('too long');
  const base64 = token.slice(2);
  const bytes = decode(base64);
  if (bytes === undefined) {
    // Cut short: base64 characters up to an arbitrary point, where the lengths inside say more was to come.
    const unpadded = base64.replace(/={1,2}$/, '');
    if (BASE64_CHARS.test(unpadded)) {
      const partial = parseEnvelope(version, base64Bytes(unpadded));
      if (isEnvelopeFault(partial) && partial.fault === 'truncated') return partial;
    }
    return fault('not canonical padded base64');
  }
  return parseEnvelope(version, bytes);
}

/** A big-endian unsigned 16-bit integer at `at` (read by hand: a DataView per token costs more than the reads). */
const uint16 = (bytes: Uint8Array, at: number): number => (bytes[at]! << 8) | bytes[at + 1]!;
/** A big-endian unsigned 32-bit integer at `at`. */
const uint32 = (bytes: Uint8Array, at: number): number => uint16(bytes, at) * 0x1_0000 + uint16(bytes, at + 2);

/** Reads the envelope's bytes, rejecting anything that is not exactly the layout of docs/FORMAT.md. */
export function parseEnvelope(version: TokenVersion, bytes: Uint8Array): Envelope | EnvelopeFault {
  const size = bytes.length;
  let at = EXPIRE_BYTES + LENGTH_BYTES;
  if (size < at) return fault('too short to hold its header', 'truncated');
  const high = uint32(bytes, 0);
  if (high > 0x1f_ffff) return fault('expire time out of range');
  const expireTime = high * TWO_TO_32 + uint32(bytes, 4);

  const ivLength = uint16(bytes, EXPIRE_BYTES);
  if (size < at + ivLength + LENGTH_BYTES) return fault('IV length exceeds the token', 'truncated');
  const ivAt = at;
  at += ivLength;
  const cipherLength = uint16(bytes, at);
  at += LENGTH_BYTES;
  if (size < at + cipherLength) return fault('ciphertext length exceeds the token', 'truncated');
  const cipherAt = at;
  at += cipherLength;

  const trailing = size - at;
  const modeByte = bytes[at];
  let mode: TokenMode;
  if (trailing === 0) mode = 'cbc';
  else if (trailing === 1 && version === '04' && (modeByte === MODE_GCM || modeByte === MODE_CBC)) {
    mode = modeByte === MODE_GCM ? 'gcm' : 'cbc';
  } else if (trailing === 1 && version === '04') return fault('unknown mode byte');
  else return fault('unexpected bytes after the ciphertext');

  // Views of the token's bytes, no copies: as many as the cipher takes (IV, ciphertext, tag).
  if (mode === 'cbc') {
    if (ivLength !== CBC_IV_BYTES) return fault('a CBC IV must be 16 bytes');
    if (cipherLength === 0 || cipherLength % AES_BLOCK_BYTES !== 0) {
      return fault('CBC ciphertext length must be a positive multiple of 16');
    }
    const iv = bytes.subarray(ivAt, ivAt + ivLength);
    return { version, mode, expireTime, iv, ciphertext: bytes.subarray(cipherAt, at), tag: NO_TAG };
  }
  if (ivLength !== GCM_NONCE_BYTES) return fault('a GCM nonce must be 12 bytes');
  if (cipherLength < GCM_TAG_BYTES) return fault('GCM ciphertext is shorter than its tag');
  const tagAt = at - GCM_TAG_BYTES;
  const iv = bytes.subarray(ivAt, ivAt + ivLength);
  return { version, mode, expireTime, iv, ciphertext: bytes.subarray(cipherAt, tagAt), tag: bytes.subarray(tagAt, at) };
}

/** The one error for "this secret does not open this token": fixed, so it reveals nothing about why. */
export function decryptionFailed(): ZegoTokenError {
  return new ZegoTokenError(
    ErrorCode.TOKEN_DECRYPTION_FAILED,
    'token decryption failed: wrong secret, or the token was altered',
  );
}
