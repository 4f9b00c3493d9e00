import { MAX_APP_ID } from '../lib/assertions.js';
import { decryptEnvelope, decryptionFailed, openEnvelope, type Envelope, type TokenMode } from '../format/envelope.js';
import {
  integerField,
  malformedPlaintext,
  nonceField,
  stringField,
  type PlaintextFields,
} from '../format/plaintext.js';
import { isPlainObject, toPrivilegeFlags, type PrivilegeFlags } from './privilege.js';
import { parseRoomPayload, type DecodedRoom } from './room-payload.js';
import { secretKey } from '../format/secret-key.js';

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
  /** The nonce's exact decimal text (03 nonces may exceed 2^53). */
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
  /** The nonce's exact decimal text. */
  nonce: string;
  /** The payload string as carried: `''`, a room payload's JSON, or the app's own text. */
  payload: string;
  /** Present when the payload is a room payload. */
  room?: DecodedRoom;
}

/** What {@link decodeToken} reads from a token: a union on `version`. */
export type DecodedToken = DecodedToken03 | DecodedToken04;

const MAX_TIME = Number.MAX_SAFE_INTEGER;
// ignoreBOM keeps a byte-order mark in the text, where JSON.parse refuses it: no generator writes one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decrypted bytes as a JSON object; unreadable CBC output almost always means a wrong secret. */
function readPlaintext(bytes: Buffer, envelope: Envelope): PlaintextFields {
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(bytes);
    json = JSON.parse(text);
  } catch {
    // GCM has verified the bytes, so they really are what the issuer wrote; CBC has not.
    throw envelope.mode === 'cbc' ? decryptionFailed() : malformedPlaintext('plaintext is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw malformedPlaintext('plaintext is not a JSON object');
  }
  return { text, json: json as Record<string, unknown> };
}

function claims03(fields: PlaintextFields): DecodedToken03 {
  const privilege = fields.json['privilege'];
  if (!isPlainObject(privilege)) throw malformedPlaintext('"privilege" must be an object');
  const login = privilege['1'];
  const publish = privilege['2'];
  if ((login !== 0 && login !== 1) || (publish !== 0 && publish !== 1)) {
    throw malformedPlaintext('"privilege" must map "1" and "2" to 0 or 1');
  }
  return {
    version: '03',
    mode: 'cbc',
    appId: integerField(fields, 'app_id', 1, MAX_APP_ID),
    roomId: stringField(fields, 'room_id'),
    userId: stringField(fields, 'user_id'),
    privilege: toPrivilegeFlags({ '1': login, '2': publish }),
    createTime: integerField(fields, 'create_time', 0, MAX_TIME),
    expireTime: integerField(fields, 'expire_time', 0, MAX_TIME),
    nonce: nonceField(fields, 0, Number.POSITIVE_INFINITY), // ZEGO's own 03 nonces reach 2^63
  };
}

function claims04(fields: PlaintextFields, mode: TokenMode): DecodedToken04 {
  const payload = stringField(fields, 'payload');
  const decoded: DecodedToken04 = {
    version: '04',
    mode,
    appId: integerField(fields, 'app_id', 1, MAX_APP_ID),
    userId: stringField(fields, 'user_id'),
    createTime: integerField(fields, 'ctime', 0, MAX_TIME),
    expireTime: integerField(fields, 'expire', 0, MAX_TIME),
    nonce: nonceField(fields, -0x8000_0000, 0x7fff_ffff), // int32 in every 04 generator
    payload,
  };
  const room = parseRoomPayload(payload);
  if (room !== undefined) decoded.room = room;
  return decoded;
}

/**
 * Decrypts a token and returns its claims. It does not judge expiry or audience: use {@link verifyToken} for that.
 *
 * Use it to find out why a ZEGO login fails with "token error": wrong app ID, user ID, room or an expired token.
 *
 * @throws {@link ZegoTokenError} code 5 for a bad secret argument; 8 for a malformed token (prefix, base64,
 *   lengths, trailing bytes, mode, plaintext shape, or header and body expiry that disagree); 9 when this secret
 *   cannot decrypt it (wrong secret or an altered token). Messages never contain the secret, IV or plaintext.
 *
 * @example
 * ```ts
 * const claims = decodeToken(token, process.env.ZEGO_SERVER_SECRET!);
 * if (claims.version === '04') report(claims.userId, claims.room?.roomId, new Date(claims.expireTime * 1000));
 * ```
 */
export function decodeToken(token: string, secret: string): DecodedToken {
  const key = secretKey(secret);
  const envelope = openEnvelope(token);
  const fields = readPlaintext(decryptEnvelope(envelope, key), envelope);
  const decoded = envelope.version === '03' ? claims03(fields) : claims04(fields, envelope.mode);
  if (decoded.expireTime !== envelope.expireTime) {
    throw malformedPlaintext('the header and the plaintext disagree on the expire time');
  }
  if (decoded.createTime > decoded.expireTime) throw malformedPlaintext('the token expires before it was made');
  return decoded;
}
