/**
 * What a token source's `get` can fail with, one code per cause. Messages name the cause and the HTTP status, never
 * a token, a header or a body.
 *
 * | code | cause | retried |
 * |---|---|---|
 * | `unauthenticated` | the route answered 401: nobody is signed in | no |
 * | `forbidden` | 403: the route's privilege resolver refused this user this room | no |
 * | `invalid_room_id` | 400: a room ID ZEGO cannot take | no |
 * | `bad_response` | another status that is neither 2xx nor 5xx (a 404: a wrong URL), or a 2xx body that is not the route's | no |
 * | `unavailable` | network errors, timeouts and 5xx, still failing after every retry | yes, then this |
 * | `disposed` | the source was disposed before the token arrived, or `get` was called after `dispose()` | no |
 */
export type TokenSourceErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_room_id'
  | 'bad_response'
  | 'unavailable'
  | 'disposed';

/** The error a token source rejects with (an `AbortSignal`'s abort rejects with the signal's reason instead). */
export class TokenSourceError extends Error {
  // `declare`: assigned in the constructor, so an ES2020 build needs no class-field helpers.
  /** The cause, to branch on (never the message). */
  declare readonly code: TokenSourceErrorCode;
  /** The HTTP status of the last response, when there was one. */
  declare readonly status: number | undefined;

  /** @param status - the HTTP status of the last response, if any. */
  constructor(code: TokenSourceErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'TokenSourceError';
    this.code = code;
    this.status = status;
  }
}
