/**
 * `@zego-token/fetch` where only Web Crypto exists (workerd with or without `nodejs_compat`, Vercel's edge runtime,
 * Next.js middleware), chosen by the `workerd`, `edge-light` and `browser` export conditions: the same handler over
 * `@zego-token/core/web`. Same options, statuses and bodies; `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` come from the
 * options or the Worker's `env`, never `process.env`.
 */
import {
  createTokenRoute,
  DEFAULT_TOKEN_PATH,
  ENVIRONMENT_VARIABLES,
  ErrorCode,
  METHOD_NOT_ALLOWED_RESPONSE,
  NOT_FOUND_RESPONSE,
  readTokenRouteOptions,
  resolveTokenPath,
  ZegoTokenError,
} from '@zego-token/core/web';
import { zegoTokenWith, type CoreBuild, type ZegoTokenHandler, type ZegoTokenOptions } from './handler.js';

export { DEFAULT_TOKEN_PATH };

// The Web Crypto route's answer is always a promise, which the handler awaits either way.
const webCore: CoreBuild = {
  createTokenRoute,
  readTokenRouteOptions,
  resolveTokenPath,
  ENVIRONMENT_VARIABLES,
  NOT_FOUND_RESPONSE,
  METHOD_NOT_ALLOWED_RESPONSE,
  ZegoTokenError,
  ErrorCode,
  readsProcessEnv: false,
};
export type { ZegoTokenHandler, ZegoTokenOptions };

/**
 * A fetch handler serving `GET`/`HEAD` {@link DEFAULT_TOKEN_PATH} (or `options.path`); any other path is 404 and
 * any other method 405 (`Allow: GET, HEAD`), both as JSON. `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET`, unless given as
 * `appId` and `secret`, come from the Worker's `env` when the handler is given one that holds them; this build never
 * reads `process.env`, even where a runtime provides one. The route (options, key) is built once per pair of values, not per request.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a bad `path`. The options
 *   are read once, here (an unknown key throws here); where the credentials can only come from a Worker's `env`, the
 *   route is built at the first request, and a bad option value rejects that request (and the next, until fixed).
 *
 * @example
 * ```ts
 * // A Cloudflare Worker (ZEGO_APP_ID and ZEGO_SERVER_SECRET from wrangler.toml and `wrangler secret put`):
 * export default { fetch: zegoToken({ getUserId: (request, env) => yourAuth(request, env) }) };
 * ```
 */
export function zegoToken<Env = unknown>(options: ZegoTokenOptions<Env>): ZegoTokenHandler<Env> {
  return zegoTokenWith(webCore, options);
}
