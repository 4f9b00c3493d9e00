/**
 * The length of `value` in UTF-8 bytes, without `Buffer` (absent where only Web APIs exist) and without encoding it.
 * A lone surrogate counts 3 bytes, as the U+FFFD an encoder would write for it (callers refuse those separately).
 */
export function utf8Length(value: string): number {
  let bytes = value.length;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      // A pair is 2 UTF-16 units and 4 bytes; a lone high surrogate falls through to 3 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i += 1;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

// An unpaired surrogate has no UTF-8 form: Node would silently encode it as U+FFFD, changing the ID or key.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// `String#isWellFormed` where the runtime has it (Node 20+, Bun, Deno, workerd): several times faster than the regex,
// which stays for Node 18.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** Whether `value` is a string with a UTF-8 form (no lone surrogate): `String#isWellFormed`, which Node 18 lacks. */
export const isWellFormed: (value: string) => boolean =
  nativeIsWellFormed === undefined ? (value) => !LONE_SURROGATE.test(value) : (value) => nativeIsWellFormed.call(value);
