/** Tokens on node:crypto: synchronous, with the envelope written in place in one Buffer. */
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import {
  decryptionFailed,
  layoutEnvelope,
  layoutSealed,
  MAX_PLAINTEXT_BYTES,
  writeEnvelopeFrame,
  type Base64Decoder,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from '../format/envelope.js';
import { AES_BLOCK_BYTES, canonicalBase64Size, CBC_IV_BYTES, GCM_NONCE_BYTES } from '../format/envelope-reader.js';
import { createRandomSource } from '../format/random.js';
import { lastKeyFor, type TokenCrypto, type TokenKey } from '../format/token-crypto.js';

// Called through the import at each fill (not captured), so the CommonJS build reads it from the module object.
const random = createRandomSource((pool) => {
  randomFillSync(pool);
});

// A V8 startup snapshot (`node --build-snapshot`, a single executable application's `useSnapshot`) keeps this
// module's heap, the random pool included: every process started from it would seal its next tokens with the same
// IVs and nonces. So when this module is part of a snapshot being built, each process started from it refills first.
// (Not a pid check: containers start every process as the same pid, often 1, the snapshot's builder included.)
// `getBuiltinModule` rather than an import: runtimes with node:crypto but no node:v8 (workerd) load this module too.
const v8 = typeof process === 'object' ? process.getBuiltinModule?.('node:v8') : undefined;
if (v8?.startupSnapshot?.isBuildingSnapshot()) v8.startupSnapshot.addDeserializeCallback(() => random.reset());

// The IV is drawn into a scratch buffer, handed to the cipher (which copies it) and then copied into the envelope:
// sealing is synchronous, so one scratch buffer per length serves every call, with no view of the envelope per token.
const gcmNonce = Buffer.alloc(GCM_NONCE_BYTES);
const cbcIv = Buffer.alloc(CBC_IV_BYTES);
// A string of at most this many UTF-16 units has at most 3 UTF-8 bytes per unit: it fits without being counted.
const SURELY_FITS = Math.floor(MAX_PLAINTEXT_BYTES / 3);

function seal(key: Buffer, version: TokenVersion, mode: TokenMode, expireTime: number, plaintext: string): string {
  // A plaintext too long to be carried is refused before it is encrypted (PAYLOAD_INVALID); a short one needs no count.
  if (plaintext.length > SURELY_FITS) layoutEnvelope(mode, Buffer.byteLength(plaintext, 'utf8'));
  // The cipher reads the string itself (no Buffer of the plaintext), and what it returns sizes the envelope: one
  // allocation, as long as the token.
  let iv: Buffer;
  let body: Buffer;
  let last: Buffer;
  let tag: Buffer | undefined;
  if (mode === 'gcm') {
    iv = gcmNonce;
    random.fillRandomBytes(iv, 0, GCM_NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    body = cipher.update(plaintext, 'utf8');
    last = cipher.final();
    tag = cipher.getAuthTag();
  } else {
    iv = cbcIv;
    random.fillAlphanumeric(iv, 0, CBC_IV_BYTES);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    body = cipher.update(plaintext, 'utf8');
    last = cipher.final();
  }
  const layout = layoutSealed(mode, body.length + last.length + (tag === undefined ? 0 : tag.length));
  const envelope = Buffer.allocUnsafe(layout.size);
  writeEnvelopeFrame(envelope, layout, expireTime);
  envelope.set(iv, layout.ivAt);
  envelope.set(body, layout.cipherAt);
  envelope.set(last, layout.cipherAt + body.length);
  if (tag !== undefined) envelope.set(tag, layout.cipherAt + body.length + last.length);
  return version + envelope.toString('base64');
}

/**
 * Node's base64 decoder skips what is not base64, also reads the URL-safe `-` and `_`, and reads a character beyond
 * U+00FF by its low byte (`Ł`, U+0141, as `A`). Refusing those first (any character beyond ASCII, then `-` and `_`),
 * the byte count it reaches tells whether the text was canonical (see `canonicalBase64Size`): the same texts as the
 * envelope reader's own check, without encoding the bytes back to compare.
 */
export const NODE_BASE64: Base64Decoder = (text) => {
  const size = canonicalBase64Size(text);
  if (size === -1 || Buffer.byteLength(text, 'utf8') !== text.length || text.includes('-') || text.includes('_')) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === size ? bytes : undefined;
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

/** AES of the key's size: the secret's key is always 32 bytes; the doctor also tries keys of 16 and 24. */
const aes = <Mode extends TokenMode>(key: Uint8Array, mode: Mode): `aes-${128 | 192 | 256}-${Mode}` =>
  (key.length === 32 ? AES_256[mode] : `aes-${key.length * 8}-${mode}`) as `aes-${128 | 192 | 256}-${Mode}`;
// The names as constants for the secret's own key, as on every token: no string to build per decryption.
const AES_256 = { gcm: 'aes-256-gcm', cbc: 'aes-256-cbc' } as const;

/**
 * Decrypts an envelope with `key`, an AES key of 16, 24 or 32 bytes: the secret's own (AES-256), or one the doctor
 * derives from it as some generators do. A wrong key or an altered token throws TOKEN_DECRYPTION_FAILED.
 */
export function open(key: Uint8Array, envelope: Envelope): Buffer {
  try {
    if (envelope.mode === 'gcm') {
      const decipher = createDecipheriv(aes(key, 'gcm'), key, envelope.iv);
      decipher.setAuthTag(envelope.tag);
      const plaintext = decipher.update(envelope.ciphertext);
      // GCM is a stream mode: final() only checks the tag, and adds no bytes to concatenate.
      const rest = decipher.final();
      return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
    }
    // The ciphertext is whole blocks (the reader checked), so without OpenSSL's padding step update() returns them
    // all; the padding is checked and removed here, as final() would, with no last block to allocate and append.
    return withoutPadding(createDecipheriv(aes(key, 'cbc'), key, envelope.iv).setAutoPadding(false).update(envelope.ciphertext));
  } catch {
    throw decryptionFailed();
  }
}

/** node:crypto's {@link TokenCrypto}: every operation synchronous. */
export const NODE_CRYPTO: TokenCrypto<string, Uint8Array> = {
  random,
  keyFor: lastKeyFor((secret): TokenKey<string, Uint8Array> => {
    // A Buffer rather than a KeyObject: createCipheriv sets it up at least as fast (pnpm bench measures both), and it
    // never leaves this closure.
    const key = Buffer.from(secret, 'utf8');
    return {
      seal: (version, mode, expireTime, plaintext) => seal(key, version, mode, expireTime, plaintext),
      open: (envelope) => open(key, envelope),
    };
  }),
};
