import { describe } from '../lib/assertions.js';
import { optionInvalid } from '../lib/options.js';

/** The path every adapter serves the token route at unless told otherwise (`GET /zego/token/:roomId`). */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

const IDENTIFIER = /^[$_\p{ID_Start}][$\p{ID_Continue}]*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Characters the adapters' routers read as path syntax (parameters, wildcards, optional groups, patterns).
const PATH_SYNTAX = /[:*?{}()[\]]/;

/**
 * Whether `path` (as {@link resolveTokenPath} accepts it) is a room-less (identity) route: one with no parameter,
 * wildcard or pattern at all. Such a route serves identity tokens (04, empty payload), as ZIM and RTC apps without
 * room authentication take them.
 */
export function isRoomlessPath(path: string): boolean {
  return !PATH_SYNTAX.test(path);
}

/**
 * The path of an adapter's token route, checked at construction: `undefined` gives {@link DEFAULT_TOKEN_PATH}, with
 * the room parameter named as `roomParam` says (`/zego/token/:room` for `roomParam: 'room'`); anything else must be
 * a string that starts with `/` and either holds the room parameter as a whole parameter name (`:roomId`, not
 * `:roomIdx`; Express 5's quoted `:"roomId"` too), or is plain text with no parameter at all: a room-less identity
 * route ({@link isRoomlessPath}). A path the router would never match, or one with parameters but not the room (a
 * forgotten `roomParam`), would otherwise surface as a silent 404, a 500 on the first request, or tokens for any room.
 *
 * @param path - the adapter's `path` option, as read
 * @param roomParam - the route parameter holding the room ID (the resolved `roomParam` option)
 * @returns the path to register with the framework's router
 * @throws {@link ZegoTokenError} OPTION_INVALID for anything else, and for no path with a `roomParam` that is not an
 *   identifier (only a path of yours can write it, quoted).
 *
 * @example
 * ```ts
 * resolveTokenPath(undefined, 'roomId'); // '/zego/token/:roomId'
 * resolveTokenPath(undefined, 'room'); // '/zego/token/:room'
 * resolveTokenPath('/rooms/:room/token', 'roomId'); // throws: set roomParam: 'room'
 * resolveTokenPath('/zego/token', 'roomId'); // '/zego/token': a room-less identity route
 * ```
 */
export function resolveTokenPath(path: unknown, roomParam: string): string {
  if (path === undefined) {
    if (!IDENTIFIER.test(roomParam)) {
      throw optionInvalid('a roomParam that is not an identifier needs a path of yours that holds it');
    }
    return `${DEFAULT_TOKEN_PATH.slice(0, DEFAULT_TOKEN_PATH.lastIndexOf(':'))}:${roomParam}`;
  }
  if (typeof path !== 'string') throw optionInvalid(`path must be a string. Received ${describe(path)}`);
  if (!path.startsWith('/')) {
    throw optionInvalid('path must start with "/": the router would never match it');
  }
  const name = escapeRegExp(roomParam);
  // `:name` ends where identifier characters end; a name that is no identifier can only be written quoted.
  const written = IDENTIFIER.test(roomParam) ? `:(?:${name}(?![$\\p{ID_Continue}])|"${name}")` : `:"${name}"`;
  if (!new RegExp(written, 'u').test(path) && !isRoomlessPath(path)) {
    throw optionInvalid(
      `path must hold the room parameter :${roomParam} (set roomParam to the name your path uses), or no parameter at all for identity tokens`,
    );
  }
  return path;
}

/**
 * A routing flag an adapter passes to its framework's router (Express's `caseSensitive` / `strict`, `@koa/router`'s
 * `sensitive` / `strict`): a boolean, or `undefined` to follow the host router.
 *
 * @throws {@link ZegoTokenError} OPTION_INVALID for anything else (`null` included), naming the option.
 *
 * @example
 * ```ts
 * resolveRoutingFlag(undefined, 'strict'); // undefined: as the host router matches
 * resolveRoutingFlag('yes', 'strict'); // throws: strict must be a boolean
 * ```
 */
export function resolveRoutingFlag(value: unknown, name: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw optionInvalid(`${name} must be a boolean. Received ${describe(value)}`);
}
