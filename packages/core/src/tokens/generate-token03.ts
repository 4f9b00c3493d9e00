import { NODE_CRYPTO } from '../format/crypto-node.js';
import { generateToken03With, type GenerateToken03Options } from './generate.js';

export type { GenerateToken03Options } from './generate.js';

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
  return generateToken03With(NODE_CRYPTO, options);
}
