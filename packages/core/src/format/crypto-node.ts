/** Tokens on node:crypto: synchronous, with the envelope written in place in one Buffer. */
import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type Cipher, type KeyObject } from 'node:crypto';
import { assertSecret } from '../lib/assertions.js';
import {
  decryptionFailed,
  layoutEnvelope,
  writeEnvelopeFrame,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from './envelope.js';
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

function open(key: KeyObject, envelope: Envelope): Buffer {
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
