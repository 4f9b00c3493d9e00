/** The token issuer and route of the main entry: the shared logic (route/) minting with node:crypto. */
import { readIssuerOptions, resolveTokenIssuerConfig } from '../route/issuer-config.js';
import { issuerFromConfig, type TokenIssuer, type TokenIssuerOptions } from '../route/token-issuer.js';
import { buildTokenRoute, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from '../route/token-route.js';
import { NODE_PLATFORM } from './platform.js';

/**
 * Creates the token route's logic, independent of any framework: validate options once, then answer each
 * "user X asks for room Y" with a status, headers and a JSON body. The Express and Koa adapters are thin wrappers
 * around it; use it directly in other frameworks or serverless handlers.
 *
 * Options are resolved once, into a frozen configuration; each request reads only that. Per request, a resolver's
 * result outside its contract (see {@link TokenIssuerOptions.privilege}) throws or rejects: a server error, never a
 * token.
 *
 * @throws {@link ZegoTokenError} at construction, so a misconfigured server fails at start-up: APP_ID_INVALID,
 *   SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID, PRIVILEGE_INVALID (a fixed privilege), PAYLOAD_INVALID (a fixed
 *   stream list), or OPTION_INVALID (another option, an unknown option key, or options that are not an object).
 *
 * @example
 * ```ts
 * const issuer = createTokenIssuer({ effectiveTimeInSeconds: 7200 }); // app ID and secret from the environment
 * // In a Next.js route handler:
 * export async function GET(request: Request, { params }: { params: { roomId: string } }) {
 *   const { status, headers, body } = await issuer.issue({ userId: await currentUserId(request), roomId: params.roomId, request });
 *   return Response.json(body, { status, headers });
 * }
 * ```
 */
export function createTokenIssuer<Request = unknown>(options: TokenIssuerOptions<Request> = {}): TokenIssuer<Request> {
  return issuerFromConfig<Request>(resolveTokenIssuerConfig(readIssuerOptions(options), NODE_PLATFORM));
}

/**
 * What every adapter does before touching its framework: read the options once (the rule of every function that
 * takes options: see {@link TokenIssuerOptions}), resolve the issuer's configuration, check `getUserId` and `roomParam`,
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
