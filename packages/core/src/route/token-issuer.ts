import { assertUserId, describe, isWellFormed } from '../lib/assertions.js';
import type { TokenMode, TokenVersion } from '../format/envelope.js';
import { assertKitId, kitTokenOf } from '../tokens/kit-wrapper.js';
import { ErrorCode, invalid, ZegoTokenError } from '../lib/errors.js';
import { mintToken03, mintToken04 } from '../tokens/mint.js';
import { FULL_PRIVILEGE, type Privilege, type PrivilegeJson } from '../tokens/privilege.js';
import { isZegoRoomId } from '../tokens/room-id.js';
import { roomPayloadJson } from '../tokens/room-payload.js';
import { resolvedPrivilege, resolvedStreamIdList, type TokenIssuerConfig } from './issuer-config.js';
import {
  FORBIDDEN_RESPONSE,
  INVALID_ROOM_ID_RESPONSE,
  tokenResponse,
  UNAUTHENTICATED_RESPONSE,
  type TokenResponse,
} from './token-response.js';

/** A value, or a promise of it: callbacks may be synchronous or async. */
export type MaybePromise<T> = T | PromiseLike<T>;

/**
 * What the per-request callbacks are told: the authenticated user, the room, and the framework's request. Each
 * callback gets a context of its own; writing to it changes neither the token (minted from the validated user and
 * room) nor what another callback sees.
 */
export interface TokenRequestContext<Request = unknown> {
  userId: string;
  /** The room asked for. On a room-less (identity) route, where only a privilege resolver runs, it is `undefined`. */
  roomId: string;
  /** Express's `req`, Koa's `ctx`, or whatever the caller of `issue` passed. */
  request: Request;
}

/**
 * Options of {@link createTokenIssuer}. Each is optional; only `undefined` means "not given" (a `null` is refused,
 * except `streamIdList: null`). They are read as every function's options are (lib/options.ts): a plain object (an
 * object literal; a class instance is refused), its own keys, each read once (getters included); an unknown key is
 * refused (OPTION_INVALID, naming the option probably meant), and so is an option answered but not held as an own
 * property (inherited, or a Proxy's).
 */
export interface TokenIssuerOptions<Request = unknown> {
  /** Your ZEGO app ID. Default: `process.env.ZEGO_APP_ID`. */
  appId?: number | undefined;
  /** Your ZEGO ServerSecret (32 characters). Default: `process.env.ZEGO_SERVER_SECRET`. */
  secret?: string | undefined;
  /** Token version: `'04'` (default) for current SDKs, `'03'` for older ones. */
  version?: TokenVersion | undefined;
  /** Cipher of 04 tokens: `'gcm'` (default) or legacy `'cbc'`. 03 tokens are always CBC. */
  mode?: TokenMode | undefined;
  /**
   * Token lifetime in seconds. Default {@link DEFAULT_EFFECTIVE_TIME_IN_SECONDS} (3600). At most 24 days (2,073,600 s:
   * `MAX_CLIENT_LIFETIME_SECONDS`) unless {@link TokenIssuerOptions.allowLongLifetime} is `true`, since ZIM refuses longer tokens and the
   * Web SDK's renewal timer stops at 24.86 days; clients renew on `tokenWillExpire`. Refused at construction
   * (EFFECTIVE_TIME_IN_SECONDS_INVALID) beyond that, when it is plainly a timestamp or milliseconds (the error says
   * which), or when a token issued now would expire after 2^31 - 1 s (2038-01-19), which ZIM reads as long past. A
   * token that would expire after 2038 as years pass is refused when issued: a server error, never such a token.
   */
  effectiveTimeInSeconds?: number | undefined;
  /**
   * `true` allows an `effectiveTimeInSeconds` over 24 days, for apps none of whose clients is ZIM or the Web SDK
   * (both stop at 24 days). Default `false`. The other lifetime rules still hold.
   */
  allowLongLifetime?: boolean | undefined;
  /**
   * 04 only: bind each token to the requested room with `{room_id, privilege, stream_id_list}` (default `true`).
   * ZEGO enforces it when room authentication is enabled for the app. `false` issues plain identity tokens.
   */
  roomPayload?: boolean | undefined;
  /**
   * What the user may do in the room: a fixed {@link Privilege}, or a function of the request deciding per user and
   * room. `false` refuses the token (403). Default: log in and publish. With `roomPayload: false` the token carries
   * no privilege, so only a resolver (to refuse with `false`) or `false` itself make sense there; a fixed privilege
   * is refused at construction (OPTION_INVALID), and a resolver's privilege that restricts anything (login or publish
   * not granted) fails the request with PRIVILEGE_INVALID: it could not be honoured.
   *
   * A resolver must give (or resolve to) a {@link Privilege} or `false`. Anything else (`undefined` from a missing
   * `return`, `null`, `true`, a number, an array, a class instance, an object with an unknown key) fails the request
   * with PRIVILEGE_INVALID on the framework's error path: never a token.
   */
  privilege?:
    | Privilege
    | false
    | ((context: TokenRequestContext<Request>) => MaybePromise<Privilege | false>)
    | undefined;
  /**
   * 04 room payloads: the only streams the user may publish (`null`, the default, allows any). Stream IDs are 1-256
   * characters: digits, English letters and ``~ ! @ # $ % ^ & * ( ) _ + = - ` ; ' , . < > / \``. `[]` is refused
   * (PAYLOAD_INVALID): ZEGO reads an empty list as "any stream"; deny publishing with `privilege: { publish: false }`.
   * A resolver must give (or resolve to) such an array or `null`; anything else, `undefined` included, fails the
   * request with PAYLOAD_INVALID on the framework's error path.
   */
  streamIdList?:
    | readonly string[]
    | null
    | ((context: TokenRequestContext<Request>) => MaybePromise<readonly string[] | null>)
    | undefined;
  /** An extra check of the room ID after ZEGO's own rules; `false` answers 400 `invalid_room_id`. */
  validateRoomId?: ((roomId: string) => boolean) | undefined;
  /**
   * The user's display name, for UIKit Prebuilt: given, every token answer carries `kitToken` beside `token`, the
   * token wrapped as UIKit's `generateKitTokenForProduction(appId, token, roomId, userId, userName)` wraps it
   * (`wrapKitToken`; an identity route's leaves the room out), for `ZegoUIKitPrebuilt.create(kitToken)`.
   *
   * Called like `getUserId`, with the same request (a route's adapter passes what it passes `getUserId`: the fetch
   * handler adds its `env`), once the token is granted: after 401, 400 and 403, never for a refused request. May be
   * async. It gives a string (any text: UIKit percent-encodes it), or `null`, `undefined` or `''` for no name (an
   * empty one). Anything else, a string with a lone surrogate, a throw or a rejection is a server error (the
   * framework's error path; OPTION_INVALID for a result outside this contract), never a token. A kit token can only
   * carry a user ID of characters up to U+00FF (UIKit encodes its wrapper with `btoa`): any other fails the request
   * with USER_ID_INVALID.
   */
  getUserName?: ((request: Request) => MaybePromise<string | null | undefined>) | undefined;
}

type PrivilegeResolver<Request> = (context: TokenRequestContext<Request>) => MaybePromise<unknown>;
type StreamsResolver<Request> = (context: TokenRequestContext<Request>) => MaybePromise<unknown>;
type NameResolver<Request> = (request: Request, host?: unknown) => MaybePromise<unknown>;

/** What {@link TokenIssuer.issue} is given for one request. */
export interface TokenRequest<Request = unknown> {
  /** From the app's auth: a string, a safe integer, or `null`/`undefined`/`''` when nobody is signed in (401). */
  userId: MaybePromise<unknown>;
  /** The room ID the client asked for, as taken from the URL. */
  roomId: unknown;
  /** The framework's request, handed to the callbacks. */
  request: Request;
  /**
   * What the host handed a route beside the request (the fetch handler's `env`): given to `getUserName` as its
   * second argument, as a route gives it to `getUserId`. Left out, `getUserName` is called with the request alone.
   */
  host?: unknown;
}

/** Turns "user X asks for room Y" into a {@link TokenResponse}. Made by {@link createTokenIssuer}. */
export interface TokenIssuer<Request = unknown> {
  readonly appId: number;
  readonly version: TokenVersion;
  readonly mode: TokenMode;
  readonly effectiveTimeInSeconds: number;
  readonly roomPayload: boolean;
  /** A room-less (identity) route's issuer: it ignores `roomId` and issues 04 tokens with an empty payload. */
  readonly roomless: boolean;
  /**
   * Answers one token request. Synchronous when every input and callback is; a `Promise` otherwise. Client mistakes
   * resolve to 4xx responses; a callback's failure, or a user ID ZEGO cannot take, throws (or rejects), for the
   * framework's error handling.
   */
  issue(request: TokenRequest<Request>): TokenResponse | Promise<TokenResponse>;
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

/** The user name from `getUserName`: `''` for none; anything else outside its contract is a server error. */
function toUserName(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    throw invalid(ErrorCode.OPTION_INVALID, 'getUserName', 'must return a string, null or undefined', describe(value));
  }
  // encodeURIComponent throws on a lone surrogate, as UIKit's own function would: no kit token carries one.
  if (!isWellFormed(value)) throw invalid(ErrorCode.OPTION_INVALID, 'getUserName', 'must return valid Unicode (the name has a lone surrogate)');
  return value;
}

/**
 * The per-request issuer over a resolved configuration: it reads nothing else. With node:crypto every step can be
 * synchronous; with Web Crypto the token's sealing is a promise, awaited like an async callback's result.
 */
export function issuerFromConfig<Request, Sealed extends string | PromiseLike<string> = string>(
  config: TokenIssuerConfig<Sealed>,
): TokenIssuer<Request> {
  const { appId, crypto, key, version, mode, effectiveTimeInSeconds, roomPayload, roomless, validateRoomId } = config;
  const privilegeResolver = typeof config.privilege === 'function' ? (config.privilege as PrivilegeResolver<Request>) : undefined;
  const fixedPrivilege = typeof config.privilege === 'function' ? FULL_PRIVILEGE : config.privilege;
  const streamsResolver = typeof config.streamIdList === 'function' ? (config.streamIdList as StreamsResolver<Request>) : undefined;
  const fixedStreams = typeof config.streamIdList === 'function' ? null : config.streamIdList;
  const nameResolver = config.getUserName as NameResolver<Request> | undefined;

  function isAcceptedRoomId(roomId: unknown): roomId is string {
    if (!isZegoRoomId(roomId)) return false;
    if (validateRoomId === undefined) return true;
    const verdict: unknown = validateRoomId(roomId);
    if (typeof verdict !== 'boolean') throw invalid(ErrorCode.OPTION_INVALID, 'validateRoomId', 'must return a boolean (not a Promise)');
    return verdict;
  }

  // What is minted comes from the validated locals, never from a context a resolver was given: each resolver gets a
  // context of its own, so one that writes to it changes neither the token nor what the next resolver sees.
  function contextFor(userId: string, roomId: string, request: Request): TokenRequestContext<Request> {
    return { userId, roomId, request };
  }

  /** A room token; `userName` given (getUserName's), with its kit token beside it (the route's room IDs are ASCII). */
  function mint(userId: string, roomId: string, granted: PrivilegeJson, streams: readonly string[] | null, userName?: string): Answer {
    const minted =
      version === '03'
        ? mintToken03(crypto, key, appId, roomId, userId, granted, effectiveTimeInSeconds)
        : mintToken04(crypto, key, mode, appId, userId, effectiveTimeInSeconds, roomPayload ? roomPayloadJson(roomId, granted, streams) : '');
    const issuedAt = minted.createTime;
    const expiresAt = minted.expireTime;
    return then(minted.token, (token) =>
      tokenResponse(
        userName === undefined
          ? { token, appId, userId, roomId, version, issuedAt, expiresAt }
          : { token, kitToken: kitTokenOf(token, appId, userId, roomId, userName), appId, userId, roomId, version, issuedAt, expiresAt },
      ),
    );
  }

  /** An identity token; `userName` given, with its kit token (no room in the wrapper) beside it. */
  function mintIdentity(userId: string, userName?: string): Answer {
    const minted = mintToken04(crypto, key, mode, appId, userId, effectiveTimeInSeconds, '');
    const issuedAt = minted.createTime;
    const expiresAt = minted.expireTime;
    return then(minted.token, (token) =>
      tokenResponse(
        userName === undefined
          ? { token, appId, userId, version, issuedAt, expiresAt }
          : { token, kitToken: kitTokenOf(token, appId, userId, undefined, userName), appId, userId, version, issuedAt, expiresAt },
      ),
    );
  }

  /**
   * With getUserName, asks it for the user's name once the token is granted, then `next` mints with it. The user ID
   * is checked for the kit wrapper first: a token UIKit could not be handed is never minted.
   */
  function named(
    resolver: NameResolver<Request>,
    userId: string,
    request: Request,
    host: unknown,
    next: (userName: string) => Answer,
  ): Answer {
    assertKitId(userId, 'userId', ErrorCode.USER_ID_INVALID);
    const name = host === undefined ? resolver(request) : resolver(request, host);
    return then(name, (resolved) => next(toUserName(resolved)));
  }

  function grantIdentity(userId: string, request: Request, host: unknown): Answer {
    if (nameResolver === undefined) return mintIdentity(userId);
    return named(nameResolver, userId, request, host, (userName) => mintIdentity(userId, userName));
  }

  /** A room-less route: 401, then the privilege resolver's say (403), then an identity token; no room is read. */
  function issueIdentity(userId: string, request: Request, host: unknown): Answer {
    if (privilegeResolver === undefined) return grantIdentity(userId, request, host);
    const context = { userId, roomId: undefined, request } as unknown as TokenRequestContext<Request>;
    // An identity token carries no privilege: one that restricts anything could not be honoured (as roomPayload: false).
    return then(privilegeResolver(context), (resolved) =>
      resolvedPrivilege(resolved, false) === false ? FORBIDDEN_RESPONSE : grantIdentity(userId, request, host),
    );
  }

  function grant(userId: string, roomId: string, request: Request, host: unknown, granted: PrivilegeJson, streams: readonly string[] | null): Answer {
    if (nameResolver === undefined) return mint(userId, roomId, granted, streams);
    return named(nameResolver, userId, request, host, (userName) => mint(userId, roomId, granted, streams, userName));
  }

  function withPrivilege(userId: string, roomId: string, request: Request, host: unknown, granted: PrivilegeJson | false): Answer {
    if (granted === false) return FORBIDDEN_RESPONSE;
    if (streamsResolver === undefined) return grant(userId, roomId, request, host, granted, fixedStreams);
    return then(streamsResolver(contextFor(userId, roomId, request)), (streams) =>
      grant(userId, roomId, request, host, granted, resolvedStreamIdList(streams)),
    );
  }

  function issueFor(rawUserId: unknown, roomId: unknown, request: Request, host: unknown): Answer {
    const userId = toUserId(rawUserId);
    if (userId === undefined) return UNAUTHENTICATED_RESPONSE;
    if (roomless) return issueIdentity(userId, request, host);
    if (!isAcceptedRoomId(roomId)) return INVALID_ROOM_ID_RESPONSE;
    if (privilegeResolver === undefined) return withPrivilege(userId, roomId, request, host, fixedPrivilege);
    // Fail closed: anything but a privilege or false (a missing `return` included) is a server error, never a token.
    return then(privilegeResolver(contextFor(userId, roomId, request)), (resolved) =>
      withPrivilege(userId, roomId, request, host, resolvedPrivilege(resolved, roomPayload)),
    );
  }

  return Object.freeze({
    appId,
    version,
    mode,
    effectiveTimeInSeconds,
    roomPayload,
    roomless,
    issue({ userId, roomId, request, host }: TokenRequest<Request>): Answer {
      return then(userId, (resolved) => issueFor(resolved, roomId, request, host));
    },
  });
}
