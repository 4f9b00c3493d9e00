/** Tokens on node:crypto: synchronous, with the envelope written in place in one Buffer. */
import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type Cipher, type KeyObject } from 'node:crypto';
import { assertSecret } from '../lib/assertions.js';
import {
  decryptionFailed,
  layoutEnvelope,
  writeEnvelopeFrame,
  type Base64Decoder,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from './envelope.js';
import { AES_BLOCK_BYTES } from './envelope-reader.js';
import { createRandomSource } from './random.js';
import type { TokenCrypto, TokenKey } from './token-crypto.js';

// Called through the import at each fill (not captured), so the CommonJS build reads it from the module object.
const random = createRandomSource((pool) => {
  randomFillSync(pool);
});

/** Encrypts `plaintext` into `target` at `at` without an intermediate concat; returns where the output ends. */
function encryptInto(cipher: Cipher, plaintext: string, target: Buffer, at: number): number {
  const end = at + cipher.update(plaintext, 'utf8').copy(target, at);
  return end + cipher.final().copy(target, end);
}

function seal(key: KeyObject, version: TokenVersion, mode: TokenMode, expireTime: number, plaintext: string): string {
  // The cipher reads the string itself: no intermediate Buffer of the plaintext.
  const layout = layoutEnvelope(mode, Buffer.byteLength(plaintext, 'utf8'));
  const envelope = Buffer.allocUnsafe(layout.size);
  writeEnvelopeFrame(envelope, layout, expireTime);
  const { ivAt, ivLength, cipherAt } = layout;
  const iv = envelope.subarray(ivAt, ivAt + ivLength);
  if (mode === 'gcm') {
    random.fillRandomBytes(envelope, ivAt, ivLength);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const tagAt = encryptInto(cipher, plaintext, envelope, cipherAt);
    cipher.getAuthTag().copy(envelope, tagAt);
  } else {
    random.fillAlphanumeric(envelope, ivAt, ivLength);
    encryptInto(createCipheriv('aes-256-cbc', key, iv), plaintext, envelope, cipherAt);
  }
  return version + envelope.toString('base64');
}

/**
 * Node's base64 decoder skips stray characters and accepts other spellings, so a text is canonical exactly when its
 * bytes encode back to it: the same texts as the envelope reader's own check, several times faster than `atob`.
 */
export const NODE_BASE64: Base64Decoder = (text) => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : undefined;
};

/** The plaintext of PKCS#7-padded blocks: 1 to 16 trailing bytes, each holding their count. Anything else throws. */
function withoutPadding(blocks: Buffer): Buffer {
  const count = blocks[blocks.length - 1] ?? 0;
  if (count === 0 || count > AES_BLOCK_BYTES) throw decryptionFailed();
  for (let at = blocks.length - count; at < blocks.length - 1; at += 1) {
    if (blocks[at] !== count) throw decryptionFailed();
  }
  return blocks.subarray(0, blocks.length - count);
}

function open(key: KeyObject, envelope: Envelope): Buffer {
  try {
    if (envelope.mode === 'gcm') {
      const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv);
      decipher.setAuthTag(envelope.tag);
      const plaintext = decipher.update(envelope.ciphertext);
      // GCM is a stream mode: final() only checks the tag, and adds no bytes to concatenate.
      const rest = decipher.final();
      return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
    }
    // The ciphertext is whole blocks (the reader checked), so without OpenSSL's padding step update() returns them
    // all; the padding is checked and removed here, as final() would, with no last block to allocate and append.
    return withoutPadding(createDecipheriv('aes-256-cbc', key, envelope.iv).setAutoPadding(false).update(envelope.ciphertext));
  } catch {
    throw decryptionFailed();
  }
}

// Servers use one secret: remembering the last one spares every call the validation and key set-up.
let lastSecret: string | undefined;
let lastKey: TokenKey<string, Uint8Array> | undefined;

/** node:crypto's {@link TokenCrypto}: every operation synchronous. */
export const NODE_CRYPTO: TokenCrypto<string, Uint8Array> = {
  random,
  keyFor(secret) {
    if (secret === lastSecret && lastKey !== undefined) return lastKey;
    assertSecret(secret);
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    const bound: TokenKey<string, Uint8Array> = {
      seal: (version, mode, expireTime, plaintext) => seal(key, version, mode, expireTime, plaintext),
      open: (envelope) => open(key, envelope),
    };
    lastSecret = secret;
    lastKey = bound;
    return bound;
  },
};
