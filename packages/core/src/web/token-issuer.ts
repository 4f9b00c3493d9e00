/** The token issuer and route of `@zego-token/core/web`: the main entry's, minting with Web Crypto. */
import { readIssuerOptions, resolveTokenIssuerConfig, type IssuerSettings, type ReadIssuerOptions } from '../route/issuer-config.js';
import { issuerFromConfig, type TokenIssuer, type TokenIssuerOptions, type TokenRequest } from '../route/token-issuer.js';
import type { TokenResponse } from '../route/token-response.js';
import { buildTokenRoute, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from '../route/token-route.js';
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
 *   SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID, PRIVILEGE_INVALID (a fixed privilege), PAYLOAD_INVALID (a fixed
 *   stream list), or OPTION_INVALID (another option, an unknown option key, or options that are not an object).
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

/**
 * The main entry's `createTokenRoute` on Web Crypto: `getUserId`, `roomParam`, the issuer's options and the
 * adapter's own (`adapterOptionNames`, `path` making a room-less identity route), read once and checked, wired
 * together for an adapter (such as `@zego-token/fetch`) that reads the room from the URL. `settings.environment`
 * (a Worker's `env`) is the only place `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` are read from. `answer()` always
 * returns a promise.
 *
 * @throws {@link ZegoTokenError} as {@link createTokenIssuer}; OPTION_INVALID for an unknown option key, without a
 *   `getUserId` function, or with a `roomParam` that is not a non-empty string.
 */
export function createTokenRoute<Request = unknown, AdapterOption extends string = never>(
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[] = [],
  settings: TokenRouteSettings = {},
): TokenRoute<Request, AdapterOption, WebTokenIssuer<Request>> {
  const route = buildTokenRoute((read, issuerSettings) => webIssuer<Request>(read, issuerSettings), options, adapterOptionNames, settings);
  // A synchronous throw of `getUserId`, too, becomes a rejection.
  return Object.freeze({
    ...route,
    answer: async (request: Request, roomId: unknown, host?: unknown) =>
      host === undefined ? route.answer(request, roomId) : route.answer(request, roomId, host),
  });
}
