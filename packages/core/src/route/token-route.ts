import type { EnvironmentSource } from '../lib/environment.js';
import { describe, ErrorCode, invalid } from '../lib/errors.js';
import { optionsReader, type OptionNames, type ReadOptions } from '../lib/options.js';
import { ISSUER_OPTION_NAMES, type IssuerSettings, type ReadIssuerOptions } from './issuer-config.js';
import { isRoomlessPath, resolveTokenPath } from './token-path.js';
import type { MaybePromise, TokenIssuer, TokenIssuerOptions } from './token-issuer.js';

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

/** A token route without a framework: an adapter reads the room parameter and sends what `answer` returns. */
export interface TokenRoute<
  Request = unknown,
  AdapterOption extends string = never,
  Issuer extends TokenIssuer<Request> = TokenIssuer<Request>,
> {
  readonly issuer: Issuer;
  readonly roomParam: string;
  /**
   * A room-less (identity) route: the adapter declared `path` and it holds no parameter. The route then ignores
   * `roomId` and serves identity tokens (04, empty payload) with the body `{ token, appId, userId, version, issuedAt,
   * expiresAt }`; options that need a room were refused at construction.
   */
  readonly roomless: boolean;
  /**
   * The adapter's own options (the names it passed to {@link createTokenRoute}), each read once from the caller's
   * object; `undefined` where not given. Frozen; the adapter validates them (`path` with {@link resolveTokenPath}).
   */
  readonly adapterOptions: { readonly [Name in AdapterOption]: unknown };
  /**
   * Asks `getUserId` who sent `request` and answers for `roomId` (`undefined` when the request has none: 401 for
   * nobody, else 400 `invalid_room_id`); may throw or reject (the framework's error path). `host`, when given, is
   * handed to `getUserId` as its second argument (the fetch adapter's `env`).
   */
  answer(request: Request, roomId: unknown, host?: unknown): ReturnType<Issuer['issue']>;
}

/** How {@link createTokenRoute} resolves, beyond the options themselves. */
export interface TokenRouteSettings {
  /**
   * Variables consulted before `process.env` for `appId` and `secret` when the options do not give them: a
   * Cloudflare Worker's `env` (`ZEGO_APP_ID`, `ZEGO_SERVER_SECRET`; string values only).
   */
  readonly environment?: EnvironmentSource | undefined;
}

/** The names of a token route's options: the issuer's, `getUserId` and `roomParam` (lib/options.ts). */
const ROUTE_OPTION_NAMES: OptionNames<TokenRouteOptions> = { ...ISSUER_OPTION_NAMES, getUserId: true, roomParam: true };

const readRouteOptions = optionsReader<TokenRouteOptions>(ROUTE_OPTION_NAMES);
const readSettings = optionsReader<TokenRouteSettings>({ environment: true }, { option: 'settings', noun: 'setting' });

/** A route's options and an adapter's own, as read: see {@link readTokenRouteOptions}. */
export type ReadTokenRouteOptions<AdapterOption extends string = never> = ReadOptions<TokenRouteOptions> & {
  readonly [Name in AdapterOption]: unknown;
};

/**
 * Reads a token route's options once, into a frozen record, by the rule of every function that takes options (a
 * plain object, its own keys, each read once, an unknown key refused naming the option meant). `createTokenRoute`
 * reads its options so; an adapter that builds its route more than once (the fetch handler, per Worker `env`) reads
 * them once with this and hands the record to each `createTokenRoute`, so a getter of the caller's runs once.
 *
 * @param options - the options the user gave the adapter's factory
 * @param adapterOptionNames - the adapter's own option names (`['path']`, say), read along with the rest
 * @throws {@link ZegoTokenError} OPTION_INVALID for options that are not a plain object, an unknown key, or an
 *   option answered but not held as an own property.
 *
 * @example
 * ```ts
 * const read = readTokenRouteOptions(options, ['path']);
 * const route = createTokenRoute(read, ['path'], { environment: env });
 * ```
 */
export function readTokenRouteOptions<AdapterOption extends string = never>(
  options: unknown,
  adapterOptionNames: readonly AdapterOption[] = [],
): ReadTokenRouteOptions<AdapterOption> {
  // An adapter's names join the route's; read at construction, so making their reader here costs no request anything.
  const reader =
    adapterOptionNames.length === 0
      ? readRouteOptions
      : optionsReader<TokenRouteOptions>({ ...ROUTE_OPTION_NAMES, ...Object.fromEntries(adapterOptionNames.map((name) => [name, true])) });
  // Kept by the route, or by an adapter that builds routes from it: frozen, so it stays what was read.
  return Object.freeze(reader(options)) as ReadTokenRouteOptions<AdapterOption>;
}

/**
 * `createTokenRoute` with `makeIssuer`, which turns the options read (and the issuer settings: host environment,
 * room-less route) into an issuer, node:crypto's or Web Crypto's: reading, checking and wiring are the same on both.
 */
export function buildTokenRoute<Request, AdapterOption extends string, Issuer extends TokenIssuer<Request>>(
  makeIssuer: (read: ReadIssuerOptions, settings: IssuerSettings) => Issuer,
  options: TokenRouteOptions<Request>,
  adapterOptionNames: readonly AdapterOption[],
  settings: TokenRouteSettings,
): TokenRoute<Request, AdapterOption, Issuer> {
  const read = readTokenRouteOptions(options, adapterOptionNames);
  const { environment } = readSettings(settings);
  const getUserId = read.getUserId;
  if (typeof getUserId !== 'function') {
    throw invalid(ErrorCode.OPTION_INVALID, 'getUserId', 'must be a function returning the signed-in user ID', describe(getUserId));
  }
  const roomParam = read.roomParam === undefined ? DEFAULT_ROOM_PARAM : read.roomParam;
  if (typeof roomParam !== 'string' || roomParam === '') {
    throw invalid(ErrorCode.OPTION_INVALID, 'roomParam', 'must be a non-empty string', describe(roomParam));
  }
  // A path given to an adapter that declares `path` decides the route's kind (the default path holds the room).
  const path = (adapterOptionNames as readonly string[]).includes('path') ? (read as Record<string, unknown>)['path'] : undefined;
  const roomless = path !== undefined && isRoomlessPath(resolveTokenPath(path, roomParam));
  const issuer = makeIssuer(read, { environment: environment as EnvironmentSource | undefined, roomless });
  const adapterOptions = Object.create(null) as Record<AdapterOption, unknown>;
  for (const name of adapterOptionNames) adapterOptions[name] = read[name];
  const userOf = getUserId as (request: Request, host?: unknown) => unknown;
  return Object.freeze({
    issuer,
    roomParam,
    roomless,
    adapterOptions: Object.freeze(adapterOptions),
    answer: (request: Request, roomId: unknown, host?: unknown) =>
      issuer.issue({ userId: host === undefined ? userOf(request) : userOf(request, host), roomId, request }) as ReturnType<
        Issuer['issue']
      >,
  });
}
