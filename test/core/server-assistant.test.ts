import { expect } from 'chai';
import { createRequire } from 'node:module';
import { decodeToken, ErrorCode, generateToken03, ZegoTokenError } from '@zego-token/core';
import * as assistant from '@zego-token/core/server-assistant';
import { generateToken, generateToken04, ServerAssistantError } from '@zego-token/core/server-assistant';
import { captureOutput } from '../support/capture-output.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { readRawToken } from '../support/format-decoder.js';

const require = createRequire(import.meta.url);
const cjs = require('@zego-token/core/server-assistant') as typeof assistant;

/** Calls `fn`, which must throw; returns what it threw. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected a throw');
}

/** What callers of ZEGO's module read (`errorCode`, `errorMessage`), and what our callers read (`code`, instanceof). */
function expectAssistantError(fn: () => unknown, code: number): ServerAssistantError {
  const error = thrownBy(fn) as ServerAssistantError;
  expect(error).to.be.instanceOf(ZegoTokenError);
  expect(error).to.be.instanceOf(ServerAssistantError);
  expect(error.name).to.equal('ZegoTokenError');
  expect(error.errorCode, error.message).to.equal(code);
  expect(error.code).to.equal(code);
  expect(error.errorMessage).to.be.a('string').and.equal(error.message).and.not.equal('');
  expect(error.message).to.not.include(SECRET);
  return error;
}

/** A code's name in {@link ErrorCode}, for test titles. */
const codeName = (code: number): string => Object.keys(ErrorCode).find((name) => ErrorCode[name as keyof typeof ErrorCode] === code)!;

const ROOM_PAYLOAD = JSON.stringify({ room_id: 'room1', privilege: { 1: 1, 2: 0 }, stream_id_list: null });

describe('@zego-token/core/server-assistant: a drop-in for ZEGO’s Node.js zegoServerAssistant modules', () => {
  it('exports ZEGO’s two functions, generateToken04 and generateToken, with their error class and codes', () => {
    expect(Object.keys(assistant).sort()).to.deep.equal(
      ['ErrorCode', 'ServerAssistantError', 'ZegoTokenError', 'generateToken', 'generateToken04'].sort(),
    );
    expect(Object.keys(cjs).sort()).to.deep.equal(Object.keys(assistant).sort());
    expect(assistant.ErrorCode).to.equal(ErrorCode);
    expect(assistant.ZegoTokenError).to.equal(ZegoTokenError);
    // ZEGO's signatures: (appId, userId, secret, effectiveTimeInSeconds, payload?) and (appId, roomId, userId,
    // privilege, secret, effectiveTimeInSeconds).
    expect([generateToken04.length, generateToken.length]).to.deep.equal([5, 6]);
  });

  describe('generateToken04(appId, userId, secret, effectiveTimeInSeconds, payload?)', () => {
    it('returns a 04 AES-GCM token with the plaintext of ZEGO’s module, read by the independent decoder and decodeToken', () => {
      const token = generateToken04(APP_ID, 'alice', SECRET, 3600, '');
      const raw = readRawToken(token, SECRET);
      expect(raw.version).to.equal('04');
      expect(raw.modeByte).to.equal(1);
      expect(raw.iv).to.have.length(12);
      const plaintext = JSON.parse(raw.plaintext) as Record<string, unknown>;
      expect(Object.keys(plaintext)).to.deep.equal(['app_id', 'user_id', 'nonce', 'ctime', 'expire', 'payload']);
      expect(plaintext).to.include({ app_id: APP_ID, user_id: 'alice', payload: '' });
      expect(Number(plaintext['expire']) - Number(plaintext['ctime'])).to.equal(3600);
      expect(raw.expireTime).to.equal(BigInt(Number(plaintext['expire'])));
      expect(decodeToken(token, SECRET)).to.include({ version: '04', mode: 'gcm', appId: APP_ID, userId: 'alice', payload: '' });
    });

    it('carries a room payload string, as ZEGO’s room sample builds it, as is', () => {
      const token = generateToken04(APP_ID, 'alice', SECRET, 3600, ROOM_PAYLOAD);
      expect((JSON.parse(readRawToken(token, SECRET).plaintext) as { payload: unknown }).payload).to.equal(ROOM_PAYLOAD);
      expect(decodeToken(token, SECRET)).to.include({ payload: ROOM_PAYLOAD });
    });

    it('makes an identity token (payload "") when the payload is left out, undefined, null or "", as ZEGO’s `payload || \'\'`', () => {
      const tokens = [
        generateToken04(APP_ID, 'u', SECRET, 60),
        generateToken04(APP_ID, 'u', SECRET, 60, undefined),
        generateToken04(APP_ID, 'u', SECRET, 60, null),
        generateToken04(APP_ID, 'u', SECRET, 60, ''),
      ];
      for (const token of tokens) expect(JSON.parse(readRawToken(token, SECRET).plaintext)).to.include({ payload: '' });
    });

    it('refuses a payload that is not a string with PAYLOAD_INVALID, where ZEGO’s module would encrypt a JSON value', () => {
      for (const payload of [{ room_id: 'r', privilege: { 1: 1, 2: 1 }, stream_id_list: null }, 7, true, ['r']]) {
        const error = expectAssistantError(() => generateToken04(APP_ID, 'u', SECRET, 60, payload as never), ErrorCode.PAYLOAD_INVALID);
        expect(error.errorMessage).to.include('JSON.stringify');
      }
      expectAssistantError(() => generateToken04(APP_ID, 'u', SECRET, 60, 'x'.repeat(70_000)), ErrorCode.PAYLOAD_INVALID);
    });

    const failures: Array<[string, unknown[], number]> = [
      ['appId 0', [0, 'u', SECRET, 60], ErrorCode.APP_ID_INVALID],
      ['appId as a string', [String(APP_ID), 'u', SECRET, 60], ErrorCode.APP_ID_INVALID],
      ['appId 2^32', [2 ** 32, 'u', SECRET, 60], ErrorCode.APP_ID_INVALID],
      ['an empty userId', [APP_ID, '', SECRET, 60], ErrorCode.USER_ID_INVALID],
      ['a 65-byte userId', [APP_ID, 'u'.repeat(65), SECRET, 60], ErrorCode.USER_ID_INVALID],
      ['a 31-character secret', [APP_ID, 'u', SECRET.slice(1), 60], ErrorCode.SECRET_INVALID],
      ['a secret of 32 UTF-16 units but 33 UTF-8 bytes', [APP_ID, 'u', `é${SECRET.slice(1)}`, 60], ErrorCode.SECRET_INVALID],
      ['no lifetime', [APP_ID, 'u', SECRET], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['a negative lifetime (ZEGO’s older module makes a token born expired)', [APP_ID, 'u', SECRET, -60], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['a fractional lifetime', [APP_ID, 'u', SECRET, 0.5], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['a lifetime as a string', [APP_ID, 'u', SECRET, '3600'], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
    ];
    for (const [name, args, code] of failures) {
      it(`throws errorCode ${codeName(code)} for ${name}`, () => {
        expectAssistantError(() => (generateToken04 as (...a: unknown[]) => string)(...args), code);
      });
    }

    it('checks its arguments in the order of ZEGO’s module: app ID, user ID, secret, lifetime (then the payload)', () => {
      const call = generateToken04 as (...a: unknown[]) => string;
      expectAssistantError(() => call(0, '', 'short', -1, {}), ErrorCode.APP_ID_INVALID);
      expectAssistantError(() => call(APP_ID, '', 'short', -1, {}), ErrorCode.USER_ID_INVALID);
      expectAssistantError(() => call(APP_ID, 'u', 'short', -1, {}), ErrorCode.SECRET_INVALID);
      expectAssistantError(() => call(APP_ID, 'u', SECRET, -1, {}), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
      expectAssistantError(() => call(APP_ID, 'u', SECRET, 60, {}), ErrorCode.PAYLOAD_INVALID);
    });
  });

  describe('generateToken(appId, roomId, userId, { canLoginRoom, canPublishStream }, secret, effectiveTimeInSeconds)', () => {
    it('returns a 03 token with the plaintext of ZEGO’s module, for every combination of the two privileges', () => {
      for (const canLoginRoom of [true, false]) {
        for (const canPublishStream of [true, false]) {
          const token = generateToken(APP_ID, 'demo', 'alice', { canLoginRoom, canPublishStream }, SECRET, 3600);
          const raw = readRawToken(token, SECRET);
          expect(raw.version).to.equal('03');
          expect(raw.modeByte).to.equal(undefined);
          expect(raw.iv.toString('latin1')).to.match(/^[0-9a-z]{16}$/);
          const plaintext = JSON.parse(raw.plaintext) as Record<string, unknown>;
          expect(Object.keys(plaintext)).to.deep.equal(['app_id', 'room_id', 'user_id', 'privilege', 'create_time', 'expire_time', 'nonce']);
          expect(plaintext['privilege']).to.deep.equal({ 1: canLoginRoom ? 1 : 0, 2: canPublishStream ? 1 : 0 });
          const decoded = decodeToken(token, SECRET);
          expect(decoded).to.include({ version: '03', appId: APP_ID, roomId: 'demo', userId: 'alice' });
          expect(decoded.version === '03' && decoded.privilege).to.deep.equal({ login: canLoginRoom, publish: canPublishStream });
        }
      }
    });

    it('grants what generateToken03 grants for the same privilege given as { login, publish }', () => {
      const dropIn = decodeToken(generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: false }, SECRET, 60), SECRET);
      const ours = decodeToken(
        generateToken03({ appId: APP_ID, roomId: 'r', userId: 'u', privilege: { login: true, publish: false }, secret: SECRET, effectiveTimeInSeconds: 60 }),
        SECRET,
      );
      expect(dropIn.version === '03' && dropIn.privilege).to.deep.equal(ours.version === '03' && ours.privilege);
    });

    const both = { canLoginRoom: true, canPublishStream: true };
    const failures: Array<[string, unknown[], number]> = [
      ['appId 0', [0, 'r', 'u', both, SECRET, 60], ErrorCode.APP_ID_INVALID],
      ['an empty roomId', [APP_ID, '', 'u', both, SECRET, 60], ErrorCode.ROOM_ID_INVALID],
      ['a 129-byte roomId', [APP_ID, 'r'.repeat(129), 'u', both, SECRET, 60], ErrorCode.ROOM_ID_INVALID],
      ['an empty userId', [APP_ID, 'r', '', both, SECRET, 60], ErrorCode.USER_ID_INVALID],
      ['a 31-character secret', [APP_ID, 'r', 'u', both, SECRET.slice(1), 60], ErrorCode.SECRET_INVALID],
      // ZEGO's own token03 test script passes the numeric form, which its module refuses with PRIVILEGE_INVALID as well.
      ['the numeric privilege {1: 1, 2: 1}', [APP_ID, 'r', 'u', { 1: 1, 2: 1 }, SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a privilege without canPublishStream', [APP_ID, 'r', 'u', { canLoginRoom: true }, SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a privilege value of 1 instead of true', [APP_ID, 'r', 'u', { canLoginRoom: 1, canPublishStream: true }, SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a misspelt privilege key', [APP_ID, 'r', 'u', { ...both, canPublish: false }, SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a null privilege', [APP_ID, 'r', 'u', null, SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a Map privilege', [APP_ID, 'r', 'u', new Map(Object.entries(both)), SECRET, 60], ErrorCode.PRIVILEGE_INVALID],
      ['a negative lifetime', [APP_ID, 'r', 'u', both, SECRET, -60], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
      ['a fractional lifetime', [APP_ID, 'r', 'u', both, SECRET, 1.5], ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
    ];
    for (const [name, args, code] of failures) {
      it(`throws errorCode ${codeName(code)} for ${name}`, () => {
        expectAssistantError(() => (generateToken as (...a: unknown[]) => string)(...args), code);
      });
    }

    it('reports a privilege whose getter throws as PRIVILEGE_INVALID, without the getter’s message', () => {
      const privilege = {
        canLoginRoom: true,
        get canPublishStream(): boolean {
          throw new Error(SECRET);
        },
      };
      const error = expectAssistantError(() => generateToken(APP_ID, 'r', 'u', privilege, SECRET, 60), ErrorCode.PRIVILEGE_INVALID);
      expect(error.message).to.equal('privilege could not be read');
    });

    it('checks its arguments in the order of ZEGO’s module: app ID, room ID, user ID, secret, privilege, lifetime', () => {
      const call = generateToken as (...a: unknown[]) => string;
      expectAssistantError(() => call(0, '', '', null, 'short', -1), ErrorCode.APP_ID_INVALID);
      expectAssistantError(() => call(APP_ID, '', '', null, 'short', -1), ErrorCode.ROOM_ID_INVALID);
      expectAssistantError(() => call(APP_ID, 'r', '', null, 'short', -1), ErrorCode.USER_ID_INVALID);
      expectAssistantError(() => call(APP_ID, 'r', 'u', null, 'short', -1), ErrorCode.SECRET_INVALID);
      expectAssistantError(() => call(APP_ID, 'r', 'u', null, SECRET, -1), ErrorCode.PRIVILEGE_INVALID);
      expectAssistantError(() => call(APP_ID, 'r', 'u', both, SECRET, -1), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
    });
  });

  describe('errors', () => {
    it('keep errorCode and errorMessage as own enumerable fields, so a caller that serialises the error still sends them', () => {
      const error = expectAssistantError(() => generateToken04(0, 'u', SECRET, 60), ErrorCode.APP_ID_INVALID);
      expect(JSON.parse(JSON.stringify(error))).to.include({ errorCode: ErrorCode.APP_ID_INVALID, errorMessage: error.message });
      expect({ ...error }).to.include({ errorCode: ErrorCode.APP_ID_INVALID, code: ErrorCode.APP_ID_INVALID });
    });

    it('are recognised with instanceof across the CommonJS and ESM builds, and only the drop-in’s errors are ServerAssistantErrors', () => {
      const fromCjs = thrownBy(() => cjs.generateToken04(0, 'u', SECRET, 60));
      expect(fromCjs).to.be.instanceOf(ServerAssistantError);
      expect(fromCjs).to.be.instanceOf(ZegoTokenError);
      expect(fromCjs).to.be.instanceOf(cjs.ZegoTokenError);
      const fromCore = thrownBy(() => decodeToken('x', SECRET));
      expect(fromCore).to.be.instanceOf(ZegoTokenError);
      expect(fromCore).to.not.be.instanceOf(ServerAssistantError);
      expect({ errorCode: 1, errorMessage: 'appID invalid' }).to.not.be.instanceOf(ServerAssistantError);
    });
  });

  it('writes nothing to the console or the standard streams (ZEGO’s module prints the IV and the plaintext)', () => {
    const written = captureOutput(() => {
      generateToken04(APP_ID, 'u', SECRET, 60, ROOM_PAYLOAD);
      generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, SECRET, 60);
      thrownBy(() => generateToken04(APP_ID, 'u', 'short', 60));
    });
    expect(written).to.deep.equal([]);
  });

  it('draws IVs from node:crypto randomFillSync, through the same pooled source as the rest of the core', () => {
    const crypto = require('node:crypto') as typeof import('node:crypto');
    const original = crypto.randomFillSync;
    crypto.randomFillSync = ((buffer: Buffer) => buffer.fill(1)) as typeof crypto.randomFillSync;
    try {
      // Spend whatever real random bytes an earlier test left in the pool (at most 4 KiB, 12 bytes a token).
      const gcmIv = (): Buffer => readRawToken(cjs.generateToken04(1, 'u', SECRET, 9), SECRET).iv;
      for (let i = 0; i < 400 && !gcmIv().equals(Buffer.alloc(12, 1)); i += 1);
      expect(gcmIv().equals(Buffer.alloc(12, 1))).to.equal(true);
      const v03 = readRawToken(cjs.generateToken(1, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, SECRET, 9), SECRET);
      expect(v03.iv.toString('latin1')).to.equal('1'.repeat(16));
    } finally {
      crypto.randomFillSync = original;
    }
  });
});
