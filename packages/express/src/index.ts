/**
 * Express adapter: translate the request, ask the core's token route, write its answer. The HTTP contract and the
 * option rules live in `@zego-token/core` (`createTokenRoute`), shared with every adapter.
 */
import {
  createTokenRoute,
  DEFAULT_TOKEN_PATH,
  ErrorCode,
  isRoomlessPath,
  resolveRoutingFlag,
  resolveTokenPath,
  ZegoTokenError,
  type TokenResponse,
  type TokenRoute,
  type TokenRouteOptions,
} from '@zego-token/core';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';

export { DEFAULT_TOKEN_PATH };

/**
 * Options of {@link zegoTokenHandler}: the issuer's options, `getUserId(req)` (typically `req.user?.id` or
 * `req.session.userId`) and `roomParam`. Unknown keys are refused (OPTION_INVALID).
 */
export type ZegoTokenHandlerOptions = TokenRouteOptions<Request>;

/** Options of {@link zegoToken} (and {@link zegoTokenRouter}): the handler's, plus the path to serve and how to match it. */
export interface ZegoTokenOptions extends ZegoTokenHandlerOptions {
  /**
   * The path of the token route: starts with `/` and holds the room parameter (`:roomId`, or `roomParam`'s name), or
   * no parameter at all for identity tokens (ZIM); checked at construction. Default {@link DEFAULT_TOKEN_PATH}.
   */
  path?: string | undefined;
  /**
   * Match the path case-sensitively, as `express.Router({ caseSensitive })`. Default: as the app's router when
   * mounted on the app (`app.use`: its `case sensitive routing` when its router was made), else `true`: inside an
   * `express.Router` the token router cannot see that router's options, so it matches only the exact path.
   */
  caseSensitive?: boolean | undefined;
  /**
   * A trailing slash makes another path, as `express.Router({ strict })`. Default: as the app's router when mounted
   * on the app (its `strict routing` when its router was made), else `true`, for the same reason as `caseSensitive`.
   */
  strict?: boolean | undefined;
}

/** Options of {@link zegoTokenRouter}: the same as {@link zegoToken}'s. */
export type ZegoTokenRouterOptions = ZegoTokenOptions;

function send(res: Response, { status, headers, body }: TokenResponse): void {
  // Another middleware (a timeout, say) may have answered while an async callback was pending.
  if (!res.headersSent) res.status(status).set(headers).json(body);
}

/** Asks the route for `roomId` and sends its answer; failures go to `next` (Express 4 does not catch rejections). */
function respond(route: TokenRoute<Request>, req: Request, res: Response, next: (error: unknown) => void, roomId: unknown): void {
  let answer: TokenResponse | Promise<TokenResponse>;
  try {
    answer = route.answer(req, roomId);
  } catch (error) {
    next(error);
    return;
  }
  if (answer instanceof Promise) answer.then((response) => send(res, response)).catch(next);
  else send(res, answer);
}

/** Express 4 and 5 write a parameter as `:name` (Express 5 also `:"name"`). */
function declaresParam(path: unknown, roomParam: string): boolean {
  if (Array.isArray(path)) return path.some((each) => declaresParam(each, roomParam));
  if (typeof path !== 'string') return false;
  try {
    // resolveTokenPath also takes a path with no parameter (an identity route's): that one declares no room.
    return !isRoomlessPath(resolveTokenPath(path.startsWith('/') ? path : `/${path}`, roomParam));
  } catch {
    return false;
  }
}

/**
 * A request handler that answers with a ZEGO token for the signed-in user and the room in `req.params`, for a
 * route of your own. Options are read and validated here, so a misconfigured server fails at start-up. A route
 * that declares the room parameter as optional (`/t{/:roomId}` in Express 5, `/t/:roomId?` in Express 4) and is
 * requested without one answers like a bad room: 401 when nobody is signed in, else 400 `invalid_room_id`; a route
 * that does not declare it at all is a server error (OPTION_INVALID).
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID without `getUserId` or
 *   with an unknown option.
 *
 * @example
 * ```ts
 * app.get('/rooms/:roomId/token', requireLogin, zegoTokenHandler({ getUserId: (req) => req.user?.id }));
 * ```
 */
export function zegoTokenHandler(options: ZegoTokenHandlerOptions): RequestHandler {
  const route = createTokenRoute<Request>(options);
  const { roomParam } = route;
  // Whether a route declares the room parameter, once per route: its path does not change.
  const declared = new WeakMap<object, boolean>();

  return (req, res, next) => {
    const roomId: unknown = (req.params as Record<string, unknown>)[roomParam];
    if (roomId === undefined) {
      const appRoute = req.route as { path?: unknown } | undefined;
      let declares = appRoute === undefined ? false : declared.get(appRoute);
      if (declares === undefined && appRoute !== undefined) {
        declares = declaresParam(appRoute.path, roomParam);
        declared.set(appRoute, declares);
      }
      if (!declares) {
        next(new ZegoTokenError(ErrorCode.OPTION_INVALID, `the route has no :${roomParam} parameter (see roomParam)`));
        return;
      }
    }
    respond(route, req, res, next, roomId);
  };
}

/** The method Express calls on a router for each request (not in Express's types). */
interface RouterHandle {
  handle: (this: Router, req: Request, res: Response, next: NextFunction) => void;
}

/** The part of an app's router (Express 4's `app._router`, Express 5's `app.router`) read to match as it does. */
interface AppRouter {
  caseSensitive?: unknown;
  strict?: unknown;
  stack?: ReadonlyArray<{ handle?: unknown }>;
}

/**
 * The router of the app serving `req`, made when the app first routed (its options fixed then, as Express does), or
 * `undefined` without an app (an `express.Router` served by hand). Express 4 keeps it in `app._router` (its
 * `app.router` getter throws); Express 5 in `app.router`.
 */
function appRouterOf(req: Request): AppRouter | undefined {
  const app = (req as { app?: unknown }).app;
  if ((typeof app !== 'function' && typeof app !== 'object') || app === null) return undefined;
  const legacy = (app as { _router?: unknown })._router;
  if (typeof legacy === 'function' || (typeof legacy === 'object' && legacy !== null)) return legacy;
  try {
    const router = (app as { router?: unknown }).router;
    return typeof router === 'function' || (typeof router === 'object' && router !== null) ? router : undefined;
  } catch {
    return undefined;
  }
}

/** Express's own 400 for a path it cannot percent-decode (a `URIError` with `status` 400 from its router). */
function isUndecodablePath(error: unknown): boolean {
  return error instanceof URIError && (error as URIError & { status?: number }).status === 400;
}

/**
 * An Express router serving `GET` {@link DEFAULT_TOKEN_PATH} (or `options.path`) and leaving every other request
 * to the rest of the app, `OPTIONS` (a CORS preflight) to the token path included: `app.use(zegoToken({...}))`.
 *
 * It routes as the router that mounts it, so it never serves a URL your guards on that path (a rate limiter on
 * `app.get('/zego/token/:roomId', …)`) did not see. Mounted on an app (`app.use`, a sub-app's too), it matches as
 * that app's router: `case sensitive routing` and `strict routing` as they were when the app's router was made (at
 * its first route or middleware; later changes apply to neither). Inside an `express.Router` it cannot see that
 * router's options, so it matches only the exact path (case-sensitive, strict) unless `caseSensitive` / `strict`
 * say otherwise. The order of answers is the core's: 401, then 400 (a room Express cannot decode included), then 403.
 *
 * @throws {@link ZegoTokenError} for bad options: see `createTokenRoute`; OPTION_INVALID for a `path` that does not
 *   start with `/` or does not hold the room parameter, or a `caseSensitive` / `strict` that is not a boolean.
 *
 * @example
 * ```ts
 * app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
 * app.use(zegoToken({ getUserId: (req) => req.session.userId })); // appId and secret from ZEGO_APP_ID, ZEGO_SERVER_SECRET
 * ```
 */
export function zegoToken(options: ZegoTokenOptions): Router {
  const route = createTokenRoute<Request, 'path' | 'caseSensitive' | 'strict'>(options, ['path', 'caseSensitive', 'strict']);
  const path = resolveTokenPath(route.adapterOptions.path, route.roomParam);
  const givenCaseSensitive = resolveRoutingFlag(route.adapterOptions.caseSensitive, 'caseSensitive');
  const givenStrict = resolveRoutingFlag(route.adapterOptions.strict, 'strict');
  const { roomParam } = route;

  const handler: RequestHandler = (req, res, next) => {
    // The path holds the room parameter, so a missing one is an optional parameter left out: the contract decides.
    respond(route, req, res, next, (req.params as Record<string, unknown>)[roomParam]);
  };
  // The room could not be percent-decoded: no room the client meant. Still 401 before 400, as in every adapter.
  const undecodableRoom: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (isUndecodablePath(error)) respond(route, req, res, next, undefined);
    else next(error);
  };
  // The error handler listens only under the path's static prefix: an error layer that matched every request would
  // make every other request of the app wait a turn of the event loop (a router that matched a layer and ran out
  // of layers defers its exit with setImmediate; one that matched none exits at once).
  const staticPrefix = path.slice(0, path.slice(0, path.search(/[:*?(){}[\]+]/)).lastIndexOf('/')) || '/';
  // The router is made before its host is known, so one per routing mode, picked per request:
  // index bit 1 is case-sensitive, bit 0 strict.
  const routers = [false, true].flatMap((caseSensitive) =>
    [false, true].map((strict) => {
      // mergeParams: the room parameter may also sit in the path the router is mounted at.
      const router = express.Router({ mergeParams: true, caseSensitive, strict });
      router.get(path, handler);
      router.use(staticPrefix, undecodableRoom);
      return router;
    }),
  );
  const modeIndex = (caseSensitive: boolean, strict: boolean): number => (caseSensitive ? 2 : 0) + (strict ? 1 : 0);
  // The router returned is the default mode's, with its `handle` (what Express calls) handing each request to the
  // router of the host's mode. Not a router inside a router: a router that matched a layer and ran out of them exits
  // on the next turn of the event loop, and an outer router always matches its dispatching layer, so nesting would
  // cost every other request of the app a turn.
  const [router] = routers as [Router, ...Router[]];
  const handle = (Object.getPrototypeOf(router) as RouterHandle).handle;
  // The mode for each app router seen, decided at its first request: whether the token router sits in its stack
  // (mounted on the app: match as the app's router) or deeper (an express.Router whose options are out of sight).
  const modeByAppRouter = new WeakMap<object, number>();
  const exactMode = modeIndex(givenCaseSensitive ?? true, givenStrict ?? true);
  function modeOf(req: Request): number {
    const appRouter = appRouterOf(req);
    if (appRouter === undefined || (givenCaseSensitive !== undefined && givenStrict !== undefined)) return exactMode;
    let mode = modeByAppRouter.get(appRouter);
    if (mode === undefined) {
      const onTheApp = appRouter.stack?.some((layer) => layer.handle === router) === true;
      mode = onTheApp
        ? modeIndex(givenCaseSensitive ?? appRouter.caseSensitive === true, givenStrict ?? appRouter.strict === true)
        : exactMode;
      modeByAppRouter.set(appRouter, mode);
    }
    return mode;
  }
  Object.defineProperty(router, 'handle', {
    configurable: true,
    writable: true,
    value(this: unknown, req: Request, res: Response, next: NextFunction): void {
      // A preflight is the app's (its CORS handler's): a router that matched the path would answer it itself.
      if (req.method === 'OPTIONS') {
        next();
        return;
      }
      handle.call(routers[modeOf(req)]!, req, res, next);
    },
  });
  return router;
}

/**
 * The same as {@link zegoToken}: the name every adapter gives its router factory.
 *
 * @example
 * ```ts
 * app.use('/api', zegoTokenRouter({ getUserId: (req) => req.user?.id })); // GET /api/zego/token/:roomId
 * ```
 */
export const zegoTokenRouter: (options: ZegoTokenRouterOptions) => Router = zegoToken;
