/**
 * Fastify adapter: a plugin that registers the token route, asks the core's token route and returns its answer for
 * Fastify to serialise. The HTTP contract itself lives in `@zego-token/core` (`createTokenRoute`, `token-response.ts`).
 */
import {
  compileTokenPath,
  createTokenRoute,
  DEFAULT_TOKEN_PATH,
  pathOfRequestTarget,
  type TokenPath,
  type TokenResponse,
  type TokenRoute,
  type TokenRouteOptions,
} from '@zego-token/core';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';

export { DEFAULT_TOKEN_PATH };

/**
 * Options of {@link zegoToken}: the issuer's options, `getUserId(request)` (typically `request.user?.sub` after
 * `@fastify/jwt`, typed by your app's own declarations), `getUserName(request)` (for UIKit's `kitToken`), `path` and
 * `roomParam`. Fastify's own register options
 * (`prefix`, `logLevel`, `logSerializers`) apply as to any plugin.
 */
export interface ZegoTokenOptions extends TokenRouteOptions<FastifyRequest> {
  /**
   * The path of the token route, below the plugin's `prefix`: literal segments and `:name` parameters, the room in
   * `:roomId` (or `roomParam`'s name), default {@link DEFAULT_TOKEN_PATH}; a path with no parameter (`'/zego/token'`)
   * serves identity tokens, as ZIM takes them. The prefix and the path are matched exactly (case-sensitive, no
   * trailing slash), whatever the app's router options.
   */
  path?: string | undefined;
}

/** Fastify's own register options: Fastify applies them, and they reach the plugin's options too. */
const REGISTER_OPTION_NAMES = ['prefix', 'logLevel', 'logSerializers'] as const;

const STRING = { type: 'string' } as const;
const INTEGER = { type: 'integer' } as const;

/**
 * Fastify serialises the 200 body through this schema (fast-json-stringify), in the order of its properties: the
 * core's body, `kitToken` after `token` on a route with `getUserName`, `roomId` only on a room route. Client errors
 * have no schema on purpose: a 4xx schema would also reshape other plugins' errors on this route (an @fastify/jwt
 * 401, say).
 */
function routeSchema(route: Pick<TokenRoute, 'roomless' | 'kitTokens'>): FastifySchema {
  const properties = {
    token: STRING,
    ...(route.kitTokens ? { kitToken: STRING } : {}),
    appId: INTEGER,
    userId: STRING,
    ...(route.roomless ? {} : { roomId: STRING }),
    version: STRING,
    issuedAt: INTEGER,
    expiresAt: INTEGER,
  };
  return { response: { 200: { type: 'object', required: Object.keys(properties), properties } } };
}

/**
 * The plugin: `app.register(zegoToken, { getUserId: (request) => request.user?.sub })` serves `GET` (and `HEAD`)
 * {@link DEFAULT_TOKEN_PATH} (or `options.path`; without a parameter, identity tokens), in its own encapsulated
 * context: hooks and decorators of the parent (your auth) apply to it, nothing of it leaks out. Fastify routes the
 * request; the core's matcher then checks the prefix and path exactly, so an app with `caseSensitive: false`,
 * `ignoreTrailingSlash` or `ignoreDuplicateSlashes`, or a percent-encoded letter in the path, gets Fastify's 404 for
 * anything but the exact path. A callback's throw or rejection goes to Fastify's error handler (500).
 *
 * @throws {@link ZegoTokenError} at registration (so `app.ready()` rejects) for bad options: see
 *   `createTokenRoute` (unknown keys, a bad `path` or `prefix`, room options on an identity route, …).
 *
 * @example
 * ```ts
 * await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
 * app.addHook('onRequest', async (request) => { await request.jwtVerify().catch(() => undefined); });
 * await app.register(zegoToken, { getUserId: (request) => request.user?.sub });
 * ```
 */
export const zegoToken: FastifyPluginCallback<ZegoTokenOptions> = (fastify, options, done) => {
  let route: TokenRoute<FastifyRequest, 'path' | (typeof REGISTER_OPTION_NAMES)[number]>;
  let exact: TokenPath;
  try {
    route = createTokenRoute<FastifyRequest, 'path' | (typeof REGISTER_OPTION_NAMES)[number]>(options, ['path', ...REGISTER_OPTION_NAMES]);
    // What Fastify registers: the plugin's prefix (without a trailing slash, as Fastify joins them) and the path.
    exact = compileTokenPath(fastify.prefix.replace(/\/$/, '') + route.path.path, route.roomParam);
  } catch (error) {
    done(error as Error);
    return;
  }
  const send = (reply: FastifyReply, { status, headers, body }: TokenResponse): FastifyReply =>
    reply.code(status).headers(headers).send(body);
  // Not an async handler: a synchronous answer (every callback synchronous) is sent at once, as Express and Koa send
  // it; awaiting it cost a tenth of the route's throughput. A throw still reaches Fastify's error handler, and a
  // promise is returned for Fastify to await, its rejection included.
  fastify.get(route.path.path, { schema: routeSchema(route) }, (request, reply) => {
    const room = exact.match(pathOfRequestTarget(request.url));
    if (room === false) return reply.callNotFound();
    const answer = route.answer(request, room);
    return answer instanceof Promise ? answer.then((response) => send(reply, response)) : send(reply, answer);
  });
  done();
};

// Fastify names plugins by this symbol in its logs and errors (what fastify-plugin's `name` sets).
Object.defineProperty(zegoToken, Symbol.for('fastify.display-name'), { value: '@zego-token/fastify' });
