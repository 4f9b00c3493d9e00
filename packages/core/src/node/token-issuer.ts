/** The token issuer and route of the main entry: the shared logic (route/) minting with node:crypto. */
import { readIssuerOptions, resolveTokenIssuerConfig } from '../route/issuer-config.js';
import { issuerFromConfig, type TokenIssuer, type TokenIssuerOptions } from '../route/token-issuer.js';
import { buildTokenRoute, type IssuerFactory, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from '../route/token-route.js';
import { NODE_PLATFORM } from './platform.js';

const NODE_ISSUERS: IssuerFactory<TokenIssuer<never>> = {
  make: (read, settings) => issuerFromConfig(resolveTokenIssuerConfig(read, NODE_PLATFORM, settings)),
  environment: NODE_PLATFORM.environment,
  async: false,
};

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
 *   SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID (a lifetime over 24 days without `allowLongLifetime: true`,
 *   plainly a timestamp or milliseconds, or expiring after 2038-01-19), PRIVILEGE_INVALID (a fixed privilege),
 *   PAYLOAD_INVALID (a fixed stream list), or OPTION_INVALID (another option, an unknown option key, or options that are not an object).
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
