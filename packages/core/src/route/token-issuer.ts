import type { KeyObject } from 'node:crypto';
import { assertAppId, assertEffectiveTime, assertUserId, describe } from '../lib/assertions.js';
import type { TokenMode, TokenVersion } from '../format/envelope.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { mintToken03, mintToken04 } from '../tokens/mint.js';
import { assertOptionsObject } from '../lib/options.js';
import { resolveTokenKind } from '../tokens/token-kind.js';
import { appIdFromEnvironment, secretFromEnvironment } from '../lib/environment.js';
import { FULL_PRIVILEGE, toPrivilegeJson, type Privilege, type PrivilegeJson } from '../tokens/privilege.js';
import { isZegoRoomId } from '../tokens/room-id.js';
import { roomPayloadJson, toStreamIdList } from '../tokens/room-payload.js';
import { secretKey } from '../format/secret-key.js';
import {
  FORBIDDEN_RESPONSE,
  INVALID_ROOM_ID_RESPONSE,
  tokenResponse,
  UNAUTHENTICATED_RESPONSE,
  type TokenResponse,
} from './token-response.js';

/** The default token lifetime of the issuer: one hour, as in ZEGO's samples. */
export const DEFAULT_EFFECTIVE_TIME_IN_SECONDS = 3600;

/** A value, or a promise of it: callbacks may be synchronous or async. */
export type MaybePromise<T> = T | PromiseLike<T>;

/** What the per-request callbacks are told: the authenticated user, the room, and the framework's request. */
export interface TokenRequestContext<Request = unknown> {
  userId: string;
  roomId: string;
  /** Express's `req`, Koa's `ctx`, or whatever the caller of `issue` passed. */
  request: Request;
}

/** Options of {@link createTokenIssuer}. Each is optional; `undefined` means "not given". */
export interface TokenIssuerOptions<Request = unknown> {
  /** Your ZEGO app ID. Default: `process.env.ZEGO_APP_ID`. */
  appId?: number | undefined;
  /** Your ZEGO ServerSecret (32 characters). Default: `process.env.ZEGO_SERVER_SECRET`. */
  secret?: string | undefined;
  /** Token version: `'04'` (default) for current SDKs, `'03'` for older ones. */
  version?: TokenVersion | undefined;
  /** Cipher of 04 tokens: `'gcm'` (default) or legacy `'cbc'`. 03 tokens are always CBC. */
  mode?: TokenMode | undefined;
  /** Token lifetime in seconds. Default {@link DEFAULT_EFFECTIVE_TIME_IN_SECONDS} (3600). */
  effectiveTimeInSeconds?: number | undefined;
  /**
   * 04 only: bind each token to the requested room with `{room_id, privilege, stream_id_list}` (default `true`).
   * ZEGO enforces it when room authentication is enabled for the app. `false` issues plain identity tokens.
   */
  roomPayload?: boolean | undefined;
  /**
   * What the user may do in the room: a fixed {@link Privilege}, or a function of the request deciding per user and
   * room. `false` refuses the token (403). Default: log in and publish. With `roomPayload: false` the token carries
   * no privilege, so only a resolver (to refuse with `false`) or `false` itself make sense there.
   */
  privilege?:
    | Privilege
    | false
    | ((context: TokenRequestContext<Request>) => MaybePromise<Privilege | false>)
    | undefined;
  /** 04 room payloads: the only streams the user may publish (`null`, the default, allows any). */
  streamIdList?:
    | readonly string[]
    | null
    | ((context: TokenRequestContext<Request>) => MaybePromise<readonly string[] | null>)
    | undefined;
  /** An extra check of the room ID after ZEGO's own rules; `false` answers 400 `invalid_room_id`. */
  validateRoomId?: ((roomId: string) => boolean) | undefined;
}

/** What {@link TokenIssuer.issue} is given for one request. */
export interface TokenRequest<Request = unknown> {
  /** From the app's auth: a string, a safe integer, or `null`/`undefined`/`''` when nobody is signed in (401). */
  userId: MaybePromise<unknown>;
  /** The room ID the client asked for, as taken from the URL. */
  roomId: unknown;
  /** The framework's request, handed to the callbacks. */
  request: Request;
}

/** Turns "user X asks for room Y" into a {@link TokenResponse}. Made by {@link createTokenIssuer}. */
export interface TokenIssuer<Request = unknown> {
  readonly appId: number;
  readonly version: TokenVersion;
  readonly mode: TokenMode;
  readonly effectiveTimeInSeconds: number;
  readonly roomPayload: boolean;
  /**
   * Answers one token request. Synchronous when every input and callback is; a `Promise` otherwise. Client mistakes
   * resolve to 4xx responses; a callback's failure, or a user ID ZEGO cannot take, throws (or rejects), for the
   * framework's error handling.
   */
  issue(request: TokenRequest<Request>): TokenResponse | Promise<TokenResponse>;
}

function optionInvalid(message: string): ZegoTokenError {
  return new ZegoTokenError(ErrorCode.OPTION_INVALID, message);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

type Answer = TokenResponse | Promise<TokenResponse>;

/** Runs `next` on `value` now, or once it resolves: the synchronous path allocates no promise. */
function then<T>(value: MaybePromise<T>, next: (resolved: T) => Answer): Answer {
  return isPromiseLike(value) ? Promise.resolve(value).then(next) : next(value);
}

function freezeCopy(streams: readonly string[] | null): readonly string[] | null {
  return streams === null ? null : Object.freeze([...streams]);
}

function resolveAppId(appId: unknown): number {
  if (appId !== undefined) {
    assertAppId(appId);
    return appId;
  }
  const fromEnv = appIdFromEnvironment();
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

function resolveSecret(secret: unknown): KeyObject {
  const value = secret === undefined ? secretFromEnvironment() : secret;
  if (value === undefined || value === '') {
    throw new ZegoTokenError(ErrorCode.SECRET_INVALID, 'secret is missing: pass secret or set ZEGO_SERVER_SECRET');
  }
  return secretKey(value);
}

/** The user ID from the auth callback: `undefined` means nobody is signed in; a bad one is a server error. */
function toUserId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ZegoTokenError(ErrorCode.USER_ID_INVALID, 'getUserId returned a number that is not a safe integer');
    }
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new ZegoTokenError(
      ErrorCode.USER_ID_INVALID,
      `getUserId must return a string, an integer, null or undefined. Received ${describe(value)}`,
    );
  }
  assertUserId(value);
  return value;
}

/**
 * Creates the token route's logic, independent of any framework: validate options once, then answer each
 * "user X asks for room Y" with a status, headers and a JSON body. The Express and Koa adapters are thin wrappers
 * around it; use it directly in other frameworks or serverless handlers.
 *
 * @throws {@link ZegoTokenError} at construction, so a misconfigured server fails at start-up: code 1 (app ID),
 *   5 (secret), 6 (lifetime), 4 (privilege), 7 (stream list) or 12 (another option).
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
  assertOptionsObject(options, 'options');
  const appId = resolveAppId(options.appId);
  const key = resolveSecret(options.secret);
  // Only `undefined` means "not given": a null is a mistake to report, not a request for the default.
  const given = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const effectiveTimeInSeconds = given(options.effectiveTimeInSeconds, DEFAULT_EFFECTIVE_TIME_IN_SECONDS);
  assertEffectiveTime(effectiveTimeInSeconds);

  const { version, mode } = resolveTokenKind(options.version, options.mode);
  const roomPayload = given(options.roomPayload, true);
  if (typeof roomPayload !== 'boolean') throw optionInvalid('roomPayload must be a boolean');
  if (version === '03' && !roomPayload) throw optionInvalid("version '03' tokens always carry their room");

  const { privilege, streamIdList, validateRoomId } = options;
  // Fixed values are validated now; a resolver's results are validated per request.
  const privilegeResolver = typeof privilege === 'function' ? privilege : undefined;
  const fixedPrivilege: PrivilegeJson | false =
    typeof privilege === 'function' ? FULL_PRIVILEGE : privilege === false ? false : toPrivilegeJson(privilege);
  const streamsResolver = typeof streamIdList === 'function' ? streamIdList : undefined;
  // A copy: the caller's array may change later, and what was validated must be what is used.
  const fixedStreams = typeof streamIdList === 'function' ? null : freezeCopy(toStreamIdList(streamIdList));
  if (streamIdList !== undefined && streamIdList !== null && !(version === '04' && roomPayload)) {
    throw optionInvalid('streamIdList needs version 04 tokens with roomPayload');
  }
  // Without a room payload a 04 token carries no privilege: a fixed one would be silently dropped.
  if (!roomPayload && privilege !== undefined && privilege !== false && typeof privilege !== 'function') {
    throw optionInvalid('a fixed privilege needs roomPayload: with roomPayload false, tokens carry none');
  }
  if (validateRoomId !== undefined && typeof validateRoomId !== 'function') {
    throw optionInvalid('validateRoomId must be a function');
  }

  function isAcceptedRoomId(roomId: unknown): roomId is string {
    if (!isZegoRoomId(roomId)) return false;
    if (validateRoomId === undefined) return true;
    const verdict: unknown = validateRoomId(roomId);
    if (typeof verdict !== 'boolean') throw optionInvalid('validateRoomId must return a boolean (not a Promise)');
    return verdict;
  }

  function mint(context: TokenRequestContext<Request>, granted: PrivilegeJson, streams: readonly string[] | null): TokenResponse {
    const { userId, roomId } = context;
    const minted =
      version === '03'
        ? mintToken03(key, appId, roomId, userId, granted, effectiveTimeInSeconds)
        : mintToken04(key, mode, appId, userId, effectiveTimeInSeconds, roomPayload ? roomPayloadJson(roomId, granted, streams) : '');
    return tokenResponse({
      token: minted.token,
      appId,
      userId,
      roomId,
      version,
      issuedAt: minted.createTime,
      expiresAt: minted.expireTime,
    });
  }

  function withPrivilege(context: TokenRequestContext<Request>, granted: PrivilegeJson | false): Answer {
    if (granted === false) return FORBIDDEN_RESPONSE;
    if (streamsResolver === undefined) return mint(context, granted, fixedStreams);
    return then(streamsResolver(context), (streams) => mint(context, granted, toStreamIdList(streams)));
  }

  function issueFor(rawUserId: unknown, roomId: unknown, request: Request): Answer {
    const userId = toUserId(rawUserId);
    if (userId === undefined) return UNAUTHENTICATED_RESPONSE;
    if (!isAcceptedRoomId(roomId)) return INVALID_ROOM_ID_RESPONSE;
    const context: TokenRequestContext<Request> = { userId, roomId, request };
    if (privilegeResolver === undefined) return withPrivilege(context, fixedPrivilege);
    return then(privilegeResolver(context), (resolved) =>
      withPrivilege(context, resolved === false ? false : toPrivilegeJson(resolved)),
    );
  }

  return Object.freeze({
    appId,
    version,
    mode,
    effectiveTimeInSeconds,
    roomPayload,
    issue({ userId, roomId, request }: TokenRequest<Request>): Answer {
      return then(userId, (resolved) => issueFor(resolved, roomId, request));
    },
  });
}
