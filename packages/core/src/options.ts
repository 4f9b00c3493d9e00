import { describe } from './assertions.js';
import type { TokenMode } from './envelope.js';
import { ErrorCode, ZegoTokenError } from './errors.js';

/** Throws code 12 unless `options` is an object: the functions that take one read named fields from it. */
export function assertOptionsObject(options: unknown, name: string): void {
  if (typeof options !== 'object' || options === null) {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `${name} must be an object. Received ${describe(options)}`);
  }
}

/** `mode`, defaulting to GCM, the current 04 format. */
export function resolveMode(mode: unknown): TokenMode {
  if (mode === undefined || mode === 'gcm') return 'gcm';
  if (mode === 'cbc') return 'cbc';
  throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `mode must be 'gcm' or 'cbc'. Received ${describe(mode)}`);
}
