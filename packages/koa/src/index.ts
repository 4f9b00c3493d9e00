/**
 * Koa adapter: translate the context, ask the core's token route, write its answer. The HTTP contract and the
 * option rules live in `@zego-token/core` (`createTokenRoute`), shared with every adapter.
 */
import Router from '@koa/router';
import {
  createTokenRoute,
  DEFAULT_TOKEN_PATH,
  ErrorCode,
  resolveRoutingFlag,
  resolveTokenPath,
  ZegoTokenError,
  type TokenResponse,
  type TokenRoute,
  type TokenRouteOptions,
} from '@zego-token/core';
import type { Context, Middleware } from 'koa';

export { DEFAULT_TOKEN_PATH };

/**
 * Options of {@link zegoTokenHandler}: the issuer's options, `getUserId(ctx)` (typically `ctx.state.user?.sub` after
 * a JWT middleware) and `roomParam`, the `@koa/router` parameter with the room ID. Unknown keys are refused
 * (OPTION_INVALID).
 */
export type ZegoTokenHandlerOptions = TokenRouteOptions<Context>;

/** Options of {@link zegoTokenRouter}: the handler's, plus where and how the router matches. */
export interface ZegoTokenRouterOptions extends ZegoTokenHandlerOptions {
  /**
   * The path of the token route: starts with `/` and holds the room parameter (`:roomId`, or `roomParam`'s name), or
   * no parameter at all for identity tokens (ZIM); checked at construction. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
  /** `@koa/router`'s `sensitive`: match the path case-sensitively (default `false`, as `@koa/router`). */
  sensitive?: boolean | undefined;
  /** `@koa/router`'s `strict`: a trailing slash makes another path (default `false`, as `@koa/router`). */
  strict?: boolean | undefined;
}

/**
 * Options of {@link zegoToken}: the router's. `path`, `sensitive` and `strict` apply where `zegoToken` matches the
 * path itself (`app.use`); on a `@koa/router` route the route decides, so there they are refused (OPTION_INVALID).
 */
export type ZegoTokenOptions = ZegoTokenRouterOptions;

const ROUTER_OPTION_NAMES = ['path', 'sensitive', 'strict'] as const;

/** The part of a `@koa/router` layer the adapter reads: its methods, middleware and parameter names (v12 to v15). */
interface RouterLayer {
  methods: readonly string[];
  stack: readonly unknown[];
  paramNames: ReadonlyArray<{ name: string | number }>;
}

type RouterContext = Context & { params?: Record<string, string | undefined>; matched?: RouterLayer[] };

function send(ctx: Context, { status, headers, body }: TokenResponse): void {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
}

function isDecodable(path: string): boolean {
  try {
    // The result must be used: the bundler drops a bare decodeURIComponent() call as if it could not throw.
    return decodeURIComponent(path).length >= 0;
  } catch {
    return false;
  }
}

/**
 * The `@koa/router` route layer now running `middleware`, if `middleware` is mounted on a route (a layer with
 * methods: `router.use(...)` layers have none, and are no route).
 */
function routeLayerOf(ctx: Context, middleware: unknown): RouterLayer | undefined {
  return (ctx as RouterContext).matched?.find((layer) => layer.methods.length > 0 && layer.stack.includes(middleware));
}

/**
 * Answers for the room in the route's parameter. The route's layer says whether the route declares the parameter at
 * all: an optional one left out is the client's mistake (400), an undeclared one the server's (OPTION_INVALID).
 */
function serve(route: TokenRoute<Context>, ctx: Context, layer: RouterLayer | undefined): Promise<void> | undefined {
  const { roomParam } = route;
  if (layer === undefined) {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `zegoTokenHandler needs a @koa/router route with a :${roomParam} parameter`);
  }
  // A room-less (identity) route (a `path` with no parameter) has no room to read.
  const raw = route.roomless ? undefined : (ctx as RouterContext).params?.[roomParam];
  if (raw === undefined && !route.roomless && !layer.paramNames.some(({ name }) => name === roomParam)) {
    throw new ZegoTokenError(ErrorCode.OPTION_INVALID, `the @koa/router route has no :${roomParam} parameter (see roomParam)`);
  }
  // @koa/router hands over a parameter it cannot percent-decode as is ("%E0%A4%A"): no room the client meant.
  // Only a room with a '%' left in it can be one, so only then is the path decoded again.
  const roomId = raw?.includes('%') && !isDecodable(ctx.path) ? undefined : raw;
  const answer = route.answer(ctx, roomId);
  if (answer instanceof Promise) return answer.then((response) => send(ctx, response));
  send(ctx, answer);
  return undefined;
}

/**
 * Nested in another `@koa/router` router (`api.use(zegoToken())`, `api.use(zegoTokenRouter().routes())`), the
 * token route's layer keeps its own matching options: a host router that matches more strictly (`sensitive`,
 * `strict`) would have its own routes on the path (a rate limiter) skip URLs the token route serves. That is a
 * server error, on every request to the route, until the same options are given to the adapter.
 */
function assertMatchesAsHost(ctx: Context, own: Router, sensitive: boolean, strict: boolean): void {
  const host = (ctx as { router?: { opts?: { sensitive?: unknown; strict?: unknown } } }).router;
  if (host === undefined || host === own) return;
  const missing = [host.opts?.sensitive === true && !sensitive ? 'sensitive' : '', host.opts?.strict === true && !strict ? 'strict' : '']
    .filter((name) => name !== '');
  if (missing.length > 0) {
    throw new ZegoTokenError(
      ErrorCode.OPTION_INVALID,
      `the @koa/router router hosting the token route is ${missing.join(' and ')}: give zegoToken ${missing.map((name) => `${name}: true`).join(', ')} too`,
    );
  }
}

/** The route, and a `@koa/router` router serving it at the validated path with the validated matching options. */
function tokenRouter(options: ZegoTokenRouterOptions): { route: TokenRoute<Context, (typeof ROUTER_OPTION_NAMES)[number]>; router: Router } {
  const route = createTokenRoute<Context, (typeof ROUTER_OPTION_NAMES)[number]>(options, ROUTER_OPTION_NAMES);
  const { path, sensitive, strict } = route.adapterOptions;
  const routerOptions: { sensitive?: boolean; strict?: boolean } = {};
  const sensitiveFlag = resolveRoutingFlag(sensitive, 'sensitive');
  const strictFlag = resolveRoutingFlag(strict, 'strict');
  if (sensitiveFlag !== undefined) routerOptions.sensitive = sensitiveFlag;
  if (strictFlag !== undefined) routerOptions.strict = strictFlag;
  const router = new Router(routerOptions);
  const handler: Middleware = (ctx) => {
    assertMatchesAsHost(ctx, router, sensitiveFlag === true, strictFlag === true);
    return serve(route, ctx, routeLayerOf(ctx, handler));
  };
  router.get(resolveTokenPath(path, route.roomParam), handler);
  return { route, router };
}

/**
 * Koa middleware for a `@koa/router` route of your own with the room parameter (`router.get('/t/:roomId', …)`);
 * it answers with a ZEGO token for the signed-in user. Failures of your callbacks propagate to Koa (500 and the
 * app's `'error'` event). A route whose optional room parameter is left out (`/t{/:roomId}`) answers like a bad
 * room: 401 when nobody is signed in, else 400 `invalid_room_id`. Outside a `@koa/router` route, or on one without
 * the room parameter, it is a server error (OPTION_INVALID). Options are validated here.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID without `getUserId` or with
 *   an unknown option.
 *
 * @example
 * ```ts
 * router.get('/rooms/:roomId/token', requireLogin, zegoTokenHandler({ getUserId: (ctx) => ctx.state.user?.sub }));
 * ```
 */
export function zegoTokenHandler(options: ZegoTokenHandlerOptions): Middleware {
  const route = createTokenRoute<Context>(options);
  const handler: Middleware = (ctx) => serve(route, ctx, routeLayerOf(ctx, handler));
  return handler;
}

/**
 * A `@koa/router` router serving `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`), matching as `sensitive` and
 * `strict` say (both `false` by default, as `@koa/router`). Nested in a router that is `sensitive` or `strict`
 * (`api.use(zegoTokenRouter().routes())`) without the same options, each request to it is a server error
 * (OPTION_INVALID): it would serve URLs the host's own routes on the path do not see.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a `path` that does not
 *   start with `/` or does not hold the room parameter, or a `sensitive`/`strict` that is not a boolean.
 *
 * @example
 * ```ts
 * app.use(zegoTokenRouter({ getUserId: (ctx) => ctx.state.user?.sub, sensitive: true }).routes());
 * ```
 */
export function zegoTokenRouter(options: ZegoTokenRouterOptions): Router {
  return tokenRouter(options).router;
}

/**
 * What you mount, in any of Koa's ways:
 * - `app.use(zegoToken({...}))`: serves `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`, matched as `sensitive`
 *   and `strict` say) and passes every other request on, as the Express adapter's one line does;
 * - `router.use(zegoToken({...}))` or `router.use('/api', zegoToken({...}))` on a `@koa/router` router: the token
 *   route joins that router (the returned middleware carries it as `router`, as `router.routes()` does), served under
 *   its prefix and `use` path (`GET /api/zego/token/:roomId`). If that router is `sensitive` or `strict` and the
 *   token route is not, each request to it is a server error (OPTION_INVALID) until you give the same options;
 * - `router.get('/zego/token/:roomId', zegoToken({...}))` on a `@koa/router` route: serves that route, as
 *   {@link zegoTokenHandler} does (then `path`, `sensitive` and `strict` belong to the route: giving them is a server
 *   error, OPTION_INVALID).
 *
 * The order of answers is the core's in both: 401, then 400, then 403.
 *
 * @throws {@link ZegoTokenError} for bad options, as {@link zegoTokenRouter}.
 *
 * @example
 * ```ts
 * app.use(zegoToken({ getUserId: (ctx) => ctx.state.user?.sub })); // appId and secret from ZEGO_APP_ID, ZEGO_SERVER_SECRET
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): Middleware & { readonly router: Router } {
  const { route, router } = tokenRouter(options);
  const routesMiddleware = router.routes() as Middleware;
  const routing = ROUTER_OPTION_NAMES.filter((name) => route.adapterOptions[name] !== undefined);
  const middleware: Middleware = (ctx, next) => {
    const layer = routeLayerOf(ctx, middleware);
    if (layer === undefined) return routesMiddleware(ctx, next) as Promise<void>;
    if (routing.length > 0) {
      throw new ZegoTokenError(
        ErrorCode.OPTION_INVALID,
        `${routing.join(', ')}: on a @koa/router route the route decides; give them only to app.use(zegoToken(...))`,
      );
    }
    return serve(route, ctx, layer);
  };
  // `router.use(zegoToken())` on a @koa/router router: its `use` takes a middleware with a `router` as a nested
  // router and copies the token route into the host, under the host's prefix and `use` path. A plain middleware
  // there would run only for paths the host already routes: a silent 404.
  return Object.assign(middleware, { router });
}
