import { resolveTokenIssuerConfig } from './issuer-config.js';
import { NODE_PLATFORM } from './node-platform.js';
import { issuerFromConfig, type TokenIssuer } from './token-issuer.js';
import { buildTokenRoute, type IssuerFactory, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from './token-route.js';

const NODE_ISSUERS: IssuerFactory<TokenIssuer<never>> = {
  make: (read, settings) => issuerFromConfig(resolveTokenIssuerConfig(read, NODE_PLATFORM, settings)),
  environment: NODE_PLATFORM.environment,
  async: false,
};

/**
 * What every adapter does before touching its framework: read the options once (own, inherited, getters or class
 * methods; see {@link TokenIssuerOptions}), resolve the issuer's configuration, check `getUserId` and `roomParam`,
 * compile the path, and wire them together. Used by every adapter; use it for another framework.
 *
 * @param options - the options the user gave the adapter's factory
 * @param adapterOptionNames - the adapter's own option names (`['path']`, say): read along with the rest and handed
 *   back in {@link TokenRoute.adapterOptions}, so an unknown key is refused whichever part of the options it missed.
 *   With `'path'` among them, the path is compiled here ({@link compileTokenPath}) into {@link TokenRoute.path}, the
 *   matcher the adapter routes with, and a path without any parameter makes the route room-less
 *   ({@link TokenRoute.roomless}).
 * @param settings - see {@link TokenRouteSettings}
 * @throws {@link ZegoTokenError} as `createTokenIssuer`; OPTION_INVALID for an unknown option key (named, with the
 *   option probably meant), without a `getUserId` function, with a `roomParam` that is not a non-empty string, a
 *   bad `path`, or, on a room-less route, an option that needs a room (a fixed `privilege`, `streamIdList`,
 *   `validateRoomId`, `version: '03'`, `roomPayload: true`).
 *
 * @example
 * ```ts
 * const route = createTokenRoute<MyRequest, 'path'>(options, ['path']);
 * // per request, for a raw pathname (no query):
 * const room = route.path.match(pathname); // false: not the token route
 * if (room !== false) send(await route.answer(request, room));
 * ```
 */
export function createTokenRoute<Request = unknown, AdapterOption extends string = never>(
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[] = [],
  settings: TokenRouteSettings = {},
): TokenRoute<Request, AdapterOption> {
  return buildTokenRoute(NODE_ISSUERS as IssuerFactory<TokenIssuer<Request>>, options, adapterOptionNames, settings);
}
