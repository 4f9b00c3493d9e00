/**
 * The one reader of options, used by every public function that takes them (and for the values read like options: a
 * room payload, a privilege). The rule, the same everywhere:
 *
 * - Options are a plain object: an object literal or `Object.create(null)` (see {@link isPlainObject}). Anything else
 *   is refused: a class instance (its methods and accessors live on a prototype, where a misspelt one would go
 *   unseen; copy its options into an object literal), an array, a `Map`, a function, `null`.
 * - Its own string keys, enumerable or not, are what it gives (no option is named by a symbol: symbol keys are
 *   ignored). A key that is no option is refused before anything is read, naming the option probably meant ("did you
 *   mean userId?").
 * - Each option is read exactly once (a getter runs once) into a record of the function's own, which is all it then
 *   reads: what was checked is what is used. A record kept past the call (an issuer's configuration, a route's
 *   options) is frozen; one that never leaves the call is not (freezing costs a token ~5% of its time, for nothing).
 * - An option the object answers for without holding it as its own property is refused: inherited (a polluted
 *   `Object.prototype`), or a Proxy that answers reads for keys it does not list. What it lists is all it may say.
 * - `undefined`, given or left out, means "not given": the option's default. `null` is a value like any other, refused
 *   unless the option documents it (`streamIdList: null`, any stream).
 * - Functions are called as given: `this` is not the options object.
 */
import { describe, ErrorCode, ZegoTokenError, type ErrorCodeValue, type ZegoTokenErrorDetails } from './errors.js';
import { isPlainObject } from './objects.js';

/**
 * The names of the options of `Options`, each mapped to `true`: the compiler keeps it complete (a name left out, or
 * one that is no option, does not compile), so the names read and the type documented cannot drift apart.
 */
export type OptionNames<Options> = { readonly [Name in keyof Options]-?: true };

/** Options as read: every name, `undefined` where not given; the values are not validated yet. */
export type ReadOptions<Options> = { readonly [Name in keyof Options]-?: unknown };

/** Reads one kind of options (see the rule above); made once per kind by {@link optionsReader}. */
export type OptionsReader<Options> = (options: unknown) => ReadOptions<Options>;

/** How an {@link optionsReader} names what it reads, and fails. */
export interface ReaderSettings {
  /** The option the object is, when it is one (`'payload'`, `'privilege'`): its errors name it and its keys. */
  readonly option?: string | undefined;
  /** What an unknown key is called in errors: `'option'` (the default), `'privilege key'`, … */
  readonly noun?: string | undefined;
  /** The code of every refusal: OPTION_INVALID (the default), or a value's own (PRIVILEGE_INVALID, PAYLOAD_INVALID). */
  readonly code?: ErrorCodeValue | undefined;
  /**
   * Refuse a key given as `undefined` rather than read it as left out: for a privilege's named form, where a key left
   * out grants, so an `undefined` (a missing field of the caller's) must not.
   */
  readonly refuseUndefined?: boolean | undefined;
}

/** An OPTION_INVALID error: an option outside its documented set. */
export function optionInvalid(message: string, details?: ZegoTokenErrorDetails): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.OPTION_INVALID, message, details);
}

/**
 * Makes the reader of the options named in `names` (work done once, not per call): it checks and reads a caller's
 * options by the rule above, and returns them as a record of its own.
 *
 * @throws {@link ZegoTokenError} (from the reader) `settings.code`, OPTION_INVALID by default, for options that are
 *   not a plain object, an unknown key, or an option answered but not held as an own property.
 *
 * @example
 * ```ts
 * const readExpectations = optionsReader<VerifyTokenExpectations>({ appId: true, userId: true, roomId: true, now: true, clockToleranceSeconds: true });
 * const { userId } = readExpectations({ userID: 'x' }); // throws: unknown option userID: did you mean userId?
 * ```
 */
export function optionsReader<Options>(names: OptionNames<Options>, settings: ReaderSettings = {}): OptionsReader<Options> {
  const { option, noun = 'option', code = ErrorCode.OPTION_INVALID, refuseUndefined = false } = settings;
  const list = Object.keys(names);
  const known = new Set(list);
  const refuse = (key: string, reason: string): ZegoTokenError => {
    const at = option === undefined ? key : `${option}.${key}`;
    return new ZegoTokenError(code, `${at} ${reason}`, { option: at, reason });
  };
  return (options) => {
    if (!isPlainObject(options)) {
      const received = describe(options) + (typeof options === 'object' && options !== null && !Array.isArray(options) ? ' that is not a plain object (a class instance, a Map, …)' : '');
      const reason = 'must be a plain object (an object literal)';
      throw new ZegoTokenError(code, `${option ?? 'options'} ${reason}. Received ${received}`, { option, reason });
    }
    const keys = Object.getOwnPropertyNames(options);
    for (let i = 0; i < keys.length; i += 1) {
      if (!known.has(keys[i]!)) throw unknownKey(keys[i]!, list, noun, code, option);
    }
    // The spread reads each own enumerable key once (a getter runs once, a Proxy answers once): the fastest copy.
    const read: Record<string, unknown> = { ...options };
    for (const key of list) {
      if (Object.hasOwn(read, key)) {
        if (refuseUndefined && read[key] === undefined) throw refuse(key, 'is undefined: leave it out, or give a value');
        continue;
      }
      // Not copied: left out, non-enumerable, or answered without being listed (inherited, a Proxy's). One read says.
      const value = options[key];
      if (value !== undefined) {
        if (!Object.hasOwn(options, key)) {
          throw refuse(key, 'is answered but not an own property (inherited, or a Proxy that does not list it): give it as an own property of a plain object');
        }
        read[key] = value;
      } else if (read[key] !== undefined) {
        // The record inherits from this realm's Object.prototype: a polluted one must not answer for a key left out.
        throw refuse(key, 'is answered by Object.prototype (polluted): nothing may be read from there');
      } else if (refuseUndefined && Object.hasOwn(options, key)) {
        throw refuse(key, 'is undefined: leave it out, or give a value');
      }
    }
    return read as ReadOptions<Options>;
  };
}

/** The error for a key that is no option: named (quoted and cut short unless an identifier), with the one meant. */
function unknownKey(key: string, known: readonly string[], noun: string, code: ErrorCodeValue, option: string | undefined): ZegoTokenError {
  const meant = closestOption(key, known);
  const shown = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  const hint = meant === undefined ? ` (${noun}s: ${known.join(', ')})` : `: did you mean ${meant}?`;
  return new ZegoTokenError(code, `unknown ${noun} ${shown}${hint}`, { option });
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
