/**
 * Fastify adapter: a plugin that registers the token route, asks the core's token route and returns its answer for
 * Fastify to serialise. The HTTP contract itself lives in `@zego-token/core` (`createTokenRoute`, `token-response.ts`).
 */
import {
  createTokenRoute,
  ErrorCode,
  ZegoTokenError,
  type TokenRoute,
  type TokenRouteOptions,
} from '@zego-token/core';
import type { FastifyPluginCallback, FastifyRequest, RegisterOptions, RouteShorthandOptions } from 'fastify';

/** The route {@link zegoToken} serves unless told otherwise. */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

/**
 * Options of {@link zegoToken}: the issuer's options, `getUserId(request)` (typically `request.user?.sub` after
 * `@fastify/jwt`, typed by your app's own declarations), `path` and `roomParam`. Fastify's own register options
 * (`prefix`, `logLevel`, `logSerializers`) apply as to any plugin.
 */
export interface ZegoTokenOptions extends TokenRouteOptions<FastifyRequest> {
  /** The path of the token route, with the room parameter. Default {@link DEFAULT_TOKEN_PATH}. */
  path?: string | undefined;
}

// Fastify serialises the 200 body through this schema (fast-json-stringify). Client errors have no schema on
// purpose: a 4xx schema would also reshape other plugins' errors on this route (an @fastify/jwt 401, say).
const routeSchema: RouteShorthandOptions['schema'] = {
  response: {
    200: {
      type: 'object',
      required: ['token', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt'],
      properties: {
        token: { type: 'string' },
        appId: { type: 'integer' },
        userId: { type: 'string' },
        roomId: { type: 'string' },
        version: { type: 'string' },
        issuedAt: { type: 'integer' },
        expiresAt: { type: 'integer' },
      },
    },
  },
};

/**
 * The plugin: `app.register(zegoToken, { getUserId: (request) => request.user?.sub })` serves `GET` (and `HEAD`)
 * {@link DEFAULT_TOKEN_PATH} (or `options.path`), in its own encapsulated context: hooks and decorators of the
 * parent (your auth) apply to it, nothing of it leaks out. Routing follows the app's router options (case
 * sensitivity, trailing slashes). A callback's throw or rejection goes to Fastify's error handler (500).
 *
 * @throws {@link ZegoTokenError} at registration (so `app.ready()` rejects) for bad options: see
 *   `createTokenRoute`; OPTION_INVALID for a `path` without the room parameter.
 *
 * @example
 * ```ts
 * await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
 * app.addHook('onRequest', async (request) => { await request.jwtVerify().catch(() => undefined); });
 * await app.register(zegoToken, { getUserId: (request) => request.user?.sub });
 * ```
 */
export const zegoToken: FastifyPluginCallback<ZegoTokenOptions> = (fastify, options, done) => {
  // prefix, logLevel and logSerializers are Fastify's own register options, applied by register itself.
  const { path = DEFAULT_TOKEN_PATH, prefix, logLevel, logSerializers, ...routeOptions } = options as ZegoTokenOptions & RegisterOptions;
  let route: TokenRoute<FastifyRequest>;
  try {
    route = createTokenRoute<FastifyRequest>(routeOptions);
    if (typeof path !== 'string' || !path.startsWith('/') || !path.split('/').includes(`:${route.roomParam}`)) {
      throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `path must start with '/' and hold :${route.roomParam}`);
    }
  } catch (error) {
    done(error as Error);
    return;
  }
  const { roomParam } = route;
  fastify.get(path, { schema: routeSchema }, async (request, reply) => {
    const { status, headers, body } = await route.answer(request, (request.params as Record<string, string | undefined>)[roomParam]);
    return reply.code(status).headers(headers).send(body);
  });
  done();
};

// Fastify names plugins by this symbol in its logs and errors (what fastify-plugin's `name` sets).
Object.defineProperty(zegoToken, Symbol.for('fastify.display-name'), { value: '@zego-token/fastify' });
