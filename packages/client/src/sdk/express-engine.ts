/** The Express Web SDK (`zego-express-engine-webrtc`): renewal on the engine's `tokenWillExpire`. */
import type { TokenSource } from '../token-source.js';
import { checkOptions, renew, type RenewalOptions } from './renewal.js';

/** The part of `ZegoExpressEngine` the binding uses (a structural type: this package does not import the SDK). */
export interface ExpressEngineLike {
  on(event: 'tokenWillExpire', callback: (roomID: string) => void): unknown;
  off(event: 'tokenWillExpire', callback: (roomID: string) => void): unknown;
  renewToken(token: string, roomID: string): unknown;
}

/**
 * Renews the engine's tokens from `source`: on `tokenWillExpire(roomID)` (30 s before a token expires) a fresh
 * token for that room, then `engine.renewToken(token, roomID)`, for every room the engine is in. A failure, or a
 * `renewToken` that returns `false` (the engine refused the token), goes to `options.onError`.
 *
 * @returns a function that detaches: it removes the listener and drops any renewal under way.
 * @throws TypeError for options other than `onError`.
 *
 * @example
 * ```ts
 * const detach = attachExpressEngine(zg, source, { onError: (error) => showReconnectBanner(error) });
 * ```
 */
export function attachExpressEngine(
  engine: ExpressEngineLike,
  source: TokenSource,
  options: RenewalOptions = {},
): () => void {
  checkOptions('attachExpressEngine', options, ['onError']);
  const { onError } = options;
  const detached = new AbortController();
  const listener = (roomID: string): void => {
    const apply = ({ token }: { token: string }): void => {
      if (engine.renewToken(token, roomID) === false) throw new Error('the Express engine refused the new token');
    };
    renew(source, roomID, apply, onError, detached.signal);
  };
  engine.on('tokenWillExpire', listener);
  return () => {
    if (detached.signal.aborted) return;
    detached.abort();
    engine.off('tokenWillExpire', listener);
  };
}
