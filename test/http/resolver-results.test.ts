/**
 * Fail closed: a resolver's result outside its contract is a server error (the framework's error path), never a
 * token. The privilege resolver may give a Privilege or false; the stream list resolver an array of stream IDs or
 * null. One table of odd results per resolver, each given synchronously and asynchronously, run against every
 * adapter and mounting style (test/support/token-apps.ts: a new adapter is one more line there).
 */
import { expect } from 'chai';
import { createTokenIssuer, decodeToken, ErrorCode, ZegoTokenError, type TokenResponseBody } from '@zego-token/core';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { mountings, type RouteOptions } from '../support/token-apps.js';

class Grant {
  login = true;
  publish = false;
}

/** A result that only pretends to be a promise: `then` calls back with `value`. */
const thenable = (value: unknown): PromiseLike<unknown> => ({
  then: (resolve?: ((value: unknown) => unknown) | null) => resolve?.(value) as never,
});

/** [what, the resolver's result]: each outside the privilege resolver's contract. */
const oddPrivileges: Array<[string, unknown]> = [
  ['undefined (a missing return)', undefined],
  ['null', null],
  ['true', true],
  ['0', 0],
  ['1', 1],
  ['NaN', Number.NaN],
  ["the string 'false'", 'false'],
  ["the string ''", ''],
  ['a bigint', 1n],
  ['a symbol', Symbol('privilege')],
  ['a function', () => ({ publish: false })],
  ['an empty array', []],
  ['an array of flags', [1, 0]],
  ['a Map in ZEGO’s numeric form', new Map([[1, 1], [2, 0]])],
  ['a Date', new Date(0)],
  ['a class instance with login and publish fields', new Grant()],
  ['a boxed false', Object(false)],
  ['an object inheriting publish: false', Object.create({ publish: false })],
  ['an object with an unknown key beside publish', { publish: false, admin: true }],
  ['a misspelt key', { pubish: false }],
  ['an explicit publish: undefined (a key left out means true; undefined is no answer)', { publish: undefined }],
  ['a string flag', { publish: 'no' }],
  ['a flag of 2', { publish: 2 }],
  ['a promise as a flag', { publish: Promise.resolve(false) }],
  ['numeric form without key 2', { 1: 1 }],
  ['numeric and named forms mixed', { 1: 1, 2: 0, publish: false }],
  ['an object whose then is not a function', { then: 5 }],
];

/** [what, the resolver's result]: each outside the stream list resolver's contract. */
const oddStreamLists: Array<[string, unknown]> = [
  ['undefined (a missing return)', undefined],
  ['an empty array (ZEGO reads it as any stream)', []],
  ['a string', 'cam'],
  ["''", ''],
  ['0', 0],
  ['true', true],
  ['false', false],
  ['an object', {}],
  ['an array-like object', { 0: 'cam', length: 1 }],
  ['a Set', new Set(['cam'])],
  ['a Map', new Map([[0, 'cam']])],
  ['a class instance', new Grant()],
  ['a function', () => ['cam']],
  ['an array holding an empty ID', ['']],
  ['an array holding a number', [7]],
  ['an array holding null', [null]],
  ['an array holding undefined', ['cam', undefined]],
  // eslint-disable-next-line no-sparse-arrays
  ['a sparse array', [, 'cam']],
  ['a nested array', [['cam']]],
  ['an ID with a space', ['my cam']],
  ['an ID with a newline', ['cam\n']],
  ['an ID of 257 characters', ['s'.repeat(257)]],
  ['an ID with a lone surrogate', ['cam\uD800']],
  ['an ID with a non-ASCII letter', ['caméra']],
  ['an ID with a bidi override', ['cam\u202E']],
];

/** How a resolver gives its result: as is, or later. */
const deliveries: Array<[string, (value: unknown) => unknown]> = [
  ['sync', (value) => value],
  ['async', (value) => Promise.resolve(value)],
];

interface Case {
  name: string;
  options: Partial<RouteOptions>;
  code: number;
}

const serverErrors: Case[] = [
  ...deliveries.flatMap(([how, deliver]) =>
    oddPrivileges.map(([what, value]) => ({
      name: `privilege resolver (${how}) gives ${what}`,
      options: { privilege: () => deliver(value) as never },
      code: ErrorCode.PRIVILEGE_INVALID,
    })),
  ),
  ...deliveries.flatMap(([how, deliver]) =>
    oddStreamLists.map(([what, value]) => ({
      name: `stream list resolver (${how}) gives ${what}`,
      options: { streamIdList: () => deliver(value) as never },
      code: ErrorCode.PAYLOAD_INVALID,
    })),
  ),
  { name: 'privilege resolver gives a thenable of undefined', options: { privilege: () => thenable(undefined) as never }, code: ErrorCode.PRIVILEGE_INVALID },
  { name: 'privilege resolver gives a promise of a promise of null', options: { privilege: () => Promise.resolve(Promise.resolve(null)) as never }, code: ErrorCode.PRIVILEGE_INVALID },
  { name: 'stream list resolver gives a thenable of []', options: { streamIdList: () => thenable([]) as never }, code: ErrorCode.PAYLOAD_INVALID },
];

/** Results inside the contracts, so the table above is not vacuous: the same mountings do answer. */
const answered: Array<{ name: string; options: Partial<RouteOptions>; status: 200 | 403; publish?: boolean; streams?: string[] | null }> = [
  { name: 'privilege resolver gives { publish: false }', options: { privilege: () => ({ publish: false }) }, status: 200, publish: false },
  { name: 'privilege resolver resolves to {} (the documented default: login and publish)', options: { privilege: () => Promise.resolve({}) }, status: 200, publish: true },
  { name: 'privilege resolver gives a null-prototype privilege', options: { privilege: () => Object.assign(Object.create(null) as object, { publish: false }) }, status: 200, publish: false },
  { name: 'privilege resolver gives ZEGO’s numeric form', options: { privilege: () => ({ 1: 1, 2: 0 }) }, status: 200, publish: false },
  { name: 'privilege resolver gives a thenable of a privilege', options: { privilege: () => thenable({ publish: false }) as never }, status: 200, publish: false },
  { name: 'privilege resolver resolves to false', options: { privilege: () => Promise.resolve(false as const) }, status: 403 },
  { name: 'stream list resolver gives null (any stream)', options: { streamIdList: () => null }, status: 200, streams: null },
  { name: 'stream list resolver resolves to stream IDs', options: { streamIdList: () => Promise.resolve(['cam', 'screen_1']) }, status: 200, streams: ['cam', 'screen_1'] },
];

describe('fail closed: resolver results outside their contract', () => {
  it('the issuer itself fails each odd result the way it came: a synchronous one throws, an async one rejects', async () => {
    const issue = (options: Partial<RouteOptions>): unknown =>
      createTokenIssuer({ appId: APP_ID, secret: SECRET, ...options } as never).issue({ userId: 'alice', roomId: 'lobby', request: null });
    for (const [what, value] of oddPrivileges) {
      expect(() => issue({ privilege: () => value as never }), what).to.throw(ZegoTokenError).with.property('code', ErrorCode.PRIVILEGE_INVALID);
    }
    for (const [what, value] of oddStreamLists) {
      expect(() => issue({ streamIdList: () => value as never }), what).to.throw(ZegoTokenError).with.property('code', ErrorCode.PAYLOAD_INVALID);
    }
    for (const c of serverErrors.filter(({ name }) => !name.includes('(sync)'))) {
      const answer = issue(c.options);
      expect(answer, c.name).to.be.instanceOf(Promise);
      expect(await (answer as Promise<unknown>).then(() => undefined, (error: unknown) => error), c.name).to.have.property('code', c.code);
    }
  });

  for (const mounting of mountings) {
    describe(mounting.name, () => {
      const base = { appId: APP_ID, secret: SECRET, getUserId: () => 'alice' };

      for (const c of serverErrors) {
        it(`${c.name} → 500, no token (${Object.keys(ErrorCode).find((k) => ErrorCode[k as keyof typeof ErrorCode] === c.code)})`, async () => {
          const { listener, errors } = await mounting.app({ ...base, ...c.options });
          const response = await request(listener).get(mounting.url('lobby'));
          expect(response.status, response.text).to.equal(500);
          expect(response.text).to.not.match(/"token"|04[A-Za-z0-9+/]{20}/);
          expect(errors).to.have.length(1);
          expect(errors[0]).to.be.instanceOf(ZegoTokenError).and.have.property('code', c.code);
        });
      }

      for (const c of answered) {
        it(`${c.name} → ${c.status}`, async () => {
          const { listener, errors } = await mounting.app({ ...base, ...c.options });
          const response = await request(listener).get(mounting.url('lobby'));
          expect(response.status, response.text).to.equal(c.status);
          expect(errors).to.deep.equal([]);
          if (c.status !== 200) return;
          const decoded = decodeToken((response.body as TokenResponseBody).token, SECRET);
          if (decoded.version !== '04' || decoded.room === undefined) throw new Error('expected a room-bound 04 token');
          if (c.publish !== undefined) expect(decoded.room.privilege.publish).to.equal(c.publish);
          if (c.streams !== undefined) expect(decoded.room.streamIdList).to.deep.equal(c.streams);
        });
      }
    });
  }
});
