import { MAX_ROOM_ID_BYTES } from '../lib/assertions.js';
import { isZegoId } from './zego-id.js';

/**
 * Whether ZEGO's clients accept `roomId`: 1-128 characters, each a digit, an English letter or one of
 * ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \``. (ZEGO advises against `%` where the Web SDK takes part.)
 *
 * The token generators only enforce the length, as ZEGO's own generators do; the token routes use this stricter
 * check, so a room ID from a URL is one a client can actually join.
 *
 * @example
 * ```ts
 * isZegoRoomId('lobby_#1'); // true
 * isZegoRoomId('lobby 1'); // false: spaces are not allowed
 * ```
 */
export function isZegoRoomId(roomId: unknown): roomId is string {
  return typeof roomId === 'string' && isZegoId(roomId, MAX_ROOM_ID_BYTES);
}
