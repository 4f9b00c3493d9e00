/**
 * The issuer's option resolution, its own step: options in, a frozen configuration out. Every option is honoured
 * or refused here, at construction; the per-request path (token-issuer.ts) reads only the configuration.
 */
import type { KeyObject } from 'node:crypto';
import { assertAppId, assertEffectiveTime, describe } from '../lib/assertions.js';
import type { TokenMode, TokenVersion } from '../format/envelope.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { optionInvalid, type ReadOptions } from '../lib/options.js';
import { appIdFromEnvironment, secretFromEnvironment, type EnvironmentSource } from '../lib/environment.js';
import { resolveTokenKind } from '../tokens/token-kind.js';
import { isPlainObject, toPrivilegeJson, type PrivilegeJson } from '../tokens/privilege.js';
import { toStreamIdList } from '../tokens/stream-id.js';
import { secretKey } from '../format/secret-key.js';

/** The default token lifetime of the issuer: one hour, as in ZEGO's samples. */
export const DEFAULT_EFFECTIVE_TIME_IN_SECONDS = 3600;

/** The names of `createTokenIssuer`'s options: what `readOptions` looks up, and all an options object may hold. */
export const ISSUER_OPTION_NAMES = [
  'appId',
  'secret',
  'version',
  'mode',
  'effectiveTimeInSeconds',
  'roomPayload',
  'privilege',
  'streamIdList',
  'validateRoomId',
] as const;

/** One of {@link ISSUER_OPTION_NAMES}. */
export type IssuerOptionName = (typeof ISSUER_OPTION_NAMES)[number];

/** A callback of the request: its result is checked per request by the issuer. */
type Resolver = (context: never) => unknown;

/** The issuer's configuration: validated, defaulted and frozen. Nothing here is the caller's object. */
export interface TokenIssuerConfig {
  readonly appId: number;
  readonly key: KeyObject;
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
}


function resolveAppId(appId: unknown, environment: EnvironmentSource | undefined): number {
  if (appId !== undefined) {
    assertAppId(appId);
    return appId;
  }
  const fromEnv = appIdFromEnvironment(environment);
  if (fromEnv === undefined) {
    throw new ZegoTokenError(ErrorCode.APP_ID_INVALID, 'appId is missing: pass appId or set ZEGO_APP_ID');
  }
  const parsed = /^[0-9]+$/.test(fromEnv) ? Number(fromEnv) : Number.NaN;
  try {
    assertAppId(parsed);
  } catch {
    throw new ZegoTokenError(ErrorCode.APP_ID_INVALID, 'ZEGO_APP_ID must be an integer from 1 to 4294967295');
  }
  return parsed;
}

function resolveSecret(secret: unknown, environment: EnvironmentSource | undefined): KeyObject {
  const value = secret === undefined ? secretFromEnvironment(environment) : secret;
  if (value === undefined || value === '') {
    throw new ZegoTokenError(ErrorCode.SECRET_INVALID, 'secret is missing: pass secret or set ZEGO_SERVER_SECRET');
  }
  return secretKey(value);
}

/** How {@link resolveTokenIssuerConfig} resolves, beyond the options themselves. */
export interface IssuerSettings {
  /** Variables consulted before `process.env` for `appId` and `secret` not given (a Worker's `env`). */
  readonly environment?: EnvironmentSource | undefined;
  /** A room-less (identity) route: see {@link TokenIssuerConfig.roomless}. */
  readonly roomless?: boolean | undefined;
}

/** On a room-less route there is no room to bind a token to: each of these options would be silently dropped. */
function refuseRoomOptions(options: ReadOptions<IssuerOptionName>): void {
  const refuse = (what: string): never => {
    throw optionInvalid(`${what} needs a room: a path without the room parameter serves identity tokens (04, no payload)`);
  };
  if (options.privilege !== undefined && typeof options.privilege !== 'function') refuse('a fixed privilege');
  if (options.streamIdList !== undefined && options.streamIdList !== null) refuse('streamIdList');
  if (options.validateRoomId !== undefined) refuse('validateRoomId');
  if (options.version === '03') refuse("version '03'");
  if (options.roomPayload === true) refuse('roomPayload');
}

/**
 * Turns the options `readOptions` read into the issuer's frozen configuration. Only `undefined` means "not given":
 * a `null` is a mistake to report, not a request for the default.
 *
 * @throws {@link ZegoTokenError} APP_ID_INVALID, SECRET_INVALID, EFFECTIVE_TIME_IN_SECONDS_INVALID,
 *   PRIVILEGE_INVALID (a fixed privilege), PAYLOAD_INVALID (a fixed stream list) or OPTION_INVALID (another option,
 *   or, on a room-less route, an option that needs a room).
 */
export function resolveTokenIssuerConfig(options: ReadOptions<IssuerOptionName>, settings: IssuerSettings = {}): TokenIssuerConfig {
  const roomless = settings.roomless === true;
  if (roomless) refuseRoomOptions(options);
  const appId = resolveAppId(options.appId, settings.environment);
  const key = resolveSecret(options.secret, settings.environment);
  const effectiveTimeInSeconds =
    options.effectiveTimeInSeconds === undefined ? DEFAULT_EFFECTIVE_TIME_IN_SECONDS : options.effectiveTimeInSeconds;
  assertEffectiveTime(effectiveTimeInSeconds);

  const { version, mode } = resolveTokenKind(options.version, options.mode);
  const roomPayload = options.roomPayload === undefined ? !roomless : options.roomPayload;
  if (typeof roomPayload !== 'boolean') throw optionInvalid(`roomPayload must be a boolean. Received ${describe(roomPayload)}`);
  if (version === '03' && !roomPayload) throw optionInvalid("version '03' tokens always carry their room");

  const { privilege, streamIdList, validateRoomId } = options;
  // Fixed values are validated now; a resolver's results are validated per request.
  const resolvedPrivilege: TokenIssuerConfig['privilege'] =
    typeof privilege === 'function' ? (privilege as Resolver) : privilege === false ? false : Object.freeze(toPrivilegeJson(privilege));
  // toStreamIdList copies: the caller's array may change later, and what was validated must be what is used.
  const resolvedStreams: TokenIssuerConfig['streamIdList'] =
    typeof streamIdList === 'function' ? (streamIdList as Resolver) : toStreamIdList(streamIdList);
  if (streamIdList !== undefined && streamIdList !== null && !(version === '04' && roomPayload)) {
    throw optionInvalid('streamIdList needs version 04 tokens with roomPayload');
  }
  // Without a room payload a 04 token carries no privilege: a fixed one would be silently dropped.
  if (!roomPayload && privilege !== undefined && privilege !== false && typeof privilege !== 'function') {
    throw optionInvalid('a fixed privilege needs roomPayload: with roomPayload false, tokens carry none');
  }
  if (validateRoomId !== undefined && typeof validateRoomId !== 'function') {
    throw optionInvalid(`validateRoomId must be a function. Received ${describe(validateRoomId)}`);
  }
  return Object.freeze({
    appId,
    key,
    version,
    mode,
    effectiveTimeInSeconds,
    roomPayload,
    roomless,
    privilege: resolvedPrivilege,
    streamIdList: resolvedStreams,
    validateRoomId: validateRoomId as TokenIssuerConfig['validateRoomId'],
  });
}

/** What a privilege resolver may give: a privilege or `false`. Anything else is a server error, never a token. */
export function resolvedPrivilege(value: unknown): PrivilegeJson | false {
  if (value === false) return false;
  if (!isPlainObject(value)) {
    throw new ZegoTokenError(
      ErrorCode.PRIVILEGE_INVALID,
      `the privilege resolver must return a privilege ({ login?, publish? } or { 1, 2 }) or false. Received ${describe(value)}${value === undefined ? ' (a missing return?)' : ''}`,
    );
  }
  return toPrivilegeJson(value);
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
