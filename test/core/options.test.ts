/**
 * One reader for the options of every public function (lib/options.ts), one rule: options are a plain object whose
 * own keys are the options; each is read once into a frozen record; an unknown key is refused naming the option
 * meant; what cannot be read soundly (a class instance, an inherited option, a Proxy answering keys it does not list,
 * an array that changes while read) is refused or read once, never taken as "left out"; `undefined` is "not given",
 * `null` a value refused unless documented.
 */
import { expect } from 'chai';
import { runInNewContext } from 'node:vm';
import {
  buildRoomPayload,
  createTokenIssuer,
  createTokenRoute,
  decodeToken,
  DEFAULT_TOKEN_PATH,
  diagnoseToken,
  ErrorCode,
  generateToken03,
  generateToken04,
  verifyToken,
  ZegoTokenError,
  type DecodedRoom,
  type TokenResponse,
  type TokenResponseBody,
  type VerifyTokenExpectations,
} from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { zegoToken as fetchHandler } from '@zego-token/fetch';
import type { OptionNames } from '../../packages/core/src/lib/options.js';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const base = { appId: APP_ID, secret: SECRET };
const base04 = { ...base, userId: 'alice', effectiveTimeInSeconds: 60 };
const base03 = { ...base04, roomId: 'lobby' };
const token = generateToken04(base04);

/** The room payload of a 04 token, read back. */
function roomOf(minted: string): DecodedRoom {
  const decoded = decodeToken(minted, SECRET);
  if (decoded.version !== '04' || decoded.room === undefined) throw new Error('expected a room-bound 04 token');
  return decoded.room;
}

function issued(response: TokenResponse): string {
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return (response.body as TokenResponseBody).token;
}

/** `values` as enumerable own getters, with how often each was read. */
function counted<T extends object>(values: T): { options: T; reads: Record<string, number> } {
  const reads: Record<string, number> = {};
  const options = {} as T;
  for (const [key, value] of Object.entries(values) as Array<[string, unknown]>) {
    reads[key] = 0;
    Object.defineProperty(options, key, {
      enumerable: true,
      get: () => {
        reads[key]! += 1;
        return value;
      },
    });
  }
  return { options, reads };
}

/** A Proxy that answers reads from `answers` but lists no keys of its own (its target is `{}`). */
function getOnly<T = never>(answers: Record<string, unknown>): T {
  return new Proxy({}, { get: (_, key) => (typeof key === 'string' ? answers[key] : undefined) }) as T;
}

/** An array that answers `length` with `lengths` in turn (then the last), and its indexes from `items`. */
function shifting(items: string[], lengths: number[]): string[] {
  let read = 0;
  return new Proxy(items, {
    get: (target, key, receiver): unknown => (key === 'length' ? lengths[Math.min(read++, lengths.length - 1)] : Reflect.get(target, key, receiver)),
  });
}

async function rejection(promise: Promise<unknown>): Promise<ZegoTokenError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).to.be.instanceOf(ZegoTokenError);
  return outcome as ZegoTokenError;
}

describe('options: one reader, for every function that takes options', () => {
  // [function, a call with a misspelt key, the code, what the error says]
  const misspelt: Array<[string, () => unknown, number, string]> = [
    ['verifyToken', () => verifyToken(token, SECRET, { userID: 'x' } as never), ErrorCode.OPTION_INVALID, 'unknown option userID: did you mean userId?'],
    ['generateToken04', () => generateToken04({ ...base04, mdoe: 'cbc' } as never), ErrorCode.OPTION_INVALID, 'unknown option mdoe: did you mean mode?'],
    ['generateToken03', () => generateToken03({ ...base03, privilage: { publish: false } } as never), ErrorCode.OPTION_INVALID, 'did you mean privilege?'],
    ['diagnoseToken', () => diagnoseToken(token, { secert: SECRET } as never), ErrorCode.OPTION_INVALID, 'unknown option secert: did you mean secret?'],
    ['createTokenIssuer', () => createTokenIssuer({ ...base, effectiveTime: 60 } as never), ErrorCode.OPTION_INVALID, 'did you mean effectiveTimeInSeconds?'],
    ['createTokenRoute', () => createTokenRoute({ ...base, getUserID: () => 'a' } as never), ErrorCode.OPTION_INVALID, 'did you mean getUserId?'],
    [
      'createTokenRoute’s settings',
      () => createTokenRoute({ ...base, getUserId: () => 'a' }, [], { environmentFromHst: true } as never),
      ErrorCode.OPTION_INVALID,
      'unknown setting environmentFromHst: did you mean environmentFromHost?',
    ],
    ['an adapter’s own option', () => createTokenRoute({ ...base, getUserId: () => 'a', pth: '/t' } as never, ['path']), ErrorCode.OPTION_INVALID, 'did you mean path?'],
    [
      'a room payload (buildRoomPayload, generateToken04)',
      () => generateToken04({ ...base04, payload: { roomId: 'lobby', privilige: { publish: false } } as never }),
      ErrorCode.PAYLOAD_INVALID,
      'unknown room payload key privilige: did you mean privilege?',
    ],
    [
      'a privilege',
      () => buildRoomPayload({ roomId: 'lobby', privilege: { pubish: false } as never }),
      ErrorCode.PRIVILEGE_INVALID,
      'unknown privilege key pubish: did you mean publish?',
    ],
    ['the Web Crypto build’s createTokenIssuer', () => web.createTokenIssuer({ ...base, scret: SECRET } as never), ErrorCode.OPTION_INVALID, 'did you mean secret?'],
    ['an adapter (fetch)', () => fetchHandler({ ...base, getUserId: () => 'a', paht: '/t/:roomId' } as never), ErrorCode.OPTION_INVALID, 'did you mean path?'],
  ];
  for (const [what, call, code, message] of misspelt) {
    it(`${what}: a misspelt key is refused, naming the option meant`, () => {
      expect(expectZegoError(call, code, [SECRET]).message).to.include(message);
    });
  }

  it('the Web Crypto build’s token functions refuse a misspelt key too (as rejections)', async () => {
    expect((await rejection(web.generateToken04({ ...base04, mdoe: 'cbc' } as never))).message).to.include('did you mean mode?');
    expect((await rejection(web.verifyToken(token, SECRET, { userID: 'x' } as never))).message).to.include('did you mean userId?');
  });

  it('a key close to no option is named with the list of options; one that is no identifier is quoted and cut short', () => {
    expect(expectZegoError(() => createTokenIssuer({ ...base, database: {} } as never), ErrorCode.OPTION_INVALID).message)
      .to.include('unknown option database')
      .and.include('appId, secret');
    const error = expectZegoError(() => createTokenIssuer({ ...base, ['x\n'.repeat(100)]: 1 }), ErrorCode.OPTION_INVALID);
    expect(error.message).to.not.include('\n');
    expect(error.message.length).to.be.below(400);
  });

  it('a symbol key is no option’s: it is ignored, in options and in a privilege alike', () => {
    expect(verifyToken(token, SECRET, { [Symbol('userId')]: 'bob' }).userId).to.equal('alice');
    expect(buildRoomPayload({ roomId: 'r', privilege: { publish: false, [Symbol('admin')]: true } })).to.include('"privilege":{"1":1,"2":0}');
  });

  it('createTokenIssuer refuses the route’s options: they belong to createTokenRoute and the adapters', () => {
    expectZegoError(() => createTokenIssuer({ ...base, getUserId: () => 'a' } as never), ErrorCode.OPTION_INVALID);
  });

  it('createTokenRoute reads an adapter’s own option names with its own, and only when the adapter declares them', () => {
    const route = createTokenRoute({ ...base, getUserId: () => 'a', path: '/t/:roomId' } as never, ['path']);
    expect(route.adapterOptions).to.deep.equal({ path: '/t/:roomId' });
    expect(Object.isFrozen(route.adapterOptions)).to.equal(true);
    expectZegoError(() => createTokenRoute({ ...base, getUserId: () => 'a', path: '/t/:roomId' } as never), ErrorCode.OPTION_INVALID);
  });

  it('ties each list of names to its options type: a name left out, or one that is no option, does not compile', () => {
    // @ts-expect-error -- appId, roomId, now and clockToleranceSeconds are left out
    const incomplete: OptionNames<VerifyTokenExpectations> = { userId: true };
    // @ts-expect-error -- userID is no option of verifyToken
    const extra: OptionNames<VerifyTokenExpectations> = { appId: true, userId: true, roomId: true, now: true, clockToleranceSeconds: true, userID: true };
    expect([incomplete, extra]).to.have.length(2); // checked by `pnpm typecheck`; at run time, the names a reader lists:
    const complete: Required<VerifyTokenExpectations> = { appId: 1, userId: 'u', roomId: 'r', now: 0, clockToleranceSeconds: 0 };
    const listed = /\(options: ([^)]*)\)/.exec(expectZegoError(() => verifyToken(token, SECRET, { zzzzzzzz: 1 } as never), ErrorCode.OPTION_INVALID).message);
    expect(listed?.[1]?.split(', ').sort()).to.deep.equal(Object.keys(complete).sort());
  });
});

describe('options: each read once, into a record of their own', () => {
  it('generateToken04 reads each option, and each key of its room payload, once', () => {
    const payload = counted({ roomId: 'lobby', streamIdList: ['cam'] });
    const { options, reads } = counted({ ...base04, mode: 'cbc' as const, payload: payload.options });
    const minted = generateToken04(options);
    expect(reads).to.deep.equal({ appId: 1, secret: 1, userId: 1, effectiveTimeInSeconds: 1, mode: 1, payload: 1 });
    expect(payload.reads).to.deep.equal({ roomId: 1, streamIdList: 1 });
    expect(decodeToken(minted, SECRET)).to.include({ mode: 'cbc' });
    expect(roomOf(minted)).to.deep.include({ roomId: 'lobby', streamIdList: ['cam'] });
  });

  it('generateToken04 reads a payload’s roomId once: a getter answering "lobby" then "" cannot make an any-room token', () => {
    let reads = 0;
    const payload = {
      get roomId(): string {
        reads += 1;
        return reads === 1 ? 'lobby' : '';
      },
    };
    const room = roomOf(generateToken04({ ...base04, payload }));
    expect(room.roomId).to.equal('lobby');
    expect(room.anyRoom).to.equal(undefined);
    expect(reads).to.equal(1);
  });

  it('generateToken03, verifyToken and diagnoseToken read each option once', () => {
    const gen = counted({ ...base03, privilege: { publish: false } });
    const minted = generateToken03(gen.options);
    expect(Object.values(gen.reads)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    const verify = counted({ appId: APP_ID, userId: 'alice', roomId: 'lobby', now: 0, clockToleranceSeconds: 0 });
    expect(verifyToken(minted, SECRET, verify.options).userId).to.equal('alice');
    expect(Object.values(verify.reads)).to.deep.equal([1, 1, 1, 1, 1]);
    const doctor = counted({ secret: SECRET, appId: APP_ID, userId: 'alice', roomId: 'lobby', now: 0, clockToleranceSeconds: 0 });
    expect(diagnoseToken(minted, doctor.options).ok).to.equal(true);
    expect(Object.values(doctor.reads)).to.deep.equal([1, 1, 1, 1, 1, 1]);
  });

  it('an issuer reads each option once, at construction, never per request', async () => {
    const { options, reads } = counted({ ...base, effectiveTimeInSeconds: 120, privilege: { publish: false } });
    const issuer = createTokenIssuer(options);
    for (const userId of ['a', 'b']) expect(roomOf(issued(await issuer.issue({ userId, roomId: 'r', request: null }))).privilege.publish).to.equal(false);
    expect(reads).to.deep.equal({ appId: 1, secret: 1, effectiveTimeInSeconds: 1, privilege: 1 });
    expect(issuer.effectiveTimeInSeconds).to.equal(120);
  });

  it('a route reads getUserId, roomParam and an adapter’s options once', async () => {
    const { options, reads } = counted({ ...base, getUserId: (request: { user: string }) => request.user, roomParam: 'room', path: '/t/:room' });
    const route = createTokenRoute<{ user: string }, 'path'>(options, ['path']);
    expect(route.roomParam).to.equal('room');
    expect(((await route.answer({ user: 'erin' }, 'lobby')).body as TokenResponseBody).userId).to.equal('erin');
    expect(reads).to.deep.equal({ appId: 1, secret: 1, getUserId: 1, roomParam: 1, path: 1 });
  });

  it('the fetch adapter reads each option once, though it builds its route again for each Worker env', async () => {
    const { options, reads } = counted({ getUserId: () => 'alice', effectiveTimeInSeconds: 120 });
    const handler = fetchHandler(options);
    for (const appId of [APP_ID, APP_ID + 1]) {
      const env = { ZEGO_APP_ID: String(appId), ZEGO_SERVER_SECRET: SECRET };
      const response = await handler(new Request(`https://tokens.example${DEFAULT_TOKEN_PATH.replace(':roomId', 'lobby')}`), env);
      expect(((await response.json()) as TokenResponseBody).appId).to.equal(appId);
    }
    expect(reads).to.deep.equal({ getUserId: 1, effectiveTimeInSeconds: 1 });
  });

  it('a Proxy that lists what it answers is read as an object: each option once', () => {
    const reads: string[] = [];
    const options = new Proxy({ ...base, mode: 'cbc' as const }, {
      get: (target, key, receiver) => {
        if (typeof key === 'string') reads.push(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(createTokenIssuer(options).mode).to.equal('cbc');
    expect(reads.filter((key) => key in base || key === 'mode').sort()).to.deep.equal(['appId', 'mode', 'secret']);
  });

  it('never mutates the caller’s object, and keeps what it read: arrays are copied', async () => {
    const streams = ['cam'];
    const privilege = { publish: false };
    const options = { ...base, streamIdList: streams, privilege };
    const before = JSON.stringify(options);
    const issuer = createTokenIssuer(options);
    expect(JSON.stringify(options)).to.equal(before);
    streams[0] = 'changed';
    privilege.publish = true;
    const room = roomOf(issued(await issuer.issue({ userId: 'a', roomId: 'r', request: null })));
    expect(room.streamIdList).to.deep.equal(['cam']);
    expect(room.privilege.publish).to.equal(false);
  });
});

describe('options: what cannot be read soundly grants nothing', () => {
  it('options that answer reads but list no keys (a get-only Proxy) are refused, not read as all left out', () => {
    // Read as "nothing given", privilege: false would have become full rights, the app ID and secret the environment's.
    const options = getOnly<object>({ ...base, privilege: false });
    expect(expectZegoError(() => createTokenIssuer(options), ErrorCode.OPTION_INVALID).message).to.include('not an own property');
    expectZegoError(() => createTokenRoute(getOnly({ ...base, getUserId: () => 'a', privilege: false })), ErrorCode.OPTION_INVALID);
    expectZegoError(() => generateToken04(getOnly({ ...base04, mode: 'cbc' })), ErrorCode.OPTION_INVALID);
    expectZegoError(() => verifyToken(token, SECRET, getOnly({ userId: 'bob' })), ErrorCode.OPTION_INVALID);
  });

  it('a privilege that answers publish: false without listing it is refused, never login and publish', () => {
    const privilege = getOnly<{ publish: false }>({ publish: false });
    expect(expectZegoError(() => buildRoomPayload({ roomId: 'lobby', privilege }), ErrorCode.PRIVILEGE_INVALID).message).to.include('privilege.publish');
    expectZegoError(() => createTokenIssuer({ ...base, privilege }), ErrorCode.PRIVILEGE_INVALID);
    expectZegoError(() => generateToken03({ ...base03, privilege }), ErrorCode.PRIVILEGE_INVALID);
    // From a resolver, per request: a server error, never a token.
    const issuer = createTokenIssuer({ ...base, privilege: () => privilege });
    expectZegoError(() => issuer.issue({ userId: 'a', roomId: 'r', request: null }), ErrorCode.PRIVILEGE_INVALID);
  });

  it('a room payload that answers reads without listing them is refused', () => {
    expectZegoError(() => generateToken04({ ...base04, payload: getOnly({ roomId: 'lobby' }) }), ErrorCode.PAYLOAD_INVALID);
  });

  describe('a stream list whose length changes while it is read never reaches a token as [] (any stream)', () => {
    it('generateToken04: read once, length then each item, and the copy is what is checked and sealed', () => {
      const room = roomOf(generateToken04({ ...base04, payload: { roomId: 'lobby', streamIdList: shifting(['cam'], [1, 0]) } }));
      expect(room.streamIdList).to.deep.equal(['cam']);
      expectZegoError(() => generateToken04({ ...base04, payload: { roomId: 'lobby', streamIdList: shifting(['cam'], [0, 1]) } }), ErrorCode.PAYLOAD_INVALID);
    });

    it('an issuer’s fixed list and a resolver’s result alike', async () => {
      const fixed = createTokenIssuer({ ...base, streamIdList: shifting(['cam'], [1, 0]) });
      expect(roomOf(issued(await fixed.issue({ userId: 'a', roomId: 'r', request: null }))).streamIdList).to.deep.equal(['cam']);
      const resolved = createTokenIssuer({ ...base, streamIdList: () => shifting(['cam'], [1, 0]) });
      expect(roomOf(issued(await resolved.issue({ userId: 'a', roomId: 'r', request: null }))).streamIdList).to.deep.equal(['cam']);
      const emptied = createTokenIssuer({ ...base, streamIdList: () => shifting(['cam'], [0, 1]) });
      expectZegoError(() => emptied.issue({ userId: 'a', roomId: 'r', request: null }), ErrorCode.PAYLOAD_INVALID);
    });

    it('a length no token could carry is refused before anything is read', () => {
      expectZegoError(() => buildRoomPayload({ roomId: 'lobby', streamIdList: shifting(['cam'], [2 ** 32 - 1]) }), ErrorCode.PAYLOAD_INVALID);
    });
  });

  it('class instances are refused, naming the way out: their methods and accessors live where a misspelling goes unseen', () => {
    class TokenOptions {
      appId = APP_ID;
      secret = SECRET;
      getUserId(): string {
        return 'alice';
      }
      validateRoomID(): boolean {
        return false;
      }
    }
    for (const call of [() => createTokenIssuer(new TokenOptions() as never), () => createTokenRoute(new TokenOptions())]) {
      expect(expectZegoError(call, ErrorCode.OPTION_INVALID).message).to.include('must be a plain object').and.include('class instance');
    }
    // Spread into an object literal, its own fields are options again (its methods, on its prototype, are not copied).
    expect(createTokenIssuer({ ...new TokenOptions() }).appId).to.equal(APP_ID);
  });

  it('an inherited option is refused, a prototype’s or a polluted Object.prototype’s: never silently used', () => {
    expectZegoError(() => createTokenIssuer(Object.create({ ...base, privilege: { publish: false } }) as object), ErrorCode.OPTION_INVALID);
    const proto = Object.prototype as Record<string, unknown>;
    proto.roomPayload = false;
    try {
      expect(expectZegoError(() => createTokenIssuer(base), ErrorCode.OPTION_INVALID).message).to.include('roomPayload is answered but not an own property');
    } finally {
      delete proto.roomPayload;
    }
  });

  it('a Map, Set, Date, array, function, string or null is refused: its entries are no options', () => {
    for (const options of [new Map([['privilege', false]]), new Set(['privilege']), new Date(0), [], () => ({ privilege: false }), 'appId', null]) {
      expectZegoError(() => createTokenIssuer(options as never), ErrorCode.OPTION_INVALID);
    }
  });

  it('takes every plain object: null-prototype, frozen, another realm’s, with getters or non-enumerable keys', () => {
    expect(createTokenIssuer(Object.assign(Object.create(null) as object, base)).appId).to.equal(APP_ID);
    expect(createTokenIssuer(Object.freeze({ ...base })).appId).to.equal(APP_ID);
    expect(createTokenIssuer(runInNewContext(`({ appId: ${APP_ID}, secret: '${SECRET}' })`) as object).appId).to.equal(APP_ID);
    expectZegoError(() => createTokenIssuer(runInNewContext(`({ appId: ${APP_ID}, secret: '${SECRET}', effectiveTime: 60 })`) as object), ErrorCode.OPTION_INVALID);
    // A non-enumerable option is an own key like any other: honoured, and a misspelt one refused.
    expect(createTokenIssuer(Object.defineProperty({ ...base }, 'mode', { value: 'cbc' })).mode).to.equal('cbc');
    expectZegoError(() => createTokenIssuer(Object.defineProperty({ ...base }, 'roompayload', { value: false })), ErrorCode.OPTION_INVALID);
  });

  it('functions are called as given (no `this`): a resolver reads what it closes over', async () => {
    const vip = new Set(['vip']);
    const issuer = createTokenIssuer({ ...base, privilege: ({ roomId }) => (vip.has(roomId) ? { publish: false } : {}) });
    expect(roomOf(issued(await issuer.issue({ userId: 'a', roomId: 'vip', request: null }))).privilege.publish).to.equal(false);
  });
});

describe('options: undefined is "not given", null a value refused unless documented', () => {
  it('undefined, given or left out, is the default, in every function', async () => {
    expect(decodeToken(generateToken04({ ...base04, mode: undefined, payload: undefined }), SECRET)).to.include({ mode: 'gcm', payload: '' });
    expect(verifyToken(token, SECRET, { now: undefined, clockToleranceSeconds: undefined, userId: undefined }).userId).to.equal('alice');
    expect(diagnoseToken(token, { secret: undefined, now: undefined }).ok).to.equal(true);
    expect(roomOf(issued(await createTokenIssuer({ ...base, privilege: undefined, streamIdList: undefined }).issue({ userId: 'a', roomId: 'r', request: null }))).privilege).to.deep.equal({ login: true, publish: true });
  });

  it('verifyToken and diagnoseToken agree: now: null and clockToleranceSeconds: null are refused, not the clock', () => {
    for (const expect_ of [{ now: null }, { clockToleranceSeconds: null }]) {
      expectZegoError(() => verifyToken(token, SECRET, expect_ as never), ErrorCode.OPTION_INVALID);
      expectZegoError(() => diagnoseToken(token, expect_ as never), ErrorCode.OPTION_INVALID);
    }
  });

  it('the generators refuse null for an optional option', () => {
    expectZegoError(() => generateToken04({ ...base04, mode: null } as never), ErrorCode.OPTION_INVALID);
    expectZegoError(() => generateToken04({ ...base04, payload: null } as never), ErrorCode.PAYLOAD_INVALID);
    expectZegoError(() => generateToken03({ ...base03, privilege: null } as never), ErrorCode.PRIVILEGE_INVALID);
  });

  const nulls: Array<[string, number]> = [
    ['appId', ErrorCode.APP_ID_INVALID],
    ['secret', ErrorCode.SECRET_INVALID],
    ['version', ErrorCode.OPTION_INVALID],
    ['mode', ErrorCode.OPTION_INVALID],
    ['effectiveTimeInSeconds', ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
    ['roomPayload', ErrorCode.OPTION_INVALID],
    ['privilege', ErrorCode.PRIVILEGE_INVALID],
    ['validateRoomId', ErrorCode.OPTION_INVALID],
  ];
  for (const [option, code] of nulls) {
    it(`createTokenIssuer: ${option}: null is refused (${Object.keys(ErrorCode).find((k) => ErrorCode[k as keyof typeof ErrorCode] === code)})`, () => {
      expectZegoError(() => createTokenIssuer({ ...base, [option]: null }), code);
    });
  }

  it('streamIdList: null is its documented "any stream"', async () => {
    expect(roomOf(issued(await createTokenIssuer({ ...base, streamIdList: null }).issue({ userId: 'a', roomId: 'r', request: null }))).streamIdList).to.equal(null);
    expect(roomOf(generateToken04({ ...base04, payload: { roomId: 'r', streamIdList: null } })).streamIdList).to.equal(null);
  });

  it('roomParam: null is refused', () => {
    expectZegoError(() => createTokenRoute({ ...base, getUserId: () => 'a', roomParam: null } as never), ErrorCode.OPTION_INVALID);
  });
});
