/**
 * The Web Crypto path (`@zego-token/core/web`) beside its own floor, runtime-neutral: Node runs it in `pnpm bench`,
 * Bun and Deno through web-runtime.ts. Only Web APIs here (no `node:`, no `Buffer`, no `process`).
 *
 * Floor, per format: `JSON.stringify` of the plaintext (and of the room payload), `TextEncoder`, `crypto.subtle.encrypt`
 * with a key imported once and a fixed IV/nonce, the header and ciphertext packed into ONE `Uint8Array`, base64 by the
 * fastest the runtime offers (`Uint8Array.prototype.toBase64`, else `btoa` of the bytes). Decoding: base64 to bytes,
 * `crypto.subtle.decrypt` of the body as it lies in the token, `TextDecoder`, `JSON.parse` (and the room payload's).
 */
import {
  createTokenIssuer,
  decodeToken,
  generateToken03,
  generateToken04,
  type TokenResponseBody,
} from '@zego-token/core/web';
import { compareAsync, type AsyncStep, type Comparison, type CompareOptions } from './measure.js';
import {
  CBC_IV,
  envelopeSize,
  floorPlaintext,
  GCM_NONCE,
  GENERATOR_OPTIONS,
  ISSUE_REQUEST,
  ISSUER_OPTIONS,
  ROOM_ID,
  SECRET,
  USER_ID,
  writeHeader,
  type Format,
} from './inputs.js';

type WebKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const ALGORITHM = { gcm: 'AES-GCM', cbc: 'AES-CBC' } as const;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

interface Base64Bytes {
  toBase64?: () => string;
}
interface Base64Constructor {
  fromBase64?: (text: string) => Uint8Array;
}

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  return btoa(String.fromCharCode.apply(null, bytes as unknown as number[]));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as Base64Constructor).fromBase64;
  if (native) return native(text) as Uint8Array<ArrayBuffer>;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function importKeys(): Promise<Record<'gcm' | 'cbc', WebKey>> {
  const raw = utf8.encode(SECRET);
  return {
    gcm: await crypto.subtle.importKey('raw', raw, ALGORITHM.gcm, false, ['encrypt', 'decrypt']),
    cbc: await crypto.subtle.importKey('raw', raw, ALGORITHM.cbc, false, ['encrypt', 'decrypt']),
  };
}

async function floorToken(keys: Record<'gcm' | 'cbc', WebKey>, format: Format): Promise<string> {
  const { version, mode, expireTime, plaintext } = floorPlaintext(format, USER_ID, ROOM_ID);
  const vector = mode === 'gcm' ? GCM_NONCE : CBC_IV;
  const encrypted = await crypto.subtle.encrypt({ name: ALGORITHM[mode], iv: vector }, keys[mode], utf8.encode(plaintext));
  const { size, cipherAt } = envelopeSize(mode, encrypted.byteLength);
  const envelope = new Uint8Array(size);
  writeHeader(envelope, expireTime, vector, encrypted.byteLength);
  envelope.set(new Uint8Array(encrypted), cipherAt);
  if (mode === 'gcm') envelope[size - 1] = 1;
  return version + toBase64(envelope);
}

async function floorDecode(keys: Record<'gcm' | 'cbc', WebKey>, token: string, mode: 'gcm' | 'cbc'): Promise<{ user_id: string }> {
  const bytes = fromBase64(token.slice(2));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ivLength = view.getUint16(8);
  const length = view.getUint16(10 + ivLength);
  const at = 12 + ivLength;
  const iv = bytes.subarray(10, 10 + ivLength);
  const plaintext = await crypto.subtle.decrypt({ name: ALGORITHM[mode], iv }, keys[mode], bytes.subarray(at, at + length));
  const claims = JSON.parse(fromUtf8.decode(plaintext)) as { user_id: string; payload?: string };
  if (claims.payload) JSON.parse(claims.payload);
  return claims;
}

export interface WebRow {
  name: string;
  kind: 'generate' | 'decode';
  comparison: Comparison;
}

/** The Web Crypto rows: the generators with a room payload, the issuer, and decodeToken, each beside its floor. */
export async function runWebBench(measure: CompareOptions): Promise<WebRow[]> {
  const keys = await importKeys();
  const issuer = createTokenIssuer(ISSUER_OPTIONS);
  const ours: Record<Format | 'issuer', AsyncStep> = {
    '04-GCM': () => generateToken04(GENERATOR_OPTIONS['04-GCM']),
    '04-CBC': () => generateToken04(GENERATOR_OPTIONS['04-CBC']),
    '03': () => generateToken03(GENERATOR_OPTIONS['03']),
    issuer: async () => {
      const response = await issuer.issue(ISSUE_REQUEST);
      if (response.status !== 200) throw new Error('the web issuer should answer 200');
      return (response.body as TokenResponseBody).token;
    },
  };

  const rows: WebRow[] = [];
  const row = async (name: string, kind: WebRow['kind'], floor: AsyncStep, step: AsyncStep): Promise<void> => {
    rows.push({ name, kind, comparison: await compareAsync(floor, step, measure) });
  };
  await row('web generateToken04 GCM, room payload', 'generate', () => floorToken(keys, '04-GCM'), ours['04-GCM']);
  await row('web generateToken04 CBC, room payload', 'generate', () => floorToken(keys, '04-CBC'), ours['04-CBC']);
  await row('web generateToken03', 'generate', () => floorToken(keys, '03'), ours['03']);
  await row('web createTokenIssuer().issue()', 'generate', () => floorToken(keys, '04-GCM'), ours.issuer);
  for (const format of ['04-GCM', '04-CBC', '03'] as const) {
    const token = await ours[format]();
    const mode = format === '04-GCM' ? 'gcm' : 'cbc';
    // The same step around each: await the claims, then read the user ID.
    const floor: AsyncStep = async () => (await floorDecode(keys, token, mode)).user_id;
    const step: AsyncStep = async () => (await decodeToken(token, SECRET)).userId;
    await row(`web decodeToken ${format}`, 'decode', floor, step);
  }
  return rows;
}
