/**
 * The characters ZEGO's clients accept in a room ID and in a stream ID: one set for both (docs/FORMAT.md, "Limits").
 * All ASCII, so characters and bytes count alike.
 */

/** The symbols of ZEGO's ID set, beside digits and English letters, as they are listed in messages. */
export const ZEGO_ID_SYMBOLS = "~!@#$%^&*()_+=-`;',.<>/\\";

const ZEGO_ID = new RegExp(`^[0-9A-Za-z${ZEGO_ID_SYMBOLS.replace(/[\\\]^-]/g, '\\$&')}]+$`);

/** Whether `id` is 1-`maxLength` characters, each a digit, an English letter or one of {@link ZEGO_ID_SYMBOLS}. */
export function isZegoId(id: string, maxLength: number): boolean {
  return id.length <= maxLength && ZEGO_ID.test(id);
}
