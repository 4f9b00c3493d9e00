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
 * Reads the `known` options of `options`, each exactly once (a getter runs once), wherever the caller put them: own
 * properties, a prototype (`Object.create({ appId })`), getters or class methods, but never `Object.prototype` (a
 * polluted `Object.prototype.roomPayload` is nobody's option). A function is bound to `options`, so a class method
 * may use `this`. Every other property name on `options` and its prototypes below `Object.prototype`, enumerable or
 * not (a class's methods and accessors are not), except `constructor`, is refused with OPTION_INVALID, naming the key
 * and the option probably meant: a misspelt method or getter would otherwise be silently dropped. So an options class
 * holds options only (a helper method of its own is refused too: fail closed). Built-in objects other than plain
 * ones (a `Map`, `Set`, `Date`, array, …) are refused: their entries are no properties.
 */
export function readOptions<Name extends string>(options: unknown, known: readonly Name[], name: string): ReadOptions<Name> {
  assertOptionsObject(options, name);
  if (Object.prototype.toString.call(options) !== '[object Object]') {
    throw optionInvalid(`${name} must be a plain object or a class instance. Received ${describe(options)}`);
  }
  const layers = optionLayers(options);
  for (const layer of layers) {
    for (const key of Object.getOwnPropertyNames(layer)) {
      if (layer !== options && key === 'constructor') continue;
      if (!(known as readonly string[]).includes(key)) throw unknownOption(key, known, name);
    }
  }
  const values = Object.create(null) as Record<Name, unknown>;
  for (const option of known) {
    const holder = layers.find((layer) => Object.prototype.hasOwnProperty.call(layer, option));
    // Reflect.get with `options` as the receiver: an inherited getter sees the instance as `this`.
    const value: unknown = holder === undefined ? undefined : Reflect.get(holder, option, options);
    values[option] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(options) : value;
  }
  return Object.freeze(values);
}

const OBJECT_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/**
 * `Object.prototype`, this realm's or another's (options made in a `vm` context or an iframe inherit from their own):
 * the end of an ordinary object's chain, holding every name this realm's has.
 */
function isObjectPrototype(layer: object): boolean {
  if (layer === Object.prototype) return true;
  return Object.getPrototypeOf(layer) === null && OBJECT_PROTOTYPE_NAMES.every((name) => Object.prototype.hasOwnProperty.call(layer, name));
}

/**
 * `options` and its prototypes, stopping at `Object.prototype` (of any realm) and `Function.prototype`: their members
 * are nobody's options, and reading through them would take a polluted prototype's values.
 */
function optionLayers(options: object): object[] {
  const layers: object[] = [];
  for (
    let layer: object | null = options;
    layer !== null && layer !== Function.prototype && !isObjectPrototype(layer);
    layer = Object.getPrototypeOf(layer) as object | null
  ) {
    layers.push(layer);
  }
  return layers;
}

function unknownOption(key: string, known: readonly string[], name: string): ZegoTokenError {
  const meant = closestOption(key, known);
  const shown = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  const hint = meant === undefined ? ` (${name} are: ${known.join(', ')})` : `: did you mean ${meant}?`;
  return optionInvalid(`unknown option ${shown}${hint}`);
}

/**
 * The known option `key` was probably meant to be: the same name in another case or spelling (`app_id`,
 * `AppId`), a shortening of it (`effectiveTime`; `sensitive` for `caseSensitive`), a close misspelling (at most
 * 2 edits, 1 for short names), or a name that starts the same way for most of its length (`streamIds`).
 */
export function closestOption(key: string, known: readonly string[]): string | undefined {
  const normalise = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '');
  const wanted = normalise(key);
  let best: { option: string; score: number } | undefined;
  for (const option of known) {
    const candidate = normalise(option);
    let score: number;
    if (candidate === wanted) score = 0;
    else if (wanted.length >= 4 && (candidate.startsWith(wanted) || wanted.startsWith(candidate) || candidate.endsWith(wanted))) score = 1;
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
