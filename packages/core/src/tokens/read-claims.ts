/**
 * From decrypted plaintext bytes to claims: every rule of reading a token after decryption, in pure functions (no
 * Node APIs), so that `decodeToken` (node:crypto) and a Web Crypto decoder read tokens exactly alike:
 * `readEnvelope` → decrypt → {@link readClaims}.
 *
 * Read liberally (docs/FORMAT.md, "What ZEGO's generators really emit"): any key order, spacing and escapes; a 04
 * payload that is a string, `null`, absent or an object; 03 nonces anywhere in int64 or uint64. Refuse what no
 * generator writes: missing or mistyped claims, a header and body that disagree.
 */
import { MAX_APP_ID } from '../lib/assertions.js';
import { ErrorCode, malformedToken, ZegoTokenError } from '../lib/errors.js';
import { decryptionFailed, type TokenMode, type TokenVersion } from '../format/envelope-reader.js';
import type { KitClaims } from '../format/kit-token.js';
import type { OpenedToken } from '../format/open-token.js';
import {
  integerField,
  nonceField,
  nonceRange,
  stringField,
  topLevelValueText,
  type PlaintextFields,
} from '../format/plaintext.js';
import { isJsonObject } from '../lib/objects.js';
import { privilegeFromJson, type PrivilegeFlags } from './privilege.js';
import { parseRoomPayload, type DecodedRoom } from './room-payload.js';

/** A decoded version 03 token. Times are epoch seconds. */
export interface DecodedToken03 {
  version: '03';
  mode: 'cbc';
  appId: number;
  roomId: string;
  userId: string;
  privilege: PrivilegeFlags;
  createTime: number;
  expireTime: number;
  /**
   * The nonce's exact decimal text: 03 nonces exceed 2^53. Generators differ: a signed int64 (Go, current Python),
   * `Date.now()` (Node.js), an unsigned 64-bit value up to 2^64 - 1 (Python before its fix).
   */
  nonce: string;
  /** Present for a UIKit kit token (UIKit wraps any token, 03 too): what its clear wrapper says (see `openToken`). */
  kit?: KitClaims;
}

/** A decoded version 04 token. Times are epoch seconds. */
export interface DecodedToken04 {
  version: '04';
  mode: TokenMode;
  appId: number;
  userId: string;
  createTime: number;
  expireTime: number;
  /** The nonce's exact decimal text (an int32). */
  nonce: string;
  /**
   * The payload as a string: `''`, a room payload's JSON, or the app's own text. A `null` or absent payload reads
   * as `''`; an object payload as its JSON text, exactly as written in the plaintext (see {@link payloadShape}).
   */
  payload: string;
  /**
   * Present only when the plaintext did not carry a string payload, as some of ZEGO's generators write it:
   * `'null'` (Java, .NET, Python given None), `'absent'` (ZIMKit, UIKit) or `'object'` (Node.js or Python given an
   * object instead of a string).
   */
  payloadShape?: 'null' | 'absent' | 'object';
  /** Present when the payload is a room payload. */
  room?: DecodedRoom;
  /** Present for a UIKit kit token: what its clear wrapper says (see `openToken`). */
  kit?: KitClaims;
}

/** What {@link decodeToken} reads from a token: a union on `version`. */
export type DecodedToken = DecodedToken03 | DecodedToken04;

/** What the claims reader needs from the envelope: its clear header. */
export interface ClaimsHeader {
  version: TokenVersion;
  mode: TokenMode;
  expireTime: number;
}

const MAX_TIME = Number.MAX_SAFE_INTEGER;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
/** 03 nonces: signed or unsigned 64-bit; 04 nonces: int32 in every 04 generator. */
const NONCES_03 = nonceRange(INT64_MIN, UINT64_MAX);
const NONCES_04 = nonceRange(INT32_MIN, INT32_MAX);
/** The largest signed 64-bit integer: 03 nonces above it come only from Python's generator before its fix. */
export const INT64_MAX: bigint = 2n ** 63n - 1n;

// ignoreBOM keeps a byte-order mark in the text, where JSON.parse refuses it: no generator writes one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function emptyPlaintext(): ZegoTokenError {
  return new ZegoTokenError(
    ErrorCode.TOKEN_EMPTY_PLAINTEXT,
    'token decrypts to an empty plaintext: the secret is right, but its generator failed to encode its JSON',
  );
}

/** Decrypted bytes as a JSON object; unreadable CBC output almost always means a wrong secret. */
function readPlaintext(bytes: Uint8Array, mode: TokenMode): PlaintextFields {
  if (bytes.length === 0) throw emptyPlaintext();
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(bytes);
    json = JSON.parse(text);
  } catch {
    // GCM has verified the bytes, so they really are what the issuer wrote; CBC has not.
    throw mode === 'cbc' ? decryptionFailed() : malformedToken('plaintext is not JSON');
  }
  if (!isJsonObject(json)) throw malformedToken('plaintext is not a JSON object');
  return { text, json };
}

/** One claim: its key in the plaintext's JSON, and how it is read (throwing TOKEN_MALFORMED, naming the key). */
interface ClaimReader<T> {
  readonly key: string;
  readonly read: (fields: PlaintextFields) => T;
}

const claim = <T>(key: string, read: (fields: PlaintextFields) => T): ClaimReader<T> => ({ key, read });

function privilegeField(fields: PlaintextFields): PrivilegeFlags {
  const privilege = privilegeFromJson(fields.json['privilege']);
  if (privilege === undefined) throw malformedToken('"privilege" must be an object mapping "1" and "2" to 0 or 1');
  return privilege;
}

/** The payload as a string, and how it was carried when not as one. */
function payloadField(fields: PlaintextFields): Pick<DecodedToken04, 'payload' | 'payloadShape'> {
  if (!Object.hasOwn(fields.json, 'payload')) return { payload: '', payloadShape: 'absent' };
  const value = fields.json['payload'];
  if (typeof value === 'string') return { payload: value };
  if (value === null) return { payload: '', payloadShape: 'null' };
  const text = isJsonObject(value) ? topLevelValueText(fields.text, 'payload') : undefined;
  if (text === undefined) throw malformedToken('"payload" must be a string, null or an object');
  return { payload: text, payloadShape: 'object' };
}

/** The claims of each version, by their names in {@link DecodedToken}: the one definition of each claim's key and type. */
const CLAIMS_03 = {
  appId: claim('app_id', (f) => integerField(f, 'app_id', 1, MAX_APP_ID)),
  roomId: claim('room_id', (f) => stringField(f, 'room_id')),
  userId: claim('user_id', (f) => stringField(f, 'user_id')),
  privilege: claim('privilege', privilegeField),
  createTime: claim('create_time', (f) => integerField(f, 'create_time', 0, MAX_TIME)),
  expireTime: claim('expire_time', (f) => integerField(f, 'expire_time', 0, MAX_TIME)),
  nonce: claim('nonce', (f) => nonceField(f, NONCES_03)),
};

const CLAIMS_04 = {
  appId: claim('app_id', (f) => integerField(f, 'app_id', 1, MAX_APP_ID)),
  userId: claim('user_id', (f) => stringField(f, 'user_id')),
  createTime: claim('ctime', (f) => integerField(f, 'ctime', 0, MAX_TIME)),
  expireTime: claim('expire', (f) => integerField(f, 'expire', 0, MAX_TIME)),
  nonce: claim('nonce', (f) => nonceField(f, NONCES_04)), // int32 in every 04 generator
  payload: claim('payload', payloadField),
};

function claims03(fields: PlaintextFields): DecodedToken03 {
  const c = CLAIMS_03;
  return {
    version: '03',
    mode: 'cbc',
    appId: c.appId.read(fields),
    roomId: c.roomId.read(fields),
    userId: c.userId.read(fields),
    privilege: c.privilege.read(fields),
    createTime: c.createTime.read(fields),
    expireTime: c.expireTime.read(fields),
    nonce: c.nonce.read(fields),
  };
}

/**
 * Puts the payload's parts into `claims` as {@link DecodedToken04} holds them: the string, how it was carried, its room
 * payload (assigned, not spread: this runs on every decode).
 */
function putPayloadClaims(claims: Partial<DecodedToken04>, { payload, payloadShape }: Pick<DecodedToken04, 'payload' | 'payloadShape'>): void {
  claims.payload = payload;
  if (payloadShape !== undefined) claims.payloadShape = payloadShape;
  const room = parseRoomPayload(payload);
  if (room !== undefined) claims.room = room;
}

function claims04(fields: PlaintextFields, mode: TokenMode): DecodedToken04 {
  const c = CLAIMS_04;
  const payload = c.payload.read(fields);
  const decoded: DecodedToken04 = {
    version: '04',
    mode,
    appId: c.appId.read(fields),
    userId: c.userId.read(fields),
    createTime: c.createTime.read(fields),
    expireTime: c.expireTime.read(fields),
    nonce: c.nonce.read(fields),
    payload: '',
  };
  putPayloadClaims(decoded, payload);
  return decoded;
}

/**
 * Reads a decrypted plaintext into claims, checked against the envelope's clear header; attaches a kit token's
 * wrapper when it came in one. Pure: call it after any AES implementation (node:crypto, Web Crypto).
 *
 * A token that expires before it was created (a negative lifetime, which ZEGO's Node.js sample accepts) is read as
 * it is: `verifyToken` calls it expired.
 *
 * @param plaintext - the decrypted bytes (CBC padding removed; GCM tag verified)
 * @param opened - the envelope (its version, mode and clear expire time) and kit wrapper, as `openToken` read them
 * @throws {@link ZegoTokenError} `TOKEN_EMPTY_PLAINTEXT` for no bytes at all; `TOKEN_DECRYPTION_FAILED` for CBC
 *   output that is not UTF-8 JSON (a wrong secret, almost surely); `TOKEN_MALFORMED` for a plaintext that is not a
 *   token's, or a header that disagrees with it.
 */
export function readClaims(plaintext: Uint8Array, opened: OpenedToken): DecodedToken {
  const { envelope: header, kit } = opened;
  const fields = readPlaintext(plaintext, header.mode);
  const decoded = header.version === '03' ? claims03(fields) : claims04(fields, header.mode);
  if (decoded.expireTime !== header.expireTime) {
    throw malformedToken('the header and the plaintext disagree on the expire time');
  }
  if (kit !== undefined) decoded.kit = kit;
  return decoded;
}

/** A claim that breaks the format: its key in the plaintext, why (a reason that names it), and what was there. */
export interface ClaimFault {
  /** The claim's key in the plaintext's JSON (`'nonce'`), or `''` when the plaintext itself is no JSON object. */
  key: string;
  /** What the format wants, naming the key: `'"nonce" must be an integer from -2147483648 to 2147483647'`. */
  reason: string;
  /** What was found, by its type and size only (never its value): `'a string of 24 hexadecimal digits'`. */
  found: string;
}

/** The claims {@link DecodedToken} names, any of which may be missing from a plaintext read in part. */
export type ReadableClaims = Partial<Omit<DecodedToken03, 'version' | 'mode' | 'kit'> & Omit<DecodedToken04, 'version' | 'mode' | 'kit'>>;

/** A plaintext that decrypted but breaks the format: the claims that could be read, and every claim at fault. */
export interface PartlyReadClaims {
  claims: ReadableClaims;
  /** The keys of the claims read, in the format's order (`['app_id', 'user_id', …]`). */
  keys: string[];
  faults: ClaimFault[];
}

const HEX = /^[0-9A-Fa-f]+$/;

/** A JSON value by its type and size, never its content (a claim may be a user ID). */
function found(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    return HEX.test(value) ? `a string of ${value.length} hexadecimal digits` : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer outside that range' : 'a fractional number';
  if (typeof value === 'boolean') return `${value}`;
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * Reads a decrypted plaintext as {@link readClaims} does, but where a claim breaks the format, reads on: every claim
 * that can be read, and each that cannot, with what was found. For the doctor, which shows what a generator wrote
 * when it does not write ZEGO's format.
 *
 * @throws {@link ZegoTokenError} `TOKEN_EMPTY_PLAINTEXT` and `TOKEN_DECRYPTION_FAILED` as {@link readClaims}.
 */
export function readClaimsInPart(plaintext: Uint8Array, opened: OpenedToken): DecodedToken | PartlyReadClaims {
  try {
    return readClaims(plaintext, opened);
  } catch (error) {
    if (!(error instanceof ZegoTokenError) || error.code !== ErrorCode.TOKEN_MALFORMED) throw error;
  }
  const { envelope: header } = opened;
  let fields: PlaintextFields;
  try {
    fields = readPlaintext(plaintext, header.mode);
  } catch (error) {
    if (!(error instanceof ZegoTokenError) || error.code !== ErrorCode.TOKEN_MALFORMED) throw error;
    return { claims: {}, keys: [], faults: [{ key: '', reason: error.reason, found: 'other text' }] };
  }
  const claims: Record<string, unknown> = {};
  const keys: string[] = [];
  const faults: ClaimFault[] = [];
  const table: Record<string, ClaimReader<unknown>> = header.version === '03' ? CLAIMS_03 : CLAIMS_04;
  for (const [name, { key, read }] of Object.entries(table)) {
    try {
      const value = read(fields);
      if (name === 'payload') putPayloadClaims(claims, value as Pick<DecodedToken04, 'payload' | 'payloadShape'>);
      else claims[name] = value;
      keys.push(key);
    } catch (error) {
      if (!(error instanceof ZegoTokenError)) throw error;
      faults.push({ key, reason: error.reason, found: found(fields.json[key]) });
    }
  }
  const { expireTime } = claims;
  if (typeof expireTime === 'number' && expireTime !== header.expireTime) {
    const key = table['expireTime']!.key;
    faults.push({ key, reason: `"${key}" must equal the expire time of the clear header`, found: `epoch second ${expireTime}` });
  }
  return { claims, keys, faults };
}
