/**
 * UIKit's kit tokens, as UIKit writes and reads them (measured on @zegocloud/zego-uikit-prebuilt 2.18.4):
 * `generateKitTokenForProduction` (and `…ForTest`) return
 * `token + '#' + btoa(JSON.stringify({ userID, roomID, userName: encodeURIComponent(userName), appID }))`, around any
 * token (03 too), with `roomID` left out when none is given. `btoa` encodes Latin-1 code units, and UIKit's parser
 * reads the wrapper back with `atob`: so does this one (`zoë` is the byte 0xEB), whatever UTF-8 it might have been
 * meant as. The part after `#` is in clear. No Node APIs here (`atob`): Web Crypto decoding reads kits too.
 */
import { MAX_APP_ID } from '../lib/assertions.js';
import { malformedToken, type ZegoTokenError } from '../lib/errors.js';
import { isJsonObject } from '../lib/objects.js';

/** What a kit token's wrapper says, read from its clear JSON (`userName` percent-decoded). */
export interface KitClaims {
  /** The wrapper's `appID`. */
  appId: number;
  /** The wrapper's `userID`: the user UIKit logs in as. */
  userId: string;
  /** The wrapper's `roomID`: the room UIKit joins (`''` when the wrapper names none). */
  roomId: string;
  /** The wrapper's `userName`, percent-decoded (UIKit encodes it with `encodeURIComponent`). */
  userName: string;
}

/** A token's text split at its first `#`: `wrapper` is present only when there is one. */
export interface SplitToken {
  /** The part before `#`: the ZEGO token itself, in a kit token. */
  token: string;
  /** The part after `#`, unread. */
  wrapper?: string;
}

/**
 * The longest kit wrapper read, in characters: UIKit's holds a user ID (64 bytes), a room ID (128), a percent-encoded
 * user name (256 UTF-16 units, up to 9 characters each) and an app ID, under 5,000 characters of base64 even with
 * every character escaped; anything longer is no wrapper of UIKit's, and is refused before it is decoded.
 */
export const MAX_KIT_WRAPPER_CHARS = 8192;

const WRAPPER_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function malformedKit(reason: string): ZegoTokenError {
  return malformedToken(`kit wrapper: ${reason}`);
}

/** `decodeURIComponent`, or the text as written when it is not valid percent-encoding (a name is only shown). */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads the wrapper after `#` as UIKit does, `JSON.parse(atob(wrapper))`: its bytes as Latin-1 (TOKEN_MALFORMED when
 * it is not UIKit's base64 JSON, or longer than {@link MAX_KIT_WRAPPER_CHARS}). Messages never echo its content.
 */
export function readKitWrapper(wrapper: string): KitClaims {
  if (wrapper.length > MAX_KIT_WRAPPER_CHARS) {
    throw malformedKit(`the part after "#" is longer than ${MAX_KIT_WRAPPER_CHARS} characters, far more than UIKit writes`);
  }
  if (!WRAPPER_BASE64.test(wrapper)) throw malformedKit('the part after "#" is not base64');
  let json: unknown;
  try {
    json = JSON.parse(atob(wrapper));
  } catch {
    throw malformedKit('the part after "#" is not base64 JSON');
  }
  if (!isJsonObject(json)) throw malformedKit('the part after "#" is not a JSON object');
  const { appID, userID, roomID, userName } = json;
  // UIKit samples pass appID as a number; a decimal string is the same app.
  const appId = typeof appID === 'string' && /^[1-9][0-9]{0,9}$/.test(appID) ? Number(appID) : appID;
  if (typeof appId !== 'number' || !Number.isInteger(appId) || appId < 1 || appId > MAX_APP_ID) {
    throw malformedKit(`"appID" must be an integer from 1 to ${MAX_APP_ID}`);
  }
  if (typeof userID !== 'string') throw malformedKit('"userID" must be a string');
  if (roomID !== undefined && roomID !== null && typeof roomID !== 'string') throw malformedKit('"roomID" must be a string');
  if (userName !== undefined && userName !== null && typeof userName !== 'string') {
    throw malformedKit('"userName" must be a string');
  }
  return { appId, userId: userID, roomId: roomID ?? '', userName: percentDecoded(userName ?? '') };
}

/**
 * Splits `text` at its first `#` (a base64 token never contains one). Whether it is a kit token is for the reader to
 * say: only a ZEGO token before `#` makes one (see `openToken`).
 */
export function splitKitToken(text: string): SplitToken {
  const hash = text.indexOf('#');
  return hash < 0 ? { token: text } : { token: text.slice(0, hash), wrapper: text.slice(hash + 1) };
}
