/**
 * Writing UIKit's kit tokens (reading them is format/kit-token.ts). UIKit Prebuilt's
 * `ZegoUIKitPrebuilt.generateKitTokenForProduction(appID, token, roomID, userID, userName)` (2.18.4) returns
 * `token + '#' + btoa(JSON.stringify({ userID, roomID, userName: encodeURIComponent(userName || ''), appID }))`, and
 * UIKit's parser takes exactly that apart: this file writes the same characters. `btoa` encodes Latin-1 code units,
 * not UTF-8, so an ID with a character above U+00FF cannot be carried: refused here, where UIKit's own function throws.
 * The room is one we write, so it follows the one rule of a room ID we write (room-id.ts): what every ZEGO client
 * takes, all ASCII. Web APIs only (`btoa`, `encodeURIComponent`): both entries write kit tokens alike.
 */
import { isEnvelopeFault, readEnvelope } from '../format/envelope-reader.js';
import { innerFaultReason } from '../format/open-token.js';
import { assertAppId, assertUserId, describe, isWellFormed } from '../lib/assertions.js';
import { ErrorCode, invalid, malformedToken, type ErrorCodeValue } from '../lib/errors.js';
import { optionsReader, type OptionsReader } from '../lib/options.js';
import { assertZegoRoomId } from './room-id.js';

/** Options of {@link wrapKitToken}: the arguments of UIKit's `generateKitTokenForProduction`, by name. */
export interface KitTokenOptions {
  /** Your ZEGO app ID, an integer from 1 to 4294967295: written as a JSON number, as UIKit writes and reads it. */
  appId: number;
  /** The ZEGO token to wrap (03 or 04, from this library or any generator), as your server issued it. */
  token: string;
  /**
   * The user UIKit logs in as: the token's user. 1-64 UTF-8 bytes, and only characters up to U+00FF (Latin-1):
   * UIKit's `btoa` can carry no other.
   */
  userId: string;
  /**
   * The room UIKit joins: the token's room where it carries one (UIKit joins the wrapper's room, so any other fails
   * once room authentication is on). 1-128 digits, English letters and ZEGO's symbols without `/`, as every room ID
   * we write (`isZegoRoomId`). Left out of the wrapper when not given, as UIKit leaves it out.
   */
  roomId?: string | undefined;
  /**
   * The name UIKit shows for the user. Any text: it is percent-encoded (`encodeURIComponent`) before it is written,
   * as UIKit does. `null`, `undefined` and `''` write an empty name.
   */
  userName?: string | null | undefined;
}

const readKitTokenOptions: OptionsReader<KitTokenOptions> = optionsReader<KitTokenOptions>({
  appId: true,
  token: true,
  userId: true,
  roomId: true,
  userName: true,
});

// A UTF-16 unit above U+00FF: `btoa` refuses it (InvalidCharacterError). Surrogates are above it too.
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * Throws `code` unless UIKit's `btoa` can carry `id`: every character at most U+00FF. ZEGO takes any 64 bytes of
 * UTF-8 as a user ID (ZIM's IDs may be Chinese), but a kit wrapper cannot hold them.
 */
export function assertKitId(id: string, option: string, code: ErrorCodeValue): void {
  if (BEYOND_LATIN1.test(id)) {
    throw invalid(
      code,
      option,
      'must hold only characters up to U+00FF (Latin-1) in a kit token: UIKit encodes its wrapper with btoa, which takes no other',
    );
  }
}

/**
 * A display name as UIKit writes it: percent-encoded. Throws OPTION_INVALID for a name with a lone surrogate (no
 * UTF-8 form: `encodeURIComponent` throws on it).
 */
export function assertKitUserName(userName: string, option: string): void {
  if (!isWellFormed(userName)) throw invalid(ErrorCode.OPTION_INVALID, option, 'must be valid Unicode (it has a lone surrogate)');
}

/**
 * The kit token of IDs already checked (by {@link assertKitId}, `assertZegoRoomId` and {@link assertKitUserName}, or
 * by the route, whose IDs are checked on the way in): `token#wrapper`, the wrapper's keys in UIKit's order. `roomId` `undefined` leaves
 * `roomID` out, as `JSON.stringify` leaves out an undefined value in UIKit's function.
 */
export function kitTokenOf(token: string, appId: number, userId: string, roomId: string | undefined, userName: string): string {
  return `${token}#${btoa(JSON.stringify({ userID: userId, roomID: roomId, userName: encodeURIComponent(userName), appID: appId }))}`;
}

/**
 * Wraps a ZEGO token for UIKit Prebuilt: exactly what UIKit's `ZegoUIKitPrebuilt.generateKitTokenForProduction(appId,
 * token, roomId, userId, userName)` returns for the same inputs (docs/uikit.md), so a server can hand the browser
 * the kit token itself (`ZegoUIKitPrebuilt.create(kitToken)`, `zp.renewToken(kitToken)`). The token routes answer it
 * as `kitToken` when given `getUserName`.
 *
 * The wrapper after `#` is base64 of the JSON `{ userID, roomID, userName, appID }`, in clear (no secret is
 * involved: it only tells UIKit whom to log in as and where). Where the rule comes from: UIKit Prebuilt 2.18.4's
 * `generateKitTokenForProduction`, run against this function byte for byte in `test/core/kit-token.test.ts`.
 *
 * @throws {@link ZegoTokenError} APP_ID_INVALID (not an integer from 1 to 4294967295), TOKEN_MALFORMED (`token` is
 *   not a ZEGO token: a kit token is not wrapped twice), USER_ID_INVALID (`userId` not 1-64 UTF-8 bytes, or a
 *   character above U+00FF), ROOM_ID_INVALID (`roomId` not one every ZEGO client takes: `isZegoRoomId`),
 *   OPTION_INVALID (`userName` neither a string nor `null`/`undefined`, or with a lone surrogate; an unknown option).
 *
 * @example
 * ```ts
 * const token = generateToken04({ appId, userId: 'zoë', secret, effectiveTimeInSeconds: 3600, payload: { roomId: 'lobby' } });
 * const kitToken = wrapKitToken({ appId, token, roomId: 'lobby', userId: 'zoë', userName: 'Zoë Martin' });
 * // in the browser: ZegoUIKitPrebuilt.create(kitToken)
 * ```
 */
export function wrapKitToken(options: KitTokenOptions): string {
  const { appId, token, userId, roomId, userName } = readKitTokenOptions(options);
  assertAppId(appId);
  // Only a ZEGO token, read by the readers' own rule: a kit token (its '#') is never wrapped twice.
  if (typeof token !== 'string') throw malformedToken('not a string');
  const envelope = readEnvelope(token);
  if (isEnvelopeFault(envelope)) throw malformedToken(innerFaultReason(envelope, false));
  assertUserId(userId);
  assertKitId(userId, 'userId', ErrorCode.USER_ID_INVALID);
  if (roomId !== undefined) assertZegoRoomId(roomId);
  if (userName !== undefined && userName !== null && typeof userName !== 'string') {
    throw invalid(ErrorCode.OPTION_INVALID, 'userName', 'must be a string, null or undefined', describe(userName));
  }
  const name = userName ?? '';
  assertKitUserName(name, 'userName');
  return kitTokenOf(token, appId, userId, roomId, name);
}
