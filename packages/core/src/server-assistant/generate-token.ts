import { assertAppId, assertSecret, assertUserId } from '../lib/assertions.js';
import { describe, ErrorCode, invalid, ZegoTokenError } from '../lib/errors.js';
import { optionsReader } from '../lib/options.js';
import { generateToken03 } from '../node/tokens.js';
import type { PrivilegeFlags } from '../tokens/privilege.js';
import { assertZegoRoomId } from '../tokens/room-id.js';
import { withServerAssistantErrors } from './server-assistant-error.js';

/**
 * The privilege argument of ZEGO's Node.js token03 `generateToken` (its `KPrivilege` interface): two booleans, both
 * required. It becomes ZEGO's wire form `{"1": 0|1, "2": 0|1}` in the token.
 */
export interface ServerAssistantPrivilege {
  /** May log in to the room (ZEGO privilege key 1). */
  canLoginRoom: boolean;
  /** May publish streams in the room (ZEGO privilege key 2). */
  canPublishStream: boolean;
}

// Read as options are (lib/options.ts): a plain object, its own keys, each read once.
const readPrivilege = optionsReader<ServerAssistantPrivilege>(
  { canLoginRoom: true, canPublishStream: true },
  { option: 'privilege', noun: 'privilege key', code: ErrorCode.PRIVILEGE_INVALID },
);

/**
 * ZEGO's module requires both keys as booleans. Unknown keys are refused too, so a typo such as `canPublish: false`
 * cannot leave publishing granted; the numeric form `{1: 1, 2: 1}` is the seed API's (`@zego-token/core`'s
 * `generateToken`), and refused here as ZEGO's module refuses it.
 */
function privilegeFlags(privilege: unknown): PrivilegeFlags {
  let read: ReturnType<typeof readPrivilege>;
  try {
    read = readPrivilege(privilege);
  } catch (error) {
    if (error instanceof ZegoTokenError) throw error;
    // A getter of the caller's threw: report the argument, never the getter's message (it could hold anything).
    throw invalid(ErrorCode.PRIVILEGE_INVALID, 'privilege', 'could not be read');
  }
  const flags = { login: read.canLoginRoom, publish: read.canPublishStream };
  for (const [key, value] of [['canLoginRoom', flags.login], ['canPublishStream', flags.publish]] as const) {
    if (typeof value !== 'boolean') {
      const reason = value === undefined ? 'is required: privilege is { canLoginRoom: boolean, canPublishStream: boolean }' : 'must be a boolean';
      throw invalid(ErrorCode.PRIVILEGE_INVALID, `privilege.${key}`, reason, value === undefined ? undefined : describe(value));
    }
  }
  return flags as PrivilegeFlags;
}

/**
 * Drop-in for `generateToken` of ZEGO's Node.js token03 `zegoServerAssistant` module (zego_server_assistant,
 * `token/nodejs/token03/server/`): same positional arguments, returns the token, throws on bad input.
 *
 * Makes a version 03 token (AES-256-CBC, bound to one room) with the IV and nonce from `node:crypto` and nothing
 * logged (ZEGO's module prints the IV on every call). Not to be confused with `generateToken` of
 * `@zego-token/core`, the Python seed's API, which takes `{1: 0|1, 2: 0|1}` and returns `{ token, errorCode,
 * errorMessage }` instead of throwing.
 *
 * @param appId - your ZEGO app ID, an integer in 1..4294967295
 * @param roomId - the room the token is valid in: 1-128 digits, English letters and ``~!@#$%^&*()_+=-`;',.<>\``
 *   (ZEGO's set without `/`, which the Web SDK refuses)
 * @param userId - the user the token is for, 1-64 UTF-8 bytes
 * @param privilege - `{ canLoginRoom, canPublishStream }`, both booleans
 * @param secret - your ServerSecret: exactly 32 UTF-8 bytes, used as the AES-256 key as is
 * @param effectiveTimeInSeconds - the lifetime in seconds: an integer, not plainly a timestamp or milliseconds, that
 *   makes the token expire by 2^31 - 1 s (2038-01-19)
 * @returns the token, `"03"` + base64
 * @throws {@link ServerAssistantError} (a `ZegoTokenError` with `errorCode` and `errorMessage`):
 *   `APP_ID_INVALID` (1), `ROOM_ID_INVALID` (2), `USER_ID_INVALID` (3), `SECRET_INVALID` (5), `PRIVILEGE_INVALID`
 *   (4), `EFFECTIVE_TIME_IN_SECONDS_INVALID` (6), checked in that order as ZEGO's module does.
 *
 * @example
 * ```js
 * const { generateToken } = require('@zego-token/core/server-assistant'); // was: require('./zegoServerAssistant')
 * const token = generateToken(appID, 'demo', 'demo', { canLoginRoom: true, canPublishStream: false }, secret, 3600);
 * ```
 */
export function generateToken(
  appId: number,
  roomId: string,
  userId: string,
  privilege: ServerAssistantPrivilege,
  secret: string,
  effectiveTimeInSeconds: number,
): string {
  return withServerAssistantErrors(() => {
    // ZEGO's order of checks, so the first bad argument is the one reported.
    assertAppId(appId);
    assertZegoRoomId(roomId);
    assertUserId(userId);
    assertSecret(secret);
    const flags = privilegeFlags(privilege);
    return generateToken03({ appId, roomId, userId, privilege: flags, secret, effectiveTimeInSeconds });
  });
}
