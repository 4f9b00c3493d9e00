import { NODE_CRYPTO } from '../format/crypto-node.js';
import { generateToken04With, type GenerateToken04Options } from './generate.js';

export type { GenerateToken04Options } from './generate.js';

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
  return generateToken04With(NODE_CRYPTO, options);
}
