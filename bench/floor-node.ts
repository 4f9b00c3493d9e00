/**
 * The floor on node:crypto: the work any implementation must do for one token, and nothing else.
 *
 * Generating, per format: `JSON.stringify` of the plaintext (and of the room payload); `createCipheriv` with a key
 * prepared once (a `Buffer` or a `KeyObject`, whichever is faster on the running machine: {@link chooseFloorKey}
 * measures both); `update` + `final` (+ `getAuthTag`); the header and body packed into ONE allocation;
 * `toString('base64')`. The IV or nonce is fixed: no randomness, no validation.
 *
 * Decoding: unpack the envelope (base64, the two lengths), `createDecipheriv` (+ `setAuthTag`), `update` + `final`
 * straight to a string, `JSON.parse` of the plaintext (and of the room payload). Verifying adds the comparisons.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { median, nsPerCall } from './measure.js';
import { APP_ID, CBC_IV, floorPlaintext, GCM_NONCE, ROOM_ID, SECRET, USER_ID, type Format } from './inputs.js';

export type KeyKind = 'Buffer' | 'KeyObject';
const keys: Record<KeyKind, Buffer | KeyObject> = {
  Buffer: Buffer.from(SECRET, 'utf8'),
  KeyObject: createSecretKey(Buffer.from(SECRET, 'utf8')),
};
let key: Buffer | KeyObject = keys.Buffer;
const nonce = Buffer.from(GCM_NONCE);
const iv = Buffer.from(CBC_IV);

/** Uses `kind` as the floor's key from now on (the route server is told the parent's choice). */
export function useFloorKey(kind: KeyKind): void {
  key = keys[kind];
}

/** The floor token of `format` for this user and room. */
export function floorToken(format: Format, userId: string = USER_ID, roomId: string = ROOM_ID): string {
  const { version, mode, expireTime, plaintext } = floorPlaintext(format, userId, roomId);
  const gcm = mode === 'gcm';
  const vector = gcm ? nonce : iv;
  let body: Buffer;
  let last: Buffer;
  let tag: Buffer | undefined;
  if (gcm) {
    const cipher = createCipheriv('aes-256-gcm', key, vector);
    body = cipher.update(plaintext, 'utf8');
    last = cipher.final();
    tag = cipher.getAuthTag();
  } else {
    const cipher = createCipheriv('aes-256-cbc', key, vector);
    body = cipher.update(plaintext, 'utf8');
    last = cipher.final();
  }
  const cipherLength = body.length + last.length + (tag ? tag.length : 0);
  const cipherAt = 12 + vector.length;
  const envelope = Buffer.allocUnsafe(cipherAt + cipherLength + (gcm ? 1 : 0));
  envelope.writeUInt32BE(Math.floor(expireTime / 0x1_0000_0000), 0);
  envelope.writeUInt32BE(expireTime >>> 0, 4);
  envelope.writeUInt16BE(vector.length, 8);
  vector.copy(envelope, 10);
  envelope.writeUInt16BE(cipherLength, 10 + vector.length);
  let at = cipherAt + body.copy(envelope, cipherAt);
  at += last.copy(envelope, at);
  if (tag) {
    tag.copy(envelope, at);
    envelope[at + tag.length] = 1;
  }
  return version + envelope.toString('base64');
}

interface FloorClaims {
  app_id: number;
  user_id: string;
  expire?: number;
  expire_time?: number;
  room_id?: string;
  payload?: string;
  room?: { room_id: string };
}

/** The floor decoder: unpack, decipher to a string, JSON.parse (and the room payload's). */
export function floorDecode(token: string, mode: 'gcm' | 'cbc'): FloorClaims {
  const bytes = Buffer.from(token.slice(2), 'base64');
  const ivLength = bytes.readUInt16BE(8);
  const vector = bytes.subarray(10, 10 + ivLength);
  const length = bytes.readUInt16BE(10 + ivLength);
  const at = 12 + ivLength;
  let text: string;
  if (mode === 'gcm') {
    const decipher = createDecipheriv('aes-256-gcm', key, vector);
    decipher.setAuthTag(bytes.subarray(at + length - 16, at + length));
    text = decipher.update(bytes.subarray(at, at + length - 16), undefined, 'utf8') + decipher.final('utf8');
  } else {
    const decipher = createDecipheriv('aes-256-cbc', key, vector);
    text = decipher.update(bytes.subarray(at, at + length), undefined, 'utf8') + decipher.final('utf8');
  }
  const claims = JSON.parse(text) as FloorClaims;
  if (claims.payload !== undefined && claims.payload !== '') claims.room = JSON.parse(claims.payload) as { room_id: string };
  return claims;
}

/** The floor verifier: the floor decoder, then the clock read and expiry, app, user and room compared. */
export function floorVerify(token: string, mode: 'gcm' | 'cbc'): string {
  const claims = floorDecode(token, mode);
  const now = Math.floor(Date.now() / 1000);
  const expire = claims.expire ?? claims.expire_time ?? 0;
  const room = claims.room?.room_id ?? claims.room_id;
  if (now >= expire || claims.app_id !== APP_ID || claims.user_id !== USER_ID || room !== ROOM_ID) {
    throw new Error('the floor verifier refused a good token');
  }
  return claims.user_id;
}

export interface KeyChoice {
  kind: KeyKind;
  /** ns per floor token (04-GCM) with each kind of key, medians of interleaved rounds. */
  ns: Record<KeyKind, number>;
}

/** Measures the floor with a `Buffer` key and with a `KeyObject`, interleaved, and keeps the faster. */
export function chooseFloorKey({ rounds = 9, iterations = 5_000 } = {}): KeyChoice {
  const samples: Record<KeyKind, number[]> = { Buffer: [], KeyObject: [] };
  const kinds: KeyKind[] = ['Buffer', 'KeyObject'];
  for (let round = -1; round < rounds; round += 1) {
    for (const kind of round % 2 ? kinds : [...kinds].reverse()) {
      useFloorKey(kind);
      let ns = 0;
      for (const format of ['04-GCM', '04-CBC', '03'] as const) ns += nsPerCall(() => floorToken(format), iterations);
      if (round >= 0) samples[kind].push(ns / 3); // round -1 is the warm-up
    }
  }
  const ns = { Buffer: median(samples.Buffer), KeyObject: median(samples.KeyObject) };
  const kind: KeyKind = ns.Buffer <= ns.KeyObject ? 'Buffer' : 'KeyObject';
  useFloorKey(kind);
  return { kind, ns };
}
