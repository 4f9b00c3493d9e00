/**
 * The HTTP contract of the token route: one table, run against every adapter and mounting style.
 */
import { expect } from 'chai';
import { decodeToken } from '@zego-token/core';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { mountings, type RouteOptions } from '../support/token-apps.js';

const TTL = 1800;
const boom = (): never => {
  throw new Error('auth backend down');
};

interface ContractCase {
  name: string;
  /** What getUserId gives back (a function to throw or reject). */
  user: unknown;
  /** The room as it appears in the URL path. */
  room: string;
  options?: Partial<RouteOptions>;
  /** The room cannot be percent-decoded: where Express routes your own app route, Express itself answers 400. */
  undecodable?: true;
  expect:
    | { status: 200; userId: string; roomId: string }
    | { status: 400 | 401 | 403; code: 'invalid_room_id' | 'unauthenticated' | 'forbidden' }
    | { status: 500; error: number | RegExp };
}

const contract: ContractCase[] = [
  { name: 'a signed-in user asks for a valid room', user: 'alice', room: 'lobby', expect: { status: 200, userId: 'alice', roomId: 'lobby' } },
  { name: 'getUserId resolves asynchronously', user: Promise.resolve('bob'), room: 'lobby', expect: { status: 200, userId: 'bob', roomId: 'lobby' } },
  { name: 'a numeric user ID is taken as its decimal string', user: 1001, room: 'r1', expect: { status: 200, userId: '1001', roomId: 'r1' } },
  { name: 'a 64-byte user ID', user: 'ü'.repeat(32), room: 'r1', expect: { status: 200, userId: 'ü'.repeat(32), roomId: 'r1' } },
  { name: 'a percent-encoded room of ZEGO characters', user: 'alice', room: encodeURIComponent("lobby_#1~!@$^&*()+=-`;',.<>"), expect: { status: 200, userId: 'alice', roomId: "lobby_#1~!@$^&*()+=-`;',.<>" } },
  { name: 'a 128-character room', user: 'alice', room: 'r'.repeat(128), expect: { status: 200, userId: 'alice', roomId: 'r'.repeat(128) } },
  { name: 'getUserId gives null', user: null, room: 'lobby', expect: { status: 401, code: 'unauthenticated' } },
  { name: 'getUserId gives undefined', user: undefined, room: 'lobby', expect: { status: 401, code: 'unauthenticated' } },
  { name: "getUserId gives ''", user: '', room: 'lobby', expect: { status: 401, code: 'unauthenticated' } },
  { name: 'getUserId resolves to null', user: Promise.resolve(null), room: 'lobby', expect: { status: 401, code: 'unauthenticated' } },
  { name: 'nobody is signed in and the room is bad: 401 first', user: null, room: '%20', expect: { status: 401, code: 'unauthenticated' } },
  { name: 'a 129-character room', user: 'alice', room: 'r'.repeat(129), expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with a space', user: 'alice', room: 'my%20room', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with a non-ASCII letter', user: 'alice', room: 'caf%C3%A9', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with a quote', user: 'alice', room: '%22q%22', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with an encoded slash, which the Web SDK refuses', user: 'alice', room: 'team%2Flobby', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with a colon, which the Web SDK refuses', user: 'alice', room: 'team:lobby', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room validateRoomId refuses', user: 'alice', room: 'secret-room', options: { validateRoomId: (r) => !r.startsWith('secret') }, expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'the privilege resolver returns false', user: 'alice', room: 'vip', options: { privilege: () => false }, expect: { status: 403, code: 'forbidden' } },
  { name: 'the async privilege resolver resolves to false', user: 'alice', room: 'vip', options: { privilege: () => Promise.resolve(false as const) }, expect: { status: 403, code: 'forbidden' } },
  { name: 'a room that is not valid percent-encoding', user: 'alice', room: '%E0%A4%A', undecodable: true, expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room that is a lone %', user: 'alice', room: '%', undecodable: true, expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'nobody is signed in and the room cannot be percent-decoded: 401 first', user: null, room: '%E0%A4%A', undecodable: true, expect: { status: 401, code: 'unauthenticated' } },
  { name: 'getUserId resolves to nobody and the room is a lone %: 401 first', user: Promise.resolve(undefined), room: '%', undecodable: true, expect: { status: 401, code: 'unauthenticated' } },
  { name: 'the privilege resolver refuses a room that cannot be percent-decoded: 400 before 403', user: 'alice', room: '%E0%A4%A', undecodable: true, options: { privilege: () => false }, expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'a room with an encoded NUL', user: 'alice', room: 'a%00b', expect: { status: 400, code: 'invalid_room_id' } },
  { name: 'getUserId throws', user: boom, room: 'lobby', expect: { status: 500, error: /auth backend down/ } },
  { name: 'getUserId rejects', user: () => Promise.reject(new Error('session store down')), room: 'lobby', expect: { status: 500, error: /session store down/ } },
  { name: 'getUserId gives a 65-byte user ID', user: 'u'.repeat(65), room: 'lobby', expect: { status: 500, error: 3 } },
  { name: 'getUserId gives an object', user: { id: 'alice' }, room: 'lobby', expect: { status: 500, error: 3 } },
  { name: 'getUserId gives NaN', user: Number.NaN, room: 'lobby', expect: { status: 500, error: 3 } },
  { name: 'getUserId gives a float', user: 10.5, room: 'lobby', expect: { status: 500, error: 3 } },
  { name: 'getUserId resolves late (150 ms)', user: () => new Promise((resolve) => setTimeout(() => resolve('late'), 150)), room: 'lobby', expect: { status: 200, userId: 'late', roomId: 'lobby' } },
  { name: 'the privilege resolver throws', user: 'alice', room: 'lobby', options: { privilege: boom }, expect: { status: 500, error: /auth backend down/ } },
  { name: 'the privilege resolver gives an unknown privilege', user: 'alice', room: 'lobby', options: { privilege: () => ({ host: true }) as never }, expect: { status: 500, error: 4 } },
  { name: 'the stream list resolver rejects', user: 'alice', room: 'lobby', options: { streamIdList: () => Promise.reject(new Error('db down')) }, expect: { status: 500, error: /db down/ } },
];

describe('HTTP contract of the token route', () => {
  for (const mounting of mountings) {
    describe(mounting.name, () => {
      for (const c of contract) {
        it(`${c.name} → ${c.expect.status}`, async () => {
          const getUserId = typeof c.user === 'function' ? (c.user as () => unknown) : () => c.user;
          const { listener, errors } = await mounting.app({
            appId: APP_ID,
            secret: SECRET,
            effectiveTimeInSeconds: TTL,
            getUserId,
            ...c.options,
          });
          const response = await request(listener).get(mounting.url(c.room));

          if (mounting.frameworkDecodesPath && c.undecodable) {
            // The framework rejected the path before any route of yours ran: a 400, but its own body.
            expect(response.status).to.equal(400);
            if (mounting.adapter === 'fastify') {
              expect(response.body).to.have.property('code', 'FST_ERR_BAD_URL'); // Fastify's, before routing
              return;
            }
            // Express's, passed to the error handlers
            expect(errors).to.have.length(1);
            expect(errors[0]).to.be.instanceOf(URIError);
            return;
          }
          expect(response.status, response.text).to.equal(c.expect.status);
          expect(response.text).to.not.include(SECRET);
          if (c.expect.status === 500) {
            expect(errors, 'the error reached the framework').to.have.length(1);
            const [error] = errors as Error[];
            if (typeof c.expect.error === 'number') expect(error).to.have.property('code', c.expect.error);
            else expect(error?.message).to.match(c.expect.error);
            return;
          }
          expect(errors).to.deep.equal([]);
          expect(response.headers['cache-control']).to.equal('no-store');
          expect(response.headers['content-type']).to.match(/^application\/json; charset=utf-8$/);

          if (c.expect.status !== 200) {
            const { error } = response.body as { error: { code: string; message: string } };
            expect(response.body).to.have.keys(['error']);
            expect(error.code).to.equal(c.expect.code);
            expect(error.message).to.be.a('string').and.not.equal('');
            return;
          }
          const body = response.body as Record<string, unknown>;
          expect(body).to.have.keys(['token', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt']);
          expect(body).to.include({ appId: APP_ID, userId: c.expect.userId, roomId: c.expect.roomId, version: '04' });
          const decoded = decodeToken(body['token'] as string, SECRET);
          if (decoded.version !== '04') throw new Error('expected a 04 token');
          expect(decoded.userId).to.equal(c.expect.userId);
          expect(decoded.room?.roomId).to.equal(c.expect.roomId);
          expect(decoded.expireTime - decoded.createTime).to.equal(TTL);
          expect(body['issuedAt']).to.equal(decoded.createTime);
          expect(body['expiresAt']).to.equal(decoded.expireTime);
        });
      }
    });
  }
});
