import { describe, isWellFormed } from '../lib/assertions.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';

/** The longest stream ID ZEGO accepts, in UTF-8 bytes (characters: every allowed character is ASCII). */
export const MAX_STREAM_ID_BYTES = 256;

// Digits, English letters and the room-ID symbols ~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \ : ZEGO's FAQ
// (docs/FORMAT.md, "Limits"). No spaces, controls or non-ASCII, so characters and bytes count alike.
const ZEGO_STREAM_ID = /^[0-9A-Za-z~!@#$%^&*()_+=\-`;',.<>/\\]+$/;

function invalidStreams(reason: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.PAYLOAD_INVALID, `streamIdList ${reason}`);
}

/**
 * Checks a list of stream IDs a room payload may carry and returns a frozen copy (the caller's array may change
 * later; what was checked must be what is used). `null` and `undefined` mean any stream.
 *
 * @throws {@link ZegoTokenError} PAYLOAD_INVALID for anything but an array of stream IDs: 1-256 characters, each a
 *   digit, an English letter or one of ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \`` (ZEGO's stream ID set).
 *   An empty array is refused too: ZEGO reads `stream_id_list: []` as "any stream", the opposite of what it looks like.
 */
export function toStreamIdList(streams: unknown): readonly string[] | null {
  if (streams === undefined || streams === null) return null;
  if (!Array.isArray(streams)) throw invalidStreams(`must be an array of stream IDs, or null. Received ${describe(streams)}`);
  if (streams.length === 0) {
    throw invalidStreams(
      'is empty: ZEGO reads an empty list as "any stream", not "no streams". To deny publishing use privilege: { publish: false }; to allow any stream use null',
    );
  }
  const copy: string[] = [];
  // An index loop: holes must be checked too (`every` and `for…of` would skip or blur them).
  for (let i = 0; i < streams.length; i += 1) {
    const id: unknown = (streams as unknown[])[i];
    if (typeof id !== 'string') throw invalidStreams(`[${i}] must be a string. Received ${describe(id)}`);
    if (!isZegoStreamId(id)) {
      throw invalidStreams(
        !isWellFormed(id)
          ? `[${i}] must be valid Unicode (it has a lone surrogate)`
          : `[${i}] must be 1-${MAX_STREAM_ID_BYTES} characters, each a digit, an English letter or one of ~!@#$%^&*()_+=-\`;',.<>/\\`,
      );
    }
    copy.push(id);
  }
  return Object.freeze(copy);
}

/**
 * Whether `streamId` is one ZEGO's clients accept: 1-256 characters, each a digit, an English letter or one of
 * ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \`` (no spaces, controls or non-ASCII).
 */
export function isZegoStreamId(streamId: unknown): streamId is string {
  return typeof streamId === 'string' && streamId.length <= MAX_STREAM_ID_BYTES && ZEGO_STREAM_ID.test(streamId);
}
