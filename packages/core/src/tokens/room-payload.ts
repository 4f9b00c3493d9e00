import { ErrorCode } from '../lib/errors.js';
import { isJsonObject } from '../lib/objects.js';
import { optionsReader } from '../lib/options.js';
import {
  privilegeFromJson,
  toPrivilegeJson,
  type Privilege,
  type PrivilegeFlags,
  type PrivilegeJson,
} from './privilege.js';
import { assertZegoRoomId } from './room-id.js';
import { toStreamIdList } from './stream-id.js';

/** The room a 04 token is restricted to, when ZEGO's room authentication is enabled for the app. */
export interface RoomPayload {
  /** The room the token is valid in: 1-128 digits, English letters and ``~!@#$%^&*()_+=-`;',.<>\`` (see `isZegoRoomId`). */
  roomId: string;
  /** What the user may do there; defaults to log in and publish. */
  privilege?: Privilege | undefined;
  /**
   * The only stream IDs the user may publish; `null` or absent means any. Each 1-256 characters: digits, English
   * letters and ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > \`` (no `/`: the Web SDK refuses it). Never `[]`: ZEGO
   * reads it as "any stream".
   */
  streamIdList?: readonly string[] | null | undefined;
}

/**
 * A room payload as decoded from a token, read as ZEGO's README defines it: an empty `room_id` means any room, and
 * an empty or `null` `stream_id_list` means any stream.
 */
export interface DecodedRoom {
  /** The room the token is restricted to; `''` when it is not restricted to a room (then {@link anyRoom} is set). */
  roomId: string;
  /** Present, and `true`, only when `room_id` is `''`: the token is valid in any room (`verifyToken` passes any). */
  anyRoom?: true;
  privilege: PrivilegeFlags;
  /** The only streams the user may publish; `null` when any stream (the payload had `null`, `[]` or nothing). */
  streamIdList: string[] | null;
}

// A room payload is read as options are (lib/options.ts): once, its keys known, so `privilige: {…}` is refused.
const readRoomPayload = optionsReader<RoomPayload>(
  { roomId: true, privilege: true, streamIdList: true },
  { option: 'payload', noun: 'room payload key', code: ErrorCode.PAYLOAD_INVALID },
);

/**
 * Builds the payload string of a room-bound 04 token, in ZEGO's key order:
 * `{"room_id":…,"privilege":{"1":0|1,"2":0|1},"stream_id_list":[…]|null}`.
 *
 * The payload is read as options are: a plain object, its own keys, each read once.
 *
 * @throws {@link ZegoTokenError} ROOM_ID_INVALID for a room ID outside `isZegoRoomId`'s rule, PRIVILEGE_INVALID for a bad privilege,
 *   PAYLOAD_INVALID for a bad stream list (stream IDs are 1-256 characters of ZEGO's stream ID set, and an empty list
 *   is refused, because ZEGO reads `stream_id_list: []` as "any stream": deny publishing with `privilege: { publish:
 *   false }`), for a payload that is not a plain object, or one with a key that is none of the three.
 *
 * @example
 * ```ts
 * buildRoomPayload({ roomId: 'lobby', privilege: { publish: false } });
 * // '{"room_id":"lobby","privilege":{"1":1,"2":0},"stream_id_list":null}'
 * ```
 */
export function buildRoomPayload(payload: RoomPayload): string {
  const { roomId, privilege, streamIdList } = readRoomPayload(payload);
  assertZegoRoomId(roomId, 'payload.roomId');
  return roomPayloadJson(roomId, toPrivilegeJson(privilege), toStreamIdList(streamIdList, 'payload.streamIdList'));
}

/**
 * The room payload from validated parts, keys in ZEGO's order: the bytes JSON.stringify would write for
 * `{ room_id, privilege, stream_id_list }`, written from their fixed parts (see plaintext.ts).
 */
export function roomPayloadJson(roomId: string, privilege: PrivilegeJson, streamIdList: readonly string[] | null): string {
  const streams = streamIdList === null ? 'null' : JSON.stringify(streamIdList);
  return `{"room_id":${JSON.stringify(roomId)},"privilege":{"1":${privilege['1']},"2":${privilege['2']}},"stream_id_list":${streams}}`;
}

/** An array of strings, holes included in the check (`every` would skip them): what a decoder reads. */
function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i += 1) {
    if (typeof value[i] !== 'string') return false;
  }
  return true;
}

/** Reads a 04 payload as a room payload; `undefined` when it is not one (an empty or application-defined payload). */
export function parseRoomPayload(payload: string): DecodedRoom | undefined {
  if (!payload.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isJsonObject(json) || typeof json['room_id'] !== 'string') return undefined;
  const privilege = privilegeFromJson(json['privilege']);
  if (privilege === undefined) return undefined;
  const streams = json['stream_id_list'] ?? null;
  if (streams !== null && !isStringArray(streams)) return undefined;
  const room: DecodedRoom = {
    roomId: json['room_id'],
    privilege,
    // ZEGO reads an empty list as "any stream", as it reads null: one value for one meaning.
    streamIdList: streams === null || streams.length === 0 ? null : streams,
  };
  if (room.roomId === '') room.anyRoom = true;
  return room;
}
