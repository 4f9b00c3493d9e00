/**
 * The JSON inside a token (docs/FORMAT.md, "Plaintext JSON"): built with keys in ZEGO's exact order, and read back with
 * every field's type checked.
 */
import { malformedToken } from '../lib/errors.js';

/** ZEGO's wire form of a privilege: `{"1":0|1,"2":0|1}` (key 1 login, key 2 publish). */
export interface PrivilegeJson {
  '1': 0 | 1;
  '2': 0 | 1;
}

// The plaintexts are written from their fixed parts, keys in ZEGO's order: the same bytes as JSON.stringify of an
// object (strings through JSON.stringify, integers as their decimal text, which is what JSON.stringify writes), at a
// fraction of its cost, on every token.

/** Builds the 03 plaintext. Key order matters to byte-for-byte compatibility, so it is spelled out here. */
export function plaintext03(
  appId: number,
  roomId: string,
  userId: string,
  privilege: PrivilegeJson,
  createTime: number,
  expireTime: number,
  nonce: number,
): string {
  return (
    `{"app_id":${appId},"room_id":${JSON.stringify(roomId)},"user_id":${JSON.stringify(userId)},` +
    `"privilege":{"1":${privilege['1']},"2":${privilege['2']}},"create_time":${createTime},` +
    // An 03 nonce is a double beyond 2^31: JSON.stringify writes its digits faster than a template does.
    `"expire_time":${expireTime},"nonce":${JSON.stringify(nonce)}}`
  );
}

/** Builds the 04 plaintext, keys in ZEGO's order. */
export function plaintext04(
  appId: number,
  userId: string,
  nonce: number,
  createTime: number,
  expireTime: number,
  payload: string,
): string {
  return (
    `{"app_id":${appId},"user_id":${JSON.stringify(userId)},"nonce":${nonce},"ctime":${createTime},` +
    `"expire":${expireTime},"payload":${JSON.stringify(payload)}}`
  );
}

/** A parsed plaintext object and its source text, from which exact number literals can be recovered. */
export interface PlaintextFields {
  readonly text: string;
  readonly json: Readonly<Record<string, unknown>>;
}

/** Reads an integer field in `min..max`; the message names the field, never its value. */
export function integerField(fields: PlaintextFields, key: string, min: number, max: number): number {
  const value = fields.json[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw malformedToken(`"${key}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function stringField(fields: PlaintextFields, key: string): string {
  const value = fields.json[key];
  if (typeof value !== 'string') throw malformedToken(`"${key}" must be a string`);
  return value;
}

const INTEGER_LITERAL = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * Whether `literal` is an integer literal that JSON.parse reads as `value`. A safe integer's decimal text is the one
 * such literal of its value, so matching it answers at once (no regex, on every decode).
 */
function isIntegerLiteralOf(literal: string, value: number): boolean {
  if (Number.isSafeInteger(value) && literal === String(value)) return true;
  return INTEGER_LITERAL.test(literal) && Number(literal) === value;
}

/** The integers a nonce may be: as bigints (exact, for literals beyond 2^53) and as doubles (for safe integers). */
export interface NonceRange {
  readonly min: bigint;
  readonly max: bigint;
  readonly minNumber: number;
  readonly maxNumber: number;
}

/** A {@link NonceRange}, built once per format. */
export function nonceRange(min: bigint, max: bigint): NonceRange {
  return { min, max, minNumber: Number(min), maxNumber: Number(max) };
}

/**
 * The nonce exactly as written, as decimal text: 03 nonces exceed 2^53, which `JSON.parse` rounds, so the range is
 * checked on the literal itself. (`JSON.parse` source access needs Node 21+, so the literal is found in the
 * already-parsed text.)
 */
export function nonceField(fields: PlaintextFields, range: NonceRange): string {
  const parsed = fields.json['nonce'];
  const source = typeof parsed === 'number' ? nonceLiteral(fields.text) : undefined;
  // The literal must agree with JSON.parse: a belt to the braces of reading keys as JSON.parse does.
  if (typeof parsed !== 'number' || source === undefined || !isIntegerLiteralOf(source, parsed)) {
    throw malformedToken('"nonce" must be an integer');
  }
  // A safe integer is the literal's exact value, and compares exactly with the bounds as doubles (rounding a bound
  // beyond 2^53 cannot carry it past a safe integer): no BigInt to build or compare.
  const outside = Number.isSafeInteger(parsed)
    ? parsed < range.minNumber || parsed > range.maxNumber
    : BigInt(source) < range.min || BigInt(source) > range.max;
  if (outside) throw malformedToken(`"nonce" must be an integer from ${range.min} to ${range.max}`);
  return source;
}

const NONCE_KEY = '"nonce"';

/**
 * The source text of the top-level `"nonce"` member of `text`, valid JSON whose parse has a number there. When the
 * text spells `"nonce"` once and holds no `\u` escape (the only escape that spells a letter, so the only way another
 * key could be "nonce" too), that one is the member: read directly, as on every token a generator makes. Anything
 * else takes the full scan.
 */
function nonceLiteral(text: string): string | undefined {
  const key = text.indexOf(NONCE_KEY);
  // Any later `"nonce"` holds `nonce"`, which starts with a letter rarer than a quote: a faster search, same answer.
  if (key !== -1 && text.indexOf('nonce"', key + NONCE_KEY.length) === -1 && !text.includes('\\u')) {
    const colon = skipWhitespace(text, key + NONCE_KEY.length);
    if (text.charCodeAt(colon) === COLON) {
      const at = skipWhitespace(text, colon + 1);
      const stop = valueEnd(text, at);
      return stop > at ? text.slice(at, stop) : undefined;
    }
  }
  return topLevelValueText(text, 'nonce');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

// Character codes rather than a regex per character: the text is read on every decode.
/** JSON's whitespace: space, tab, line feed, carriage return. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** What a number, `true`, `false` or `null` is written with: `[-+.0-9a-zA-Z]`. */
function isScalarChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    code === 0x2d || // -
    code === 0x2b || // +
    code === 0x2e // .
  );
}

function skipWhitespace(text: string, at: number): number {
  while (isWhitespace(text.charCodeAt(at))) at += 1;
  return at;
}

/** The index of the quote that closes the string literal opening at `start` (valid JSON has one). */
function stringEnd(text: string, start: number): number {
  let end = start + 1;
  while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
  return end;
}

/**
 * Whether the string literal `text[start..end]` is a member name equal to `name` (which holds no backslash) once
 * unescaped, as JSON.parse sees it.
 */
function isKey(text: string, start: number, end: number, name: string): boolean {
  if (text.charCodeAt(skipWhitespace(text, end + 1)) !== COLON) return false;
  if (end - start - 1 === name.length && text.startsWith(name, start + 1)) return true;
  // Only an escape can make other characters spell `name`.
  for (let at = start + 1; at < end; at += 1) {
    if (text.charCodeAt(at) === BACKSLASH) return JSON.parse(text.slice(start, end + 1)) === name;
  }
  return false;
}

/** The end (exclusive) of the JSON value starting at `at` in valid JSON `text`. */
function valueEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return stringEnd(text, at) + 1;
  if (first !== 0x7b && first !== 0x5b) {
    let stop = at;
    while (isScalarChar(text.charCodeAt(stop))) stop += 1;
    return stop;
  }
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) i = stringEnd(text, i);
    else if (code === 0x7b || code === 0x5b) depth += 1; // { [
    else if ((code === 0x7d || code === 0x5d) && --depth === 0) return i + 1; // } ]
  }
  return text.length;
}

/**
 * The source text of the last member `name` of the outermost object of `text`, which must be valid JSON: numbers
 * beyond 2^53 exactly, objects as written. Later duplicates win, as in `JSON.parse`.
 */
export function topLevelValueText(text: string, name: string): string | undefined {
  let depth = 0;
  let found: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      if (depth === 1 && isKey(text, i, end, name)) {
        const at = skipWhitespace(text, skipWhitespace(text, end + 1) + 1); // past the ':' that makes it a key
        const stop = valueEnd(text, at);
        found = stop > at ? text.slice(at, stop) : undefined;
      }
      i = end;
    } else if (code === 0x7b || code === 0x5b) depth += 1; // { [
    else if (code === 0x7d || code === 0x5d) depth -= 1; // } ]
  }
  return found;
}
