/**
 * Tokens on Web Crypto (`crypto.subtle`, `crypto.getRandomValues`), for runtimes without node:crypto: workerd, edge
 * runtimes, browsers, Deno and Bun. No `node:` module, no `Buffer`, no `process`: only Web APIs. The platform's
 * `crypto` is looked up at each call, never at import, so importing this module works everywhere.
 */
import {
  decryptionFailed,
  layoutEnvelope,
  writeEnvelopeFrame,
  type Envelope,
  type TokenMode,
  type TokenVersion,
} from '../format/envelope.js';
import { createRandomSource } from '../format/random.js';
import { lastKeyFor, type TokenCrypto, type TokenKey } from '../format/token-crypto.js';

/** Web Crypto's view of the key: what `importKey` returns, kept opaque to the rest of the library. */
type WebKey = Awaited<ReturnType<SubtleCrypto['importKey']>>;
type SubtleCrypto = typeof globalThis.crypto.subtle;

const random = createRandomSource((pool) => {
  globalThis.crypto.getRandomValues(pool);
});

const utf8 = new TextEncoder();
// String.fromCharCode takes its bytes as arguments: a bounded number of them per call.
const CHUNK = 0x2000;

// Uint8Array.prototype.toBase64 where the runtime has it (Bun, Deno; not Node 20): no binary string at all.
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string }).toBase64;

/** The envelope as base64 (reading is envelope-reader.ts's: `atob`, or `Uint8Array.fromBase64` where there is one). */
function base64(bytes: Uint8Array): string {
  if (nativeToBase64 !== undefined) return nativeToBase64.call(bytes);
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    // apply takes the typed array as it is; a spread would walk it through the iterator protocol, byte by byte.
    binary += String.fromCharCode.apply(null, bytes.subarray(at, at + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

const ALGORITHM = { gcm: 'AES-GCM', cbc: 'AES-CBC' } as const;

/** The secret's key for each cipher, imported once (Web Crypto binds a key to one algorithm) on first use. */
interface Keyring {
  /** The keys imported so far: read first, since awaiting even a settled promise costs a turn of the microtask queue. */
  readonly ready: Partial<Record<TokenMode, WebKey>>;
  /** Imports the key of `mode` (once: later calls share the first import). */
  load(mode: TokenMode): Promise<WebKey>;
}

/** The keyring of `raw`, an AES key of 16, 24 or 32 bytes: the secret's 32 UTF-8 bytes, or one the doctor derives. */
function keyring(raw: Uint8Array<ArrayBuffer>): Keyring {
  const ready: Partial<Record<TokenMode, WebKey>> = {};
  const imported: Partial<Record<TokenMode, Promise<WebKey>>> = {};
  const load = (mode: TokenMode): Promise<WebKey> =>
    (imported[mode] ??= globalThis.crypto.subtle
      .importKey('raw', raw, ALGORITHM[mode], false, ['encrypt', 'decrypt'])
      .then((key) => (ready[mode] = key)));
  return { ready, load };
}

async function seal(
  keys: Keyring,
  version: TokenVersion,
  mode: TokenMode,
  expireTime: number,
  plaintext: string,
): Promise<string> {
  const bytes = utf8.encode(plaintext);
  const layout = layoutEnvelope(mode, bytes.length);
  const envelope = new Uint8Array(layout.size);
  writeEnvelopeFrame(envelope, layout, expireTime);
  const { ivAt, ivLength, cipherAt } = layout;
  if (mode === 'gcm') random.fillRandomBytes(envelope, ivAt, ivLength);
  else random.fillAlphanumeric(envelope, ivAt, ivLength);
  const iv = envelope.slice(ivAt, ivAt + ivLength);
  // GCM's output is the ciphertext followed by its 16-byte tag, CBC's is PKCS#7 padded: both exactly as laid out.
  const encrypted = await globalThis.crypto.subtle.encrypt({ name: ALGORITHM[mode], iv }, keys.ready[mode] ?? (await keys.load(mode)), bytes);
  envelope.set(new Uint8Array(encrypted), cipherAt);
  return version + base64(envelope);
}

// A plain function returning the decryption's promise, not an async one: no extra promise and turn on every decode.
function open(keys: Keyring, envelope: Envelope): Promise<Uint8Array> {
  const { mode, iv, ciphertext, tag } = envelope;
  const key = keys.ready[mode];
  if (key === undefined) return keys.load(mode).then(() => open(keys, envelope));
  // Web Crypto takes GCM's tag at the end of the ciphertext, as the token carries it. Web Crypto copies what it is
  // given before it works, so views of the token's bytes need no copy of their own.
  const data = mode === 'gcm' ? adjoined(ciphertext, tag) : ciphertext;
  return globalThis.crypto.subtle.decrypt({ name: ALGORITHM[mode], iv: arrayView(iv) }, key, arrayView(data)).then(asBytes, refused);
}

const asBytes = (plaintext: ArrayBuffer): Uint8Array => new Uint8Array(plaintext);
const refused = (): never => {
  throw decryptionFailed();
};

/** A view typed as Web Crypto takes it: the envelope reader's views are of an `ArrayBuffer` it allocated. */
function arrayView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

/** `first` then `second`: one view where they lie side by side in one buffer (as the reader leaves them), else a copy. */
function adjoined(first: Uint8Array, second: Uint8Array): Uint8Array {
  if (first.buffer === second.buffer && first.byteOffset + first.length === second.byteOffset) {
    return new Uint8Array(first.buffer, first.byteOffset, first.length + second.length);
  }
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/** Web Crypto's {@link TokenCrypto}: sealing and opening answer with promises. */
export const WEB_CRYPTO: TokenCrypto<Promise<string>, Promise<Uint8Array>> = {
  random,
  keyFor: lastKeyFor((secret): TokenKey<Promise<string>, Promise<Uint8Array>> => {
    const keys = keyring(utf8.encode(secret));
    return {
      seal: (version, mode, expireTime, plaintext) => seal(keys, version, mode, expireTime, plaintext),
      open: (envelope) => open(keys, envelope),
    };
  }),
};

/**
 * Decrypts an envelope with `key`, an AES key of 16, 24 or 32 bytes the doctor derives from a secret as some
 * generators do. A wrong key, an altered token, or a key size the platform does not take (Chromium has no AES-192)
 * rejects with TOKEN_DECRYPTION_FAILED.
 */
export async function openWithKey(key: Uint8Array, envelope: Envelope): Promise<Uint8Array> {
  const keys = keyring(key.slice());
  try {
    await keys.load(envelope.mode);
  } catch (error) {
    // A key size the platform refuses (Chromium: OperationError, "192-bit AES keys are not supported") opens nothing.
    if (error instanceof DOMException) throw decryptionFailed();
    throw error;
  }
  return open(keys, envelope);
}
