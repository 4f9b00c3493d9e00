/**
 * What the SDK bindings share: one renewal (a fresh token, handed to the SDK) that never throws into the SDK and
 * reports its failure to the app's callback, never to a log.
 */
import type { TokenBody } from '../token-body.js';
import type { TokenSource } from '../token-source.js';

/** The options of `attachExpressEngine` and `attachZim` (any other key is refused), and of `uikitRenewal`. */
export interface RenewalOptions {
  /**
   * Told why a renewal failed: a `TokenSourceError` (its `code` says whether to sign the user in again, for
   * `unauthenticated`), an `Error` when the SDK refused the new token, or what `renewToken` threw or rejected with.
   * Never told after detaching. Without it, failures are dropped, and the SDK reports the expiry itself.
   */
  onError?: ((error: unknown) => void) | undefined;
}

/** Refuses an options object with a key not in `names`, or a value of one that is neither a function nor undefined. */
export function checkOptions(caller: string, options: object, names: readonly string[]): void {
  for (const [name, value] of Object.entries(options)) {
    if (!names.includes(name)) throw new TypeError(`${caller}: unknown option ${name}`);
    if (value !== undefined && typeof value !== 'function') throw new TypeError(`${caller}: ${name} must be a function`);
  }
}

/**
 * One renewal: `source.get(roomId, { fresh: true })`, then `apply` (which hands the token to the SDK, and throws or
 * rejects when the SDK refuses it). A failure goes to `onError`; once `signal` aborts (detached), nothing more
 * happens, `onError` included.
 */
export function renew(
  source: TokenSource,
  roomId: string | undefined,
  apply: (body: TokenBody) => unknown,
  onError: RenewalOptions['onError'],
  signal?: AbortSignal,
): void {
  source
    .get(roomId, { fresh: true, signal })
    .then((body) => (signal?.aborted ? undefined : apply(body)))
    .catch((error: unknown) => {
      if (!signal?.aborted) onError?.(error);
    });
}
