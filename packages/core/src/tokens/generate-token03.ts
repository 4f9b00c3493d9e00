import { assertAppId, assertEffectiveTime, assertRoomId, assertUserId } from '../lib/assertions.js';
import { mintToken03 } from './mint.js';
import { assertOptionsObject } from '../lib/options.js';
import { toPrivilegeJson, type Privilege } from './privilege.js';
import { secretKey } from '../format/secret-key.js';

/** Options of {@link generateToken03}. */
export interface GenerateToken03Options {
  /** Your ZEGO app ID (1..4294967295). */
  appId: number;
  /** The room the token is valid in (1-128 UTF-8 bytes). */
  roomId: string;
  /** The user the token is for (1-64 UTF-8 bytes). */
  userId: string;
  /** Your ZEGO ServerSecret: exactly 32 characters. */
  secret: string;
  /** How long the token is valid, in seconds (a positive integer). */
  effectiveTimeInSeconds: number;
  /** What the user may do in the room; defaults to log in and publish. */
  privilege?: Privilege | undefined;
}

/**
 * Generates a version 03 token (AES-256-CBC, always bound to a room), for apps still on ZEGO's older SDKs.
 * New apps should use {@link generateToken04}.
 *
 * @throws {@link ZegoTokenError} with the seed's codes: 1 app ID, 2 room ID, 3 user ID, 4 privilege, 5 secret,
 *   6 lifetime.
 *
 * @example
 * ```ts
 * const token = generateToken03({ appId, roomId: 'demo', userId: 'demo', secret, effectiveTimeInSeconds: 3600 });
 * ```
 */
export function generateToken03(options: GenerateToken03Options): string {
  assertOptionsObject(options, 'options');
  const { appId, roomId, userId, secret, effectiveTimeInSeconds } = options;
  assertAppId(appId);
  assertRoomId(roomId);
  assertUserId(userId);
  const privilege = toPrivilegeJson(options.privilege);
  const key = secretKey(secret);
  assertEffectiveTime(effectiveTimeInSeconds);

  return mintToken03(key, appId, roomId, userId, privilege, effectiveTimeInSeconds).token;
}
