/**
 * The `path` option of the fetch handler: Express-style `/literal/:param` patterns, matched against a URL's pathname
 * the way Express 5 matches them (raw segments, the room segment percent-decoded with `decodeURIComponent`), but
 * strictly: case-sensitive and without a trailing slash, since no host router's settings apply here.
 */
import type { ZegoTokenError } from '@zego-token/core';

/** A compiled `path`: its segments, and where the room parameter is (`-1`: a room-less identity route). */
export interface PathPattern {
  readonly segments: readonly string[];
  readonly roomIndex: number;
}

/** What a matching pathname gives: the room (`undefined` when it cannot be percent-decoded), or no room at all. */
export type PathMatch = { room: false } | { room: true; roomId: string | undefined };

const NAME = /^[A-Za-z_$][\w$]*$/;
// Plain pathname characters; what Express's path syntax reads as a pattern (* ? + ! ( ) [ ] { } :) is refused.
const LITERAL = /^[\w\-.~$&',;=@%]+$/;

/** Makes the core build's OPTION_INVALID error (passed in: this file imports no build of the core). */
export type OptionInvalid = (message: string) => ZegoTokenError;

/**
 * Compiles `path` once, at construction.
 *
 * @throws {@link ZegoTokenError} OPTION_INVALID unless `path` is `/` followed by non-empty segments, each a literal
 *   or a `:name` parameter, with `:roomParam` at most once.
 */
export function compilePathPattern(path: unknown, roomParam: string, optionInvalid: OptionInvalid): PathPattern {
  if (typeof path !== 'string' || !path.startsWith('/') || path.length < 2) {
    throw optionInvalid(`path must be a string starting with '/', such as '/zego/token/:${roomParam}'`);
  }
  const segments = path.slice(1).split('/');
  let roomIndex = -1;
  segments.forEach((segment, index) => {
    if (segment.startsWith(':')) {
      const name = segment.slice(1);
      if (!NAME.test(name)) throw optionInvalid(`path: ':${name}' is not a parameter name`);
      if (name !== roomParam) return;
      if (roomIndex >= 0) throw optionInvalid(`path: ':${roomParam}' appears twice`);
      roomIndex = index;
    } else if (!LITERAL.test(segment)) {
      throw optionInvalid(`path: segment '${segment}' must be a literal or a :parameter (no patterns, no empty segments)`);
    }
  });
  return Object.freeze({ segments: Object.freeze(segments), roomIndex });
}

function decodeRoom(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // not valid percent-encoding: no room the client meant (400 after the 401 check)
  }
}

/** Matches a URL's pathname (raw, as `new URL(request.url).pathname` gives it); `undefined` when it does not match. */
export function matchPath({ segments, roomIndex }: PathPattern, pathname: string): PathMatch | undefined {
  const parts = pathname.slice(1).split('/');
  if (parts.length !== segments.length) return undefined;
  for (let index = 0; index < parts.length; index++) {
    const pattern = segments[index]!;
    const part = parts[index]!;
    if (pattern.startsWith(':') ? part === '' : part !== pattern) return undefined;
  }
  return roomIndex < 0 ? { room: false } : { room: true, roomId: decodeRoom(parts[roomIndex]!) };
}
