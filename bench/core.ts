/**
 * Core benchmark: what a token costs next to the bare node:crypto work any implementation must do (the floor).
 *
 * Floor, per format: JSON.stringify the plaintext (and the room payload), createCipheriv + update + final
 * (+ getAuthTag for GCM) with a fixed IV or nonce and a key made once, pack the header, base64. Ours: the public
 * generateToken04 / generateToken03 with a room payload, validation and CSPRNG included. Rounds interleave floor and
 * ours; the ratio reported is the median of the per-round ratios.
 */
import { createCipheriv, createSecretKey } from 'node:crypto';
import { decodeToken, generateToken03, generateToken04 } from '@zego-token/core';

const SECRET = 'bench000bench000bench000bench000';
const KEY = createSecretKey(Buffer.from(SECRET, 'utf8'));
const APP_ID = 1234567890;
const USER_ID = 'user_1001';
const ROOM_ID = 'room-42';
const TTL = 3600;
const GCM_NONCE = Buffer.alloc(12, 7);
const CBC_IV = Buffer.from('0123456789abcdef', 'latin1');

function pack(version: string, expire: number, iv: Buffer, ciphertext: Buffer[], modeByte: number | undefined): string {
  const body = Buffer.concat(ciphertext);
  const header = Buffer.alloc(12 + iv.length);
  header.writeBigInt64BE(BigInt(expire), 0);
  header.writeUInt16BE(iv.length, 8);
  iv.copy(header, 10);
  header.writeUInt16BE(body.length, 10 + iv.length);
  const parts = [header, body];
  if (modeByte !== undefined) parts.push(Buffer.from([modeByte]));
  return version + Buffer.concat(parts).toString('base64');
}

/** The floor of a 04 token: also the body of the route benchmark's floor route. */
export function floor04(mode: 'gcm' | 'cbc', userId = USER_ID, roomId = ROOM_ID): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({ room_id: roomId, privilege: { 1: 1, 2: 1 }, stream_id_list: null });
  const plaintext = JSON.stringify({ app_id: APP_ID, user_id: userId, nonce: 123456789, ctime: now, expire: now + TTL, payload });
  if (mode === 'gcm') {
    const cipher = createCipheriv('aes-256-gcm', KEY, GCM_NONCE);
    return pack('04', now + TTL, GCM_NONCE, [cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()], 1);
  }
  const cipher = createCipheriv('aes-256-cbc', KEY, CBC_IV);
  return pack('04', now + TTL, CBC_IV, [cipher.update(plaintext, 'utf8'), cipher.final()], undefined);
}

function floor03(): string {
  const now = Math.floor(Date.now() / 1000);
  const plaintext = JSON.stringify({
    app_id: APP_ID, room_id: ROOM_ID, user_id: USER_ID, privilege: { 1: 1, 2: 1 },
    create_time: now, expire_time: now + TTL, nonce: 1234567890123,
  });
  const cipher = createCipheriv('aes-256-cbc', KEY, CBC_IV);
  return pack('03', now + TTL, CBC_IV, [cipher.update(plaintext, 'utf8'), cipher.final()], undefined);
}

// The options are the caller's input, built once like the floor's key; building them is not the library's cost.
const base = { appId: APP_ID, userId: USER_ID, secret: SECRET, effectiveTimeInSeconds: TTL };
const gcmOptions = { ...base, mode: 'gcm', payload: { roomId: ROOM_ID } } as const;
const cbcOptions = { ...base, mode: 'cbc', payload: { roomId: ROOM_ID } } as const;
const options03 = { ...base, roomId: ROOM_ID };
export const formats = [
  { name: '04-GCM', floor: () => floor04('gcm'), ours: () => generateToken04(gcmOptions) },
  { name: '04-CBC', floor: () => floor04('cbc'), ours: () => generateToken04(cbcOptions) },
  { name: '03', floor: floor03, ours: () => generateToken03(options03) },
] as const;

/** Nanoseconds per call of `fn`, over `iterations` calls. */
function nsPerCall(fn: () => unknown, iterations: number): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) sink += (fn() as string).length;
  const elapsed = Number(process.hrtime.bigint() - start);
  if (sink === 0) throw new Error('unreachable: keeps the calls from being optimised away');
  return elapsed / iterations;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface FormatResult {
  name: string;
  /** Median of per-round (ours / floor). */
  ratio: number;
  floorNs: number;
  oursNs: number;
  decodeNs: number;
}

export interface CoreResult {
  formats: FormatResult[];
  heapGrowthMb: number;
  heapTokens: number;
}

export function runCoreBench({ rounds = 21, iterations = 20_000, heapTokens = 1_000_000 } = {}): CoreResult {
  for (const format of formats) {
    nsPerCall(format.floor, iterations); // warm-up: let the JIT settle
    nsPerCall(format.ours, iterations);
  }
  const results = formats.map((format) => {
    const ratios: number[] = [];
    const floors: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first, so drift in machine speed cannot favour either.
      const [first, second] = round % 2 ? [format.floor, format.ours] : [format.ours, format.floor];
      const a = nsPerCall(first, iterations);
      const b = nsPerCall(second, iterations);
      const [floorNs, oursNs] = round % 2 ? [a, b] : [b, a];
      floors.push(floorNs);
      ours.push(oursNs);
      ratios.push(oursNs / floorNs);
    }
    const token = format.ours();
    const decodeNs = median(Array.from({ length: 5 }, () => nsPerCall(() => decodeToken(token, SECRET).userId, iterations)));
    return { name: format.name, ratio: median(ratios), floorNs: median(floors), oursNs: median(ours), decodeNs };
  });
  return { formats: results, heapGrowthMb: heapGrowth(heapTokens), heapTokens };
}

/** Heap growth in MB across `count` tokens, measured after full GCs (needs --expose-gc). */
function heapGrowth(count: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const mint = formats[0].ours;
  for (let i = 0; i < 10_000; i += 1) mint();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i += 1) mint();
  gc();
  return (process.memoryUsage().heapUsed - before) / 1024 / 1024;
}
