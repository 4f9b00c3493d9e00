import { ENVIRONMENT_VARIABLES, variableFromSource, type EnvironmentSource } from '../lib/environment.js';
import { describe, ErrorCode, invalid } from '../lib/errors.js';
import { optionsReader, type OptionNames, type ReadOptions } from '../lib/options.js';
import { ISSUER_OPTION_NAMES, type IssuerEnvironment, type IssuerSettings, type ReadIssuerOptions } from './issuer-config.js';
import { compileTokenPath, type TokenPath } from './token-path.js';
import type { MaybePromise, TokenIssuer, TokenIssuerOptions } from './token-issuer.js';
import { METHOD_NOT_ALLOWED_RESPONSE, NOT_FOUND_RESPONSE, type TokenResponse } from './token-response.js';

/** The room parameter the adapters read unless told otherwise. */
export const DEFAULT_ROOM_PARAM = 'roomId';

/** Options shared by every framework adapter: the issuer's, plus where the user and the room come from. */
export interface TokenRouteOptions<Request = unknown> extends TokenIssuerOptions<Request> {
  /**
   * Who is asking, from your own authentication (a session, passport's `req.user`, a verified JWT in
   * `ctx.state.user`, …). Return `null`, `undefined` or `''` when nobody is signed in: the route answers 401.
   * May be async; a throw or rejection goes to the framework's error handling.
   */
  getUserId: (request: Request) => MaybePromise<string | number | null | undefined>;
  /** The route parameter holding the room ID. Default {@link DEFAULT_ROOM_PARAM} (`'roomId'`). */
  roomParam?: string | undefined;
}

/**
 * A token route without a framework: an adapter hands it the request and the room (or the request's path, which the
 * route matches itself) and sends what it answers.
 */
export interface TokenRoute<
  Request = unknown,
  AdapterOption extends string = never,
  Issuer extends TokenIssuer<Request> = TokenIssuer<Request>,
> {
  readonly roomParam: string;
  /**
   * A room-less (identity) route: the adapter declared `path` and it holds no parameter. The route then ignores
   * `roomId` and serves identity tokens (04, empty payload) with the body `{ token, appId, userId, version, issuedAt,
   * expiresAt }`; options that need a room were refused at construction.
   */
  readonly roomless: boolean;
  /**
   * Whether a token answer carries `kitToken` after `token` (the route was given `getUserName`): for an adapter that
   * declares the body's shape to its framework (Fastify's response schema).
   */
  readonly kitTokens: boolean;
  /**
   * The adapter's own options (the names it passed to {@link createTokenRoute}), each read once from the caller's
   * object; `undefined` where not given. Frozen.
   */
  readonly adapterOptions: { readonly [Name in AdapterOption]: unknown };
  /**
   * With `'path'` among the adapter's options: the `path` option (or {@link DEFAULT_TOKEN_PATH}) compiled by
   * {@link compileTokenPath}, the one matcher every adapter routes with. `undefined` on a route without a path of
   * its own (a handler for the host's route, which reads the room from the host's parameters).
   */
  readonly path: 'path' extends AdapterOption ? TokenPath : undefined;
  /**
   * Asks `getUserId` who sent `request` and answers for `roomId` (`undefined` when the request has none: 401 for
   * nobody, else 400 `invalid_room_id`); may throw or reject (the framework's error path). `host`, when given, is
   * handed to `getUserId` (and `getUserName`) as its second argument (the fetch adapter's `env`), and is where a route made with
   * {@link TokenRouteSettings.environmentFromHost} finds its credentials.
   */
  answer(request: Request, roomId: unknown, host?: unknown): ReturnType<Issuer['issue']>;
  /**
   * The whole answer of an adapter that routes requests itself (the fetch handler), for a request's method and raw
   * pathname: 404 `not_found` unless {@link path} matches the pathname exactly, 405 `method_not_allowed` for a
   * method other than GET and HEAD, else {@link answer} with the path's room. Only on a route with `'path'` among
   * the adapter's options.
   */
  readonly respond: 'path' extends AdapterOption
    ? (request: Request, method: string, pathname: string, host?: unknown) => TokenResponse | ReturnType<Issuer['issue']>
    : undefined;
}

/** How {@link createTokenRoute} resolves, beyond the options themselves. */
export interface TokenRouteSettings {
  /**
   * Where the host hands each request its configuration (a Cloudflare Worker's `env`, given to `answer` and
   * `respond` as `host`): `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` (string values), for options not given, are read
   * there first, then (node:crypto build) in `process.env`. The issuer is made at construction when the options and
   * `process.env` hold both; otherwise every other option is still checked at construction, and the issuer is made
   * at the first request. It is made again only when a host brings other values (a new deployment), never per request.
   */
  readonly environmentFromHost?: boolean | undefined;
}

/** The names of a token route's options: the issuer's, `getUserId` and `roomParam` (lib/options.ts). */
const ROUTE_OPTION_NAMES: OptionNames<TokenRouteOptions> = { ...ISSUER_OPTION_NAMES, getUserId: true, roomParam: true };

const readRouteOptions = optionsReader<TokenRouteOptions>(ROUTE_OPTION_NAMES);
const readSettings = optionsReader<TokenRouteSettings>({ environmentFromHost: true }, { option: 'settings', noun: 'setting' });

/** A route's options and an adapter's own, as read (the rule of every function that takes options: lib/options.ts). */
type ReadTokenRouteOptions<AdapterOption extends string> = ReadOptions<TokenRouteOptions> & {
  readonly [Name in AdapterOption]: unknown;
};

/** Reads a route's options, with an adapter's own names beside the route's, once, at construction. */
function readTokenRouteOptions<AdapterOption extends string>(
  options: unknown,
  adapterOptionNames: readonly AdapterOption[],
): ReadTokenRouteOptions<AdapterOption> {
  const reader =
    adapterOptionNames.length === 0
      ? readRouteOptions
      : optionsReader<TokenRouteOptions>({ ...ROUTE_OPTION_NAMES, ...Object.fromEntries(adapterOptionNames.map((name) => [name, true])) });
  return reader(options) as ReadTokenRouteOptions<AdapterOption>;
}

/** What {@link buildTokenRoute} needs of a build of the core (node:crypto's or Web Crypto's). */
export interface IssuerFactory<Issuer> {
  /** Makes the issuer over the options read, for the route's settings (a host's variables, a room-less route). */
  make(read: ReadIssuerOptions, settings: IssuerSettings): Issuer;
  /** Where this build finds `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` without a host. */
  readonly environment: IssuerEnvironment;
  /** Every answer a promise, a callback's synchronous throw included (the Web Crypto build). */
  readonly async: boolean;
}

// Stand-in credentials, to check every other option at construction where only a host brings the real ones.
const STAND_IN: EnvironmentSource = Object.freeze({ [ENVIRONMENT_VARIABLES.appId]: '1', [ENVIRONMENT_VARIABLES.secret]: '0'.repeat(32) });

/** The issuer for each request's host: remade only when the host's credentials differ from the last ones. */
function issuerPerHost<Issuer>(makeFor: (environment: EnvironmentSource | undefined) => Issuer, known: boolean): (host: unknown) => Issuer {
  // Without the credentials yet, an issuer on stand-ins checks every other option now; the real one waits for a host.
  if (!known) makeFor(STAND_IN);
  let current: Issuer | undefined = known ? makeFor(undefined) : undefined;
  let currentKey = '\n'; // no value from a host
  return (host) => {
    const source = typeof host === 'object' && host !== null ? (host as EnvironmentSource) : undefined;
    const appId = variableFromSource(source, ENVIRONMENT_VARIABLES.appId);
    const secret = variableFromSource(source, ENVIRONMENT_VARIABLES.secret);
    const key = `${appId ?? ''}\n${secret ?? ''}`;
    if (current === undefined || key !== currentKey) {
      current = makeFor(key === '\n' ? undefined : { [ENVIRONMENT_VARIABLES.appId]: appId, [ENVIRONMENT_VARIABLES.secret]: secret });
      currentKey = key;
    }
    return current;
  };
}

/**
 * `createTokenRoute` over a build's issuer factory: reading, checking, routing and wiring are the same in every
 * build; only the issuer (node:crypto's or Web Crypto's) differs.
 */
export function buildTokenRoute<Request, AdapterOption extends string, Issuer extends TokenIssuer<Request>>(
  factory: IssuerFactory<Issuer>,
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[],
  settings: TokenRouteSettings,
): TokenRoute<Request, AdapterOption, Issuer> {
  const read = readTokenRouteOptions(options, adapterOptionNames);
  const { environmentFromHost } = readSettings(settings);
  if (environmentFromHost !== undefined && typeof environmentFromHost !== 'boolean') {
    throw invalid(ErrorCode.OPTION_INVALID, 'settings.environmentFromHost', 'must be a boolean', describe(environmentFromHost));
  }
  const getUserId = read.getUserId;
  if (typeof getUserId !== 'function') {
    throw invalid(ErrorCode.OPTION_INVALID, 'getUserId', 'must be a function returning the signed-in user ID', describe(getUserId));
  }
  const roomParam = read.roomParam === undefined ? DEFAULT_ROOM_PARAM : read.roomParam;
  if (typeof roomParam !== 'string' || roomParam === '') {
    throw invalid(ErrorCode.OPTION_INVALID, 'roomParam', 'must be a non-empty string', describe(roomParam));
  }
  // An adapter that declares `path` serves it: compiled now, and it decides the route's kind.
  const hasPath = (adapterOptionNames as readonly string[]).includes('path');
  const tokenPath = hasPath ? compileTokenPath((read as Record<string, unknown>)['path'], roomParam) : undefined;
  const roomless = tokenPath?.roomless === true;
  const makeFor = (environment: EnvironmentSource | undefined): Issuer => factory.make(read, { environment, roomless });
  const userOf = getUserId as (request: Request, host?: unknown) => unknown;

  type Answer = ReturnType<Issuer['issue']>;
  let answer: (request: Request, roomId: unknown, host?: unknown) => Answer;
  if (environmentFromHost === true) {
    const { environment } = factory;
    const known =
      (read.appId !== undefined || environment.variable(ENVIRONMENT_VARIABLES.appId, undefined) !== undefined) &&
      (read.secret !== undefined || environment.variable(ENVIRONMENT_VARIABLES.secret, undefined) !== undefined);
    const issuerOf = issuerPerHost(makeFor, known);
    answer = (request, roomId, host) =>
      issuerOf(host).issue({ userId: host === undefined ? userOf(request) : userOf(request, host), roomId, request, host }) as Answer;
  } else {
    const issuer = makeFor(undefined);
    answer = (request, roomId, host) =>
      issuer.issue({ userId: host === undefined ? userOf(request) : userOf(request, host), roomId, request, host }) as Answer;
  }
  if (factory.async) {
    const settle = answer;
    // A synchronous throw (of getUserId, say) becomes a rejection.
    answer = (async (request: Request, roomId: unknown, host?: unknown) => settle(request, roomId, host)) as typeof answer;
  }

  const adapterOptions = Object.create(null) as Record<AdapterOption, unknown>;
  for (const name of adapterOptionNames) adapterOptions[name] = (read as Record<string, unknown>)[name];
  const respond =
    tokenPath === undefined
      ? undefined
      : (request: Request, method: string, pathname: string, host?: unknown): TokenResponse | Answer => {
          const room = tokenPath.match(pathname);
          if (room === false) return NOT_FOUND_RESPONSE;
          if (method !== 'GET' && method !== 'HEAD') return METHOD_NOT_ALLOWED_RESPONSE;
          return answer(request, room, host);
        };
  return Object.freeze({
    roomParam,
    roomless,
    kitTokens: read.getUserName !== undefined,
    adapterOptions: Object.freeze(adapterOptions),
    path: tokenPath,
    answer,
    respond,
  }) as TokenRoute<Request, AdapterOption, Issuer>;
}
