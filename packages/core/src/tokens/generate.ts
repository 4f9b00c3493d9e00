/**
 * The public generators' validation and minting, on either platform's cryptography: `generateToken04` and
 * `generateToken03` of both entries are this with node:crypto or Web Crypto.
 */
import { assertAppId, assertUserId, describe, isWellFormed } from '../lib/assertions.js';
import { ErrorCode, invalid } from '../lib/errors.js';
import { optionsReader } from '../lib/options.js';
import type { TokenMode } from '../format/envelope.js';
import type { TokenCrypto } from '../format/token-crypto.js';
import { assertLifetime } from './lifetime.js';
import { mintToken03, mintToken04 } from './mint.js';
import { toPrivilegeJson, type Privilege } from './privilege.js';
import { assertZegoRoomId } from './room-id.js';
import { buildRoomPayload, parseRoomPayload, type RoomPayload } from './room-payload.js';
import { toStreamIdList } from './stream-id.js';
import { resolveMode } from './token-kind.js';

/** Options of `generateToken04`. */
export interface GenerateToken04Options {
  /** Your ZEGO app ID (1..4294967295). */
  appId: number;
  /** The user the token is for (1-64 UTF-8 bytes); the client must log in with the same ID. */
  userId: string;
  /** Your ZEGO ServerSecret: exactly 32 characters. Never send it to clients. */
  secret: string;
  /**
   * How long the token is valid, in seconds: a positive integer, not plainly a timestamp or milliseconds, that makes
   * the token expire by 2^31 - 1 s (2038-01-19). Keep it within 24 days (2,073,600 s) for ZIM and the Web SDK.
   */
  effectiveTimeInSeconds: number;
  /**
   * `''` (the default) for a plain identity token, as ZIM and most RTC apps use; a {@link RoomPayload} to bind the
   * token to one room (needs ZEGO's room authentication enabled for the app); or any string of your own (valid Unicode:
   * no lone surrogates). A string that is a room payload (`{"room_id": …, "privilege": …}`) is held to the same rule
   * for its room and stream IDs as a {@link RoomPayload} (ROOM_ID_INVALID, PAYLOAD_INVALID): every client must take them.
   */
  payload?: string | RoomPayload | undefined;
  /** `'gcm'` (default, the current format) or `'cbc'` (the legacy 04 format, for old SDKs). */
  mode?: TokenMode | undefined;
}

/** Options of `generateToken03`. */
export interface GenerateToken03Options {
  /** Your ZEGO app ID (1..4294967295). */
  appId: number;
  /** The room the token is valid in: 1-128 digits, English letters and ``~!@#$%^&*()_+=-`;',.<>\`` (see `isZegoRoomId`). */
  roomId: string;
  /** The user the token is for (1-64 UTF-8 bytes). */
  userId: string;
  /** Your ZEGO ServerSecret: exactly 32 characters. */
  secret: string;
  /**
   * How long the token is valid, in seconds: a positive integer, not plainly a timestamp or milliseconds, that makes
   * the token expire by 2^31 - 1 s (2038-01-19). Keep it within 24 days (2,073,600 s) for ZIM and the Web SDK.
   */
  effectiveTimeInSeconds: number;
  /** What the user may do in the room; defaults to log in and publish. */
  privilege?: Privilege | undefined;
}

const readOptions04 = optionsReader<GenerateToken04Options>({
  appId: true,
  userId: true,
  secret: true,
  effectiveTimeInSeconds: true,
  payload: true,
  mode: true,
});

const readOptions03 = optionsReader<GenerateToken03Options>({
  appId: true,
  roomId: true,
  userId: true,
  secret: true,
  effectiveTimeInSeconds: true,
  privilege: true,
});

/**
 * A payload string that ZEGO reads as a room payload is held to a {@link RoomPayload}'s rule for its IDs (an empty
 * `room_id`, any room, aside): every client must take the room and streams it names. Any other string is the app's.
 */
function assertRoomPayloadIds(payload: string): void {
  const room = parseRoomPayload(payload);
  if (room === undefined) return;
  if (room.anyRoom !== true) assertZegoRoomId(room.roomId, 'payload.room_id');
  if (room.streamIdList !== null) toStreamIdList(room.streamIdList, 'payload.stream_id_list');
}

function payloadText(payload: unknown): string {
  if (payload === undefined) return '';
  if (typeof payload === 'string') {
    // A lone surrogate has no UTF-8 form: it would be sealed as U+FFFD, and strict JSON readers refuse the escape.
    if (!isWellFormed(payload)) throw invalid(ErrorCode.PAYLOAD_INVALID, 'payload', 'must be valid Unicode (it has a lone surrogate)');
    assertRoomPayloadIds(payload);
    return payload;
  }
  if (typeof payload === 'object' && payload !== null) return buildRoomPayload(payload as RoomPayload);
  throw invalid(ErrorCode.PAYLOAD_INVALID, 'payload', 'must be a string or a room payload', describe(payload));
}

/**
 * `generateToken04` on `crypto`: reads the options once (lib/options.ts), validates each (in the order the docs
 * give), then mints.
 */
export function generateToken04With<Sealed>(crypto: TokenCrypto<Sealed, unknown>, options: GenerateToken04Options): Sealed {
  const { appId, userId, secret, effectiveTimeInSeconds, mode, payload } = readOptions04(options);
  assertAppId(appId);
  assertUserId(userId);
  const key = crypto.keyFor(secret);
  assertLifetime(effectiveTimeInSeconds);
  const resolvedMode = resolveMode(mode);
  const text = payloadText(payload);

  return mintToken04(crypto, key, resolvedMode, appId, userId, effectiveTimeInSeconds, text).token;
}

/** `generateToken03` on `crypto`: reads the options once, makes the seed's checks in the seed's order, then mints. */
export function generateToken03With<Sealed>(crypto: TokenCrypto<Sealed, unknown>, options: GenerateToken03Options): Sealed {
  const { appId, roomId, userId, secret, effectiveTimeInSeconds, privilege } = readOptions03(options);
  assertAppId(appId);
  assertZegoRoomId(roomId);
  assertUserId(userId);
  const granted = toPrivilegeJson(privilege);
  const key = crypto.keyFor(secret);
  assertLifetime(effectiveTimeInSeconds);

  return mintToken03(crypto, key, appId, roomId, userId, granted, effectiveTimeInSeconds).token;
}
