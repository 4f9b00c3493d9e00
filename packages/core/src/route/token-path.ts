import { describe } from '../lib/assertions.js';
import { optionInvalid } from '../lib/options.js';

/** The path every adapter serves the token route at unless told otherwise (`GET /zego/token/:roomId`). */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

const IDENTIFIER = /^[$_\p{ID_Start}][$\p{ID_Continue}]*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The path of an adapter's token route, checked at construction: `undefined` gives {@link DEFAULT_TOKEN_PATH}, with
 * the room parameter named as `roomParam` says (`/zego/token/:room` for `roomParam: 'room'`); anything else must be
 * a string that starts with `/` and holds the room parameter as a whole parameter name (`:roomId`, not `:roomIdx`;
 * Express 5's quoted `:"roomId"` too). A path the router would never match, or one without the room, would
 * otherwise surface as a silent 404 or a 500 on the first request.
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
  if (!new RegExp(written, 'u').test(path)) {
    throw optionInvalid(
      `path must hold the room parameter :${roomParam} (set roomParam to the name your path uses)`,
    );
  }
  return path;
}
