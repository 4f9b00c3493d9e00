import { assertAppId, assertSecret, assertUserId, describe } from '../lib/assertions.js';
import { ErrorCode } from '../lib/errors.js';
import { generateToken04 as generateToken04FromOptions } from '../node/tokens.js';
import { assertLifetime } from '../tokens/lifetime.js';
import { ServerAssistantError, withServerAssistantErrors } from './server-assistant-error.js';

/**
 * ZEGO's module encrypts `payload || ''`: no payload, `undefined` and `null` all mean an identity token. Anything
 * but a string would be encrypted as a JSON value where the format has a string, so it is refused instead.
 */
function payloadText(payload: unknown): string {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  throw new ServerAssistantError(
    ErrorCode.PAYLOAD_INVALID,
    `payload must be a string (JSON.stringify a room payload first). Received ${describe(payload)}`,
  );
}

/**
 * Drop-in for `generateToken04` of ZEGO's Node.js `zegoServerAssistant` module (zego_server_assistant,
 * `token/nodejs/token04/server/`): same positional arguments, returns the token, throws on bad input.
 *
 * Makes a version 04 AES-256-GCM token, as ZEGO's current Node.js module does, with the nonce and IV from
 * `node:crypto` and nothing logged (ZEGO's module prints the whole plaintext on every call).
 *
 * @param appId - your ZEGO app ID, an integer in 1..4294967295
 * @param userId - the user the token is for, 1-64 UTF-8 bytes
 * @param secret - your ServerSecret: exactly 32 UTF-8 bytes, used as the AES-256 key as is
 * @param effectiveTimeInSeconds - the lifetime in seconds: an integer, not plainly a timestamp or milliseconds, that
 *   makes the token expire by 2^31 - 1 s (2038-01-19)
 * @param payload - `''`, `undefined` or `null` for an identity token; otherwise a string carried as is, such as
 *   `JSON.stringify({ room_id, privilege: { 1: 1, 2: 0 }, stream_id_list: null })` for room authentication, whose
 *   room and stream IDs must be ones every ZEGO client takes (no `/`, `:`, spaces or non-ASCII: `isZegoRoomId`)
 * @returns the token, `"04"` + base64
 * @throws {@link ServerAssistantError} (a `ZegoTokenError` with `errorCode` and `errorMessage`):
 *   `APP_ID_INVALID` (1), `USER_ID_INVALID` (3), `SECRET_INVALID` (5), `EFFECTIVE_TIME_IN_SECONDS_INVALID` (6),
 *   checked in that order as ZEGO's module does; `PAYLOAD_INVALID` (7) for a payload that is not a string or too long
 *   for a token; a room payload's bad `room_id` is `ROOM_ID_INVALID` (2), a bad stream ID `PAYLOAD_INVALID` (7).
 *
 * @example
 * ```js
 * const { generateToken04 } = require('@zego-token/core/server-assistant'); // was: require('./zegoServerAssistant')
 * const token = generateToken04(appID, userId, serverSecret, 3600, '');
 * ```
 */
export function generateToken04(
  appId: number,
  userId: string,
  secret: string,
  effectiveTimeInSeconds: number,
  payload?: string | null,
): string {
  return withServerAssistantErrors(() => {
    // ZEGO's order of checks, so the first bad argument is the one reported; the payload, which it never checks, last.
    assertAppId(appId);
    assertUserId(userId);
    assertSecret(secret);
    assertLifetime(effectiveTimeInSeconds);
    const text = payloadText(payload);
    return generateToken04FromOptions({ appId, userId, secret, effectiveTimeInSeconds, payload: text });
  });
}
