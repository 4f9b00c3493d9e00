import { assertAppId, assertUserId } from '../lib/assertions.js';
import { describe, ErrorCode, invalid, ZegoTokenError, type ErrorCodeValue } from '../lib/errors.js';
import { isPlainObject } from '../lib/objects.js';
import { toPrivilegeJson, type PrivilegeJson } from '../tokens/privilege.js';
import { assertZegoRoomId } from '../tokens/room-id.js';
import { generateToken03 } from './tokens.js';

/** The result of the seed-compatible {@link generateToken}: a token, or an error code and message. */
export interface TokenInfo {
  /** The 03 token; `''` when `errorCode` is not 0. */
  token: string;
  /** 0 on success, else one of {@link ErrorCode}'s values (1-6 as in `zego_server_assistant`). */
  errorCode: ErrorCodeValue;
  /** `''` on success, else why the input was refused. Never contains the secret. */
  errorMessage: string;
}

/** The privilege of the seed API: ZEGO's `{1: 0|1, 2: 0|1}`, as an object or a `Map`. */
export type SeedPrivilege = { 1: 0 | 1 | boolean; 2: 0 | 1 | boolean } | ReadonlyMap<number | string, 0 | 1 | boolean>;

/** The seed API takes only ZEGO's numeric form: both keys, 1 and 2, are required. */
function seedPrivilege(privilege: unknown): PrivilegeJson {
  const numeric =
    privilege instanceof Map ||
    (isPlainObject(privilege) && Object.hasOwn(privilege, '1') && Object.hasOwn(privilege, '2'));
  if (!numeric) throw invalid(ErrorCode.PRIVILEGE_INVALID, 'privilege', 'must be {1: 0|1, 2: 0|1} or a Map with keys 1 and 2', describe(privilege));
  try {
    return toPrivilegeJson(privilege);
  } catch (error) {
    // A getter or Proxy of the caller's may throw: the seed API reports, it never throws.
    if (error instanceof ZegoTokenError) throw error;
    throw invalid(ErrorCode.PRIVILEGE_INVALID, 'privilege', 'could not be read');
  }
}

/**
 * Drop-in for `zego_server_assistant`'s `generate_token`: a version 03 token, with errors returned, never thrown.
 *
 * Differences from the original, all deliberate: a privilege value of 0 is accepted (the original refuses it, so
 * it cannot make a token that denies publishing); IVs and nonces come from a CSPRNG; nothing is printed. It writes
 * only what every ZEGO client takes, with the seed's codes: a room ID outside `isZegoRoomId`'s set (a `/`, a space)
 * is code 2, and a lifetime that is plainly a timestamp or milliseconds, or that would make the token expire after
 * 2^31 - 1 s (2038), is code 6.
 *
 * @example
 * ```ts
 * const { token, errorCode, errorMessage } = generateToken(2913569222, 'demo', 'demo',
 *   { [PRIVILEGE_LOGIN]: 1, [PRIVILEGE_PUBLISH]: 1 }, secret, 3600);
 * if (errorCode !== ErrorCode.SUCCESS) throw new Error(errorMessage);
 * ```
 */
export function generateToken(
  appId: number,
  roomId: string,
  userId: string,
  privilege: SeedPrivilege,
  secret: string,
  effectiveTimeInSeconds: number,
): TokenInfo {
  try {
    // The seed's order of checks, so the first bad argument is the one reported.
    assertAppId(appId);
    assertZegoRoomId(roomId);
    assertUserId(userId);
    const token = generateToken03({ appId, roomId, userId, privilege: seedPrivilege(privilege), secret, effectiveTimeInSeconds });
    return { token, errorCode: ErrorCode.SUCCESS, errorMessage: '' };
  } catch (error) {
    if (error instanceof ZegoTokenError) return { token: '', errorCode: error.code, errorMessage: error.message };
    throw error;
  }
}
