/** UIKit Prebuilt (`@zegocloud/zego-uikit-prebuilt`): renewal through the room config's `onTokenWillExpire`. */
import type { TokenBody } from '../token-body.js';
import { TokenSourceError } from '../token-source-error.js';
import type { TokenSource } from '../token-source.js';
import { checkOptions, renew, type RenewalOptions } from './renewal.js';

/**
 * The part of a UIKit instance the binding uses (a structural type: this package does not import the SDK). UIKit's
 * own declarations give `renewToken` no parameter, though it takes the new kit token: this type accepts both.
 */
export interface UIKitLike {
  renewToken(kitToken: string): unknown;
}

/** The options of {@link uikitRenewal}. Any other key is refused. */
export interface UIKitRenewalOptions extends RenewalOptions {
  /**
   * The kit token for a fresh body. Default: the body's `kitToken` (a route sends one when given `getUserName`).
   * Without one, wrap the token with UIKit's own `ZegoUIKitPrebuilt.generateKitTokenForProduction(body.appId,
   * body.token, roomID, body.userId, userName)`.
   */
  kitToken?: ((body: TokenBody) => string) | undefined;
}

/**
 * A handler for UIKit's `onTokenWillExpire` (a room config option, not an event: UIKit calls it for its Express
 * engine and its ZIM plugin alike): it gets a fresh body for `roomId` from `source` and calls `zp.renewToken` with
 * its kit token (see {@link UIKitRenewalOptions.kitToken}). A failure goes to `options.onError`: a body without
 * `kitToken` (and no `kitToken` option) as a `TokenSourceError` `bad_response`. `renewToken`'s result is not read:
 * with the ZIM plugin, UIKit returns `false` before its renewal has finished.
 *
 * @param roomId - the room UIKit joined (the kit token's), or `undefined` on an identity route.
 * @throws TypeError for options other than `onError` and `kitToken`.
 *
 * @example
 * ```ts
 * const zp = ZegoUIKitPrebuilt.create(kitToken);
 * const config = { container, onTokenWillExpire: uikitRenewal(zp, source, roomID, { onError }) };
 * zp.joinRoom(config);
 * ```
 */
export function uikitRenewal(
  zp: UIKitLike,
  source: TokenSource,
  roomId: string | undefined,
  options: UIKitRenewalOptions = {},
): () => void {
  checkOptions('uikitRenewal', options, ['onError', 'kitToken']);
  const { onError, kitToken = (body: TokenBody) => body.kitToken } = options;
  const apply = (body: TokenBody): void => {
    const wrapped = kitToken(body);
    if (typeof wrapped !== 'string' || wrapped === '') {
      throw new TokenSourceError('bad_response', 'no kit token: the route sent no kitToken, and no kitToken option made one');
    }
    zp.renewToken(wrapped);
  };
  return () => renew(source, roomId, apply, onError);
}
