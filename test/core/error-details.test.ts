/**
 * A ZegoTokenError says what is wrong in fields to branch on, beside its message: `code`, `option` (the option or
 * argument at fault, as the API names it) and `reason` (why, without the option's name; for TOKEN_MALFORMED, the part
 * of the token). The CLI names its flags and the doctor its findings from these, never by rewriting messages.
 */
import { expect } from 'chai';
import { buildRoomPayload, createTokenIssuer, decodeToken, diagnoseToken, ErrorCode, generateToken04, inspectToken, verifyToken, ZegoTokenError } from '@zego-token/core';
import { generateToken04 as assistantToken04 } from '@zego-token/core/server-assistant';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const base04 = { appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 60 };

describe('ZegoTokenError: code, option and reason', () => {
  // [what, the call, code, option, reason]
  const cases: Array<[string, () => unknown, number, string | undefined, string]> = [
    ['a bad user ID', () => generateToken04({ ...base04, userId: '' }), ErrorCode.USER_ID_INVALID, 'userId', 'must be a non-empty string'],
    ['a room payload’s room ID', () => buildRoomPayload({ roomId: 'r'.repeat(129) }), ErrorCode.ROOM_ID_INVALID, 'payload.roomId', 'must be at most 128 UTF-8 bytes'],
    ['one stream ID of a list', () => buildRoomPayload({ roomId: 'r', streamIdList: ['cam', 'no spaces'] }), ErrorCode.PAYLOAD_INVALID, 'payload.streamIdList[1]', 'must be 1-256 characters'],
    ['a privilege flag', () => buildRoomPayload({ roomId: 'r', privilege: { publish: 'no' as never } }), ErrorCode.PRIVILEGE_INVALID, 'privilege.publish', 'must be a boolean, 0 or 1'],
    ['an option’s value', () => generateToken04({ ...base04, mode: 'ecb' as never }), ErrorCode.OPTION_INVALID, 'mode', "must be 'gcm' or 'cbc'"],
    ['verifyToken’s now', () => verifyToken(generateToken04(base04), SECRET, { now: Number.NaN }), ErrorCode.OPTION_INVALID, 'now', 'must be a finite number'],
    ['an issuer’s missing secret', () => createTokenIssuer({ appId: APP_ID, secret: '' }), ErrorCode.SECRET_INVALID, 'secret', 'is missing'],
    ['a malformed token, by its part', () => inspectToken('04AAAA'), ErrorCode.TOKEN_MALFORMED, undefined, 'cut short: '],
    ['a malformed kit wrapper', () => decodeToken(`${generateToken04(base04)}#!!`, SECRET), ErrorCode.TOKEN_MALFORMED, undefined, 'kit wrapper: '],
  ];
  for (const [what, call, code, option, reason] of cases) {
    it(`${what}: ${option ?? 'no option'}, "${reason}…"`, () => {
      const error = expectZegoError(call, code, [SECRET]);
      expect(error.option).to.equal(option);
      expect(error.reason.startsWith(reason), error.reason).to.equal(true);
      // The message is made of the two, so nothing needs to take it apart.
      expect(error.message).to.include(option === undefined ? `malformed token: ${error.reason}` : `${option} ${error.reason}`);
    });
  }

  it('an error without parts has its message as its reason', () => {
    const error = new ZegoTokenError(ErrorCode.TOKEN_EXPIRED, 'token has expired');
    expect([error.option, error.reason]).to.deep.equal([undefined, 'token has expired']);
  });

  it('the doctor shows a malformed part by its reason, without the message’s "malformed token: "', () => {
    const { findings } = diagnoseToken('04AAAA');
    expect(findings.map((f) => f.code)).to.deep.equal(['truncated']);
    const kit = diagnoseToken(`${generateToken04(base04)}#!!`).findings.find((f) => f.code === 'malformed');
    expect(kit?.message).to.include('(kit wrapper: the part after "#" is not base64)').and.not.include('malformed token');
  });

  it('the server-assistant error keeps the option and reason', () => {
    let thrown: unknown;
    try {
      assistantToken04(APP_ID, '', SECRET, 60);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.include({ option: 'userId', reason: 'must be a non-empty string', errorCode: ErrorCode.USER_ID_INVALID });
  });
});
