/**
 * The characters a room ID or a stream ID of ours may hold: one set for both, for every writer (the token route, the
 * generators, the CLI) and for the doctor's `room_id_charset`. It is ZEGO's documented set (digits, English letters and
 * ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \``) without `/`, which ZEGO's Web SDK refuses before it connects
 * (room 1002012, stream 1000016: measured, docs/FORMAT.md "Limits"): what every client takes. `:`, spaces and
 * anything non-ASCII were never in it. All ASCII, so characters and bytes count alike.
 */

/** The symbols of the ID set, beside digits and English letters, as they are listed in messages. */
export const ZEGO_ID_SYMBOLS = "~!@#$%^&*()_+=-`;',.<>\\";

const SET = `0-9A-Za-z${ZEGO_ID_SYMBOLS.replace(/[\\\]^-]/g, '\\$&')}`;
const ZEGO_ID = new RegExp(`^[${SET}]+$`);
const OUTSIDE = new RegExp(`[^${SET}]`);

/** Whether `id` is 1-`maxLength` characters, each a digit, an English letter or one of {@link ZEGO_ID_SYMBOLS}. */
export function isZegoId(id: string, maxLength: number): boolean {
  return id.length <= maxLength && ZEGO_ID.test(id);
}

/**
 * The first character of `id` outside the set, named for a message without quoting the ID: `'/'`, `':'` (any ASCII
 * symbol, quoted), `a space`, `a control character` or `a non-ASCII character`; `undefined` when every one is in it.
 */
export function outsideCharacter(id: string): string | undefined {
  const found = OUTSIDE.exec(id)?.[0];
  if (found === undefined) return undefined;
  const unit = found.charCodeAt(0);
  if (found === ' ') return 'a space';
  if (unit < 0x20 || unit === 0x7f) return 'a control character';
  if (unit > 0x7f) return 'a non-ASCII character';
  return `'${found}'`;
}
