/**
 * The token route's routing without HTTP: `path` compiled at construction into the one matcher, `respond` (the
 * whole answer of an adapter that routes itself: 404, 405, the contract), and credentials from each request's host
 * (a Worker's `env`) with every option still checked at construction. In both builds of the core.
 */
import * as core from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { expect } from 'chai';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';

const credentials = { appId: APP_ID, secret: SECRET };
type Build = typeof core.createTokenRoute;
// Each build is its own bundle, with its own response constants.
const builds: Array<[string, Build, typeof core.decodeToken | typeof web.decodeToken, typeof core | typeof web]> = [
  ['node:crypto', core.createTokenRoute, core.decodeToken, core],
  ['Web Crypto', web.createTokenRoute, web.decodeToken, web],
];

/** Unsets ZEGO_APP_ID and ZEGO_SERVER_SECRET around each test: credentials come from the options or a host only. */
function withoutProcessCredentials(): void {
  const saved = [process.env['ZEGO_APP_ID'], process.env['ZEGO_SERVER_SECRET']];
  beforeEach(() => {
    delete process.env['ZEGO_APP_ID'];
    delete process.env['ZEGO_SERVER_SECRET'];
  });
  afterEach(() => {
    if (saved[0] !== undefined) process.env['ZEGO_APP_ID'] = saved[0];
    if (saved[1] !== undefined) process.env['ZEGO_SERVER_SECRET'] = saved[1];
  });
}

for (const [buildName, createTokenRoute, decodeToken, responses] of builds) {
  describe(`createTokenRoute routing (${buildName})`, () => {
    withoutProcessCredentials();

    it('compiles path at construction, only for an adapter that declares it', () => {
      const served = createTokenRoute({ ...credentials, getUserId: () => 'a', path: '/rooms/:room', roomParam: 'room' } as never, ['path']);
      expect(served.path.path).to.equal('/rooms/:room');
      expect(served.path.match('/rooms/lobby')).to.equal('lobby');
      expect(createTokenRoute({ ...credentials, getUserId: () => 'a' }).path).to.equal(undefined);
      expectZegoError(() => createTokenRoute({ ...credentials, getUserId: () => 'a', path: '/t/:roomId?' } as never, ['path']), core.ErrorCode.OPTION_INVALID);
    });

    it('respond: 404 off the path, 405 for another method on it, else the contract with the path’s room', async () => {
      const route = createTokenRoute<{ user: string | null }, 'path'>({ ...credentials, getUserId: (request) => request.user }, ['path']);
      const alice = { user: 'alice' };
      expect(await route.respond(alice, 'GET', '/zego/token/lobby/')).to.equal(responses.NOT_FOUND_RESPONSE);
      expect(await route.respond(alice, 'POST', '/ZEGO/token/lobby')).to.equal(responses.NOT_FOUND_RESPONSE);
      expect(await route.respond(alice, 'POST', '/zego/token/lobby')).to.equal(responses.METHOD_NOT_ALLOWED_RESPONSE);
      expect(await route.respond({ user: null }, 'GET', '/zego/token/%E0')).to.equal(responses.UNAUTHENTICATED_RESPONSE);
      expect(await route.respond(alice, 'HEAD', '/zego/token/%E0')).to.equal(responses.INVALID_ROOM_ID_RESPONSE);
      // The room is decoded from the path, then judged: '/' is a character ZEGO's Web SDK refuses.
      expect(await route.respond(alice, 'GET', '/zego/token/a%2Fb')).to.equal(responses.INVALID_ROOM_ID_RESPONSE);
      const ok = await route.respond(alice, 'GET', '/zego/token/a%23b');
      expect(ok.status).to.equal(200);
      const decoded = await decodeToken((ok.body as core.TokenResponseBody).token, SECRET);
      expect(decoded.version === '04' && decoded.room?.roomId).to.equal('a#b');
    });

    describe('environmentFromHost: credentials from each request’s host', () => {
      const hostRoute = (options: object): core.TokenRoute<unknown, 'path'> =>
        createTokenRoute({ getUserId: () => 'alice', ...options }, ['path'], { environmentFromHost: true });
      const env = (appId: number, secret: string): Record<string, string> => ({ ZEGO_APP_ID: String(appId), ZEGO_SERVER_SECRET: secret });
      const tokenOf = async (answer: core.TokenResponse | Promise<core.TokenResponse>): Promise<string> => {
        const response = await answer;
        expect(response.status).to.equal(200);
        return (response.body as core.TokenResponseBody).token;
      };

      it('reads each option once, at construction, even where only a host brings the credentials', async () => {
        let reads = 0;
        const route = hostRoute({
          get effectiveTimeInSeconds(): number {
            reads += 1;
            return 600;
          },
        });
        for (const [appId, secret] of [[APP_ID, SECRET], [APP_ID, SECRET], [42, OTHER_SECRET]] as const) {
          const token = await tokenOf(route.answer(null, 'lobby', env(appId, secret)));
          const decoded = await decodeToken(token, secret);
          expect(decoded).to.include({ appId });
          expect(decoded.expireTime - decoded.createTime).to.equal(600);
        }
        expect(reads).to.equal(1);
      });

      it('refuses every other bad option at construction, not at the first request', () => {
        expectZegoError(() => hostRoute({ effectiveTime: 60 }), core.ErrorCode.OPTION_INVALID);
        expectZegoError(() => hostRoute({ effectiveTimeInSeconds: 0 }), core.ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
        expectZegoError(() => hostRoute({ privilege: { pubish: true } }), core.ErrorCode.PRIVILEGE_INVALID);
        expectZegoError(() => hostRoute({ appId: 0 }), core.ErrorCode.APP_ID_INVALID);
        expectZegoError(() => hostRoute({ path: '/zego/*' }), core.ErrorCode.OPTION_INVALID);
      });

      it('options given in code win over the host’s values', async () => {
        const route = hostRoute(credentials);
        const token = await tokenOf(route.answer(null, 'lobby', env(42, OTHER_SECRET)));
        expect(await decodeToken(token, SECRET)).to.include({ appId: APP_ID });
      });

      it('fails the request, never mints, when no credentials come from anywhere or the host’s are bad', async () => {
        const route = hostRoute({});
        for (const host of [undefined, {}, { ZEGO_APP_ID: '12abc', ZEGO_SERVER_SECRET: SECRET }, env(1, 'short')]) {
          let failure: unknown;
          try {
            await route.answer(null, 'lobby', host);
          } catch (error) {
            failure = error;
          }
          expect(failure, JSON.stringify(host)).to.be.instanceOf(core.ZegoTokenError);
          expect(String((failure as Error).message)).to.not.include(SECRET);
        }
      });
    });
  });
}
