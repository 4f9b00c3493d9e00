import { expect } from 'chai';
import {
  buildRoomPayload,
  ErrorCode,
  generateToken03,
  generateToken04,
  type GenerateToken03Options,
  type GenerateToken04Options,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const valid04: GenerateToken04Options = { appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600 };
const valid03: GenerateToken03Options = { ...valid04, roomId: 'lobby' };

/** [what is wrong, the bad option(s), the code it must fail with]: the specification of input validation. */
const invalidInputs: Array<[string, Record<string, unknown>, number]> = [
  ['appId 0', { appId: 0 }, ErrorCode.APP_ID_INVALID],
  ['appId negative', { appId: -1 }, ErrorCode.APP_ID_INVALID],
  ['appId above uint32', { appId: 4_294_967_296 }, ErrorCode.APP_ID_INVALID],
  ['appId fractional', { appId: 1.5 }, ErrorCode.APP_ID_INVALID],
  ['appId NaN', { appId: Number.NaN }, ErrorCode.APP_ID_INVALID],
  ['appId as a string', { appId: '1234567890' }, ErrorCode.APP_ID_INVALID],
  ['appId missing', { appId: undefined }, ErrorCode.APP_ID_INVALID],
  ['userId empty', { userId: '' }, ErrorCode.USER_ID_INVALID],
  ['userId of 65 bytes', { userId: 'a'.repeat(65) }, ErrorCode.USER_ID_INVALID],
  ['userId of 22 characters but 66 UTF-8 bytes', { userId: 'ユ'.repeat(22) }, ErrorCode.USER_ID_INVALID],
  ['userId a number', { userId: 42 }, ErrorCode.USER_ID_INVALID],
  ['secret of 31 bytes', { secret: SECRET.slice(1) }, ErrorCode.SECRET_INVALID],
  ['secret of 33 bytes', { secret: `${SECRET}0` }, ErrorCode.SECRET_INVALID],
  ['secret of 32 UTF-16 units but 33 UTF-8 bytes', { secret: `é${SECRET.slice(1)}` }, ErrorCode.SECRET_INVALID],
  ['secret missing', { secret: undefined }, ErrorCode.SECRET_INVALID],
  ['secret a Buffer', { secret: Buffer.from(SECRET) }, ErrorCode.SECRET_INVALID],
  ['lifetime 0', { effectiveTimeInSeconds: 0 }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime negative', { effectiveTimeInSeconds: -3600 }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime fractional', { effectiveTimeInSeconds: 1.5 }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime Infinity', { effectiveTimeInSeconds: Infinity }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime as a string', { effectiveTimeInSeconds: '3600' }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime past 2^31 - 1 seconds', { effectiveTimeInSeconds: 2 ** 31 }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['lifetime MAX_SAFE_INTEGER', { effectiveTimeInSeconds: Number.MAX_SAFE_INTEGER }, ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
  ['userId with a lone surrogate', { userId: 'alice\uD800' }, ErrorCode.USER_ID_INVALID],
  ['secret of lone surrogates that count 32 UTF-8 bytes', { secret: '\uD800'.repeat(10) + 'ab' }, ErrorCode.SECRET_INVALID],
];

const invalid04Only: Array<[string, Record<string, unknown>, number]> = [
  ['payload a number', { payload: 42 }, ErrorCode.PAYLOAD_INVALID],
  ['payload null', { payload: null }, ErrorCode.PAYLOAD_INVALID],
  ['payload too long for a token', { payload: 'x'.repeat(65_520) }, ErrorCode.PAYLOAD_INVALID],
  ['room payload with an empty roomId', { payload: { roomId: '' } }, ErrorCode.ROOM_ID_INVALID],
  ['room payload with a 129-byte roomId', { payload: { roomId: 'r'.repeat(129) } }, ErrorCode.ROOM_ID_INVALID],
  ['room payload with a bad privilege', { payload: { roomId: 'r', privilege: { publish: 2 } } }, ErrorCode.PRIVILEGE_INVALID],
  ['room payload with a bad stream list', { payload: { roomId: 'r', streamIdList: ['ok', 7] } }, ErrorCode.PAYLOAD_INVALID],
  ['room payload with an empty stream ID', { payload: { roomId: 'r', streamIdList: [''] } }, ErrorCode.PAYLOAD_INVALID],
  // eslint-disable-next-line no-sparse-arrays -- the hole is the point: Array#every would skip it
  ['room payload with a sparse stream list', { payload: { roomId: 'r', streamIdList: [, 's'] } }, ErrorCode.PAYLOAD_INVALID],
  ['mode not gcm or cbc', { mode: 'ecb' }, ErrorCode.OPTION_INVALID],
];

const invalidPrivileges: Array<[string, unknown]> = [
  ['a typo that would silently grant publishing', { pubish: false }],
  ['named and numeric keys mixed', { login: true, 2: 1 }],
  ['only key 1', { 1: 1 }],
  ['key 3', { 1: 1, 2: 1, 3: 1 }],
  ['a value of 2', { 1: 1, 2: 2 }],
  ['a string value', { login: 'yes' }],
  ['null', null],
  ['an array', [1, 1]],
  ['a number', 3],
  ['an inherited publish: false', Object.create({ publish: false }) as unknown],
  ['a class instance', new (class { publish = false })()],
  ['an explicit publish: undefined (only a key left out means true)', { publish: undefined }],
  ['an explicit login: undefined', { login: undefined, publish: false }],
]

describe('input validation: each bad argument fails with its seed error code', () => {
  for (const [what, override, code] of invalidInputs) {
    it(`generateToken04 rejects ${what} (code ${code})`, () => {
      expectZegoError(() => generateToken04({ ...valid04, ...override }), code, [SECRET]);
    });
    it(`generateToken03 rejects ${what} (code ${code})`, () => {
      expectZegoError(() => generateToken03({ ...valid03, ...override }), code, [SECRET]);
    });
  }

  for (const [what, override, code] of invalid04Only) {
    it(`generateToken04 rejects ${what} (code ${code})`, () => {
      expectZegoError(() => generateToken04({ ...valid04, ...override }), code, [SECRET]);
    });
  }

  it('generateToken03 rejects an empty, 129-byte, ill-formed or non-string roomId (ROOM_ID_INVALID)', () => {
    for (const roomId of ['', 'r'.repeat(129), 'ル'.repeat(43), '\uDC00room', 7]) {
      expectZegoError(() => generateToken03({ ...valid03, roomId } as GenerateToken03Options), ErrorCode.ROOM_ID_INVALID);
    }
  });

  for (const [what, privilege] of invalidPrivileges) {
    it(`rejects a privilege with ${what} (PRIVILEGE_INVALID)`, () => {
      expectZegoError(
        () => generateToken03({ ...valid03, privilege } as GenerateToken03Options),
        ErrorCode.PRIVILEGE_INVALID,
      );
      expectZegoError(() => buildRoomPayload({ roomId: 'r', privilege } as never), ErrorCode.PRIVILEGE_INVALID);
    });
  }

  it('accepts the limits themselves: appId 1 and 4294967295, 64-byte users, 128-byte rooms', () => {
    expect(generateToken04({ ...valid04, appId: 1 })).to.match(/^04/);
    expect(generateToken04({ ...valid04, appId: 4_294_967_295 })).to.match(/^04/);
    expect(generateToken04({ ...valid04, userId: 'ユ'.repeat(21) + 'a' })).to.match(/^04/);
    expect(generateToken03({ ...valid03, roomId: 'r'.repeat(128) })).to.match(/^03/);
    expect(generateToken04({ ...valid04, payload: { roomId: 'r'.repeat(128) } })).to.match(/^04/);
    // The longest lifetime: the token expires at 2^31 - 1 s, the last expiry ZIM reads as it is (a second's margin).
    expect(generateToken04({ ...valid04, effectiveTimeInSeconds: 2 ** 31 - 2 - Math.floor(Date.now() / 1000) })).to.match(/^04/);
    expect(generateToken04({ ...valid04, secret: 'é'.repeat(16) }), '16 characters, 32 UTF-8 bytes').to.match(/^04/);
  });

  it('freezes ErrorCode, so no code can be reassigned', () => {
    expect(Object.isFrozen(ErrorCode)).to.equal(true);
  });

  it('rejects options that are not an object (OPTION_INVALID)', () => {
    expectZegoError(() => generateToken04(null as never), ErrorCode.OPTION_INVALID);
    expectZegoError(() => generateToken03('appId' as never), ErrorCode.OPTION_INVALID);
  });

  it('reports the first bad argument in the seed order: app, room, user, privilege, secret, lifetime', () => {
    const allBad = { appId: 0, roomId: '', userId: '', privilege: { 1: 5 }, secret: 'x', effectiveTimeInSeconds: 0 };
    const order = ['appId', 'roomId', 'userId', 'privilege', 'secret', 'effectiveTimeInSeconds'] as const;
    const codes: number[] = [];
    const options: Record<string, unknown> = { ...allBad };
    for (const key of order) {
      codes.push(expectZegoError(() => generateToken03(options as never), ErrorCode.APP_ID_INVALID + codes.length).code);
      options[key] = (valid03 as unknown as Record<string, unknown>)[key] ?? { 1: 1, 2: 1 };
    }
    expect(codes).to.deep.equal([1, 2, 3, 4, 5, 6]);
  });

  it('never mutates the caller’s options', () => {
    const options = Object.freeze({
      ...valid04,
      payload: Object.freeze({ roomId: 'r', privilege: Object.freeze({ publish: false }), streamIdList: Object.freeze(['s']) }),
    });
    expect(() => generateToken04(options)).to.not.throw();
  });
});

describe('buildRoomPayload', () => {
  it('writes ZEGO’s room payload with keys in order and null for an unrestricted stream list', () => {
    expect(buildRoomPayload({ roomId: 'demo' })).to.equal(
      '{"room_id":"demo","privilege":{"1":1,"2":1},"stream_id_list":null}',
    );
    expect(buildRoomPayload({ roomId: 'demo', privilege: { login: true, publish: false }, streamIdList: null })).to.equal(
      '{"room_id":"demo","privilege":{"1":1,"2":0},"stream_id_list":null}',
    );
    expect(buildRoomPayload({ roomId: 'd', privilege: { 1: 0, 2: 1 }, streamIdList: ['a', 'b'] })).to.equal(
      '{"room_id":"d","privilege":{"1":0,"2":1},"stream_id_list":["a","b"]}',
    );
  });

  it('treats a missing named privilege as allowed, and accepts booleans in the numeric form', () => {
    expect(buildRoomPayload({ roomId: 'd', privilege: {} })).to.include('"privilege":{"1":1,"2":1}');
    expect(buildRoomPayload({ roomId: 'd', privilege: { login: false } })).to.include('"privilege":{"1":0,"2":1}');
    expect(buildRoomPayload({ roomId: 'd', privilege: { 1: true, 2: false } })).to.include(
      '"privilege":{"1":1,"2":0}',
    );
  });

  it('reads a non-enumerable publish: false as false, never as a key left out (which would grant publishing)', () => {
    const privilege = Object.defineProperty({ login: true }, 'publish', { value: false });
    expect(buildRoomPayload({ roomId: 'd', privilege })).to.include('"privilege":{"1":1,"2":0}');
  });

  it('rejects a payload that is not an object (PAYLOAD_INVALID)', () => {
    expectZegoError(() => buildRoomPayload('demo' as never), ErrorCode.PAYLOAD_INVALID);
  });
});
