/**
 * `@zego-token/fetch` where `node:crypto` exists (Node.js, Bun, Deno, Workers with `nodejs_compat`): the handler over
 * the core's synchronous `node:crypto` build. A Web-Crypto-only build binds the same handler to `@zego-token/core/web`
 * and is chosen by export conditions (`workerd`, `edge-light`, `browser`).
 */
import { createTokenRoute, DEFAULT_TOKEN_PATH } from '@zego-token/core';
import { zegoTokenWith, type ZegoTokenHandler, type ZegoTokenOptions } from './handler.js';

export { DEFAULT_TOKEN_PATH };

export type { ZegoTokenHandler, ZegoTokenOptions };

/**
 * A fetch handler serving `GET`/`HEAD` {@link DEFAULT_TOKEN_PATH} (or `options.path`); any other path is 404 and
 * any other method 405 (`Allow: GET, HEAD`), both as JSON. `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET`, unless given as
 * `appId` and `secret`, come from the Worker's `env` when the handler is given one that holds them, else from
 * `process.env`. Options are read once, here; the key is prepared once per pair of values, not per request.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a `path` outside the
 *   core's grammar (`compileTokenPath`). Every option is checked here, even where the credentials can only come from
 *   a Worker's `env`: there only credentials the core refuses reject a request (and the next, until fixed).
 *
 * @example
 * ```ts
 * // A Cloudflare Worker (ZEGO_APP_ID and ZEGO_SERVER_SECRET from wrangler.toml and `wrangler secret put`):
 * export default { fetch: zegoToken({ getUserId: (request, env) => yourAuth(request, env) }) };
 * ```
 */
export function zegoToken<Env = unknown>(options: ZegoTokenOptions<Env>): ZegoTokenHandler<Env> {
  return zegoTokenWith(createTokenRoute, options);
}
