import { describe } from './assertions.js';
import { ErrorCode, ZegoTokenError } from './errors.js';

/** An OPTION_INVALID error: an option outside its documented set. */
export function optionInvalid(message: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.OPTION_INVALID, message);
}

/** Throws OPTION_INVALID unless `options` is an object: the functions that take one read named fields from it. */
export function assertOptionsObject(options: unknown, name: string): asserts options is object {
  if (typeof options !== 'object' || options === null) throw optionInvalid(`${name} must be an object. Received ${describe(options)}`);
}

/** The options read from an options object: each known name once, `undefined` where not given. */
export type ReadOptions<Name extends string> = { readonly [K in Name]: unknown };

/**
 * Reads the `known` options of `options`, each exactly once (a getter runs once), wherever they live: own
 * properties, a prototype (`Object.create({ appId })`), getters or class methods. A function is bound to `options`,
 * so a class method may use `this`. Unknown enumerable keys (own, or on a prototype other than `Object.prototype`)
 * are refused with code 12, naming the key and the option probably meant: rest-spread and `Object.entries` would
 * have dropped a class's methods and a misspelt option silently.
 */
export function readOptions<Name extends string>(options: unknown, known: readonly Name[], name: string): ReadOptions<Name> {
  assertOptionsObject(options, name);
  if (Array.isArray(options)) throw optionInvalid(`${name} must be an object. Received ${describe(options)}`);
  for (const key of enumerableKeys(options)) {
    if (!(known as readonly string[]).includes(key)) throw unknownOption(key, known, name);
  }
  const values = Object.create(null) as Record<Name, unknown>;
  for (const option of known) {
    const value: unknown = (options as Record<string, unknown>)[option];
    values[option] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(options) : value;
  }
  return Object.freeze(values);
}

/** Enumerable string keys, own and inherited, stopping at `Object.prototype` (whose members are nobody's options). */
function enumerableKeys(options: object): string[] {
  const keys: string[] = [];
  for (let layer: object | null = options; layer !== null && layer !== Object.prototype; layer = Object.getPrototypeOf(layer) as object | null) {
    keys.push(...Object.keys(layer));
  }
  return keys;
}

function unknownOption(key: string, known: readonly string[], name: string): ZegoTokenError {
  const meant = closestOption(key, known);
  const shown = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  const hint = meant === undefined ? ` (${name} are: ${known.join(', ')})` : `: did you mean ${meant}?`;
  return optionInvalid(`unknown option ${shown}${hint}`);
}

/**
 * The known option `key` was probably meant to be: the same name in another case or spelling (`app_id`,
 * `AppId`), a shortening of it (`effectiveTime`), a close misspelling (at most 2 edits, 1 for short names), or a
 * name that starts the same way for most of its length (`streamIds`).
 */
export function closestOption(key: string, known: readonly string[]): string | undefined {
  const normalise = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '');
  const wanted = normalise(key);
  let best: { option: string; score: number } | undefined;
  for (const option of known) {
    const candidate = normalise(option);
    let score: number;
    if (candidate === wanted) score = 0;
    else if (wanted.length >= 4 && (candidate.startsWith(wanted) || wanted.startsWith(candidate))) score = 1;
    else {
      const distance = editDistance(wanted, candidate);
      if (distance <= (Math.min(wanted.length, candidate.length) <= 4 ? 1 : 2)) score = 1 + distance;
      else score = commonPrefixLength(wanted, candidate) >= Math.max(4, 0.6 * Math.min(wanted.length, candidate.length)) ? 4 : Infinity;
    }
    if (score < (best?.score ?? Infinity)) best = { option, score };
  }
  return best?.option;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  const row0 = rows[0]!;
  for (let j = 0; j <= b.length; j += 1) row0[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i]!;
    const previous = rows[i - 1]!;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
