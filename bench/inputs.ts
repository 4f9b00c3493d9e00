/**
 * What every benchmark mints, and the plaintext JSON a straightforward implementation builds for it: the part of the
 * floor both the node:crypto and the Web Crypto floors share. Runtime-neutral (Node, Bun, Deno).
 */

export const SECRET = 'bench000bench000bench000bench000';
export const APP_ID = 1234567890;
export const USER_ID = 'user_1001';
export const ROOM_ID = 'room-42';
export const TTL = 3600;

// Fixed stand-ins for the random parts, as long as typical real ones (an int32 and a 2^53 nonce), so the floor
// encrypts and encodes as many bytes as ours does.
const NONCE_04 = 1234567890;
const NONCE_03 = 1234567890123456;
/** The floor's fixed GCM nonce and CBC IV (ours draws them from the platform CSPRNG). */
export const GCM_NONCE: Uint8Array<ArrayBuffer> = new Uint8Array(12).fill(7);
export const CBC_IV: Uint8Array<ArrayBuffer> = new TextEncoder().encode('0123456789abcdef');

export type Format = '04-GCM' | '04-CBC' | '03';

/**
 * What each public generator is given (the caller's input, built once like the floor's key: building it is not the
 * library's cost), the issuer's options and one request to it. The same for the node:crypto and Web Crypto paths.
 */
const base = { appId: APP_ID, userId: USER_ID, secret: SECRET, effectiveTimeInSeconds: TTL };
export const GENERATOR_OPTIONS = {
  '04-GCM': { ...base, mode: 'gcm', payload: { roomId: ROOM_ID } },
  '04-CBC': { ...base, mode: 'cbc', payload: { roomId: ROOM_ID } },
  '03': { ...base, roomId: ROOM_ID },
} as const;
export const ISSUER_OPTIONS = { appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: TTL } as const;
export const ISSUE_REQUEST = { userId: USER_ID, roomId: ROOM_ID, request: null } as const;

/** The adapters whose token routes the route benchmark loads, and the header its stand-in auth reads. */
export const ADAPTERS = ['express', 'koa', 'fastify', 'fetch'] as const;
export type Adapter = (typeof ADAPTERS)[number];
export const USER_HEADER = 'x-user-id';

export interface FloorPlaintext {
  version: '03' | '04';
  mode: 'gcm' | 'cbc';
  expireTime: number;
  plaintext: string;
}

/** `JSON.stringify` of the plaintext (and, for 04, of the room payload), keys in ZEGO's order. */
export function floorPlaintext(format: Format, userId: string, roomId: string): FloorPlaintext {
  const now = Math.floor(Date.now() / 1000);
  const expireTime = now + TTL;
  if (format === '03') {
    const plaintext = JSON.stringify({
      app_id: APP_ID, room_id: roomId, user_id: userId, privilege: { 1: 1, 2: 1 },
      create_time: now, expire_time: expireTime, nonce: NONCE_03,
    });
    return { version: '03', mode: 'cbc', expireTime, plaintext };
  }
  const payload = JSON.stringify({ room_id: roomId, privilege: { 1: 1, 2: 1 }, stream_id_list: null });
  const plaintext = JSON.stringify({ app_id: APP_ID, user_id: userId, nonce: NONCE_04, ctime: now, expire: expireTime, payload });
  return { version: '04', mode: format === '04-GCM' ? 'gcm' : 'cbc', expireTime, plaintext };
}

/** The envelope's layout (docs/FORMAT.md): int64 expire, uint16 + IV, uint16 + ciphertext (+ tag), [mode byte]. */
export function envelopeSize(mode: 'gcm' | 'cbc', ciphertextLength: number): { size: number; cipherAt: number } {
  const ivLength = mode === 'gcm' ? 12 : 16;
  const cipherAt = 8 + 2 + ivLength + 2;
  return { size: cipherAt + ciphertextLength + (mode === 'gcm' ? 1 : 0), cipherAt };
}

/** Writes the header (expire time, IV and its length, ciphertext length) into `envelope`. */
export function writeHeader(envelope: Uint8Array, expireTime: number, iv: Uint8Array, ciphertextLength: number): void {
  const view = new DataView(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  view.setUint32(0, Math.floor(expireTime / 0x1_0000_0000));
  view.setUint32(4, expireTime >>> 0);
  view.setUint16(8, iv.length);
  envelope.set(iv, 10);
  view.setUint16(10 + iv.length, ciphertextLength);
}
