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
  /** Present for a UIKit kit token: what its clear wrapper says (see `unwrapKitToken`). */
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

function claims03(fields: PlaintextFields): DecodedToken03 {
  const privilege = privilegeFromJson(fields.json['privilege']);
  if (privilege === undefined) throw malformedToken('"privilege" must be an object mapping "1" and "2" to 0 or 1');
  return {
    version: '03',
    mode: 'cbc',
    appId: integerField(fields, 'app_id', 1, MAX_APP_ID),
    roomId: stringField(fields, 'room_id'),
    userId: stringField(fields, 'user_id'),
    privilege,
    createTime: integerField(fields, 'create_time', 0, MAX_TIME),
    expireTime: integerField(fields, 'expire_time', 0, MAX_TIME),
    nonce: nonceField(fields, INT64_MIN, UINT64_MAX),
  };
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

function claims04(fields: PlaintextFields, mode: TokenMode): DecodedToken04 {
  const { payload, payloadShape } = payloadField(fields);
  const decoded: DecodedToken04 = {
    version: '04',
    mode,
    appId: integerField(fields, 'app_id', 1, MAX_APP_ID),
    userId: stringField(fields, 'user_id'),
    createTime: integerField(fields, 'ctime', 0, MAX_TIME),
    expireTime: integerField(fields, 'expire', 0, MAX_TIME),
    nonce: nonceField(fields, INT32_MIN, INT32_MAX), // int32 in every 04 generator
    payload,
  };
  if (payloadShape !== undefined) decoded.payloadShape = payloadShape;
  const room = parseRoomPayload(payload);
  if (room !== undefined) decoded.room = room;
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
 *   (which refuses a kit around a 03 token)
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
  if (kit !== undefined && decoded.version === '04') decoded.kit = kit;
  return decoded;
}
