/**
 * A token's text as every reader takes it: a ZEGO token, or a UIKit kit token (`token04#wrapper`). The one place a
 * kit wrapper is split off a token that is read, with the one rule of what a kit may wrap (kit-token.ts).
 */
import { malformedToken } from '../lib/errors.js';
import { openEnvelope, type Base64Decoder, type Envelope } from './envelope.js';
import { kitMismatch, unwrapKitToken, type KitClaims } from './kit-token.js';

/** A token's envelope, and its kit wrapper when it came in one (a 04 token's, then). */
export interface OpenedToken {
  readonly envelope: Envelope;
  readonly kit?: KitClaims | undefined;
}

/**
 * Splits off a kit wrapper, if any, and reads the envelope (`decode` is a runtime's faster base64 decoder).
 *
 * @throws {@link ZegoTokenError} TOKEN_MALFORMED for a token that is not a string, a malformed envelope or kit
 *   wrapper, or a kit wrapper around a 03 token.
 */
export function openToken(token: unknown, decode?: Base64Decoder): OpenedToken {
  // A non-string goes on to openEnvelope, which refuses it as malformed.
  const { token: inner, kit } = typeof token === 'string' ? unwrapKitToken(token) : { token, kit: undefined };
  const envelope = openEnvelope(inner, decode);
  const mismatch = kitMismatch(kit, envelope.version);
  if (mismatch !== undefined) throw malformedToken(mismatch);
  return { envelope, kit };
}
