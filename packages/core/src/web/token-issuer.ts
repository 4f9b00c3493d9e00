/** The token issuer and route of `@zego-token/core/web`: the main entry's, minting with Web Crypto. */
import { readIssuerOptions, resolveTokenIssuerConfig, type IssuerSettings, type ReadIssuerOptions } from '../route/issuer-config.js';
import { issuerFromConfig, type TokenIssuer, type TokenIssuerOptions, type TokenRequest } from '../route/token-issuer.js';
import type { TokenResponse } from '../route/token-response.js';
import { buildTokenRoute, type IssuerFactory, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from '../route/token-route.js';
import { WEB_PLATFORM } from './platform.js';

/** A {@link TokenIssuer} whose answers are always promises (Web Crypto encrypts asynchronously). */
export interface WebTokenIssuer<Request = unknown> extends TokenIssuer<Request> {
  /** Answers one token request; client mistakes resolve to 4xx responses, server-side failures reject. */
  issue(request: TokenRequest<Request>): Promise<TokenResponse>;
}

/**
 * Creates the token route's logic on Web Crypto: the main entry's `createTokenIssuer`, with the same options, rules
 * and responses, whose `issue` always answers with a promise.
 *
 * Unlike the main entry it reads no environment variables (Web runtimes have no `process.env`): pass `appId` and
 * `secret`, for example from a Worker's `env`, once per deployment rather than per request.
 *
 * @throws {@link ZegoTokenError} at construction, as the main entry's: APP_ID_INVALID (missing or invalid),
 *   SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID (a lifetime over 24 days without `allowLongLifetime: true`,
 *   plainly a timestamp or milliseconds, or expiring after 2038-01-19), PRIVILEGE_INVALID (a fixed privilege),
 *   PAYLOAD_INVALID (a fixed stream list), or OPTION_INVALID (another option, an unknown option key, or options that are not an object).
 *
 * @example
 * ```ts
 * import { createTokenIssuer } from '@zego-token/core/web';
 * const issuer = createTokenIssuer({ appId: Number(env.ZEGO_APP_ID), secret: env.ZEGO_SERVER_SECRET });
 * const { status, headers, body } = await issuer.issue({ userId, roomId, request });
 * return Response.json(body, { status, headers });
 * ```
 */
export function createTokenIssuer<Request = unknown>(options: TokenIssuerOptions<Request> = {}): WebTokenIssuer<Request> {
  return webIssuer(readIssuerOptions(options));
}

/** The issuer over options already read: Web Crypto's, with every answer a promise. */
function webIssuer<Request>(read: ReadIssuerOptions, settings: IssuerSettings = {}): WebTokenIssuer<Request> {
  const issuer = issuerFromConfig<Request, Promise<string>>(resolveTokenIssuerConfig(read, WEB_PLATFORM, settings));
  return Object.freeze({
    ...issuer,
    // A user ID callback's synchronous throw, too, becomes a rejection.
    issue: async (request: TokenRequest<Request>): Promise<TokenResponse> => issuer.issue(request),
  });
}

const WEB_ISSUERS: IssuerFactory<WebTokenIssuer<never>> = {
  make: (read, settings) => webIssuer(read, settings),
  environment: WEB_PLATFORM.environment,
  async: true,
};

/**
 * The main entry's `createTokenRoute` on Web Crypto: `getUserId`, `roomParam`, the issuer's options and the
 * adapter's own (`adapterOptionNames`, `path` compiled into the route's matcher and making a room-less identity
 * route), read once and checked, wired together for an adapter (such as `@zego-token/fetch`) that reads the room from
 * the URL. `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` are never read from `process.env`: only from the options or, with
 * `settings.environmentFromHost`, from each request's host (a Worker's `env`). `answer()` always returns a promise,
 * and so does `respond()` unless it answers 404 or 405.
 *
 * @throws {@link ZegoTokenError} as {@link createTokenIssuer}; OPTION_INVALID for an unknown option key, without a
 *   `getUserId` function, with a `roomParam` that is not a non-empty string, or a bad `path`.
 */
export function createTokenRoute<Request = unknown, AdapterOption extends string = never>(
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[] = [],
  settings: TokenRouteSettings = {},
): TokenRoute<Request, AdapterOption, WebTokenIssuer<Request>> {
  return buildTokenRoute(WEB_ISSUERS as IssuerFactory<WebTokenIssuer<Request>>, options, adapterOptionNames, settings);
}
