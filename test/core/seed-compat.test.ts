import { expect } from 'chai';
import {
  decodeToken,
  ErrorCode,
  generateToken,
  PRIVILEGE_LOGIN,
  PRIVILEGE_PUBLISH,
  type SeedPrivilege,
} from '@zego-token/core';
import { SECRET } from '../support/fixtures.js';

describe('generateToken: the seed-compatible API of zego_server_assistant', () => {
  it('keeps the seed’s constants and error codes 0-6', () => {
    expect([PRIVILEGE_LOGIN, PRIVILEGE_PUBLISH]).to.deep.equal([1, 2]);
    expect(ErrorCode).to.include({
      SUCCESS: 0,
      APP_ID_INVALID: 1,
      ROOM_ID_INVALID: 2,
      USER_ID_INVALID: 3,
      PRIVILEGE_INVALID: 4,
      SECRET_INVALID: 5,
      EFFECTIVE_TIME_IN_SECONDS_INVALID: 6,
    });
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size, 'codes are unique').to.equal(codes.length);
  });

  it('makes the seed demo’s token: a 03 token for room "demo", user "demo", login and publish', () => {
    const info = generateToken(2_913_569_222, 'demo', 'demo', { 1: 1, 2: 1 }, 'b0d996aecc46ad51600ea853bb378c18', 3600);
    expect(info.errorCode).to.equal(0);
    expect(info.errorMessage).to.equal('');
    expect(decodeToken(info.token, 'b0d996aecc46ad51600ea853bb378c18')).to.include({
      version: '03',
      appId: 2_913_569_222,
      roomId: 'demo',
      userId: 'demo',
    });
  });

  it('accepts a privilege value of 0, which the Python seed wrongly refuses', () => {
    const info = generateToken(1, 'r', 'u', { [PRIVILEGE_LOGIN]: 1, [PRIVILEGE_PUBLISH]: 0 }, SECRET, 60);
    expect(info.errorCode).to.equal(ErrorCode.SUCCESS);
    const decoded = decodeToken(info.token, SECRET);
    expect(decoded.version === '03' && decoded.privilege).to.deep.equal({ login: true, publish: false });
  });

  it('accepts a Map, with number or string keys', () => {
    for (const privilege of [new Map([[1, 0], [2, 1]]), new Map([['1', 0], ['2', 1]])]) {
      const info = generateToken(1, 'r', 'u', privilege as SeedPrivilege, SECRET, 60);
      expect(info.errorCode, info.errorMessage).to.equal(0);
      const decoded = decodeToken(info.token, SECRET);
      expect(decoded.version === '03' && decoded.privilege).to.deep.equal({ login: false, publish: true });
    }
  });

  const failures: Array<[string, Parameters<typeof generateToken>, number]> = [
    ['appId 0', [0, 'r', 'u', { 1: 1, 2: 1 }, SECRET, 60], 1],
    ['an empty roomId', [1, '', 'u', { 1: 1, 2: 1 }, SECRET, 60], 2],
    ['a 129-byte roomId', [1, 'r'.repeat(129), 'u', { 1: 1, 2: 1 }, SECRET, 60], 2],
    ['a 65-byte userId', [1, 'r', 'u'.repeat(65), { 1: 1, 2: 1 }, SECRET, 60], 3],
    ['a privilege without key 2', [1, 'r', 'u', { 1: 1 } as never, SECRET, 60], 4],
    ['a Map without key 1', [1, 'r', 'u', new Map([[2, 1]]) as never, SECRET, 60], 4],
    ['the named privilege form, which the seed API does not take', [1, 'r', 'u', { login: true } as never, SECRET, 60], 4],
    ['a privilege value of 2', [1, 'r', 'u', { 1: 1, 2: 2 } as never, SECRET, 60], 4],
    ['a privilege whose keys are inherited', [1, 'r', 'u', Object.create({ 1: 1, 2: 0 }) as never, SECRET, 60], 4],
    ['a privilege whose getter throws', [1, 'r', 'u', { 1: 1, get 2(): number { throw new Error('no'); } } as never, SECRET, 60], 4],
    ['no privilege', [1, 'r', 'u', undefined as never, SECRET, 60], 4],
    ['a 31-byte secret', [1, 'r', 'u', { 1: 1, 2: 1 }, SECRET.slice(1), 60], 5],
    ['a lifetime of 0', [1, 'r', 'u', { 1: 1, 2: 1 }, SECRET, 0], 6],
    ['a fractional lifetime', [1, 'r', 'u', { 1: 1, 2: 1 }, SECRET, 0.5], 6],
    ['a negative lifetime', [1, 'r', 'u', { 1: 1, 2: 1 }, SECRET, -60], 6],
  ];

  for (const [what, args, code] of failures) {
    it(`returns error code ${code} for ${what}, with an empty token and without throwing`, () => {
      const info = generateToken(...args);
      expect(info).to.have.keys(['token', 'errorCode', 'errorMessage']);
      expect(info.token).to.equal('');
      expect(info.errorCode).to.equal(code);
      expect(info.errorMessage).to.be.a('string').and.not.equal('');
      expect(info.errorMessage).to.not.include(SECRET.slice(1));
    });
  }
});
