import { resolveTokenIssuerConfig } from './issuer-config.js';
import { NODE_PLATFORM } from './node-platform.js';
import { issuerFromConfig } from './token-issuer.js';
import { buildTokenRoute, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from './token-route.js';

/**
 * What every adapter does before touching its framework: read the options once (own, inherited, getters or class
 * methods; see {@link TokenIssuerOptions}), resolve the issuer's configuration, check `getUserId` and `roomParam`,
 * and wire them together. Used by `@zego-token/express` and `@zego-token/koa`; use it for another framework.
 *
 * @param options - the options the user gave the adapter's factory
 * @param adapterOptionNames - the adapter's own option names (`['path']`, say): read along with the rest and handed
 *   back in {@link TokenRoute.adapterOptions}, so an unknown key is refused whichever part of the options it missed.
 *   With `'path'` among them, the path is checked here ({@link resolveTokenPath}) and a path without any parameter
 *   makes the route room-less ({@link TokenRoute.roomless}).
 * @param settings - see {@link TokenRouteSettings}
 * @throws {@link ZegoTokenError} as `createTokenIssuer`; OPTION_INVALID for an unknown option key (named, with the
 *   option probably meant), without a `getUserId` function, with a `roomParam` that is not a non-empty string, a
 *   bad `path`, or, on a room-less route, an option that needs a room (a fixed `privilege`, `streamIdList`,
 *   `validateRoomId`, `version: '03'`, `roomPayload: true`).
 *
 * @example
 * ```ts
 * const route = createTokenRoute<MyRequest, 'path'>(options, ['path']);
 * const path = resolveTokenPath(route.adapterOptions.path, route.roomParam);
 * ```
 */
export function createTokenRoute<Request = unknown, AdapterOption extends string = never>(
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[] = [],
  settings: TokenRouteSettings = {},
): TokenRoute<Request, AdapterOption> {
  return buildTokenRoute(
    (read, issuerSettings) => issuerFromConfig<Request>(resolveTokenIssuerConfig(read, NODE_PLATFORM, issuerSettings)),
    options,
    adapterOptionNames,
    settings,
  );
}
