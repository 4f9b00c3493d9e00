/**
 * What a ServerSecret is, and why a value is not one: the one definition behind every SECRET_INVALID (generators,
 * issuers, routes, decoders) and the doctor's `secret_invalid` and `app_sign_as_secret`. Reasons say what is wrong
 * with the value (its length, quotes or whitespace around it, the AppSign in its place), never any part of it.
 */
import { isWellFormed, utf8Length } from './utf8.js';

/** The server secret is used as an AES-256 key: exactly this many UTF-8 bytes. */
export const SECRET_BYTES = 32;

/**
 * What is wrong with a secret: `not_string`; `app_sign` (64 hexadecimal characters: the AppSign, which the ZEGO
 * console shows beside the ServerSecret); `wrapped` (quotes, whitespace or a line break around it, as a `.env` file
 * or a shell `echo` leaves them); `lone_surrogate`; `length` (not 32 UTF-8 bytes).
 */
export type SecretFault = 'not_string' | 'app_sign' | 'wrapped' | 'lone_surrogate' | 'length';

/** Why a value is not a ServerSecret. */
export interface SecretProblem {
  readonly fault: SecretFault;
  /** The reason, to follow the secret's name: `must be a string of exactly 32 UTF-8 bytes (…): it has quotes around it`. */
  readonly reason: string;
  /** What to do, as a clause: `remove them where it is stored`. */
  readonly fix: string;
  /** For `wrapped`: the value without what is around it, when that is a ServerSecret (the doctor reads on with it). */
  readonly unwrapped?: string;
}

const MUST_BE = `must be a string of exactly ${SECRET_BYTES} UTF-8 bytes (the ServerSecret from the ZEGO console)`;
const APP_SIGN = /^[0-9A-Fa-f]{64}$/;
const QUOTES = new Set(['"', "'", '`']);
const LINE_BREAK = /[\n\r]/;

/** What whitespace `edge` (what `trim` took off one end) holds, as a phrase, or `undefined` for none. */
function edgePhrase(edge: string, end: 'start' | 'end'): string | undefined {
  if (edge === '') return undefined;
  return `${LINE_BREAK.test(edge) ? 'a line break' : 'whitespace'} at its ${end}`;
}

/** Quotes and whitespace around `secret`, as phrases, and what is inside them (one pair of quotes, whitespace around). */
function wrapping(secret: string): { phrases: string[]; inner: string } {
  const start = secret.length - secret.trimStart().length;
  const trimmed = secret.trim();
  const phrases = [edgePhrase(secret.slice(0, start), 'start'), edgePhrase(secret.slice(start + trimmed.length), 'end')].filter(
    (phrase): phrase is string => phrase !== undefined,
  );
  const first = trimmed.charAt(0);
  if (trimmed.length >= 2 && QUOTES.has(first) && trimmed.endsWith(first)) {
    phrases.unshift('quotes around it');
    return { phrases, inner: trimmed.slice(1, -1).trim() };
  }
  return { phrases, inner: trimmed };
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (phrases: readonly string[]): string =>
  phrases.length < 2 ? phrases.join('') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)!}`;

/** The problem with a value that has no wrapping: its length, a lone surrogate, the AppSign. */
function bareProblem(secret: string): SecretProblem | undefined {
  if (APP_SIGN.test(secret)) {
    return {
      fault: 'app_sign',
      reason: `${MUST_BE}: it is 64 hexadecimal characters, as the AppSign is`,
      fix: 'use the ServerSecret, which the ZEGO console shows beside the AppSign',
    };
  }
  if (!isWellFormed(secret)) return { fault: 'lone_surrogate', reason: `${MUST_BE}: it has a lone surrogate`, fix: 'copy the ServerSecret whole from the ZEGO console' };
  const bytes = utf8Length(secret);
  if (bytes !== SECRET_BYTES) {
    return { fault: 'length', reason: `${MUST_BE}: it is ${bytes} bytes long`, fix: 'copy the ServerSecret whole from the ZEGO console' };
  }
  return undefined;
}

/**
 * Why `secret` is not a ServerSecret, or `undefined` when it is one: a string of exactly {@link SECRET_BYTES} UTF-8
 * bytes with no lone surrogate, not wrapped in quotes or whitespace (a real ServerSecret is 32 hexadecimal characters,
 * so a value with those around it was stored or pasted with them), and not the 64-character AppSign.
 */
export function secretProblem(secret: unknown): SecretProblem | undefined {
  if (typeof secret !== 'string') return { fault: 'not_string', reason: MUST_BE, fix: 'pass the ServerSecret as a string' };
  const { phrases, inner } = wrapping(secret);
  if (phrases.length === 0) return bareProblem(secret);
  const within = bareProblem(inner);
  const problem = within === undefined ? '' : `, and without them ${within.reason.slice(MUST_BE.length + 2)}`;
  const wrapped: SecretProblem = {
    fault: 'wrapped',
    reason: `${MUST_BE}: it has ${listed(phrases)}${problem}`,
    fix: `remove ${phrases.length === 1 && phrases[0] !== 'quotes around it' ? 'it' : 'them'} where the secret is stored`,
  };
  return within === undefined ? { ...wrapped, unwrapped: inner } : wrapped;
}
