import type { TokenMode, TokenVersion } from '../format/envelope.js';
import { describe, ErrorCode, invalid } from '../lib/errors.js';

/** A token's version and cipher, as every generator, the issuer and the CLI agree on them. */
export interface TokenKind {
  version: TokenVersion;
  mode: TokenMode;
}

/** `mode`, defaulting to GCM, the current 04 format (OPTION_INVALID for anything but `'gcm'`, `'cbc'` or `undefined`). */
export function resolveMode(mode: unknown): TokenMode {
  if (mode === undefined || mode === 'gcm') return 'gcm';
  if (mode === 'cbc') return 'cbc';
  throw invalid(ErrorCode.OPTION_INVALID, 'mode', "must be 'gcm' or 'cbc'", describe(mode));
}

/**
 * The one rule for version and mode: 04 (the default) takes `'gcm'` (the default) or `'cbc'`; 03 is always CBC, so
 * `mode: 'gcm'` with `version: '03'` is refused rather than silently ignored (OPTION_INVALID).
 */
export function resolveTokenKind(version: unknown, mode: unknown): TokenKind {
  if (version === undefined || version === '04') return { version: '04', mode: resolveMode(mode) };
  if (version !== '03') throw invalid(ErrorCode.OPTION_INVALID, 'version', "must be '04' or '03'", describe(version));
  if (mode !== undefined && mode !== 'cbc') throw invalid(ErrorCode.OPTION_INVALID, 'mode', "must be 'cbc' with version '03': 03 tokens are always CBC");
  return { version: '03', mode: 'cbc' };
}
