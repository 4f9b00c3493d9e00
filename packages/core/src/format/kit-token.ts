/**
 * UIKit's kit tokens: ZEGO's UIKit samples (`generateKitTokenForProduction` / `generateKitTokenForTest`) hand the
 * client `token04 + '#' + base64(JSON.stringify({ userID, roomID, userName: encodeURIComponent(userName), appID }))`.
 * The part after `#` is in clear. No Node APIs here (`atob`, `TextDecoder`): Web Crypto decoding reads kits too.
 */
import { MAX_APP_ID } from '../lib/assertions.js';
import { malformedToken, type ZegoTokenError } from '../lib/errors.js';
import { isJsonObject } from '../lib/objects.js';
import type { TokenVersion } from './envelope-reader.js';

/** What a kit token's wrapper says, read from its clear JSON (`userName` percent-decoded). */
export interface KitClaims {
  /** The wrapper's `appID`. */
  appId: number;
  /** The wrapper's `userID`: the user UIKit logs in as. */
  userId: string;
  /** The wrapper's `roomID`: the room UIKit joins (`''` when the sample was given none). */
  roomId: string;
  /** The wrapper's `userName`, percent-decoded (UIKit encodes it with `encodeURIComponent`). */
  userName: string;
}

/** A token split from its kit wrapper: `kit` is present only for a kit token. */
export interface UnwrappedToken {
  /** The ZEGO token itself (the part before `#`). */
  token: string;
  kit?: KitClaims;
}

const WRAPPER_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

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

/** Reads the wrapper after `#` (TOKEN_MALFORMED when it is not UIKit's base64 JSON). Messages never echo its content. */
export function readKitWrapper(wrapper: string): KitClaims {
  if (!WRAPPER_BASE64.test(wrapper)) throw malformedKit('the part after "#" is not base64');
  let json: unknown;
  try {
    const binary = atob(wrapper);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    json = JSON.parse(utf8.decode(bytes));
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
 * Why a kit wrapper cannot wrap a token of `version`, or `undefined` when it can (or there is none): UIKit's samples
 * wrap 04 tokens only.
 */
export function kitMismatch(kit: KitClaims | undefined, version: TokenVersion): string | undefined {
  return kit !== undefined && version !== '04' ? 'a kit token wraps a 04 token, not a 03 one' : undefined;
}

/**
 * Splits a kit token into its ZEGO token and wrapper; any other text comes back as `{ token }` unchanged.
 * A base64 token never contains `#`, so the first `#` is where the wrapper starts.
 *
 * @throws {@link ZegoTokenError} `TOKEN_MALFORMED` when the wrapper is not UIKit's.
 */
export function unwrapKitToken(text: string): UnwrappedToken {
  const hash = text.indexOf('#');
  if (hash < 0) return { token: text };
  return { token: text.slice(0, hash), kit: readKitWrapper(text.slice(hash + 1)) };
}
