import { describe } from '../lib/assertions.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import type { PrivilegeJson } from '../format/plaintext.js';

/** The privilege key that allows logging in to the room (ZEGO's `kPrivilegeLogin`). */
export const PRIVILEGE_LOGIN = 1;
/** The privilege key that allows publishing streams in the room (ZEGO's `kPrivilegePublish`). */
export const PRIVILEGE_PUBLISH = 2;

/**
 * What a token allows in its room.
 *
 * Either named booleans, where a missing one means `true` (`{ publish: false }` is a watch-only token), or ZEGO's
 * numeric form with both keys (`{ 1: 1, 2: 0 }`). Values may be booleans or 0/1 in both forms. Unknown keys are
 * rejected, so a typo such as `{ pubish: false }` cannot silently grant publishing; so is an explicit `undefined`
 * (`{ publish: undefined }`): only a key left out means `true`.
 */
export type Privilege =
  | { login?: boolean; publish?: boolean }
  | { 1: 0 | 1 | boolean; 2: 0 | 1 | boolean };

/** A privilege as decoded from a token. */
export interface PrivilegeFlags {
  /** May log in to the room (ZEGO key 1). */
  login: boolean;
  /** May publish streams in the room (ZEGO key 2). */
  publish: boolean;
}

export type { PrivilegeJson };

/** The default privilege: log in and publish. */
export const FULL_PRIVILEGE: Readonly<PrivilegeJson> = Object.freeze({ '1': 1, '2': 1 });

function invalid(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.PRIVILEGE_INVALID, `privilege ${reason}`);
}

function flag(value: unknown, key: string): 0 | 1 {
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  throw invalid(`${key} must be a boolean, 0 or 1. Received ${typeof value === 'number' ? String(value) : describe(value)}`);
}

/**
 * Only object literals (or null-prototype objects): an inherited or class-defined `publish: false` would be invisible
 * to `Object.entries` and silently grant publishing.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Turns any accepted privilege shape into ZEGO's wire form.
 *
 * `Map`s are accepted for the seed API (`new Map([[1, 1], [2, 0]])`). The numeric forms need both keys; the named
 * form treats a key left out as `true`, and an explicit `undefined` as a mistake. Every own key counts, enumerable or
 * not, and values are read by property access: a non-enumerable `publish: false` must not read as "left out".
 */
export function toPrivilegeJson(privilege: unknown): PrivilegeJson {
  if (privilege === undefined) return FULL_PRIVILEGE;
  if (privilege instanceof Map) return numericPrivilege([...(privilege as Map<unknown, unknown>)]);
  if (!isPlainObject(privilege)) throw invalid(`must be a plain object or a Map. Received ${describe(privilege)}`);
  if (Object.getOwnPropertySymbols(privilege).length > 0) throw invalid('has an unknown key; use login/publish or 1/2');
  const entries = Object.getOwnPropertyNames(privilege).map((key): [string, unknown] => [key, privilege[key]]);
  if (entries.some(([key]) => key === '1' || key === '2')) return numericPrivilege(entries);
  const named: Partial<Record<'login' | 'publish', unknown>> = {};
  for (const [key, value] of entries) {
    if (key !== 'login' && key !== 'publish') throw invalid('has an unknown key; use login/publish or 1/2');
    if (value === undefined) throw invalid(`${key} is undefined: leave the key out for true, or give a boolean`);
    named[key] = value;
  }
  return { '1': named.login === undefined ? 1 : flag(named.login, 'login'), '2': named.publish === undefined ? 1 : flag(named.publish, 'publish') };
}

/** ZEGO's numeric form, from an object's or a Map's entries: both keys required, nothing else allowed. */
function numericPrivilege(entries: ReadonlyArray<readonly [unknown, unknown]>): PrivilegeJson {
  const values: Partial<Record<'1' | '2', unknown>> = {};
  for (const [key, value] of entries) {
    const name = key === 1 || key === '1' ? '1' : key === 2 || key === '2' ? '2' : undefined;
    if (name === undefined || name in values) throw invalid('must have exactly the keys 1 and 2');
    values[name] = value;
  }
  if (!('1' in values) || !('2' in values)) {
    throw invalid(`needs both key ${PRIVILEGE_LOGIN} (login) and key ${PRIVILEGE_PUBLISH} (publish)`);
  }
  return { '1': flag(values['1'], '1'), '2': flag(values['2'], '2') };
}

/** The decoded, named view of ZEGO's wire form. */
export function toPrivilegeFlags(json: PrivilegeJson): PrivilegeFlags {
  return { login: json['1'] === 1, publish: json['2'] === 1 };
}
