import { assertRoomId, MAX_ROOM_ID_BYTES } from '../lib/assertions.js';
import { ErrorCode, invalid } from '../lib/errors.js';
import { isZegoId, outsideCharacter, ZEGO_ID_SYMBOLS } from './zego-id.js';

/**
 * Whether every ZEGO client takes `roomId`: 1-128 characters, each a digit, an English letter or one of
 * ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > \``. That is ZEGO's documented set without `/`, which the Web SDK
 * refuses (1002012); `:`, spaces and non-ASCII characters are refused too. (ZEGO advises against `%` where the Web SDK
 * takes part; the Web SDK takes it.)
 *
 * The one rule for a room ID we write: the token routes answer 400 `invalid_room_id` for a room outside it, and the
 * generators refuse one (ROOM_ID_INVALID). Reading is liberal: `decodeToken` and `verifyToken` take any room.
 *
 * @example
 * ```ts
 * isZegoRoomId('lobby_#1'); // true
 * isZegoRoomId('lobby 1'); // false: spaces are not allowed
 * isZegoRoomId('team/lobby'); // false: the Web SDK refuses '/'
 * ```
 */
export function isZegoRoomId(roomId: unknown): roomId is string {
  return typeof roomId === 'string' && isZegoId(roomId, MAX_ROOM_ID_BYTES);
}

/**
 * Throws ROOM_ID_INVALID unless `roomId` is one every ZEGO client takes ({@link isZegoRoomId}): first the checks of
 * any room ID (a non-empty, well-formed string of at most 128 UTF-8 bytes), then the character set, naming the first
 * character outside it. For the writers: the generators, the seed API and the drop-ins.
 */
export function assertZegoRoomId(roomId: unknown, option = 'roomId'): asserts roomId is string {
  assertRoomId(roomId, option);
  const outside = outsideCharacter(roomId);
  if (outside !== undefined) {
    throw invalid(
      ErrorCode.ROOM_ID_INVALID,
      option,
      `must be digits, English letters and ${ZEGO_ID_SYMBOLS} only (it has ${outside}; ZEGO's Web SDK refuses such a room ID)`,
    );
  }
}
