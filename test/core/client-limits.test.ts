/**
 * Writing only what every ZEGO client takes (docs/FORMAT.md "Limits", measured with ZEGO's client SDKs), from every
 * entry point: no room or stream ID with a character the Web SDK refuses (`/`, `:`, …: one set), no token that
 * expires after 2^31 - 1 s (ZIM reads it as long past), no lifetime that is plainly a timestamp or milliseconds, and
 * issuers within 24 days unless `allowLongLifetime: true`. The doctor's codes for these are in diagnose-token.test.ts;
 * here, what its messages say. The CLI's side is test/cli/client-limits.test.ts.
 */
import { expect } from 'chai';
import * as node from '@zego-token/core';
import * as web from '@zego-token/core/web';
import * as assistant from '@zego-token/core/server-assistant';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, fieldCase, SECRET, type FieldCase } from '../support/fixtures.js';
import { readRawToken, sealRawToken } from '../support/format-decoder.js';

const { ErrorCode, INVALID_ROOM_ID_RESPONSE, MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME } = node;
const now = (): number => Math.floor(Date.now() / 1000);
const base04 = { appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 60 };
const base03 = { ...base04, roomId: 'lobby' };
const roomPayloadText = (room: string, streams: string[] | null = null): string =>
  JSON.stringify({ room_id: room, privilege: { 1: 1, 2: 1 }, stream_id_list: streams });

/** What a call did: its ZegoTokenError's code, option and reason, or `'ok'`. Rejections and the seed's results too. */
interface Outcome {
  code: number;
  option?: string | undefined;
  reason?: string;
}
async function outcome(call: () => unknown): Promise<Outcome | 'ok'> {
  try {
    const result = await call();
    if (typeof result === 'object' && result !== null && 'errorCode' in result) {
      const { errorCode } = result as node.TokenInfo;
      return errorCode === ErrorCode.SUCCESS ? 'ok' : { code: errorCode };
    }
    return 'ok';
  } catch (error) {
    expect(error).to.be.instanceOf(node.ZegoTokenError);
    const { code, option, reason } = error as node.ZegoTokenError;
    return { code, option, reason };
  }
}

/** Every writer of a room ID, as a function of the room, and the option its error names (the seed's names none). */
const roomWriters: Array<[string, (roomId: string) => unknown, string | undefined]> = [
  ['generateToken03', (roomId) => node.generateToken03({ ...base03, roomId }), 'roomId'],
  ['generateToken03 (Web Crypto)', (roomId) => web.generateToken03({ ...base03, roomId }), 'roomId'],
  ['generateToken04 with a room payload', (roomId) => node.generateToken04({ ...base04, payload: { roomId } }), 'payload.roomId'],
  ['generateToken04 (Web Crypto) with a room payload', (roomId) => web.generateToken04({ ...base04, payload: { roomId } }), 'payload.roomId'],
  ['generateToken04 with a room payload string', (roomId) => node.generateToken04({ ...base04, payload: roomPayloadText(roomId) }), 'payload.room_id'],
  ['buildRoomPayload', (roomId) => node.buildRoomPayload({ roomId }), 'payload.roomId'],
  ['the seed generateToken (error code 2)', (roomId) => node.generateToken(APP_ID, roomId, 'alice', { 1: 1, 2: 1 }, SECRET, 60), undefined],
  ['server-assistant generateToken', (roomId) => assistant.generateToken(APP_ID, roomId, 'alice', { canLoginRoom: true, canPublishStream: true }, SECRET, 60), 'roomId'],
  ['server-assistant generateToken04 with a room payload string', (roomId) => assistant.generateToken04(APP_ID, 'alice', SECRET, 60, roomPayloadText(roomId)), 'payload.room_id'],
];

/** [what, room ID, the character the error names]: rooms ZEGO's Web SDK refuses (1002012). */
const refusedRooms: Array<[string, string, string]> = [
  ['a slash (in ZEGO’s documented set)', 'team/lobby', "'/'"],
  ['a slash alone', '/', "'/'"],
  ['a colon', 'team:lobby', "':'"],
  ['a space', 'team lobby', 'a space'],
  ['a non-ASCII letter', 'café', 'a non-ASCII character'],
  ['a control character', 'lobby\u0007', 'a control character'],
  ['a question mark', 'lobby?', "'?'"],
];

const EVERY_SYMBOL = "~!@#$%^&*()_+=-`;',.<>\\";

describe('room and stream IDs: one rule for every writer', () => {
  for (const [writer, write, option] of roomWriters) {
    describe(writer, () => {
      for (const [what, roomId, named] of refusedRooms) {
        it(`refuses a room ID with ${what} (ROOM_ID_INVALID), naming ${named} and not the room`, async () => {
          const result = await outcome(() => write(roomId));
          expect(result).to.not.equal('ok');
          const { code, option: named_, reason } = result as Outcome;
          expect(code).to.equal(ErrorCode.ROOM_ID_INVALID);
          if (option === undefined) return; // the seed API returns only a code and a message
          expect(named_).to.equal(option);
          expect(reason).to.include(`it has ${named}`).and.include("ZEGO's Web SDK");
          if (roomId.length > 1) expect(reason).to.not.include(roomId);
        });
      }

      it(`takes every other symbol of ZEGO's set, digits and letters: ${EVERY_SYMBOL}Lobby9`, async () => {
        expect(await outcome(() => write(`${EVERY_SYMBOL}Lobby9`))).to.equal('ok');
      });
    });
  }

  it('the seed generateToken says why in its errorMessage', () => {
    const info = node.generateToken(APP_ID, 'team/lobby', 'alice', { 1: 1, 2: 1 }, SECRET, 60);
    expect(info).to.deep.equal({ token: '', errorCode: 2, errorMessage: info.errorMessage });
    expect(info.errorMessage).to.match(/^roomId must be digits, English letters and .* only \(it has '\/'/);
  });

  it('the token routes answer 400 invalid_room_id for such a room (both builds), and serve the rest of the set', async () => {
    for (const issuer of [node.createTokenIssuer({ appId: APP_ID, secret: SECRET }), web.createTokenIssuer({ appId: APP_ID, secret: SECRET })]) {
      for (const [, roomId] of refusedRooms) {
        expect(await issuer.issue({ userId: 'alice', roomId, request: null }), roomId).to.deep.equal(INVALID_ROOM_ID_RESPONSE);
      }
      expect((await issuer.issue({ userId: 'alice', roomId: EVERY_SYMBOL, request: null })).status).to.equal(200);
    }
    expect((INVALID_ROOM_ID_RESPONSE.body as node.TokenErrorBody).error.message).to.equal(`Room IDs are 1-128 characters: letters, digits and ${EVERY_SYMBOL}`);
  });

  it('a payload string that is no room payload is the app’s, carried as is; an empty room_id (any room) too', () => {
    for (const payload of ['team/lobby', '{"channel":"a/b"}', '{"room_id":7}', roomPayloadText('')]) {
      const token = node.generateToken04({ ...base04, payload });
      expect(node.decodeToken(token, SECRET)).to.include({ payload });
    }
  });

  describe('stream IDs, the same set (PAYLOAD_INVALID)', () => {
    const streamWriters: Array<[string, (streams: string[]) => unknown, string]> = [
      ['generateToken04', (streamIdList) => node.generateToken04({ ...base04, payload: { roomId: 'lobby', streamIdList } }), 'payload.streamIdList[1]'],
      ['generateToken04 (Web Crypto)', (streamIdList) => web.generateToken04({ ...base04, payload: { roomId: 'lobby', streamIdList } }), 'payload.streamIdList[1]'],
      ['generateToken04 with a room payload string', (streams) => node.generateToken04({ ...base04, payload: roomPayloadText('lobby', streams) }), 'payload.stream_id_list[1]'],
      ['server-assistant generateToken04', (streams) => assistant.generateToken04(APP_ID, 'alice', SECRET, 60, roomPayloadText('lobby', streams)), 'payload.stream_id_list[1]'],
      ['createTokenIssuer (a fixed list)', (streamIdList) => node.createTokenIssuer({ appId: APP_ID, secret: SECRET, streamIdList }), 'streamIdList[1]'],
      ['createTokenIssuer (Web Crypto)', (streamIdList) => web.createTokenIssuer({ appId: APP_ID, secret: SECRET, streamIdList }), 'streamIdList[1]'],
    ];
    for (const [writer, write, option] of streamWriters) {
      it(`${writer}: refuses 'cam/1' and 'cam:1', naming the character; takes ${EVERY_SYMBOL}`, async () => {
        for (const [id, named] of [['cam/1', "'/'"], ['cam:1', "':'"]] as const) {
          const result = (await outcome(() => write(['cam', id]))) as Outcome;
          expect(result).to.deep.include({ code: ErrorCode.PAYLOAD_INVALID, option });
          expect(result.reason).to.include(`it has ${named}`).and.not.include(id);
        }
        expect(await outcome(() => write(['cam', EVERY_SYMBOL]))).to.equal('ok');
      });
    }

    it('a stream list resolver that gives one is a server error, never a token (both builds)', async () => {
      for (const make of [node.createTokenIssuer, web.createTokenIssuer]) {
        const issuer = make({ appId: APP_ID, secret: SECRET, streamIdList: () => ['cam/1'] });
        const result = (await outcome(() => issuer.issue({ userId: 'alice', roomId: 'lobby', request: null }))) as Outcome;
        expect(result.code).to.equal(ErrorCode.PAYLOAD_INVALID);
      }
    });
  });
});

/** A lifetime that makes a token made now expire one second after 2^31 - 1 s, odd (no round milliseconds). */
const pastLastExpiry = (): number => {
  const lifetime = MAX_EXPIRE_TIME - now() + 1;
  return lifetime % 2 === 0 ? lifetime + 1 : lifetime;
};

/** [what, the lifetime, how the reason starts]: lifetimes every writer refuses (EFFECTIVE_TIME_IN_SECONDS_INVALID). */
const refusedLifetimes: Array<[string, () => number, string | RegExp]> = [
  ['a timestamp (Date.now() / 1000)', now, /^looks like a timestamp \(\d{4}-\d\d-\d\dT[\d:.]+Z\), not a lifetime in seconds/],
  ['an expiry time (now + 3600)', () => now() + 3600, 'looks like a timestamp ('],
  ['a fixed date in 2026', () => 1_796_428_800, 'looks like a timestamp (2026-12-05T00:00:00.000Z)'],
  ['milliseconds since 1970 (Date.now())', () => Date.now(), 'looks like a timestamp in milliseconds ('],
  ['an hour in milliseconds', () => 3_600_000, 'looks like milliseconds (60 min), not a lifetime in seconds'],
  ['a day in milliseconds', () => 86_400_000, 'looks like milliseconds (24 h)'],
  ['35 minutes in milliseconds (24.3 days as seconds)', () => 2_100_000, 'looks like milliseconds (35 min)'],
  ['a lifetime expiring after 2^31 - 1 s (2038-01-19)', pastLastExpiry, /^would make the token expire at 2038-01-19T03:14:0[89]\.000Z, after 2038-01-19T03:14:07\.000Z \(2\^31 - 1 s\), which ZIM reads as long past: at most \d+ s from now$/],
];

/** Every writer of a lifetime, as a function of it (the issuers' own 24-day rule is tested below). */
const lifetimeWriters: Array<[string, (seconds: number) => unknown]> = [
  ['generateToken04', (effectiveTimeInSeconds) => node.generateToken04({ ...base04, effectiveTimeInSeconds })],
  ['generateToken04 (Web Crypto)', (effectiveTimeInSeconds) => web.generateToken04({ ...base04, effectiveTimeInSeconds })],
  ['generateToken03', (effectiveTimeInSeconds) => node.generateToken03({ ...base03, effectiveTimeInSeconds })],
  ['generateToken03 (Web Crypto)', (effectiveTimeInSeconds) => web.generateToken03({ ...base03, effectiveTimeInSeconds })],
  ['the seed generateToken (error code 6)', (seconds) => node.generateToken(APP_ID, 'lobby', 'alice', { 1: 1, 2: 1 }, SECRET, seconds)],
  ['server-assistant generateToken04', (seconds) => assistant.generateToken04(APP_ID, 'alice', SECRET, seconds, '')],
  ['server-assistant generateToken', (seconds) => assistant.generateToken(APP_ID, 'lobby', 'alice', { canLoginRoom: true, canPublishStream: true }, SECRET, seconds)],
  ['createTokenIssuer, even with allowLongLifetime', (effectiveTimeInSeconds) => node.createTokenIssuer({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds, allowLongLifetime: true })],
  ['createTokenIssuer (Web Crypto), even with allowLongLifetime', (effectiveTimeInSeconds) => web.createTokenIssuer({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds, allowLongLifetime: true })],
];

describe('lifetimes: within what every client takes', () => {
  for (const [writer, write] of lifetimeWriters) {
    describe(writer, () => {
      for (const [what, lifetime, reason] of refusedLifetimes) {
        it(`refuses ${what} (EFFECTIVE_TIME_IN_SECONDS_INVALID), saying so`, async () => {
          const result = (await outcome(() => write(lifetime()))) as Outcome;
          expect(result).to.not.equal('ok');
          expect(result.code).to.equal(ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
          if (result.reason === undefined) return; // the seed API returns only a code and a message
          expect(result.option).to.equal('effectiveTimeInSeconds');
          if (typeof reason === 'string') expect(result.reason.startsWith(reason), result.reason).to.equal(true);
          else expect(result.reason).to.match(reason);
        });
      }

      it('takes 24 days, 30 days and a year (long, but plainly seconds), and the last lifetime that expires by 2^31 - 1 s', async () => {
        for (const seconds of [MAX_CLIENT_LIFETIME_SECONDS, 2_592_000, 31_536_000, MAX_EXPIRE_TIME - now() - 5]) {
          expect(await outcome(() => write(seconds)), String(seconds)).to.equal('ok');
        }
      });
    });
  }

  it('a token at the last lifetime expires by 2^31 - 1 s, header and body', () => {
    const token = node.generateToken04({ ...base04, effectiveTimeInSeconds: MAX_EXPIRE_TIME - now() - 5 });
    const raw = readRawToken(token, SECRET);
    expect(Number(raw.expireTime)).to.be.at.most(MAX_EXPIRE_TIME);
    expect(node.decodeToken(token, SECRET).expireTime).to.equal(Number(raw.expireTime));
  });

  it('the seed generateToken says why in its errorMessage', () => {
    const info = node.generateToken(APP_ID, 'lobby', 'alice', { 1: 1, 2: 1 }, SECRET, 1_796_428_800);
    expect(info.errorCode).to.equal(6);
    expect(info.errorMessage).to.equal(
      'effectiveTimeInSeconds looks like a timestamp (2026-12-05T00:00:00.000Z), not a lifetime in seconds: give the seconds the token should last (3600 for an hour). Received 1796428800',
    );
  });

  it('the limits are exported: MAX_CLIENT_LIFETIME_SECONDS (24 days) and MAX_EXPIRE_TIME (2^31 - 1), in both builds', () => {
    expect([MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME]).to.deep.equal([24 * 86_400, 2 ** 31 - 1]);
    expect([web.MAX_CLIENT_LIFETIME_SECONDS, web.MAX_EXPIRE_TIME]).to.deep.equal([MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME]);
  });

  describe('issuers and routes: at most 24 days unless allowLongLifetime: true', () => {
    const makers: Array<[string, (options: node.TokenIssuerOptions) => unknown]> = [
      ['createTokenIssuer', (options) => node.createTokenIssuer({ appId: APP_ID, secret: SECRET, ...options })],
      ['createTokenIssuer (Web Crypto)', (options) => web.createTokenIssuer({ appId: APP_ID, secret: SECRET, ...options })],
      ['createTokenRoute', (options) => node.createTokenRoute({ appId: APP_ID, secret: SECRET, getUserId: () => 'alice', ...options }, ['path'])],
      ['createTokenRoute (Web Crypto)', (options) => web.createTokenRoute({ appId: APP_ID, secret: SECRET, getUserId: () => 'alice', ...options }, ['path'])],
      ['createTokenRoute, an identity route', (options) => node.createTokenRoute({ appId: APP_ID, secret: SECRET, getUserId: () => 'alice', path: '/zego/token', ...options } as never, ['path'])],
    ];
    for (const [maker, make] of makers) {
      it(`${maker}: refuses 24 days and a second at construction, saying how to allow it`, () => {
        const error = expectZegoError(() => make({ effectiveTimeInSeconds: MAX_CLIENT_LIFETIME_SECONDS + 1 }), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID, [SECRET]);
        expect(error.option).to.equal('effectiveTimeInSeconds');
        expect(error.reason).to.match(/^is over 24 days \(2073600 s\), which ZIM refuses .*allowLongLifetime: true/);
      });

      it(`${maker}: takes 24 days, and more with allowLongLifetime: true (false is the default)`, () => {
        expect(() => make({ effectiveTimeInSeconds: MAX_CLIENT_LIFETIME_SECONDS })).to.not.throw();
        expect(() => make({ effectiveTimeInSeconds: 2_592_000, allowLongLifetime: true })).to.not.throw();
        expect(() => make({ allowLongLifetime: true })).to.not.throw();
        expectZegoError(() => make({ effectiveTimeInSeconds: 2_592_000, allowLongLifetime: false }), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
      });

      it(`${maker}: says a lifetime in milliseconds is one, before the 24-day rule`, () => {
        const error = expectZegoError(() => make({ effectiveTimeInSeconds: 3_600_000 }), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
        expect(error.reason).to.match(/^looks like milliseconds \(60 min\)/);
      });

      it(`${maker}: refuses an allowLongLifetime that is not a boolean (OPTION_INVALID), and names it when misspelt`, () => {
        for (const value of ['yes', 1, null]) {
          const error = expectZegoError(() => make({ allowLongLifetime: value as never }), ErrorCode.OPTION_INVALID);
          expect(error.option).to.equal('allowLongLifetime');
        }
        const misspelt = expectZegoError(() => make({ allowLongLifetimes: true } as never), ErrorCode.OPTION_INVALID);
        expect(misspelt.message).to.include('did you mean allowLongLifetime?');
      });
    }

    it('the issuer serves tokens of the long lifetime it was allowed', async () => {
      const issuer = node.createTokenIssuer({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: 2_592_000, allowLongLifetime: true });
      const body = (await issuer.issue({ userId: 'alice', roomId: 'lobby', request: null })).body as node.TokenResponseBody;
      expect(body.expiresAt - body.issuedAt).to.equal(2_592_000);
    });

    it('a token that would expire after 2038 as the years pass is a server error when issued, never a token (both builds)', async () => {
      const lifetime = 10 * 31_536_000 + 1; // ten years and a second: refused at construction from 2028-01
      const issuers = [node, web].map((build) => build.createTokenIssuer({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: lifetime, allowLongLifetime: true }));
      const realNow = Date.now;
      Date.now = () => (MAX_EXPIRE_TIME - lifetime + 1) * 1000; // the first second whose tokens would expire too late
      try {
        for (const issuer of issuers) {
          const result = (await outcome(() => issuer.issue({ userId: 'alice', roomId: 'lobby', request: null }))) as Outcome;
          expect(result.code).to.equal(ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
          expect(result.reason).to.match(/^would make the token expire at 2038-01-19T03:14:08\.000Z/);
        }
        expectZegoError(() => node.createTokenIssuer({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: lifetime, allowLongLifetime: true }), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
        Date.now = () => (MAX_EXPIRE_TIME - lifetime) * 1000; // one second earlier: the last token expires at 2^31 - 1 s
        const body = (await issuers[0]!.issue({ userId: 'alice', roomId: 'lobby', request: null })).body as node.TokenResponseBody;
        expect(body.expiresAt).to.equal(MAX_EXPIRE_TIME);
      } finally {
        Date.now = realNow;
      }
    });
  });
});

describe('the doctor on the limits: what its messages say', () => {

  const diagnosed = (c: FieldCase, withSecret = true): node.DiagnosisFinding[] =>
    node.diagnoseToken(c.token, { ...(withSecret ? { secret: c.secret } : {}), appId: c.appId, now: c.now }).findings;
  const message = (findings: node.DiagnosisFinding[], code: node.DiagnosisCode): string => findings.find((f) => f.code === code)?.message ?? '';

  it('F06a, ZEGO’s sample server given a timestamp as the lifetime: expiry_after_2038, which says so', () => {
    const c = fieldCase('F06a');
    const findings = diagnosed(c);
    expect(findings.map((f) => f.code)).to.include.members(c.expect.findings);
    expect(node.diagnoseToken(c.token, { secret: c.secret, now: c.now }).ok).to.equal(c.expect.ok);
    expect(message(findings, 'expiry_after_2038')).to.match(
      /^The token expires at 2083-.*, after 2038-01-19T03:14:07\.000Z \(2\^31 - 1 s\), which ZIM reads as long past \(an immediate "Token expired"\); its lifetime, \d+ s, looks like a timestamp \(2026-12-.*\), not a lifetime in seconds: give its generator the lifetime in seconds/,
    );
    // Without the secret the header still says when it expires, but not why.
    expect(message(diagnosed(c, false), 'expiry_after_2038')).to.include('ZIM reads as long past').and.not.include('looks like');
  });

  it('F06b, the same server given milliseconds: lifetime_too_long, which says so', () => {
    const c = fieldCase('F06b');
    const findings = diagnosed(c);
    expect(findings.map((f) => f.code)).to.include.members(c.expect.findings);
    expect(message(findings, 'lifetime_too_long')).to.match(
      /^The token lasts 42 days, over the 24 days ZIM takes \(6000109\) and the Web SDK's renewal timer waits; its lifetime, 3600000 s, looks like milliseconds \(60 min\), not a lifetime in seconds: /,
    );
    expect(message(diagnosed(c, false), 'lifetime_too_long')).to.match(/^The token expires in \d+ days, over the 24 days/);
  });

  it('room_id_charset names the character, never the room or stream ID; zim_needs_04 names ZIM’s code', () => {
    // Payloads our generators refuse, as other generators (and our earlier versions) wrote them: sealed by hand.
    const sealed = (payload: string): string => {
      const created = now();
      const plaintext = JSON.stringify({ app_id: APP_ID, user_id: 'alice', nonce: 1, ctime: created, expire: created + 3600, payload });
      return sealRawToken({ mode: 'gcm', secret: SECRET, expireTime: created + 3600, plaintext });
    };
    const room = node.diagnoseToken(sealed(roomPayloadText('team/secret-lobby', ['cam'])), { secret: SECRET });
    expect(room.findings.map((f) => f.code)).to.deep.equal(['room_id_charset']);
    expect(message(room.findings, 'room_id_charset')).to.equal(
      `The token's room ID has '/', which ZEGO's Web SDK refuses before it connects (1002012): use room IDs of digits, English letters and ${EVERY_SYMBOL} only.`,
    );
    const stream = node.diagnoseToken(sealed(roomPayloadText('lobby', ['cam', 'secret:cam'])), { secret: SECRET });
    expect(message(stream.findings, 'room_id_charset')).to.include("has ':', which ZEGO's Web SDK refuses to publish (1000016)").and.not.include('secret:cam');
    expect(room.ok || stream.ok).to.equal(false);
    const zim = node.diagnoseToken(node.generateToken03(base03), { secret: SECRET });
    expect(zim.ok).to.equal(true);
    expect(message(zim.findings, 'zim_needs_04')).to.include('ZIM refuses it (6000107, "Token version number is wrong")');
  });
});
