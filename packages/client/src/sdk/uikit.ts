/** UIKit Prebuilt (`@zegocloud/zego-uikit-prebuilt`): renewal through the room config's `onTokenWillExpire`. */
import { TokenSourceError } from '../token-source-error.js';
import type { TokenSource } from '../token-source.js';
import { readRenewalOptions, renew, type RenewalOptions } from './renewal.js';

/**
 * The part of a UIKit instance the binding uses (a structural type: this package does not import the SDK). UIKit's
 * own declarations give `renewToken` no parameter, though it takes the new kit token: this type accepts both.
 */
export interface UIKitLike {
  renewToken(kitToken: string): unknown;
}

/**
 * A handler for UIKit's `onTokenWillExpire` (a room config option, not an event: UIKit calls it for its Express
 * engine and its ZIM plugin alike): it gets a fresh body for `roomId` from `source` and calls
 * `zp.renewToken(kitToken)` with the body's `kitToken`, which the route sends when given `getUserName`. A failure
 * goes to `options.onError`, a body without `kitToken` as a `TokenSourceError` `bad_response`. `renewToken`'s result
 * is not read: with the ZIM plugin, UIKit returns `false` before its renewal has finished.
 *
 * @param roomId - the room UIKit joined (the kit token's), or `undefined` on an identity route.
 * @throws TypeError for options other than `onError`.
 *
 * @example
 * ```ts
 * const zp = ZegoUIKitPrebuilt.create(kitToken);
 * zp.joinRoom({ container, onTokenWillExpire: uikitRenewal(zp, source, roomID, { onError }) });
 * ```
 */
export function uikitRenewal(
  zp: UIKitLike,
  source: TokenSource,
  roomId: string | undefined,
  options: RenewalOptions = {},
): () => void {
  const onError = readRenewalOptions('uikitRenewal', options);
  const apply = ({ kitToken }: { kitToken?: string }): void => {
    if (kitToken === undefined) throw new TokenSourceError('bad_response', 'the token route sent no kitToken');
    zp.renewToken(kitToken);
  };
  return () => renew(source, roomId, apply, onError);
}
