import type { TokenMode } from '../format/envelope.js';
import { describe } from '../lib/assertions.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';

/** `mode`, defaulting to GCM, the current 04 format. */
export function resolveMode(mode: unknown): TokenMode {
  if (mode === undefined || mode === 'gcm') return 'gcm';
  if (mode === 'cbc') return 'cbc';
  throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `mode must be 'gcm' or 'cbc'. Received ${describe(mode)}`);
}
