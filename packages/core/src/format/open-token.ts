/**
 * A token's text as every reader takes it: a ZEGO token, or a UIKit kit token (`token#wrapper`). The one place a
 * kit wrapper is split off a token that is read, with the one rule of what makes a kit token: a ZEGO token (03 or
 * 04, as UIKit wraps any) before the `#`.
 */
import { malformedToken } from '../lib/errors.js';
import { isEnvelopeFault, readEnvelope, webBase64, type Base64Decoder, type Envelope, type EnvelopeFault } from './envelope-reader.js';
import { readKitWrapper, splitKitToken, type KitClaims } from './kit-token.js';

/** A token's envelope, and its kit wrapper when it came in one. */
export interface OpenedToken {
  readonly envelope: Envelope;
  readonly kit?: KitClaims | undefined;
}

/** The message of a fault of the part before `#`: what is not a ZEGO token there makes no kit token either. */
export function innerFaultReason(fault: EnvelopeFault, wrapped: boolean): string {
  const reason = fault.fault === 'truncated' ? `cut short: ${fault.reason}` : fault.reason;
  return wrapped ? `the part before "#" is not a ZEGO token (${reason})` : reason;
}

/**
 * Splits off a kit wrapper, if any, and reads the envelope (`decode` is a runtime's faster base64 decoder). The
 * token before `#` is read first: the wrapper is read only around a ZEGO token.
 *
 * @throws {@link ZegoTokenError} TOKEN_MALFORMED for a token that is not a string, a malformed envelope (before the
 *   `#`, for a kit token), or a malformed kit wrapper.
 */
export function openToken(token: unknown, decode: Base64Decoder = webBase64): OpenedToken {
  if (typeof token !== 'string') throw malformedToken('not a string');
  const { token: inner, wrapper } = splitKitToken(token);
  const envelope = readEnvelope(inner, decode);
  if (isEnvelopeFault(envelope)) throw malformedToken(innerFaultReason(envelope, wrapper !== undefined));
  return { envelope, kit: wrapper === undefined ? undefined : readKitWrapper(wrapper) };
}
