/**
 * The one path matcher every adapter routes with (compileTokenPath): its grammar, checked at construction, and its
 * rule, exact matching of a raw pathname, with only the room decoded. No HTTP here.
 */
import { compileTokenPath, DEFAULT_TOKEN_PATH, ErrorCode, pathOfRequestTarget } from '@zego-token/core';
import { expect } from 'chai';
import fc from 'fast-check';
import { expectZegoError } from '../support/expect-error.js';

describe('compileTokenPath: the token route’s path', () => {
  describe('grammar, checked at construction', () => {
    it('without a path, serves DEFAULT_TOKEN_PATH, its parameter named as roomParam says', () => {
      const byDefault = compileTokenPath(undefined, 'roomId');
      expect(byDefault.path).to.equal(DEFAULT_TOKEN_PATH);
      expect(byDefault.match('/zego/token/lobby')).to.equal('lobby');
      const renamed = compileTokenPath(undefined, 'room');
      expect(renamed.path).to.equal('/zego/token/:room');
      expect(renamed.match('/zego/token/lobby')).to.equal('lobby');
    });

    it('takes literal segments and :name parameters, the room in :roomParam', () => {
      const cases: Array<[string, string, string, string]> = [
        ['/rooms/:room/token', 'room', '/rooms/stage/token', 'stage'],
        ['/:roomId', 'roomId', '/lobby', 'lobby'],
        ['/t/:tenant/rooms/:room', 'room', '/t/acme/rooms/lobby', 'lobby'],
        ['/api/v1.2/zego_token~x/:room_1', 'room_1', '/api/v1.2/zego_token~x/r', 'r'],
      ];
      for (const [path, param, pathname, room] of cases) {
        const compiled = compileTokenPath(path, param);
        expect(compiled.path).to.equal(path);
        expect(compiled.roomless, path).to.equal(false);
        expect(compiled.match(pathname), path).to.equal(room);
      }
    });

    it('takes a path with no parameter at all: a room-less identity route, which matches with no room', () => {
      for (const path of ['/zego/token', '/t/roomId', '/zim-token', '/api/v1/zego.token']) {
        const compiled = compileTokenPath(path, 'roomId');
        expect(compiled.roomless, path).to.equal(true);
        expect(compiled.match(path), path).to.equal(undefined);
        expect(compiled.match(`${path}/x`), path).to.equal(false);
      }
    });

    const refused: Array<[string, unknown, string]> = [
      ['no leading /', 'zego/:roomId', 'roomId'],
      ['an empty path', '', 'roomId'],
      ['the root alone', '/', 'roomId'],
      ['an empty segment', '/zego//:roomId', 'roomId'],
      ['a trailing slash', '/zego/token/:roomId/', 'roomId'],
      ['a parameter of another name only (a forgotten roomParam)', '/rooms/:room/token', 'roomId'],
      ['a longer parameter name', '/t/:roomIdx', 'roomId'],
      ['the room parameter twice', '/a/:roomId/:roomId', 'roomId'],
      ['an optional parameter (Express 5, @koa/router 14+)', '/t{/:roomId}', 'roomId'],
      ['an optional parameter (Express 4)', '/t/:roomId?', 'roomId'],
      ['a quoted parameter name', '/t/:"room-id"', 'room-id'],
      ['a parameter with a suffix', '/t/:roomId.json', 'roomId'],
      ['a wildcard', '/zego/*', 'roomId'],
      ['a named wildcard', '/t/*roomId', 'roomId'],
      ['a pattern', '/t/:roomId(\\d+)', 'roomId'],
      ['a percent-encoded literal', '/caf%C3%A9/:roomId', 'roomId'],
      ['a dot segment', '/a/../:roomId', 'roomId'],
      ['a parameter name that is not a name', '/a/:1x/:roomId', 'roomId'],
      ['a RegExp', /\/t\/(?<roomId>[^/]+)/, 'roomId'],
      ['an array of paths', ['/a/:roomId'], 'roomId'],
      ['null', null, 'roomId'],
      ['a number', 7, 'roomId'],
      ['no path for a roomParam no path can hold', undefined, 'room-id'],
    ];
    for (const [what, path, param] of refused) {
      it(`refuses ${what} (OPTION_INVALID)`, () => {
        expectZegoError(() => compileTokenPath(path, param), ErrorCode.OPTION_INVALID);
      });
    }
  });

  describe('match: a raw pathname, exactly', () => {
    const tokens = compileTokenPath(DEFAULT_TOKEN_PATH, 'roomId');

    it('is not the path: another case, a trailing slash, empty or doubled slashes, an encoded letter, more or fewer segments', () => {
      for (const pathname of [
        '/ZEGO/token/lobby',
        '/zego/Token/lobby',
        '/zego/token/lobby/',
        '//zego/token/lobby',
        '/zego//token/lobby',
        '/zego/token//lobby',
        '/zego/token/',
        '/zego/token',
        '/zego/%74oken/lobby',
        '/zego/token%2Flobby',
        '/zego/token/lobby/more',
        '/api/zego/token/lobby',
        '/zego/token.json/lobby',
        '',
        '/',
        'zego/token/lobby',
      ]) {
        expect(tokens.match(pathname), pathname).to.equal(false);
      }
    });

    it('decodes the room segment alone, once', () => {
      expect(tokens.match('/zego/token/a%2Fb')).to.equal('a/b');
      expect(tokens.match('/zego/token/%25')).to.equal('%');
      expect(tokens.match('/zego/token/%2525')).to.equal('%25');
      expect(tokens.match('/zego/token/lobby%231')).to.equal('lobby#1');
      expect(tokens.match('/zego/token/a+b')).to.equal('a+b');
    });

    it('matches a room segment that is not valid percent-encoding, or longer than any room’s encoding, with no room', () => {
      for (const segment of ['%', '%E0%A4%A', '%G1', '%FF', 'r'.repeat(385), '%41'.repeat(129)]) {
        expect(tokens.match(`/zego/token/${segment}`), segment.slice(0, 20)).to.equal(undefined);
      }
      expect(tokens.match(`/zego/token/${'%3C'.repeat(128)}`), 'the longest room a URL can carry').to.equal('<'.repeat(128));
    });

    it('agrees with a plain reading of the rule on any pathname (property)', () => {
      const segment = fc.constantFrom('zego', 'token', 'ZEGO', 'lobby', '', '%74oken', 'a%2Fb', '%E0', 'x');
      const pathname = fc.array(segment, { maxLength: 5 }).map((parts) => (parts.length === 0 ? '' : `/${parts.join('/')}`));
      const plain = (path: string): string | undefined | false => {
        const parts = path.split('/');
        if (parts.length !== 4 || parts[0] !== '' || parts[1] !== 'zego' || parts[2] !== 'token' || parts[3] === '') return false;
        try {
          return decodeURIComponent(parts[3]!);
        } catch {
          return undefined;
        }
      };
      fc.assert(fc.property(pathname, (path) => tokens.match(path) === plain(path)), { numRuns: 2_000, seed: 17 });
    });
  });

  describe('matchEnd: the last segments, below a prefix a host router matched', () => {
    const tokens = compileTokenPath(DEFAULT_TOKEN_PATH, 'roomId');

    it('reads the room from the path’s own segments, at the end of the pathname', () => {
      expect(tokens.matchEnd('/zego/token/lobby')).to.equal('lobby');
      expect(tokens.matchEnd('/api/v1/zego/token/a%2Fb')).to.equal('a/b');
    });

    it('holds its own segments to the same exact rule', () => {
      for (const pathname of ['/api/ZEGO/token/lobby', '/api/zego/token/lobby/', '/token/lobby', '/api/zego/%74oken/lobby', '', '/', 'lobby']) {
        expect(tokens.matchEnd(pathname), pathname).to.equal(false);
      }
    });
  });
});

describe('pathOfRequestTarget: the raw path of a request target', () => {
  it('keeps the path as sent, without query, fragment, scheme or authority', () => {
    const cases: Array<[string, string]> = [
      ['/zego/token/lobby', '/zego/token/lobby'],
      ['/zego/token/lobby?roomId=other', '/zego/token/lobby'],
      ['/zego/token/lobby#x', '/zego/token/lobby'],
      ['/ZEGO//token/%74/', '/ZEGO//token/%74/'],
      ['http://evil.example/zego/token/lobby', '/zego/token/lobby'],
      ['https://evil.example:8443/zego/token/lobby?x=1', '/zego/token/lobby'],
      ['*', '*'],
      ['', ''],
    ];
    for (const [target, path] of cases) expect(pathOfRequestTarget(target), target).to.equal(path);
  });
});
