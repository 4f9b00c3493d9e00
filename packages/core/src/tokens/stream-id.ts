import { isWellFormed } from '../lib/assertions.js';
import { describe, ErrorCode, invalid } from '../lib/errors.js';
import { MAX_PLAINTEXT_BYTES } from '../format/envelope.js';
import { isZegoId, outsideCharacter, ZEGO_ID_SYMBOLS } from './zego-id.js';

/** The longest stream ID ZEGO accepts, in UTF-8 bytes (characters: every allowed character is ASCII). */
export const MAX_STREAM_ID_BYTES = 256;

// Each stream ID takes at least 4 bytes of a token's plaintext (`"x",`): a longer list could never be carried.
const MAX_STREAM_IDS = Math.floor(MAX_PLAINTEXT_BYTES / 4);

/**
 * Checks a list of stream IDs a room payload may carry and returns a frozen copy. The caller's array is read once,
 * `length` and then each index, before anything is checked: what was checked must be what is used, even from an array
 * that changes while it is read (a Proxy's). `null` and `undefined` mean any stream; `option` names it in errors.
 *
 * @throws {@link ZegoTokenError} PAYLOAD_INVALID for anything but an array of stream IDs: 1-256 characters, each a
 *   digit, an English letter or one of ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > \`` (ZEGO's set without `/`,
 *   which the Web SDK refuses to publish: zego-id.ts).
 *   An empty array is refused too: ZEGO reads `stream_id_list: []` as "any stream", the opposite of what it looks like.
 */
export function toStreamIdList(streams: unknown, option = 'streamIdList'): readonly string[] | null {
  if (streams === undefined || streams === null) return null;
  if (!Array.isArray(streams)) throw invalid(ErrorCode.PAYLOAD_INVALID, option, 'must be an array of stream IDs, or null', describe(streams));
  const length: unknown = streams.length;
  if (typeof length !== 'number' || length > MAX_STREAM_IDS) {
    throw invalid(ErrorCode.PAYLOAD_INVALID, option, `must hold at most ${MAX_STREAM_IDS} stream IDs: no token could carry more`);
  }
  // An index loop over the length read once: holes are read too (`every` and `for…of` would skip or blur them).
  const copy: unknown[] = [];
  for (let i = 0; i < length; i += 1) copy.push((streams as unknown[])[i]);
  if (copy.length === 0) {
    throw invalid(
      ErrorCode.PAYLOAD_INVALID,
      option,
      'is empty: ZEGO reads an empty list as "any stream", not "no streams". To deny publishing use privilege: { publish: false }; to allow any stream use null',
    );
  }
  copy.forEach((id, i) => {
    if (typeof id !== 'string') throw invalid(ErrorCode.PAYLOAD_INVALID, `${option}[${i}]`, 'must be a string', describe(id));
    if (!isZegoStreamId(id)) {
      throw invalid(
        ErrorCode.PAYLOAD_INVALID,
        `${option}[${i}]`,
        !isWellFormed(id)
          ? 'must be valid Unicode (it has a lone surrogate)'
          : `must be 1-${MAX_STREAM_ID_BYTES} characters, each a digit, an English letter or one of ${ZEGO_ID_SYMBOLS}${outsideNote(id)}`,
      );
    }
  });
  return Object.freeze(copy as string[]);
}

/** What is wrong with a stream ID of the right type, beside its length: the first character outside the set. */
function outsideNote(id: string): string {
  const outside = outsideCharacter(id);
  return outside === undefined ? '' : ` (it has ${outside}; ZEGO's Web SDK refuses to publish such a stream)`;
}

/**
 * Whether every ZEGO client takes `streamId`: 1-256 characters, each a digit, an English letter or one of
 * ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > \`` (no `/`, which the Web SDK refuses with 1000016, no `:`, spaces,
 * controls or non-ASCII).
 */
export function isZegoStreamId(streamId: unknown): streamId is string {
  return typeof streamId === 'string' && isZegoId(streamId, MAX_STREAM_ID_BYTES);
}
