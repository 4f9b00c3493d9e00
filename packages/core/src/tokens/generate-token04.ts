import { assertAppId, assertEffectiveTime, assertUserId, describe, isWellFormed } from '../lib/assertions.js';
import type { TokenMode } from '../format/envelope.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { mintToken04 } from './mint.js';
import { assertOptionsObject } from '../lib/options.js';
import { resolveMode } from './token-kind.js';
import { buildRoomPayload, type RoomPayload } from './room-payload.js';
import { secretKey } from '../format/secret-key.js';

/** Options of {@link generateToken04}. */
export interface GenerateToken04Options {
  /** Your ZEGO app ID (1..4294967295). */
  appId: number;
  /** The user the token is for (1-64 UTF-8 bytes); the client must log in with the same ID. */
  userId: string;
  /** Your ZEGO ServerSecret: exactly 32 characters. Never send it to clients. */
  secret: string;
  /** How long the token is valid, in seconds (a positive integer). */
  effectiveTimeInSeconds: number;
  /**
   * `''` (the default) for a plain identity token, as ZIM and most RTC apps use; a {@link RoomPayload} to bind the
   * token to one room (needs ZEGO's room authentication enabled for the app); or any string of your own (valid Unicode: no lone surrogates).
   */
  payload?: string | RoomPayload | undefined;
  /** `'gcm'` (default, the current format) or `'cbc'` (the legacy 04 format, for old SDKs). */
  mode?: TokenMode | undefined;
}

function payloadText(payload: unknown): string {
  if (payload === undefined) return '';
  if (typeof payload === 'string') {
    // A lone surrogate has no UTF-8 form: it would be sealed as U+FFFD, and strict JSON readers refuse the escape.
    if (!isWellFormed(payload)) throw new ZegoTokenError(ErrorCode.PAYLOAD_INVALID, 'payload must be valid Unicode (it has a lone surrogate)');
    return payload;
  }
  if (typeof payload === 'object' && payload !== null) return buildRoomPayload(payload as RoomPayload);
  throw new ZegoTokenError(ErrorCode.PAYLOAD_INVALID, `payload must be a string or a room payload. Received ${describe(payload)}`);
}

/**
 * Generates a version 04 token, the kind current ZEGO SDKs (Express, ZIM, UIKits) take in `loginRoom` / `login`.
 *
 * The nonce and IV come from `node:crypto`; nothing is logged.
 *
 * @throws {@link ZegoTokenError} APP_ID_INVALID, USER_ID_INVALID, SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID for
 *   a bad app ID, user ID, secret or lifetime; ROOM_ID_INVALID, PRIVILEGE_INVALID or PAYLOAD_INVALID for a bad room
 *   payload (see {@link buildRoomPayload}: `streamIdList: []` is refused), a payload string with a lone surrogate, or a
 *   payload too long for a token; OPTION_INVALID for an unknown `mode`.
 *
 * @example
 * ```ts
 * const token = generateToken04({
 *   appId: 1234567890,
 *   userId: 'alice',
 *   secret: process.env.ZEGO_SERVER_SECRET!,
 *   effectiveTimeInSeconds: 3600,
 *   payload: { roomId: 'lobby', privilege: { publish: false } },
 * });
 * ```
 */
export function generateToken04(options: GenerateToken04Options): string {
  assertOptionsObject(options, 'options');
  const { appId, userId, secret, effectiveTimeInSeconds } = options;
  assertAppId(appId);
  assertUserId(userId);
  const key = secretKey(secret);
  assertEffectiveTime(effectiveTimeInSeconds);
  const mode = resolveMode(options.mode);
  const payload = payloadText(options.payload);

  return mintToken04(key, mode, appId, userId, effectiveTimeInSeconds, payload).token;
}
