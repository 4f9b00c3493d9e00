/** ZIM (`zego-zim-web`): renewal on the instance's `tokenWillExpire`, from the identity route. */
import type { TokenSource } from '../token-source.js';
import { checkOptions, renew, type RenewalOptions } from './renewal.js';

/** The part of a ZIM instance the binding uses (a structural type: this package does not import the SDK). */
export interface ZimLike {
  on(event: 'tokenWillExpire', callback: () => void): unknown;
  off(event: 'tokenWillExpire'): unknown;
  renewToken(token: string): unknown;
}

/**
 * Renews a ZIM instance's token from `source`, an identity route's (ZIM tokens name no room): on `tokenWillExpire`
 * (30 s before the token expires) a fresh token from `source.get()`, then `zim.renewToken(token)`; a failure, or a
 * rejection of `renewToken`, goes to `options.onError`.
 *
 * ZIM keeps one handler per event (`on` replaces the handler set before, `off` removes it): this one replaces a
 * `tokenWillExpire` handler of yours, and detaching removes whichever is set.
 *
 * @param zim - the instance, as `ZIM.create(…)` returns it.
 * @returns a function that detaches: it removes the handler and drops any renewal under way.
 * @throws TypeError for a `null` instance (`ZIM.create` returns `null` when an instance exists already: use
 *   `ZIM.getInstance()`), or for options other than `onError`.
 */
export function attachZim(zim: ZimLike | null, source: TokenSource, options: RenewalOptions = {}): () => void {
  if (zim === null) throw new TypeError('attachZim: no ZIM instance (ZIM.create gives null for a second one)');
  checkOptions('attachZim', options, ['onError']);
  const { onError } = options;
  const detached = new AbortController();
  zim.on('tokenWillExpire', () => renew(source, undefined, ({ token }) => zim.renewToken(token), onError, detached.signal));
  return () => {
    if (detached.signal.aborted) return;
    detached.abort();
    zim.off('tokenWillExpire');
  };
}
