/**
 * UIKit kit tokens from the server: `wrapKitToken` and the issuer's `getUserName` write exactly what UIKit
 * Prebuilt's own `ZegoUIKitPrebuilt.generateKitTokenForProduction` returns for the same inputs, run from the
 * installed `@zegocloud/zego-uikit-prebuilt` (test/support/uikit.ts), byte for byte. What UIKit's `btoa` cannot
 * carry is refused with a ZegoTokenError.
 */
import { expect } from 'chai';
import * as node from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { createTokenIssuer, ErrorCode, generateToken03, generateToken04, wrapKitToken, ZegoTokenError, type TokenResponseBody } from '@zego-token/core';
import { readRawToken } from '../support/format-decoder.js';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { uikit } from '../support/uikit.js';

const token04 = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 600, payload: { roomId: 'lobby' } });
const token04Cbc = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 600, mode: 'cbc' });
const token03 = generateToken03({ appId: APP_ID, roomId: 'lobby', userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 600 });

/** The wrapper after `#` read independently: base64 of Latin-1 code units, then JSON (key order kept). */
function wrapperOf(kitToken: string): Record<string, unknown> {
  const binary = atob(kitToken.slice(kitToken.indexOf('#') + 1));
  return JSON.parse(binary) as Record<string, unknown>;
}

interface KitCase {
  name: string;
  appId?: number;
  token?: string;
  roomId?: string;
  userId: string;
  userName?: string | null;
}

const cases: KitCase[] = [
  { name: 'a 04 (GCM) room token', roomId: 'lobby', userId: 'alice', userName: 'Alice' },
  { name: 'a 04 CBC identity token: no room', token: token04Cbc, userId: 'alice', userName: 'Alice' },
  { name: 'a 03 token (UIKit wraps any token)', token: token03, roomId: 'lobby', userId: 'alice', userName: 'Alice' },
  { name: 'a Latin-1 user ID: zoë is the single byte 0xEB', roomId: 'lobby', userId: 'zoë', userName: 'Zoë' },
  { name: 'Latin-1 at the edges: NUL-free controls, ÿ, ×', roomId: 'lobby', userId: 'ÿ×\u00a0\u0080a', userName: 'x' },
  { name: 'an empty user name', roomId: 'lobby', userId: 'alice', userName: '' },
  { name: 'no user name', roomId: 'lobby', userId: 'alice' },
  { name: 'a null user name', roomId: 'lobby', userId: 'alice', userName: null },
  { name: 'a name needing percent-encoding', roomId: 'lobby', userId: 'alice', userName: 'A & B = "C" 100%/#?+ <x>' },
  { name: 'a name beyond Latin-1: Chinese and an emoji (percent-encoded first)', roomId: 'lobby', userId: 'u1', userName: '张伟 🎉' },
  { name: 'IDs with JSON escapes: quote, backslash, tab', roomId: 'r\\1', userId: 'a"b\\c\td', userName: 'n' },
  { name: 'ZEGO ID symbols in the room', roomId: "lobby_#1~!@$^&*()+=-`;',.<>", userId: 'alice', userName: 'Alice' },
  { name: 'the largest app ID', appId: 4_294_967_295, roomId: 'lobby', userId: 'alice', userName: 'Alice' },
  { name: 'a 64-byte Latin-1 user ID', roomId: 'lobby', userId: 'é'.repeat(32), userName: 'Alice' },
];

describe('kit tokens: wrapKitToken against UIKit’s generateKitTokenForProduction', () => {
  before(function () {
    this.timeout(60_000);
    uikit();
  });

  for (const c of cases) {
    it(c.name, () => {
      const appId = c.appId ?? APP_ID;
      const token = c.token ?? token04;
      const ours = wrapKitToken({ appId, token, roomId: c.roomId, userId: c.userId, userName: c.userName });
      const theirs = uikit().generateKitTokenForProduction(appId, token, c.roomId, c.userId, c.userName as string | undefined);
      expect(ours).to.equal(theirs);
      expect(ours.startsWith(`${token}#`)).to.equal(true);
      // Read without UIKit or the library: the keys in UIKit's order, roomID only when there is a room.
      const wrapper = wrapperOf(ours);
      expect(Object.keys(wrapper)).to.deep.equal(c.roomId === undefined ? ['userID', 'userName', 'appID'] : ['userID', 'roomID', 'userName', 'appID']);
      expect(wrapper).to.include({ userID: c.userId, appID: appId });
      expect(decodeURIComponent(wrapper['userName'] as string)).to.equal(c.userName ?? '');
      if (c.roomId !== undefined) expect(wrapper['roomID']).to.equal(c.roomId);
    });
  }

  it('our own readers read what it writes: decodeToken, verifyToken and the doctor see the wrapper’s user, room and name', () => {
    const kits: Array<[string, string | undefined, string]> = [
      [generateToken04({ appId: APP_ID, userId: 'zoë', secret: SECRET, effectiveTimeInSeconds: 600, payload: { roomId: 'lobby' } }), 'lobby', 'zoë'],
      [generateToken04({ appId: APP_ID, userId: 'zoë', secret: SECRET, effectiveTimeInSeconds: 600 }), undefined, 'zoë'],
      [generateToken03({ appId: APP_ID, roomId: 'lobby', userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 600 }), 'lobby', 'alice'],
    ];
    for (const [token, roomId, userId] of kits) {
      const kitToken = wrapKitToken({ appId: APP_ID, token, roomId, userId, userName: 'Zoë & Co 张' });
      const decoded = node.decodeToken(kitToken, SECRET);
      expect(decoded.kit).to.deep.equal({ appId: APP_ID, userId, roomId: roomId ?? '', userName: 'Zoë & Co 张' });
      node.verifyToken(kitToken, SECRET, { appId: APP_ID, userId, ...(roomId === undefined ? {} : { roomId }) });
      const { ok, findings } = node.diagnoseToken(kitToken, { secret: SECRET, appId: APP_ID, userId });
      expect(ok, JSON.stringify(findings)).to.equal(true);
      expect(findings.map((f) => f.code)).to.include('kit_token').and.not.include.members(['kit_mismatch', 'kit_room_mismatch', 'kit_test_generator']);
    }
  });

  it('writes zoë as the one byte 0xEB, as btoa does (not UTF-8)', () => {
    const kitToken = wrapKitToken({ appId: 1, token: token04, userId: 'zoë' });
    const bytes = atob(kitToken.split('#')[1]!);
    expect(bytes).to.include('"userID":"zo\u00eb"');
    expect(bytes).to.not.include('\u00c3'); // UTF-8's first byte of ë
  });

  describe('an ID UIKit’s btoa cannot encode (above U+00FF) is refused', () => {
    const beyond: Array<[string, Partial<KitCase>, number]> = [
      ['a Chinese user ID (ZIM takes it)', { userId: '张伟' }, ErrorCode.USER_ID_INVALID],
      ['a user ID with an emoji', { userId: 'alice🎉' }, ErrorCode.USER_ID_INVALID],
      ['a user ID with Ω (U+03A9)', { userId: 'Ω' }, ErrorCode.USER_ID_INVALID],
      ['a user ID with Ā (U+0100), just past Latin-1', { userId: 'Ā' }, ErrorCode.USER_ID_INVALID],
      ['a room ID with Ω (outside ZEGO’s set too)', { roomId: 'Ω-room' }, ErrorCode.ROOM_ID_INVALID],
    ];
    for (const [name, inputs, code] of beyond) {
      it(`${name}: ours throws ${code === ErrorCode.USER_ID_INVALID ? 'USER_ID_INVALID' : 'ROOM_ID_INVALID'}, UIKit’s throws InvalidCharacterError`, () => {
        const userId = inputs.userId ?? 'alice';
        const roomId = inputs.roomId ?? 'lobby';
        const error = expectZegoError(() => wrapKitToken({ appId: APP_ID, token: token04, roomId, userId, userName: 'x' }), code);
        expect(error.option).to.equal(inputs.userId === undefined ? 'roomId' : 'userId');
        expect(error.reason).to.match(inputs.userId === undefined ? /a non-ASCII character/ : /U\+00FF.*btoa/);
        // UIKit's own function cannot make one either: it throws (and a caller that catches gets no kit token).
        let thrown: unknown;
        try {
          uikit().generateKitTokenForProduction(APP_ID, token04, roomId, userId, 'x');
        } catch (caught) {
          thrown = caught;
        }
        expect(thrown).to.have.property('name', 'InvalidCharacterError');
      });
    }

    it('a name with a lone surrogate: ours throws OPTION_INVALID, UIKit’s throws URIError', () => {
      const error = expectZegoError(() => wrapKitToken({ appId: APP_ID, token: token04, userId: 'alice', userName: 'a\ud800' }), ErrorCode.OPTION_INVALID);
      expect(error.option).to.equal('userName');
      expect(() => uikit().generateKitTokenForProduction(APP_ID, token04, 'lobby', 'alice', 'a\ud800')).to.throw().with.property('name', 'URIError');
    });
  });

  describe('write strictly: what UIKit would wrap without a word is refused', () => {
    const refused: Array<[string, unknown, number]> = [
      ['an app ID given as a string (UIKit writes "appID":"123")', { appId: '123', token: token04, userId: 'alice' }, ErrorCode.APP_ID_INVALID],
      ['app ID 0', { appId: 0, token: token04, userId: 'alice' }, ErrorCode.APP_ID_INVALID],
      ['a token that is not a ZEGO token', { appId: APP_ID, token: 'not-a-token', userId: 'alice' }, ErrorCode.TOKEN_MALFORMED],
      ['a kit token (never wrapped twice)', { appId: APP_ID, token: wrapKitToken({ appId: APP_ID, token: token04, userId: 'alice' }), userId: 'alice' }, ErrorCode.TOKEN_MALFORMED],
      ['no token', { appId: APP_ID, userId: 'alice' }, ErrorCode.TOKEN_MALFORMED],
      ['an empty user ID', { appId: APP_ID, token: token04, userId: '' }, ErrorCode.USER_ID_INVALID],
      ['a 65-byte user ID', { appId: APP_ID, token: token04, userId: 'u'.repeat(65) }, ErrorCode.USER_ID_INVALID],
      ['an empty room ID (leave it out for none)', { appId: APP_ID, token: token04, userId: 'alice', roomId: '' }, ErrorCode.ROOM_ID_INVALID],
      ['a Latin-1 room ID: btoa carries it, but no ZEGO client joins it (the rule of every room ID we write)', { appId: APP_ID, token: token04, userId: 'alice', roomId: 'café' }, ErrorCode.ROOM_ID_INVALID],
      ['a room ID with / (the Web SDK refuses it)', { appId: APP_ID, token: token04, userId: 'alice', roomId: 'team/lobby' }, ErrorCode.ROOM_ID_INVALID],
      ['a number as the user name', { appId: APP_ID, token: token04, userId: 'alice', userName: 7 }, ErrorCode.OPTION_INVALID],
      ['an unknown option (UIKit’s spelling)', { appId: APP_ID, token: token04, userID: 'alice' }, ErrorCode.OPTION_INVALID],
    ];
    for (const [name, options, code] of refused) {
      it(name, () => {
        expectZegoError(() => wrapKitToken(options as node.KitTokenOptions), code);
      });
    }
  });

  it('is one function in both entries: @zego-token/core/web writes the same kit tokens', () => {
    for (const c of cases) {
      const options = { appId: c.appId ?? APP_ID, token: c.token ?? token04, roomId: c.roomId, userId: c.userId, userName: c.userName };
      expect(web.wrapKitToken(options)).to.equal(node.wrapKitToken(options));
    }
    expectZegoError(() => web.wrapKitToken({ appId: APP_ID, token: token04, userId: '张伟' }), ErrorCode.USER_ID_INVALID);
  });
});

describe('kit tokens from the issuer: getUserName', () => {
  before(function () {
    this.timeout(60_000);
    uikit();
  });

  const issuers: Array<[string, node.TokenIssuerOptions<{ name: unknown }>, boolean]> = [
    ['a 04 room token', {}, false],
    ['a 04 CBC room token', { mode: 'cbc' }, false],
    ['a 03 room token', { version: '03' }, false],
    ['a 04 token without room payload (the room still in the wrapper)', { roomPayload: false }, false],
  ];
  const names: unknown[] = ['Zoë Martin', '', null, undefined, '张伟 & co', Promise.resolve('async Zoë')];

  for (const [kind, options] of issuers) {
    for (const name of names) {
      it(`${kind}, a name of ${name instanceof Promise ? 'a promise' : JSON.stringify(name) ?? 'undefined'}: kitToken is UIKit’s for the body’s token`, async () => {
        const issuer = createTokenIssuer({ appId: APP_ID, secret: SECRET, ...options, getUserName: (request) => request.name as string });
        const response = await issuer.issue({ userId: 'zoë', roomId: 'lobby', request: { name } });
        expect(response.status).to.equal(200);
        const body = response.body as TokenResponseBody;
        expect(Object.keys(body)).to.deep.equal(['token', 'kitToken', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt']);
        const userName = (await name) as string | null | undefined;
        expect(body.kitToken).to.equal(uikit().generateKitTokenForProduction(APP_ID, body.token, 'lobby', 'zoë', userName ?? ''));
        expect(wrapperOf(body.kitToken!)).to.deep.equal({ userID: 'zoë', roomID: 'lobby', userName: encodeURIComponent(userName ?? ''), appID: APP_ID });
        // The token inside decodes, with an implementation of FORMAT.md independent of the library, to the same user.
        expect(JSON.parse(readRawToken(body.token, SECRET).plaintext)).to.include({ app_id: APP_ID, user_id: 'zoë' });
      });
    }
  }

  it('without getUserName, no kitToken key at all', () => {
    const response = createTokenIssuer({ appId: APP_ID, secret: SECRET }).issue({ userId: 'alice', roomId: 'lobby', request: {} }) as node.TokenResponse;
    expect(response.body).to.not.have.property('kitToken');
  });

  it('a synchronous getUserName keeps the answer synchronous', () => {
    const response = createTokenIssuer({ appId: APP_ID, secret: SECRET, getUserName: () => 'Alice' }).issue({ userId: 'alice', roomId: 'lobby', request: {} });
    expect(response).to.not.be.instanceOf(Promise);
    expect((response as node.TokenResponse).body).to.have.property('kitToken');
  });

  it('is asked with the request (and the host, when there is one) only once the token is granted', async () => {
    const calls: unknown[][] = [];
    const getUserName = (...args: unknown[]): string => (calls.push(args), 'n');
    const issuer = createTokenIssuer<{ id: number }>({
      appId: APP_ID,
      secret: SECRET,
      getUserName,
      privilege: ({ roomId }) => roomId !== 'vip' && {},
    });
    const request = { id: 1 };
    expect((await issuer.issue({ userId: null, roomId: 'lobby', request })).status).to.equal(401);
    expect((await issuer.issue({ userId: 'alice', roomId: 'bad room', request })).status).to.equal(400);
    expect((await issuer.issue({ userId: 'alice', roomId: 'vip', request })).status).to.equal(403);
    expect(calls).to.deep.equal([]);
    expect((await issuer.issue({ userId: 'alice', roomId: 'lobby', request })).status).to.equal(200);
    const host = { ZEGO_APP_ID: 'x' };
    expect((await issuer.issue({ userId: 'alice', roomId: 'lobby', request, host })).status).to.equal(200);
    expect(calls).to.have.length(2);
    expect(calls[0]).to.have.length(1);
    expect(calls[0]![0]).to.equal(request);
    expect(calls[1]).to.have.length(2);
    expect(calls[1]![0]).to.equal(request);
    expect(calls[1]![1]).to.equal(host);
  });

  describe('fails closed: a result outside the contract is a server error, never a token', () => {
    const bad: Array<[string, () => unknown, number | RegExp]> = [
      ['a number', () => 42, ErrorCode.OPTION_INVALID],
      ['an object', () => ({ name: 'Alice' }), ErrorCode.OPTION_INVALID],
      ['true', () => true, ErrorCode.OPTION_INVALID],
      ['a promise of a number', () => Promise.resolve(42), ErrorCode.OPTION_INVALID],
      ['a name with a lone surrogate', () => 'a\udc00', ErrorCode.OPTION_INVALID],
      ['a throw', () => {
        throw new Error('profile service down');
      }, /profile service down/],
      ['a rejection', () => Promise.reject(new Error('profile service down')), /profile service down/],
    ];
    for (const [name, getUserName, expected] of bad) {
      it(name, async () => {
        const issuer = createTokenIssuer({ appId: APP_ID, secret: SECRET, getUserName: getUserName as () => string });
        let thrown: unknown;
        try {
          await issuer.issue({ userId: 'alice', roomId: 'lobby', request: {} });
        } catch (error) {
          thrown = error;
        }
        if (typeof expected === 'number') {
          expect(thrown).to.be.instanceOf(ZegoTokenError).and.include({ code: expected, option: 'getUserName' });
        } else {
          expect(thrown).to.be.instanceOf(Error).with.property('message').that.matches(expected);
        }
      });
    }

    it('a user ID beyond Latin-1: USER_ID_INVALID, and getUserName is not even asked', () => {
      let asked = false;
      const issuer = createTokenIssuer({ appId: APP_ID, secret: SECRET, getUserName: () => ((asked = true), 'n') });
      const error = expectZegoError(() => issuer.issue({ userId: '张伟', roomId: 'lobby', request: {} }), ErrorCode.USER_ID_INVALID);
      expect(error.option).to.equal('userId');
      expect(asked).to.equal(false);
      // The same user without getUserName still gets a plain token: ZEGO takes the ID, only the wrapper cannot.
      expect((createTokenIssuer({ appId: APP_ID, secret: SECRET }).issue({ userId: '张伟', roomId: 'lobby', request: {} }) as node.TokenResponse).status).to.equal(200);
    });

    it('getUserName that is not a function is refused at construction', () => {
      for (const value of ['Alice', null, {}]) {
        const error = expectZegoError(() => createTokenIssuer({ appId: APP_ID, secret: SECRET, getUserName: value as never }), ErrorCode.OPTION_INVALID);
        expect(error.option).to.equal('getUserName');
      }
    });
  });

  it('the Web Crypto issuer answers the same kitToken (promised)', async () => {
    const issuer = web.createTokenIssuer({ appId: APP_ID, secret: SECRET, getUserName: () => Promise.resolve('Zoë') });
    const body = (await issuer.issue({ userId: 'zoë', roomId: 'lobby', request: {} })).body as TokenResponseBody;
    expect(body.kitToken).to.equal(uikit().generateKitTokenForProduction(APP_ID, body.token, 'lobby', 'zoë', 'Zoë'));
    await issuer.issue({ userId: 'Ω', roomId: 'lobby', request: {} }).then(
      () => expect.fail('a user ID beyond Latin-1 must reject'),
      (error: unknown) => expect(error).to.be.instanceOf(ZegoTokenError).with.property('code', ErrorCode.USER_ID_INVALID),
    );
  });
});
