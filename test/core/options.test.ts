/**
 * Options are honoured or refused at construction, never dropped: wherever they live (own, inherited, getters,
 * class methods), each read once, unknown keys refused with the option probably meant.
 */
import { expect } from 'chai';
import { runInNewContext } from 'node:vm';
import {
  createTokenIssuer,
  createTokenRoute,
  decodeToken,
  ErrorCode,
  type Privilege,
  type TokenRequestContext,
  type TokenResponse,
  type TokenResponseBody,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';

const base = { appId: APP_ID, secret: SECRET };

async function issue(options: object, userId = 'alice', roomId = 'vip-room'): Promise<TokenResponse> {
  return createTokenIssuer(options).issue({ userId, roomId, request: null });
}

function roomOf(response: TokenResponse): { privilege: { login: boolean; publish: boolean }; streamIdList: string[] | null } {
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  const decoded = decodeToken((response.body as TokenResponseBody).token, SECRET);
  if (decoded.version !== '04' || decoded.room === undefined) throw new Error('expected a room-bound 04 token');
  return decoded.room;
}

describe('options: honoured wherever they live', () => {
  it('a class instance whose class defines privilege() and validateRoomId() as methods: both are honoured', async () => {
    class TokenOptions {
      appId = APP_ID;
      secret = SECRET;
      #vip = new Set(['vip-room']); // the class's own state: private, so not an option
      privilege({ roomId }: TokenRequestContext): Privilege {
        return this.#vip.has(roomId) ? { publish: false } : {};
      }
      validateRoomId(roomId: string): boolean {
        return roomId !== 'closed';
      }
    }
    const options = new TokenOptions();
    expect(roomOf(await issue(options, 'alice', 'vip-room')).privilege).to.deep.equal({ login: true, publish: false });
    expect(roomOf(await issue(options, 'alice', 'lobby')).privilege).to.deep.equal({ login: true, publish: true });
    expect((await issue(options, 'alice', 'closed')).status).to.equal(400);
  });

  it('options inherited from a prototype (Object.create({ appId, secret, privilege })) are used, not the environment', async () => {
    const saved = { appId: process.env['ZEGO_APP_ID'], secret: process.env['ZEGO_SERVER_SECRET'] };
    process.env['ZEGO_APP_ID'] = '42';
    process.env['ZEGO_SERVER_SECRET'] = OTHER_SECRET;
    try {
      const options = Object.create({ appId: APP_ID, secret: SECRET, privilege: { publish: false } }) as object;
      const response = await issue(options);
      expect((response.body as TokenResponseBody).appId).to.equal(APP_ID);
      expect(roomOf(response).privilege).to.deep.equal({ login: true, publish: false });
    } finally {
      for (const [key, value] of [['ZEGO_APP_ID', saved.appId], ['ZEGO_SERVER_SECRET', saved.secret]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('getters are read exactly once each, and unknown-key detection calls none of them', async () => {
    const reads: string[] = [];
    const options = {};
    for (const [key, value] of Object.entries({ ...base, effectiveTimeInSeconds: 120, privilege: { publish: false } })) {
      Object.defineProperty(options, key, {
        enumerable: true,
        get: () => {
          reads.push(key);
          return value;
        },
      });
    }
    const issuer = createTokenIssuer(options);
    await issuer.issue({ userId: 'a', roomId: 'r', request: null });
    await issuer.issue({ userId: 'b', roomId: 'r', request: null });
    expect(reads.sort()).to.deep.equal(['appId', 'effectiveTimeInSeconds', 'privilege', 'secret']);
    expect(issuer.effectiveTimeInSeconds).to.equal(120);
  });

  it('a route reads getUserId, roomParam and the adapter’s own options once, from a class too', async () => {
    let reads = 0;
    class RouteOptions {
      appId = APP_ID;
      secret = SECRET;
      get roomParam(): string {
        reads += 1;
        return 'room';
      }
      getUserId(request: { user: string }): string {
        return `${this.#prefix()}${request.user}`;
      }
      // A helper is private: a public method that is no option is refused (it could be a misspelt one).
      #prefix(): string {
        return 'user-';
      }
    }
    const route = createTokenRoute<{ user: string }, 'path'>(new RouteOptions(), ['path']);
    expect(route.roomParam).to.equal('room');
    expect(route.adapterOptions).to.deep.equal({ path: undefined });
    expect(Object.isFrozen(route.adapterOptions)).to.equal(true);
    expect(((await route.answer({ user: 'erin' }, 'lobby')).body as TokenResponseBody).userId).to.equal('user-erin');
    expect(reads).to.equal(1);
  });

  it('never mutates the caller’s object, and copies its arrays', async () => {
    const streams = ['cam'];
    const options = { ...base, streamIdList: streams };
    const before = JSON.stringify(options);
    const issuer = createTokenIssuer(options);
    expect(JSON.stringify(options)).to.equal(before);
    streams[0] = 'changed';
    expect(roomOf(await issuer.issue({ userId: 'a', roomId: 'r', request: null })).streamIdList).to.deep.equal(['cam']);
  });
});

describe('options: unknown keys are refused (OPTION_INVALID), naming the option meant', () => {
  const misspelt: Array<[string, object, string]> = [
    ['effectiveTime', { effectiveTime: 7200 }, 'effectiveTime: did you mean effectiveTimeInSeconds?'],
    ['AppId', { AppId: APP_ID }, 'AppId: did you mean appId?'],
    ['app_id', { app_id: APP_ID }, 'app_id: did you mean appId?'],
    ['secert', { secert: SECRET }, 'secert: did you mean secret?'],
    ['privilages', { privilages: { publish: false } }, 'privilages: did you mean privilege?'],
    ['streamIds', { streamIds: ['s'] }, 'streamIds: did you mean streamIdList?'],
    ['validateRoom', { validateRoom: () => true }, 'validateRoom: did you mean validateRoomId?'],
    ['roompayload', { roompayload: false }, 'roompayload: did you mean roomPayload?'],
  ];
  for (const [key, extra, message] of misspelt) {
    it(`${key} → "${message}"`, () => {
      const error = expectZegoError(() => createTokenIssuer({ ...base, ...extra }), ErrorCode.OPTION_INVALID, [SECRET]);
      expect(error.message).to.include(message);
    });
  }

  it('a key close to no option is named, with the list of options', () => {
    const error = expectZegoError(() => createTokenIssuer({ ...base, database: {} } as never), ErrorCode.OPTION_INVALID);
    expect(error.message).to.include('unknown option database').and.include('appId, secret');
  });

  it('a key that is not an identifier is quoted and cut short, never printed raw', () => {
    const error = expectZegoError(() => createTokenIssuer({ ...base, ['x\n'.repeat(100)]: 1 }), ErrorCode.OPTION_INVALID);
    expect(error.message).to.not.include('\n');
    expect(error.message.length).to.be.below(400);
  });

  it('an unknown key inherited from a prototype of the caller’s is refused too', () => {
    const options = Object.create({ ...base, effectiveTime: 7200 }) as object;
    expect(expectZegoError(() => createTokenIssuer(options), ErrorCode.OPTION_INVALID).message).to.include(
      'did you mean effectiveTimeInSeconds?',
    );
  });

  it('methods of Object.prototype are not options, nor is a class’s constructor or its private #fields and #methods', () => {
    class Options {
      appId = APP_ID;
      #secret = SECRET;
      get secret(): string {
        return this.#helper();
      }
      #helper(): string {
        return this.#secret;
      }
    }
    expect(createTokenIssuer(new Options()).appId).to.equal(APP_ID);
    expect(() => createTokenIssuer(Object.freeze({ ...base }))).to.not.throw();
  });

  it('a public method of an options class that is no option is refused, naming it: it may be a misspelt one (fail closed)', () => {
    class Options {
      appId = APP_ID;
      secret = SECRET;
      describe(): string {
        return 'a helper method, not an option';
      }
    }
    expect(expectZegoError(() => createTokenIssuer(new Options()), ErrorCode.OPTION_INVALID).message).to.include('unknown option describe');
  });

  describe('a misspelt class method or getter (not enumerable, on a prototype) is refused, not silently dropped', () => {
    it('a method validateRoomID() (for validateRoomId), which would never run', () => {
      class TokenOptions {
        appId = APP_ID;
        secret = SECRET;
        getUserId(): string {
          return 'alice';
        }
        validateRoomID(roomId: string): boolean {
          return roomId !== 'vip-room';
        }
      }
      const error = expectZegoError(() => createTokenRoute(new TokenOptions()), ErrorCode.OPTION_INVALID);
      expect(error.message).to.include('validateRoomID: did you mean validateRoomId?');
    });

    it('a getter effectiveTime (for effectiveTimeInSeconds), which would leave tokens at 3600 s', () => {
      class TokenOptions {
        appId = APP_ID;
        secret = SECRET;
        get effectiveTime(): number {
          return 120;
        }
      }
      expect(expectZegoError(() => createTokenIssuer(new TokenOptions() as never), ErrorCode.OPTION_INVALID).message).to.include(
        'effectiveTime: did you mean effectiveTimeInSeconds?',
      );
    });

    it('a getter privilage inherited from a base class, which would leave login and publish granted', () => {
      class Locked {
        get privilage(): false {
          return false;
        }
      }
      class TokenOptions extends Locked {
        appId = APP_ID;
        secret = SECRET;
      }
      expect(expectZegoError(() => createTokenIssuer(new TokenOptions() as never), ErrorCode.OPTION_INVALID).message).to.include(
        'privilage: did you mean privilege?',
      );
    });

    it('a non-enumerable own property too', () => {
      const options = Object.defineProperty({ ...base }, 'roompayload', { value: false, enumerable: false });
      expectZegoError(() => createTokenIssuer(options), ErrorCode.OPTION_INVALID);
    });
  });

  it('a Map, Set, Date, array or function of options is refused: its entries are no options, and would read as none', () => {
    const saved = { appId: process.env.ZEGO_APP_ID, secret: process.env.ZEGO_SERVER_SECRET };
    process.env.ZEGO_APP_ID = String(APP_ID);
    process.env.ZEGO_SERVER_SECRET = SECRET;
    try {
      const exotic = [
        new Map<string, unknown>([['privilege', false], ['effectiveTimeInSeconds', 60]]),
        new Set(['privilege']),
        new Date(0),
        [],
        () => ({ privilege: false }),
      ];
      for (const options of exotic) expectZegoError(() => createTokenIssuer(options as never), ErrorCode.OPTION_INVALID);
    } finally {
      if (saved.appId === undefined) delete process.env.ZEGO_APP_ID;
      else process.env.ZEGO_APP_ID = saved.appId;
      if (saved.secret === undefined) delete process.env.ZEGO_SERVER_SECRET;
      else process.env.ZEGO_SERVER_SECRET = saved.secret;
    }
  });

  it('options made in another realm (a vm context) stop at that realm’s Object.prototype, and are checked the same', () => {
    const foreign = (source: string): object => runInNewContext(`(${source})`) as object;
    expect(createTokenIssuer(foreign(`{ appId: ${APP_ID}, secret: '${SECRET}' }`)).appId).to.equal(APP_ID);
    expectZegoError(() => createTokenIssuer(foreign(`{ appId: ${APP_ID}, secret: '${SECRET}', effectiveTime: 60 }`)), ErrorCode.OPTION_INVALID);
    expectZegoError(() => createTokenIssuer(foreign('new Map()')), ErrorCode.OPTION_INVALID);
  });

  it('nothing is read from Object.prototype: a polluted roomPayload: false would unbind every token from its room', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.roomPayload = false;
    proto.privilege = false;
    let issuer: ReturnType<typeof createTokenIssuer>;
    try {
      issuer = createTokenIssuer({ appId: APP_ID, secret: SECRET });
    } finally {
      delete proto.roomPayload;
      delete proto.privilege;
    }
    expect(issuer.roomPayload).to.equal(true);
  });

  it('options that are an array, a string or null are refused', () => {
    for (const options of [[], 'appId', null]) {
      expectZegoError(() => createTokenIssuer(options as never), ErrorCode.OPTION_INVALID);
    }
  });

  it('createTokenRoute: getUserID and roomparam name the route options meant', () => {
    const route = (extra: object) => (): unknown => createTokenRoute({ ...base, getUserId: () => 'a', ...extra });
    expect(expectZegoError(route({ roomparam: 'room' }), ErrorCode.OPTION_INVALID).message).to.include('did you mean roomParam?');
    const error = expectZegoError(() => createTokenRoute({ ...base, getUserID: () => 'a' } as never), ErrorCode.OPTION_INVALID);
    expect(error.message).to.include('getUserID: did you mean getUserId?');
  });

  it('createTokenRoute: an adapter declares its own options, so those are read and a misspelling of one is named', () => {
    const route = createTokenRoute({ ...base, getUserId: () => 'a', path: '/t/:roomId' } as never, ['path']);
    expect(route.adapterOptions).to.deep.equal({ path: '/t/:roomId' });
    const error = expectZegoError(
      () => createTokenRoute({ ...base, getUserId: () => 'a', pathh: '/t/:roomId' } as never, ['path']),
      ErrorCode.OPTION_INVALID,
    );
    expect(error.message).to.include('pathh: did you mean path?');
    expectZegoError(() => createTokenRoute({ ...base, getUserId: () => 'a', path: '/t/:roomId' } as never), ErrorCode.OPTION_INVALID);
  });

  it('createTokenIssuer refuses route options: they belong to createTokenRoute and the adapters', () => {
    expectZegoError(() => createTokenIssuer({ ...base, getUserId: () => 'a' } as never), ErrorCode.OPTION_INVALID);
  });
});

describe('options: only undefined means the default', () => {
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
    it(`${option}: null is refused (${Object.keys(ErrorCode).find((k) => ErrorCode[k as keyof typeof ErrorCode] === code)})`, () => {
      expectZegoError(() => createTokenIssuer({ ...base, [option]: null }), code);
    });
  }

  it('streamIdList: null is its documented "any stream"; undefined the same default', async () => {
    expect(roomOf(await issue({ ...base, streamIdList: null })).streamIdList).to.equal(null);
    expect(roomOf(await issue({ ...base, streamIdList: undefined })).streamIdList).to.equal(null);
  });

  it('roomParam: null is refused', () => {
    expectZegoError(() => createTokenRoute({ ...base, getUserId: () => 'a', roomParam: null } as never), ErrorCode.OPTION_INVALID);
  });
});
