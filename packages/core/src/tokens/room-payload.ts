import { assertRoomId, describe } from '../lib/assertions.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import {
  toPrivilegeFlags,
  toPrivilegeJson,
  type Privilege,
  type PrivilegeFlags,
  type PrivilegeJson,
} from './privilege.js';
import { toStreamIdList } from './stream-id.js';

/** The room a 04 token is restricted to, when ZEGO's room authentication is enabled for the app. */
export interface RoomPayload {
  /** The room the token is valid in (1-128 UTF-8 bytes). */
  roomId: string;
  /** What the user may do there; defaults to log in and publish. */
  privilege?: Privilege | undefined;
  /**
   * The only stream IDs the user may publish; `null` or absent means any. Each 1-256 characters: digits, English
   * letters and ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \``. Never `[]`: ZEGO reads it as "any stream".
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

function invalidPayload(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.PAYLOAD_INVALID, `room payload ${reason}`);
}

/**
 * Builds the payload string of a room-bound 04 token, in ZEGO's key order:
 * `{"room_id":…,"privilege":{"1":0|1,"2":0|1},"stream_id_list":[…]|null}`.
 *
 * @throws {@link ZegoTokenError} ROOM_ID_INVALID for a bad room ID, PRIVILEGE_INVALID for a bad privilege,
 *   PAYLOAD_INVALID for a bad stream list: stream IDs are 1-256 characters of ZEGO's stream ID set, and an empty list
 *   is refused, because ZEGO reads `stream_id_list: []` as "any stream" (deny publishing with `privilege: { publish:
 *   false }`).
 *
 * @example
 * ```ts
 * buildRoomPayload({ roomId: 'lobby', privilege: { publish: false } });
 * // '{"room_id":"lobby","privilege":{"1":1,"2":0},"stream_id_list":null}'
 * ```
 */
export function buildRoomPayload(payload: RoomPayload): string {
  if (typeof payload !== 'object' || payload === null) {
    throw invalidPayload(`must be an object. Received ${describe(payload)}`);
  }
  assertRoomId(payload.roomId);
  const privilege = toPrivilegeJson(payload.privilege);
  const streams = toStreamIdList(payload.streamIdList);
  return roomPayloadJson(payload.roomId, privilege, streams);
}

/**
 * The room payload from validated parts, keys in ZEGO's order: the bytes JSON.stringify would write for
 * `{ room_id, privilege, stream_id_list }`, written from their fixed parts (see plaintext.ts).
 */
export function roomPayloadJson(roomId: string, privilege: PrivilegeJson, streamIdList: readonly string[] | null): string {
  const streams = streamIdList === null ? 'null' : JSON.stringify(streamIdList);
  return `{"room_id":${JSON.stringify(roomId)},"privilege":{"1":${privilege['1']},"2":${privilege['2']}},"stream_id_list":${streams}}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array of strings, holes included in the check (`every` would skip them): what a decoder reads. */
function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i += 1) {
    if (typeof value[i] !== 'string') return false;
  }
  return true;
}

const isBit = (value: unknown): value is 0 | 1 => value === 0 || value === 1;

/** Reads a 04 payload as a room payload; `undefined` when it is not one (an empty or application-defined payload). */
export function parseRoomPayload(payload: string): DecodedRoom | undefined {
  if (!payload.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isPlainObject(json) || typeof json['room_id'] !== 'string' || !isPlainObject(json['privilege'])) return undefined;
  const login = json['privilege']['1'];
  const publish = json['privilege']['2'];
  if (!isBit(login) || !isBit(publish)) return undefined;
  const streams = json['stream_id_list'] ?? null;
  if (streams !== null && !isStringArray(streams)) return undefined;
  const room: DecodedRoom = {
    roomId: json['room_id'],
    privilege: toPrivilegeFlags({ '1': login, '2': publish }),
    // ZEGO reads an empty list as "any stream", as it reads null: one value for one meaning.
    streamIdList: streams === null || streams.length === 0 ? null : streams,
  };
  if (room.roomId === '') room.anyRoom = true;
  return room;
}
