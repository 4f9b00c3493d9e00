import { describe } from './assertions.js';
import { ErrorCode, ZegoTokenError } from './errors.js';

/** Throws code 12 unless `options` is an object: the functions that take one read named fields from it. */
export function assertOptionsObject(options: unknown, name: string): void {
  if (typeof options !== 'object' || options === null) {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `${name} must be an object. Received ${describe(options)}`);
  }
}
