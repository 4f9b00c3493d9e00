/**
 * The room-less identity route, in every adapter: a `path` without the room parameter serves plain identity tokens
 * (04, empty payload), as ZIM takes them and RTC apps without room authentication accept them. Options that need a
 * room are refused at construction; a privilege resolver may still refuse (403).
 */
import { decodeToken, ErrorCode, ZegoTokenError, type IdentityTokenResponseBody } from '@zego-token/core';
import { expect } from 'chai';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { identityMountings, type RouteOptions } from '../support/token-apps.js';

const TTL = 900;

interface IdentityCase {
  name: string;
  user: unknown;
  options?: Partial<RouteOptions>;
  expect: { status: 200; userId: string; mode?: 'gcm' | 'cbc' } | { status: 401 | 403; code: string } | { status: 500; code: number };
}

const contexts: unknown[] = [];
const cases: IdentityCase[] = [
  { name: 'a signed-in user', user: 'alice', expect: { status: 200, userId: 'alice' } },
  { name: 'a numeric user ID, async', user: Promise.resolve(1001), expect: { status: 200, userId: '1001' } },
  { name: 'a user ID with ZIM’s : and ?', user: 'zim:user?1', expect: { status: 200, userId: 'zim:user?1' } },
  { name: 'CBC tokens', user: 'alice', options: { mode: 'cbc' }, expect: { status: 200, userId: 'alice', mode: 'cbc' } },
  { name: 'roomPayload: false and streamIdList: null say nothing new', user: 'alice', options: { roomPayload: false, streamIdList: null }, expect: { status: 200, userId: 'alice' } },
  { name: 'nobody signed in', user: null, expect: { status: 401, code: 'unauthenticated' } },
  { name: 'nobody signed in, and the resolver would refuse: 401 first', user: undefined, options: { privilege: () => false }, expect: { status: 401, code: 'unauthenticated' } },
  { name: 'the privilege resolver refuses', user: 'banned', options: { privilege: ({ userId }) => (userId === 'banned' ? false : {}) }, expect: { status: 403, code: 'forbidden' } },
  { name: 'the privilege resolver allows (async), told no room', user: 'alice', options: { privilege: (context) => (contexts.push(context), Promise.resolve({})) }, expect: { status: 200, userId: 'alice' } },
  { name: 'the privilege resolver restricts (publish: false): an identity token cannot carry it, fail closed', user: 'alice', options: { privilege: () => ({ publish: false }) }, expect: { status: 500, code: ErrorCode.PRIVILEGE_INVALID } },
  { name: 'the privilege resolver forgets to return: fail closed', user: 'alice', options: { privilege: (() => undefined) as never }, expect: { status: 500, code: ErrorCode.PRIVILEGE_INVALID } },
  { name: 'getUserId gives an object', user: { id: 'alice' }, expect: { status: 500, code: ErrorCode.USER_ID_INVALID } },
];

const refusedAtConstruction: Array<[string, Partial<RouteOptions>]> = [
  ['a fixed privilege', { privilege: { publish: false } }],
  ['privilege: false', { privilege: false }],
  ['streamIdList', { streamIdList: ['s1'] }],
  ['streamIdList as a resolver', { streamIdList: () => null }],
  ['validateRoomId', { validateRoomId: () => true }],
  ["version '03'", { version: '03' }],
  ['roomPayload: true', { roomPayload: true }],
];

describe('the room-less identity route', () => {
  for (const mounting of identityMountings) {
    describe(mounting.name, () => {
      for (const c of cases) {
        it(`${c.name} → ${c.expect.status}`, async () => {
          const getUserId = typeof c.user === 'function' ? (c.user as () => unknown) : () => c.user;
          const { listener, errors } = await mounting.app({ appId: APP_ID, secret: SECRET, effectiveTimeInSeconds: TTL, getUserId, ...c.options });
          contexts.length = 0;
          const response = await request(listener).get(mounting.url);
          expect(response.status, response.text).to.equal(c.expect.status);
          if (c.expect.status === 500) {
            expect(response.text).to.not.include('"token"');
            expect(errors).to.have.length(1);
            expect(errors[0]).to.be.instanceOf(ZegoTokenError).and.have.property('code', c.expect.code);
            return;
          }
          expect(errors).to.deep.equal([]);
          expect(response.headers['cache-control']).to.equal('no-store');
          if (c.expect.status !== 200) {
            expect(response.body).to.have.nested.property('error.code', c.expect.code);
            return;
          }
          const body = response.body as IdentityTokenResponseBody;
          expect(body).to.have.keys(['token', 'appId', 'userId', 'version', 'issuedAt', 'expiresAt']);
          expect(body).to.include({ appId: APP_ID, userId: c.expect.userId, version: '04' });
          const decoded = decodeToken(body.token, SECRET);
          if (decoded.version !== '04') throw new Error('expected a 04 token');
          expect(decoded).to.include({ userId: c.expect.userId, payload: '', mode: c.expect.mode ?? 'gcm' });
          expect(decoded.room).to.equal(undefined);
          expect(decoded.expireTime - decoded.createTime).to.equal(TTL);
          expect([body.issuedAt, body.expiresAt]).to.deep.equal([decoded.createTime, decoded.expireTime]);
          for (const context of contexts) expect(context).to.include({ userId: c.expect.userId, roomId: undefined });
        });
      }

      for (const [what, options] of refusedAtConstruction) {
        it(`refuses ${what} at construction (OPTION_INVALID)`, async () => {
          let failure: unknown;
          try {
            await mounting.app({ appId: APP_ID, secret: SECRET, getUserId: () => 'alice', ...options });
          } catch (error) {
            failure = error;
          }
          expect(failure).to.be.instanceOf(ZegoTokenError).and.have.property('code', ErrorCode.OPTION_INVALID);
          expect((failure as Error).message).to.include('needs a room');
        });
      }
    });
  }
});
