import { describe, describeNumber, ErrorCode, invalid, type ZegoTokenError } from '../lib/errors.js';
import { isJsonObject, isPlainObject } from '../lib/objects.js';
import { optionsReader } from '../lib/options.js';
import type { PrivilegeJson } from '../format/plaintext.js';

/** The privilege key that allows logging in to the room (ZEGO's `kPrivilegeLogin`). */
export const PRIVILEGE_LOGIN = 1;
/** The privilege key that allows publishing streams in the room (ZEGO's `kPrivilegePublish`). */
export const PRIVILEGE_PUBLISH = 2;

/**
 * What a token allows in its room.
 *
 * Either named booleans, where a missing one means `true` (`{ publish: false }` is a watch-only token), or ZEGO's
 * numeric form with both keys (`{ 1: 1, 2: 0 }`). Values may be booleans or 0/1 in both forms. It is read as
 * options are (a plain object, its own keys, each read once); unknown keys are rejected, so a typo such as
 * `{ pubish: false }` cannot silently grant publishing; so is an explicit `undefined` (`{ publish: undefined }`): only
 * a key left out means `true`.
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

function invalidPrivilege(reason: string, received?: string): ZegoTokenError {
  return invalid(ErrorCode.PRIVILEGE_INVALID, 'privilege', reason, received);
}

function flag(value: unknown, key: string): 0 | 1 {
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  throw invalid(ErrorCode.PRIVILEGE_INVALID, `privilege.${key}`, 'must be a boolean, 0 or 1', describeNumber(value));
}

// Both forms' keys in one reader (lib/options.ts): a named key beside a numeric one is refused below. A key given as
// `undefined` is refused: in the named form a key left out grants, so a missing value of the caller's must not.
const readPrivilege = optionsReader<{ login?: unknown; publish?: unknown; 1?: unknown; 2?: unknown }>(
  { 1: true, 2: true, login: true, publish: true },
  { option: 'privilege', noun: 'privilege key', code: ErrorCode.PRIVILEGE_INVALID, refuseUndefined: true },
);

/**
 * Turns any accepted privilege shape into ZEGO's wire form.
 *
 * `Map`s are accepted for the seed API (`new Map([[1, 1], [2, 0]])`). An object is read as options are (a plain
 * object, its own keys, enumerable or not, each read once: a non-enumerable `publish: false` is no key left out, and
 * a Proxy answering `publish: false` without listing it is refused). The numeric forms need both keys; the named form
 * treats a key left out as `true`, and an explicit `undefined` as a mistake.
 */
export function toPrivilegeJson(privilege: unknown): PrivilegeJson {
  if (privilege === undefined) return FULL_PRIVILEGE;
  if (privilege instanceof Map) return numericPrivilege([...(privilege as Map<unknown, unknown>)]);
  if (!isPlainObject(privilege)) throw invalidPrivilege('must be a plain object or a Map', describe(privilege));
  const { 1: login, 2: publish, login: namedLogin, publish: namedPublish } = readPrivilege(privilege);
  if (login !== undefined || publish !== undefined) {
    if (namedLogin !== undefined || namedPublish !== undefined) throw invalidPrivilege('must have exactly the keys 1 and 2, or login and publish');
    const entries: Array<[string, unknown]> = [];
    if (login !== undefined) entries.push(['1', login]);
    if (publish !== undefined) entries.push(['2', publish]);
    return numericPrivilege(entries);
  }
  return { '1': namedLogin === undefined ? 1 : flag(namedLogin, 'login'), '2': namedPublish === undefined ? 1 : flag(namedPublish, 'publish') };
}

/** ZEGO's numeric form, from an object's or a Map's entries: both keys required, nothing else allowed. */
function numericPrivilege(entries: ReadonlyArray<readonly [unknown, unknown]>): PrivilegeJson {
  const values: Partial<Record<'1' | '2', unknown>> = {};
  for (const [key, value] of entries) {
    const name = key === 1 || key === '1' ? '1' : key === 2 || key === '2' ? '2' : undefined;
    if (name === undefined || name in values) throw invalidPrivilege('must have exactly the keys 1 and 2');
    values[name] = value;
  }
  if (!('1' in values) || !('2' in values)) {
    throw invalidPrivilege(`needs both key ${PRIVILEGE_LOGIN} (login) and key ${PRIVILEGE_PUBLISH} (publish)`);
  }
  return { '1': flag(values['1'], '1'), '2': flag(values['2'], '2') };
}

/** The decoded, named view of ZEGO's wire form. */
export function toPrivilegeFlags(json: PrivilegeJson): PrivilegeFlags {
  return { login: json['1'] === 1, publish: json['2'] === 1 };
}

/**
 * A privilege as a token's JSON carries it (03 plaintexts, 04 room payloads): an object mapping `"1"` and `"2"` to 0
 * or 1. `undefined` for anything else.
 */
export function privilegeFromJson(json: unknown): PrivilegeFlags | undefined {
  if (!isJsonObject(json)) return undefined;
  const login = json['1'];
  const publish = json['2'];
  if ((login !== 0 && login !== 1) || (publish !== 0 && publish !== 1)) return undefined;
  return toPrivilegeFlags({ '1': login, '2': publish });
}
