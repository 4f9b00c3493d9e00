/**
 * Printing what came out of a token. A token's strings (user ID, room ID, payload, stream IDs) are the token
 * maker's text: printed raw, C0/C1 controls, DEL and bidi overrides could move the cursor, recolour, retitle or
 * reorder the terminal, and invisible characters would make "admin\u200b" or "admin\u3164" print as "admin". So
 * every character that is not plainly visible is escaped as `\uXXXX`, which in JSON output is the same string to a
 * JSON reader: controls (`Cc`), format characters (`Cf`: zero-width space, BOM, soft hyphen, word joiner, bidi
 * controls, tag characters), line and paragraph separators (`Zl`, `Zp`), lone surrogates, every default-ignorable
 * code point (Unicode's `Default_Ignorable_Code_Point`: Hangul fillers U+115F U+1160 U+3164 U+FFA0, variation
 * selectors U+FE00-FE0F and U+E0100-E01EF, the combining grapheme joiner, Mongolian and Khmer invisible marks), the
 * blank Braille pattern U+2800, and every space but U+0020 (no-break, ideographic and the other widths).
 */
import { isoTime, timeSpan } from '../lib/time.js';

/** What is invisible or moves the terminal, beyond controls and lone surrogates: one list for text and for JSON. */
const INVISIBLE = String.raw`\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000`;
// What JSON.stringify leaves raw inside strings (it escapes C0 and lone surrogates itself).
const RAW_IN_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'gu');
const UNSAFE_IN_TEXT = new RegExp(`[\\p{Cc}\\p{Cs}${INVISIBLE}]`, 'gu');

/** Each UTF-16 unit as `\uXXXX`: a tag character (beyond U+FFFF) as its surrogate pair, as JSON writes it. */
const escaped = (character: string): string =>
  Array.from({ length: character.length }, (_, i) => `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** `text` with every control (C0 with newlines and tabs, DEL, C1) and every invisible character (above) as `\uXXXX`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escaped);
}

/** A string from a token, as a JSON string literal: quoted, unambiguous and terminal-safe. */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(RAW_IN_JSON, escaped);
}

/** `value` as JSON (indented by `indent`, or on one line for 0) that is terminal-safe and parses back to the same value. */
export function json(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, escaped);
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
