/**
 * The token route's path, in one place: its grammar, checked at construction, and the one matcher every adapter
 * uses. A route matches its path exactly, whatever the host router's settings, because only an exact match is never
 * wider than a guard (a rate limiter, an auth check) written for the same path, with any settings, beside it.
 */
import { describe, MAX_ROOM_ID_BYTES } from '../lib/assertions.js';
import { optionInvalid } from '../lib/options.js';

/** The path every adapter serves the token route at unless told otherwise (`GET /zego/token/:roomId`). */
export const DEFAULT_TOKEN_PATH = '/zego/token/:roomId';

/** A parameter's name: what every router reads alike (Express 4 and 5, @koa/router 12 to 15, Fastify). */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A literal segment: URL-unreserved characters only, which no router reads as syntax and no client encodes. */
const LITERAL = /^[A-Za-z0-9\-._~]+$/;
/** The longest percent-encoding of a room ID: each of its bytes as `%XX`. */
const MAX_ENCODED_ROOM_LENGTH = 3 * MAX_ROOM_ID_BYTES;
const SLASH = 0x2f;

/**
 * A compiled token path (see {@link compileTokenPath}). What its `match` returns, in one value with no allocation:
 * `false` when the pathname is not the path; otherwise the room, percent-decoded, or `undefined` when there is none
 * (a room-less path, or a room segment that is not valid percent-encoding or is longer than any room's encoding,
 * which the route answers as a missing room: 401 for nobody, else 400 `invalid_room_id`).
 */
export type PathMatch = string | undefined | false;

/** A token route's path, compiled once: it matches a URL pathname exactly, in time linear in the pathname. */
export interface TokenPath {
  /** The path as given (or the default), to register with a framework's router. */
  readonly path: string;
  /** No parameter at all: a room-less identity route (04 tokens with an empty payload, as ZIM takes them). */
  readonly roomless: boolean;
  /**
   * Matches a raw URL pathname (undecoded, without the query: Express's `req.path`, Koa's `ctx.path`, a URL's
   * `pathname`) exactly: case-sensitive, no trailing slash, no empty or percent-encoded segment standing for a
   * literal one. Parameters match any non-empty segment; only the room's is decoded.
   */
  match(pathname: string): PathMatch;
  /**
   * As {@link match}, on the pathname's last segments only (as many as the path has): for a host router that has
   * itself matched the prefix exactly in front of them (a `@koa/router` router nesting the route).
   */
  matchEnd(pathname: string): PathMatch;
}

// An absolute-form target's scheme and authority, if any, then the path: up to the query or fragment. Linear: no
// part of the pattern can match what another part might.
const TARGET_PATH = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/;

/**
 * The raw path of an HTTP request target, as Node hands it over in `req.url`: an origin-form target (`/a/b?q=1`) up
 * to its query or fragment; an absolute-form one (`http://host/a/b`, which HTTP/1.1 servers must accept) without
 * its scheme and authority, as routers read it. Nothing is decoded or normalised.
 *
 * @example
 * ```ts
 * pathOfRequestTarget('/zego/token/lobby?x=1'); // '/zego/token/lobby'
 * pathOfRequestTarget('http://example.com/zego/token/lobby'); // '/zego/token/lobby'
 * ```
 */
export function pathOfRequestTarget(target: string): string {
  return TARGET_PATH.exec(target)?.[1] ?? '';
}

function decodeRoom(segment: string): string | undefined {
  // Longer than any room's encoding: no room, and not worth decoding.
  if (segment.length > MAX_ENCODED_ROOM_LENGTH) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // not valid percent-encoding: no room the client meant
  }
}

/**
 * Compiles the `path` option once, at construction. `undefined` gives {@link DEFAULT_TOKEN_PATH}, its parameter
 * named as `roomParam` says (`/zego/token/:room` for `roomParam: 'room'`). A path is `/` followed by non-empty
 * segments, each a literal (letters, digits, `-`, `.`, `_`, `~`; not `.` or `..`) or a `:name` parameter (letters,
 * digits and `_`); the room is the `:roomParam` segment. A path with no parameter is a room-less identity route.
 * Optional parameters, wildcards and patterns are refused: the route's path is one path, matched exactly.
 *
 * @param path - the adapter's `path` option, as read
 * @param roomParam - the route parameter holding the room ID (the resolved `roomParam` option)
 * @throws {@link ZegoTokenError} OPTION_INVALID for anything else, a path with parameters but not the room one (a
 *   forgotten `roomParam`), the room parameter twice, or no path with a `roomParam` no path can write.
 *
 * @example
 * ```ts
 * const tokens = compileTokenPath('/rooms/:room/token', 'room');
 * tokens.match('/rooms/a%2Fb/token'); // 'a/b'
 * tokens.match('/rooms/a/token/'); // false
 * compileTokenPath('/zego/token', 'roomId').match('/zego/token'); // undefined: matched, a room-less route
 * ```
 */
export function compileTokenPath(path: unknown, roomParam: string): TokenPath {
  if (path === undefined) {
    if (!NAME.test(roomParam)) throw optionInvalid('a roomParam that is not a name of letters, digits and _ needs a path of yours that holds it');
    return compileTokenPath(`${DEFAULT_TOKEN_PATH.slice(0, DEFAULT_TOKEN_PATH.lastIndexOf(':'))}:${roomParam}`, roomParam);
  }
  if (typeof path !== 'string') throw optionInvalid(`path must be a string. Received ${describe(path)}`);
  if (!path.startsWith('/')) throw optionInvalid('path must start with "/": a URL path does');
  // Each segment's literal text, or `undefined` for a parameter.
  const literals: Array<string | undefined> = [];
  let roomIndex = -1;
  let parameters = 0;
  for (const segment of path.slice(1).split('/')) {
    if (segment.startsWith(':') && NAME.test(segment.slice(1))) {
      parameters += 1;
      if (segment.slice(1) === roomParam) {
        if (roomIndex >= 0) throw optionInvalid(`path holds :${roomParam} twice`);
        roomIndex = literals.length;
      }
      literals.push(undefined);
    } else if (LITERAL.test(segment) && segment !== '.' && segment !== '..') {
      literals.push(segment);
    } else {
      throw optionInvalid(
        'path segments are literals (letters, digits, - . _ ~) or :name parameters: no empty segment, optional parameter, wildcard or pattern',
      );
    }
  }
  if (parameters > 0 && roomIndex < 0) {
    throw optionInvalid(`path must hold the room parameter :${roomParam} (set roomParam to the name your path uses), or no parameter at all for identity tokens`);
  }
  const roomless = roomIndex < 0;
  const count = literals.length;

  function matchFrom(pathname: string, start: number): PathMatch {
    let at = start;
    let room = '';
    for (let index = 0; index < count; index += 1) {
      if (pathname.charCodeAt(at) !== SLASH) return false;
      const next = pathname.indexOf('/', at + 1);
      const end = next < 0 ? pathname.length : next;
      const literal = literals[index];
      if (literal === undefined ? end === at + 1 : end - at - 1 !== literal.length || !pathname.startsWith(literal, at + 1)) {
        return false;
      }
      if (index === roomIndex) room = pathname.slice(at + 1, end);
      at = end;
    }
    if (at !== pathname.length) return false;
    return roomless ? undefined : decodeRoom(room);
  }

  return Object.freeze({
    path,
    roomless,
    match: (pathname: string): PathMatch => matchFrom(pathname, 0),
    matchEnd(pathname: string): PathMatch {
      let start = pathname.length;
      for (let index = 0; index < count; index += 1) {
        start = start === 0 ? -1 : pathname.lastIndexOf('/', start - 1);
        if (start < 0) return false;
      }
      return matchFrom(pathname, start);
    },
  });
}
