/**
 * The token issuer and the token route without HTTP: options resolved at construction, the contract answered per
 * request, resolvers held to their contracts.
 */
import { expect } from 'chai';
import { inspect } from 'node:util';
import {
  createTokenIssuer,
  createTokenRoute,
  decodeToken,
  ErrorCode,
  isZegoRoomId,
  type TokenIssuerOptions,
  type TokenResponse,
  type TokenResponseBody,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const base = { appId: APP_ID, secret: SECRET };

/** Runs a request through the issuer and returns the response, awaiting it only if the issuer went async. */
async function ask(options: TokenIssuerOptions<unknown>, userId: unknown = 'alice', roomId: unknown = 'lobby'): Promise<TokenResponse> {
  return createTokenIssuer(options).issue({ userId, roomId, request: { id: 'req-1' } });
}

function tokenOf(response: TokenResponse): TokenResponseBody {
  expect(response.status).to.equal(200);
  return response.body as TokenResponseBody;
}

/** Sets environment variables for the duration of `fn`, restoring them after. */
function withEnv(env: Record<string, string | undefined>, fn: () => void): void {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    fn();
  } finally {
    apply(saved);
  }
}

describe('createTokenIssuer', () => {
  describe('fails at construction, not at the first request', () => {
    const failures: Array<[string, TokenIssuerOptions, number]> = [
      ['a secret of 31 characters', { ...base, secret: SECRET.slice(1) }, ErrorCode.SECRET_INVALID],
      ['appId 0', { ...base, appId: 0 }, ErrorCode.APP_ID_INVALID],
      ['a lifetime of 0', { ...base, effectiveTimeInSeconds: 0 }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['an unknown version', { ...base, version: '05' as never }, ErrorCode.OPTION_INVALID],
      ['an unknown mode', { ...base, mode: 'ecb' as never }, ErrorCode.OPTION_INVALID],
      ["mode 'gcm' with version '03'", { ...base, version: '03', mode: 'gcm' }, ErrorCode.OPTION_INVALID],
      ["roomPayload false with version '03'", { ...base, version: '03', roomPayload: false }, ErrorCode.OPTION_INVALID],
      ['a non-boolean roomPayload', { ...base, roomPayload: 'yes' as never }, ErrorCode.OPTION_INVALID],
      ['a bad fixed privilege', { ...base, privilege: { pubish: false } as never }, ErrorCode.PRIVILEGE_INVALID],
      ['a bad fixed stream list', { ...base, streamIdList: [''] }, ErrorCode.PAYLOAD_INVALID],
      ['a stream list without room payloads', { ...base, roomPayload: false, streamIdList: ['s'] }, ErrorCode.OPTION_INVALID],
      ['a validateRoomId that is not a function', { ...base, validateRoomId: true as never }, ErrorCode.OPTION_INVALID],
      ['options that are not an object', 'appId' as never, ErrorCode.OPTION_INVALID],
      ['a null lifetime (only undefined means the default)', { ...base, effectiveTimeInSeconds: null as never }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['a null secret, even with ZEGO_SERVER_SECRET set', { ...base, secret: null as never }, ErrorCode.SECRET_INVALID],
      ['a null roomPayload', { ...base, roomPayload: null as never }, ErrorCode.OPTION_INVALID],
      ['a fixed privilege that roomPayload: false would drop', { ...base, roomPayload: false, privilege: { publish: false } }, ErrorCode.OPTION_INVALID],
    ];
    for (const [what, options, code] of failures) {
      it(`${what} (code ${code})`, () => {
        expectZegoError(() => createTokenIssuer(options), code, [SECRET]);
      });
    }

    it('no app ID or secret anywhere: neither options nor environment (APP_ID_INVALID and SECRET_INVALID)', () => {
      withEnv({ ZEGO_APP_ID: undefined, ZEGO_SERVER_SECRET: undefined }, () => {
        expect(expectZegoError(() => createTokenIssuer({ secret: SECRET }), ErrorCode.APP_ID_INVALID).message).to.include('ZEGO_APP_ID');
        expect(expectZegoError(() => createTokenIssuer({ appId: APP_ID }), ErrorCode.SECRET_INVALID).message).to.include('ZEGO_SERVER_SECRET');
      });
    });

    it('a bad ZEGO_APP_ID or ZEGO_SERVER_SECRET in the environment (APP_ID_INVALID and SECRET_INVALID)', () => {
      for (const appId of ['0', '12a', ' 12', '4294967296', '1.5']) {
        withEnv({ ZEGO_APP_ID: appId, ZEGO_SERVER_SECRET: SECRET }, () => {
          expectZegoError(() => createTokenIssuer(), ErrorCode.APP_ID_INVALID);
        });
      }
      withEnv({ ZEGO_APP_ID: '42', ZEGO_SERVER_SECRET: 'too-short' }, () => {
        expectZegoError(() => createTokenIssuer(), ErrorCode.SECRET_INVALID, ['too-short']);
      });
    });

    it('createTokenRoute without getUserId (OPTION_INVALID), or with a bad issuer option', () => {
      for (const names of [[], ['path']] as const) {
        expectZegoError(() => createTokenRoute({ ...base } as never, names), ErrorCode.OPTION_INVALID);
        expectZegoError(() => createTokenRoute(undefined as never, names), ErrorCode.OPTION_INVALID);
        expectZegoError(() => createTokenRoute({ ...base, secret: 'x', getUserId: () => 'a' }, names), ErrorCode.SECRET_INVALID);
      }
    });
  });

  it('reads ZEGO_APP_ID and ZEGO_SERVER_SECRET when appId and secret are not given (explicit undefined too)', () => {
    withEnv({ ZEGO_APP_ID: '987654321', ZEGO_SERVER_SECRET: SECRET }, () => {
      const issuer = createTokenIssuer({ appId: undefined });
      expect(issuer.appId).to.equal(987_654_321);
      const body = tokenOf(issuer.issue({ userId: 'alice', roomId: 'lobby', request: null }) as TokenResponse);
      expect(decodeToken(body.token, SECRET).appId).to.equal(987_654_321);
    });
  });

  it('prefers options to the environment', () => {
    withEnv({ ZEGO_APP_ID: '1', ZEGO_SERVER_SECRET: 'x'.repeat(32) }, () => {
      const body = tokenOf(createTokenIssuer(base).issue({ userId: 'a', roomId: 'r', request: null }) as TokenResponse);
      expect(decodeToken(body.token, SECRET).appId).to.equal(APP_ID);
    });
  });

  it('defaults: 04, GCM, one hour, room payload with login and publish, any stream', async () => {
    const issuer = createTokenIssuer(base);
    expect(issuer).to.include({ appId: APP_ID, version: '04', mode: 'gcm', effectiveTimeInSeconds: 3600, roomPayload: true });
    const body = tokenOf(await ask(base));
    expect(body.expiresAt - body.issuedAt).to.equal(3600);
    expect(decodeToken(body.token, SECRET)).to.deep.include({
      version: '04',
      mode: 'gcm',
      room: { roomId: 'lobby', privilege: { login: true, publish: true }, streamIdList: null },
    });
  });

  it("version '03' issues room-bound CBC 03 tokens with the privilege", async () => {
    const body = tokenOf(await ask({ ...base, version: '03', privilege: { publish: false } }));
    expect(body.version).to.equal('03');
    expect(decodeToken(body.token, SECRET)).to.deep.include({
      version: '03',
      mode: 'cbc',
      roomId: 'lobby',
      userId: 'alice',
      privilege: { login: true, publish: false },
    });
  });

  it("mode 'cbc' issues legacy 04 tokens", async () => {
    expect(decodeToken(tokenOf(await ask({ ...base, mode: 'cbc' })).token, SECRET)).to.include({ version: '04', mode: 'cbc' });
  });

  it('roomPayload: false issues plain identity tokens, still gated by the privilege resolver', async () => {
    const decoded = decodeToken(tokenOf(await ask({ ...base, roomPayload: false })).token, SECRET);
    expect(decoded).to.include({ payload: '' });
    expect(decoded).to.not.have.property('room');
    expect((await ask({ ...base, roomPayload: false, privilege: () => false })).status).to.equal(403);
  });

  for (const flavour of ['sync', 'async'] as const) {
    const wrap = <T>(value: T): T | Promise<T> => (flavour === 'sync' ? value : Promise.resolve(value));

    it(`${flavour} privilege and stream resolvers decide per user and room, seeing the request`, async () => {
      const seen: unknown[] = [];
      const options: TokenIssuerOptions<unknown> = {
        ...base,
        privilege: ({ userId, roomId, request }) => {
          seen.push(request);
          return wrap(roomId === 'stage' && userId === 'host' ? { login: true, publish: true } : { publish: false });
        },
        streamIdList: ({ userId }) => wrap(userId === 'host' ? [`${userId}-cam`, `${userId}-screen`] : null),
      };
      const host = decodeToken(tokenOf(await ask(options, 'host', 'stage')).token, SECRET);
      const guest = decodeToken(tokenOf(await ask(options, 'guest', 'stage')).token, SECRET);
      expect(host.version === '04' && host.room).to.deep.equal({
        roomId: 'stage',
        privilege: { login: true, publish: true },
        streamIdList: ['host-cam', 'host-screen'],
      });
      expect(guest.version === '04' && guest.room).to.deep.equal({
        roomId: 'stage',
        privilege: { login: true, publish: false },
        streamIdList: null,
      });
      expect(seen).to.deep.equal([{ id: 'req-1' }, { id: 'req-1' }]);
    });

    it(`${flavour} resolvers that return something invalid fail the request on the server side`, async () => {
      await expectRejection(ask({ ...base, privilege: () => wrap({ publish: 'no' } as never) }), ErrorCode.PRIVILEGE_INVALID);
      await expectRejection(ask({ ...base, streamIdList: () => wrap([7] as never) }), ErrorCode.PAYLOAD_INVALID);
    });
  }

  it('roomPayload: false: a resolver’s privilege that restricts anything fails the request (it cannot be honoured), never a token without it', async () => {
    for (const restricted of [{ publish: false }, { login: false }, { 1: 1, 2: 0 }]) {
      await expectRejection(ask({ ...base, roomPayload: false, privilege: () => restricted }), ErrorCode.PRIVILEGE_INVALID);
    }
    for (const unrestricted of [{}, { login: true, publish: true }, { 1: 1, 2: 1 }]) {
      expect((await ask({ ...base, roomPayload: false, privilege: () => unrestricted })).status).to.equal(200);
    }
  });

  it('a resolved privilege with a non-enumerable publish: false does not grant publishing', async () => {
    const privilege = (): { login: boolean } => Object.defineProperty({ login: true }, 'publish', { value: false });
    const decoded = decodeToken(tokenOf(await ask({ ...base, privilege })).token, SECRET);
    expect(decoded.version === '04' && decoded.room?.privilege).to.deep.equal({ login: true, publish: false });
  });

  describe('mints for the user and room it validated, whatever a resolver writes to its context', () => {
    it("a stream resolver setting context.roomId to 'vip-room' (refused by validateRoomId) changes neither the token nor the response", async () => {
      const response = await ask({
        ...base,
        validateRoomId: (roomId) => roomId !== 'vip-room',
        streamIdList: (context) => {
          (context as { roomId: string }).roomId = 'vip-room';
          return null;
        },
      });
      const decoded = decodeToken(tokenOf(response).token, SECRET);
      expect(decoded.version === '04' && decoded.room?.roomId).to.equal('lobby');
      expect(tokenOf(response).roomId).to.equal('lobby');
    });

    it('a privilege resolver setting context.userId to a number or 500 bytes: the token and the stream resolver see alice', async () => {
      for (const userId of [42, 'x'.repeat(500)]) {
        const seen: unknown[] = [];
        const response = await ask({
          ...base,
          privilege: (context) => {
            (context as { userId: unknown }).userId = userId;
            return { login: true };
          },
          streamIdList: (context) => {
            seen.push(context.userId);
            return null;
          },
        });
        expect(decodeToken(tokenOf(response).token, SECRET).userId).to.equal('alice');
        expect(seen).to.deep.equal(['alice']);
      }
    });
  });

  it('createTokenRoute wires getUserId to the issuer, for adapters of other frameworks', async () => {
    const route = createTokenRoute<{ user?: string }>({ ...base, getUserId: (request) => request.user });
    expect(route.roomParam).to.equal('roomId');
    expect(tokenOf(await route.answer({ user: 'erin' }, 'lobby')).userId).to.equal('erin');
    expect((await route.answer({}, 'lobby')).status).to.equal(401);
  });

  it('answers synchronously when nothing is async, and with a Promise when something is', () => {
    const issuer = createTokenIssuer(base);
    expect(issuer.issue({ userId: 'a', roomId: 'r', request: null })).to.not.be.instanceOf(Promise);
    expect(issuer.issue({ userId: null, roomId: 'r', request: null })).to.not.be.instanceOf(Promise);
    expect(issuer.issue({ userId: Promise.resolve('a'), roomId: 'r', request: null })).to.be.instanceOf(Promise);
    const asyncPrivilege = createTokenIssuer({ ...base, privilege: () => Promise.resolve({}) });
    expect(asyncPrivilege.issue({ userId: 'a', roomId: 'r', request: null })).to.be.instanceOf(Promise);
  });

  it('takes a safe integer user ID as its decimal string, and refuses other numbers', async () => {
    expect(tokenOf(await ask(base, 42)).userId).to.equal('42');
    expect(tokenOf(await ask(base, -7)).userId).to.equal('-7');
    for (const bad of [Number.NaN, 1.5, Infinity, 2 ** 53, true, {}, ['a']]) {
      expectZegoError(() => createTokenIssuer(base).issue({ userId: bad, roomId: 'r', request: null }), ErrorCode.USER_ID_INVALID);
    }
  });

  it('insists that validateRoomId answers a boolean, so a Promise cannot wave every room through', () => {
    const issuer = createTokenIssuer({ ...base, validateRoomId: (() => Promise.resolve(false)) as never });
    expectZegoError(() => issuer.issue({ userId: 'a', roomId: 'r', request: null }), ErrorCode.OPTION_INVALID);
  });

  it('uses the stream list it validated, whatever the caller does to its array later', async () => {
    const streams = ['cam'];
    const issuer = createTokenIssuer({ ...base, streamIdList: streams });
    streams.push('');
    streams[0] = 'changed';
    const decoded = decodeToken(tokenOf(await issuer.issue({ userId: 'a', roomId: 'r', request: null })).token, SECRET);
    expect(decoded.version === '04' && decoded.room?.streamIdList).to.deep.equal(['cam']);
  });

  it('never mutates the caller’s options, and no property of what it returns holds the secret', () => {
    const issuerOptions = Object.freeze({
      ...base,
      privilege: Object.freeze({ publish: false }),
      streamIdList: Object.freeze<string[]>(['s']),
    });
    const options = Object.freeze({ ...issuerOptions, getUserId: () => 'a' });
    const made = [
      createTokenIssuer(issuerOptions),
      createTokenRoute(options),
      createTokenRoute(options, ['path']),
      createTokenRoute(options, ['path'], { environmentFromHost: true }),
    ];
    for (const thing of made) {
      expect(inspect(thing, { depth: 10, showHidden: true })).to.not.include(SECRET);
      expect(JSON.stringify(thing) ?? '').to.not.include(SECRET);
    }
  });
});

describe('isZegoRoomId', () => {
  it('accepts ZEGO’s characters but `/`, 1 to 128 of them', () => {
    for (const ok of ['a', 'Lobby_42', "~!@#$%^&*()_+=-`;',.<>\\", '..\\..', '<script>', 'r'.repeat(128)]) {
      expect(isZegoRoomId(ok), ok).to.equal(true);
    }
  });

  it('refuses the rest: `/` (the Web SDK refuses it), `:`, spaces, non-ASCII, controls', () => {
    for (const bad of ['', 'r'.repeat(129), 'a b', 'café', 'a"b', 'a?b', 'a|b', 'a:b', 'a/b', '../..', 'a{b}', 'a\tb', 'a\u0000', '😀', 7, null]) {
      expect(isZegoRoomId(bad), String(bad)).to.equal(false);
    }
  });
});

async function expectRejection(promise: Promise<unknown>, code: number): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.have.property('code', code);
    return;
  }
  expect.fail('expected a rejection');
}
