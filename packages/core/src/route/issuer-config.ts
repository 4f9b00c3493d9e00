/**
 * The issuer's option resolution, its own step: options in, a frozen configuration out. Every option is honoured
 * or refused here, at construction; the per-request path (token-issuer.ts) reads only the configuration.
 */
import { assertAppId, assertSecret, describe, MAX_APP_ID } from '../lib/assertions.js';
import type { TokenMode, TokenVersion } from '../format/envelope.js';
import { ErrorCode, invalid, ZegoTokenError, type ErrorCodeValue } from '../lib/errors.js';
import { optionsReader, type OptionNames, type OptionsReader, type ReadOptions } from '../lib/options.js';
import { ENVIRONMENT_VARIABLES, type EnvironmentSource, type EnvironmentVariable } from '../lib/environment.js';
import { resolveTokenKind } from '../tokens/token-kind.js';
import { assertLifetime, MAX_CLIENT_LIFETIME_SECONDS } from '../tokens/lifetime.js';
import { isPlainObject } from '../lib/objects.js';
import { toPrivilegeJson, type PrivilegeJson } from '../tokens/privilege.js';
import { toStreamIdList } from '../tokens/stream-id.js';
import type { TokenCrypto, TokenKey } from '../format/token-crypto.js';
import type { TokenIssuerOptions } from './token-issuer.js';

/** The default token lifetime of the issuer: one hour, as in ZEGO's samples. */
export const DEFAULT_EFFECTIVE_TIME_IN_SECONDS = 3600;

/** The names of `createTokenIssuer`'s options: all an options object may hold (lib/options.ts). */
export const ISSUER_OPTION_NAMES: OptionNames<TokenIssuerOptions> = {
  appId: true,
  secret: true,
  version: true,
  mode: true,
  effectiveTimeInSeconds: true,
  allowLongLifetime: true,
  roomPayload: true,
  privilege: true,
  streamIdList: true,
  validateRoomId: true,
  getUserName: true,
};

/** Reads `createTokenIssuer`'s options once into a frozen record (lib/options.ts). */
export const readIssuerOptions: OptionsReader<TokenIssuerOptions> = optionsReader<TokenIssuerOptions>(ISSUER_OPTION_NAMES);

/** The issuer's options as read: what {@link resolveTokenIssuerConfig} resolves. */
export type ReadIssuerOptions = ReadOptions<TokenIssuerOptions>;

/** A callback of the request: its result is checked per request by the issuer. */
type Resolver = (context: never) => unknown;

/**
 * Where an issuer finds `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` for options not given: in a host's `source` (a
 * Worker's `env`) and, on node:crypto's platform, then in `process.env` (node/environment.ts); the Web Crypto
 * build reads only the source.
 */
export interface IssuerEnvironment {
  /** The variable's value, or `undefined` when unset or empty. */
  variable(name: EnvironmentVariable, source: EnvironmentSource | undefined): string | undefined;
  /** Whether `process.env` is read too. */
  readonly processEnv: boolean;
}

/**
 * What an issuer runs on: a platform's cryptography (node:crypto's, synchronous, or Web Crypto's, `Sealed` a
 * promise) and, where it has one, the process environment.
 */
export interface IssuerPlatform<Sealed> {
  readonly crypto: TokenCrypto<Sealed, unknown>;
  readonly environment: IssuerEnvironment;
}

/** The issuer's configuration: validated, defaulted and frozen. Nothing here is the caller's object. */
export interface TokenIssuerConfig<Sealed = string> {
  readonly appId: number;
  readonly crypto: TokenCrypto<Sealed, unknown>;
  /** The cipher bound to the secret, set up once. */
  readonly key: TokenKey<Sealed, unknown>;
  readonly version: TokenVersion;
  readonly mode: TokenMode;
  readonly effectiveTimeInSeconds: number;
  readonly roomPayload: boolean;
  /** A room-less (identity) route: tokens carry no room, and requests name none. */
  readonly roomless: boolean;
  /** A fixed privilege in ZEGO's wire form, `false` (always 403), or a resolver called per request. */
  readonly privilege: Readonly<PrivilegeJson> | false | Resolver;
  /** A fixed, frozen stream list, `null` (any stream), or a resolver called per request. */
  readonly streamIdList: readonly string[] | null | Resolver;
  readonly validateRoomId: ((roomId: string) => unknown) | undefined;
  /** Given, every token answer carries a kit token for UIKit, with the name it gives (checked per request). */
  readonly getUserName: ((request: never, host?: unknown) => unknown) | undefined;
}


/** The error for an option given neither as an option nor (where one is read) by its environment variable. */
function missing(
  code: ErrorCodeValue,
  option: 'appId' | 'secret',
  environment: IssuerEnvironment,
  source: EnvironmentSource | undefined,
): ZegoTokenError {
  const hint = environment.processEnv || source !== undefined ? `pass ${option} or set ${ENVIRONMENT_VARIABLES[option]}` : `pass ${option}`;
  return invalid(code, option, `is missing: ${hint}`);
}

function resolveAppId(appId: unknown, environment: IssuerEnvironment, source: EnvironmentSource | undefined): number {
  if (appId !== undefined) {
    assertAppId(appId);
    return appId;
  }
  const fromEnv = environment.variable(ENVIRONMENT_VARIABLES.appId, source);
  if (fromEnv === undefined) throw missing(ErrorCode.APP_ID_INVALID, 'appId', environment, source);
  const parsed = /^[0-9]+$/.test(fromEnv) ? Number(fromEnv) : Number.NaN;
  try {
    assertAppId(parsed);
  } catch {
    throw new ZegoTokenError(ErrorCode.APP_ID_INVALID, `${ENVIRONMENT_VARIABLES.appId} must be an integer from 1 to ${MAX_APP_ID}`);
  }
  return parsed;
}

function resolveSecret<Sealed>(
  secret: unknown,
  platform: IssuerPlatform<Sealed>,
  source: EnvironmentSource | undefined,
): TokenKey<Sealed, unknown> {
  const value = secret === undefined ? platform.environment.variable(ENVIRONMENT_VARIABLES.secret, source) : secret;
  if (value === undefined || value === '') throw missing(ErrorCode.SECRET_INVALID, 'secret', platform.environment, source);
  // Named as where it came from: a secret read from the environment is refused as ZEGO_SERVER_SECRET.
  assertSecret(value, secret === undefined ? ENVIRONMENT_VARIABLES.secret : 'secret');
  return platform.crypto.keyFor(value);
}

/** How {@link resolveTokenIssuerConfig} resolves, beyond the options themselves. */
export interface IssuerSettings {
  /** Variables consulted before `process.env` for `appId` and `secret` not given (a Worker's `env`). */
  readonly environment?: EnvironmentSource | undefined;
  /** A room-less (identity) route: see {@link TokenIssuerConfig.roomless}. */
  readonly roomless?: boolean | undefined;
}

/**
 * The lifetime of every token: `effectiveTimeInSeconds` (default one hour) as every writer takes it (lifetime.ts),
 * and at most 24 days unless `allowLongLifetime` is `true`: ZIM refuses longer tokens, and the Web SDK's renewal
 * timer stops at 24.86 days.
 */
function resolveLifetime(options: ReadIssuerOptions): number {
  const { allowLongLifetime } = options;
  if (allowLongLifetime !== undefined && typeof allowLongLifetime !== 'boolean') {
    throw invalid(ErrorCode.OPTION_INVALID, 'allowLongLifetime', 'must be a boolean', describe(allowLongLifetime));
  }
  const seconds = options.effectiveTimeInSeconds === undefined ? DEFAULT_EFFECTIVE_TIME_IN_SECONDS : options.effectiveTimeInSeconds;
  assertLifetime(seconds);
  if (seconds > MAX_CLIENT_LIFETIME_SECONDS && allowLongLifetime !== true) {
    throw invalid(
      ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID,
      'effectiveTimeInSeconds',
      `is over 24 days (${MAX_CLIENT_LIFETIME_SECONDS} s), which ZIM refuses and the Web SDK's renewal timer cannot wait for: issue shorter tokens and renew them (tokenWillExpire), or pass allowLongLifetime: true if no client of yours is ZIM or the Web SDK`,
      String(seconds),
    );
  }
  return seconds;
}

/** On a room-less route there is no room to bind a token to: each of these options would be silently dropped. */
function refuseRoomOptions(options: ReadIssuerOptions): void {
  const refuse = (option: keyof ReadIssuerOptions, what: string): never => {
    throw invalid(ErrorCode.OPTION_INVALID, option, `${what}needs a room: a path without the room parameter serves identity tokens (04, no payload)`);
  };
  if (options.privilege !== undefined && typeof options.privilege !== 'function') refuse('privilege', 'fixed ');
  if (options.streamIdList !== undefined && options.streamIdList !== null) refuse('streamIdList', '');
  if (options.validateRoomId !== undefined) refuse('validateRoomId', '');
  if (options.version === '03') refuse('version', "'03' ");
  if (options.roomPayload === true) refuse('roomPayload', 'true ');
}

/**
 * Turns the options {@link readIssuerOptions} read into the issuer's frozen configuration. Only `undefined` means "not
 * given": a `null` is a mistake to report, not a request for the default (except `streamIdList: null`, any stream).
 *
 * @throws {@link ZegoTokenError} APP_ID_INVALID, SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID (see
 *   {@link resolveLifetime}),
 *   PRIVILEGE_INVALID (a fixed privilege), PAYLOAD_INVALID (a fixed stream list) or OPTION_INVALID (another option,
 *   `getUserName` not a function, or, on a room-less route, an option that needs a room).
 */
export function resolveTokenIssuerConfig<Sealed>(
  options: ReadIssuerOptions,
  platform: IssuerPlatform<Sealed>,
  settings: IssuerSettings = {},
): TokenIssuerConfig<Sealed> {
  const roomless = settings.roomless === true;
  if (roomless) refuseRoomOptions(options);
  const appId = resolveAppId(options.appId, platform.environment, settings.environment);
  const key = resolveSecret(options.secret, platform, settings.environment);
  const effectiveTimeInSeconds = resolveLifetime(options);

  const { version, mode } = resolveTokenKind(options.version, options.mode);
  const roomPayload = options.roomPayload === undefined ? !roomless : options.roomPayload;
  if (typeof roomPayload !== 'boolean') throw invalid(ErrorCode.OPTION_INVALID, 'roomPayload', 'must be a boolean', describe(roomPayload));
  if (version === '03' && !roomPayload) throw invalid(ErrorCode.OPTION_INVALID, 'roomPayload', "must be true with version '03': 03 tokens always carry their room");

  const { privilege, streamIdList, validateRoomId, getUserName } = options;
  // Fixed values are validated now; a resolver's results are validated per request.
  const resolvedPrivilege: TokenIssuerConfig<Sealed>['privilege'] =
    typeof privilege === 'function' ? (privilege as Resolver) : privilege === false ? false : Object.freeze(toPrivilegeJson(privilege));
  // toStreamIdList copies: the caller's array may change later, and what was validated must be what is used.
  const resolvedStreams: TokenIssuerConfig<Sealed>['streamIdList'] =
    typeof streamIdList === 'function' ? (streamIdList as Resolver) : toStreamIdList(streamIdList);
  if (streamIdList !== undefined && streamIdList !== null && !(version === '04' && roomPayload)) {
    throw invalid(ErrorCode.OPTION_INVALID, 'streamIdList', 'needs version 04 tokens with roomPayload');
  }
  // Without a room payload a 04 token carries no privilege: a fixed one would be silently dropped.
  if (!roomPayload && privilege !== undefined && privilege !== false && typeof privilege !== 'function') {
    throw invalid(ErrorCode.OPTION_INVALID, 'privilege', 'needs roomPayload when fixed: with roomPayload false, tokens carry none');
  }
  if (validateRoomId !== undefined && typeof validateRoomId !== 'function') {
    throw invalid(ErrorCode.OPTION_INVALID, 'validateRoomId', 'must be a function', describe(validateRoomId));
  }
  if (getUserName !== undefined && typeof getUserName !== 'function') {
    throw invalid(ErrorCode.OPTION_INVALID, 'getUserName', 'must be a function returning the user name (or null)', describe(getUserName));
  }
  return Object.freeze({
    appId,
    crypto: platform.crypto,
    key,
    version,
    mode,
    effectiveTimeInSeconds,
    roomPayload,
    roomless,
    privilege: resolvedPrivilege,
    streamIdList: resolvedStreams,
    validateRoomId: validateRoomId as TokenIssuerConfig<Sealed>['validateRoomId'],
    getUserName: getUserName as TokenIssuerConfig<Sealed>['getUserName'],
  });
}

/**
 * What a privilege resolver may give: a privilege or `false`. Anything else is a server error, never a token. Without
 * a room payload (`roomPayload: false`, or a room-less identity route) a token carries no privilege, so there only
 * `false` or a privilege that restricts nothing (login and publish) can be honoured: any other is a server error,
 * never a token without it.
 */
export function resolvedPrivilege(value: unknown, roomPayload: boolean): PrivilegeJson | false {
  if (value === false) return false;
  if (!isPlainObject(value)) {
    throw new ZegoTokenError(
      ErrorCode.PRIVILEGE_INVALID,
      `the privilege resolver must return a privilege ({ login?, publish? } or { 1, 2 }) or false. Received ${describe(value)}${value === undefined ? ' (a missing return?)' : ''}`,
    );
  }
  const privilege = toPrivilegeJson(value);
  if (!roomPayload && (privilege['1'] !== 1 || privilege['2'] !== 1)) {
    throw new ZegoTokenError(
      ErrorCode.PRIVILEGE_INVALID,
      'the privilege resolver restricted a token that carries no privilege (roomPayload: false, or a room-less route): return false to refuse, or a room-bound token',
    );
  }
  return privilege;
}

/** What a stream list resolver may give: an array of stream IDs or `null`. Anything else is a server error. */
export function resolvedStreamIdList(value: unknown): readonly string[] | null {
  if (value === undefined) {
    throw new ZegoTokenError(
      ErrorCode.PAYLOAD_INVALID,
      'the streamIdList resolver must return an array of stream IDs or null (any stream). Received undefined (a missing return?)',
    );
  }
  return toStreamIdList(value);
}
