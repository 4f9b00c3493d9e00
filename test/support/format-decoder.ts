/**
 * A second, independent reading of FORMAT.md, written from the spec alone and sharing no code with the library:
 * every token the library makes must open here too. It also seals arbitrary plaintexts, to build broken tokens.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';

export interface RawToken {
  version: string;
  expireTime: bigint;
  iv: Buffer;
  /** Ciphertext as stored, including the GCM tag. */
  body: Buffer;
  /** The byte after the ciphertext, if any. */
  modeByte: number | undefined;
  plaintext: string;
}

export function readRawToken(token: string, secret: string): RawToken {
  const version = token.slice(0, 2);
  const bytes = Buffer.from(token.slice(2), 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expireTime = view.getBigInt64(0);
  const ivLength = view.getUint16(8);
  const iv = bytes.subarray(10, 10 + ivLength);
  const bodyLength = view.getUint16(10 + ivLength);
  const bodyStart = 12 + ivLength;
  const body = bytes.subarray(bodyStart, bodyStart + bodyLength);
  const rest = bytes.subarray(bodyStart + bodyLength);
  if (rest.length > 1) throw new Error(`unexpected ${rest.length} trailing bytes`);
  const modeByte = rest.length === 1 ? rest[0] : undefined;
  const key = Buffer.from(secret, 'utf8');
  let plain: Buffer;
  if (modeByte === 1) {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(body.subarray(body.length - 16));
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } else {
    const decipher = createDecipheriv('aes-256-cbc', key, iv);
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  }
  return { version, expireTime, iv, body, modeByte, plaintext: plain.toString('utf8') };
}

/** The plaintext's nonce as written (a regex on the compact JSON, as a quick independent reader would). */
export function rawNonce(plaintext: string): string {
  const match = /"nonce":(-?\d+)[,}]/.exec(plaintext);
  if (!match?.[1]) throw new Error('no nonce');
  return match[1];
}

export interface SealOptions {
  version?: string;
  mode?: 'cbc' | 'gcm';
  secret: string;
  expireTime: number | bigint;
  plaintext: string | Buffer;
  iv?: Buffer;
  /** CBC only: false leaves the plaintext unpadded (it must then be a multiple of 16 bytes). */
  padding?: boolean;
  /** Bytes appended after the ciphertext instead of the usual mode byte. */
  trailer?: Buffer;
  /** An AES key (16, 24 or 32 bytes) in place of the secret's UTF-8 bytes: how homemade generators go wrong. */
  key?: Buffer;
}

/** Builds a token byte by byte from FORMAT.md, with every part under the caller's control. */
export function sealRawToken(o: SealOptions): string {
  const mode = o.mode ?? 'cbc';
  const key = o.key ?? Buffer.from(o.secret, 'utf8');
  const aes = `aes-${key.length * 8}`;
  const iv = o.iv ?? (mode === 'gcm' ? Buffer.alloc(12, 7) : Buffer.from('0123456789abcdef'));
  const data = typeof o.plaintext === 'string' ? Buffer.from(o.plaintext, 'utf8') : o.plaintext;
  let body: Buffer;
  if (mode === 'gcm') {
    const cipher = createCipheriv(`${aes}-gcm` as 'aes-256-gcm', key, iv);
    body = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } else {
    const cipher = createCipheriv(`${aes}-cbc`, key, iv);
    cipher.setAutoPadding(o.padding ?? true);
    body = Buffer.concat([cipher.update(data), cipher.final()]);
  }
  const header = Buffer.alloc(10);
  header.writeBigInt64BE(BigInt(o.expireTime), 0);
  header.writeUInt16BE(iv.length, 8);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length, 0);
  const trailer = o.trailer ?? (mode === 'gcm' ? Buffer.from([1]) : Buffer.alloc(0));
  return (o.version ?? '04') + Buffer.concat([header, iv, length, body, trailer]).toString('base64');
}
