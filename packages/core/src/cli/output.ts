/**
 * Printing what came out of a token. A token's strings (user ID, room ID, payload, stream IDs) are the token
 * maker's text: printed raw, C0/C1 controls, DEL and bidi overrides could move the cursor, recolour, retitle or
 * reorder the terminal, and invisible format characters (zero-width space, BOM, soft hyphen, word joiner, tag
 * characters) or line/paragraph separators would make "admin\u200b" print as "admin". All of them (Unicode's `Cc`,
 * `Cf`, `Zl`, `Zp`, and lone surrogates) are escaped as `\uXXXX`, which in JSON output is the same string to a JSON
 * reader.
 */
import { isoTime, timeSpan } from '../lib/time.js';

// What JSON.stringify leaves raw inside strings (it escapes C0 and lone surrogates itself).
const RAW_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;
const UNSAFE_IN_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Each UTF-16 unit as `\uXXXX`: a tag character (beyond U+FFFF) as its surrogate pair, as JSON writes it. */
const escaped = (character: string): string =>
  Array.from({ length: character.length }, (_, i) => `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** `text` with every control (C0 with newlines and tabs, DEL, C1), format character and line separator as `\uXXXX`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escaped);
}

/** A string from a token, as a JSON string literal: quoted, unambiguous and terminal-safe. */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(RAW_IN_JSON, escaped);
}

/** `value` as indented JSON that is terminal-safe and parses back to the same value. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, escaped);
}

/** One line, for error messages (some, like parseArgs's, span lines). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** `valid until … (… left)` or `expired at … (… ago)`, judged at `now` (epoch seconds). */
export function describeExpiry(expireTime: number, now: number): string {
  const left = expireTime - now;
  const when = isoTime(expireTime);
  return left > 0 ? `valid until ${when} (${timeSpan(left)} left)` : `expired at ${when} (${timeSpan(-left)} ago)`;
}
