/**
 * The two kinds of object the library reads, each with its one test: a caller's plain object (options, a room
 * payload, a privilege) and a JSON object parsed from a token.
 */

/**
 * Whether `value` is a plain object: an object literal, of this realm or another (a `vm` context's), or one made with
 * `Object.create(null)`. Its prototype is `null`, or an object with no prototype of its own (an `Object.prototype`).
 * Class instances, arrays, `Map`s, `Date`s, boxed primitives and functions are not: what they hold is not (only) in
 * their own properties.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Whether a value `JSON.parse` returned is an object: not an array, not `null` (it makes no other kind). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
