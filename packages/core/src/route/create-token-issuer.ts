import { readOptions } from '../lib/options.js';
import { ISSUER_OPTION_NAMES, resolveTokenIssuerConfig } from './issuer-config.js';
import { NODE_PLATFORM } from './node-platform.js';
import { issuerFromConfig, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';

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
  return issuerFromConfig<Request>(resolveTokenIssuerConfig(readOptions(options, ISSUER_OPTION_NAMES, 'options'), NODE_PLATFORM));
}
