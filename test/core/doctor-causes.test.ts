/**
 * The doctor names the real cause (issue 18): what homemade generators hand out instead of ZEGO tokens, keys derived
 * the wrong way, claims that break the format, secrets that are not a ServerSecret, kit tokens as UIKit reads them.
 * The table is test/support/doctor-causes.ts; here it runs, with what each finding must say and must not.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import {
  createTokenIssuer,
  decodeToken,
  DIAGNOSIS_SEVERITIES,
  diagnoseToken,
  ErrorCode,
  generateToken04,
  inspectToken,
  verifyToken,
  type DiagnoseTokenOptions,
  type DiagnosisFinding,
} from '@zego-token/core';
import { APP_SIGN, body04, causes, cbc, gcm, kitOf, NOW, USER, wrapperFor } from '../support/doctor-causes.js';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';

const withSecret: DiagnoseTokenOptions = { secret: SECRET, now: NOW };
const only = (token: string, options: DiagnoseTokenOptions, code: string): DiagnosisFinding => {
  const found = diagnoseToken(token, options).findings.filter((f) => f.code === code);
  expect(found, code).to.have.length(1);
  return found[0]!;
};
/** What no finding may say: a transport repair, a kit token, a wrong secret, when the token is no ZEGO token at all. */
const TRANSPORT = ['whitespace', 'quoted', 'url_encoded', 'spaces_for_plus', 'padding_missing', 'kit_token', 'decryption_failed', 'malformed', 'truncated'];

describe('the doctor names the real cause', () => {
  for (const [what, token, options, codes] of causes) {
    it(`${what} → ${codes.join(', ') || 'nothing to report'}`, () => {
      const diagnosis = diagnoseToken(token, options);
      expect(diagnosis.findings.map((f) => f.code)).to.deep.equal(codes);
      expect(diagnosis.ok).to.equal(!diagnosis.findings.some((f) => f.severity === 'error'));
      for (const { code, severity, message } of diagnosis.findings) {
        // One sentence that says what to do, with nothing of the secret, the AppSign or the user ID in it.
        expect(message, code).to.match(/^[A-Z][^\n]*[A-Za-z0-9)]\.$/).and.match(/: /).and.not.match(/\.\s+[A-Z]/);
        for (const secret of [SECRET, OTHER_SECRET, APP_SIGN, SECRET.slice(0, 16), SECRET.slice(1), USER, 'zoë']) {
          expect(message, code).to.not.include(secret);
        }
        const milder = code === 'room_id_mismatch' ? ['warning'] : [];
        expect([DIAGNOSIS_SEVERITIES[code], ...milder], code).to.include(severity);
      }
    });
  }

  it('gives the new codes the severities issue 18 asks for', () => {
    const severities = Object.fromEntries(
      ['empty_token', 'jwt', 'foreign_format', 'wrong_key_derivation', 'app_sign_as_secret', 'claims_invalid', 'secret_invalid', 'kit_room_mismatch', 'previous_secret', 'kit_test_generator'].map((code) => [
        code,
        DIAGNOSIS_SEVERITIES[code as keyof typeof DIAGNOSIS_SEVERITIES],
      ]),
    );
    expect(severities).to.deep.equal({
      empty_token: 'error',
      jwt: 'error',
      foreign_format: 'error',
      wrong_key_derivation: 'error',
      app_sign_as_secret: 'error',
      claims_invalid: 'error',
      secret_invalid: 'error',
      kit_room_mismatch: 'error',
      previous_secret: 'error',
      kit_test_generator: 'warning',
    });
  });

  describe('what is no ZEGO token', () => {
    it('is never called a kit token, nor blamed on transport or the secret', () => {
      for (const [what, token, options, codes] of causes) {
        if (!['empty_token', 'jwt', 'foreign_format'].some((code) => codes.includes(code as never))) continue;
        const found = diagnoseToken(token, options).findings.map((f) => f.code);
        for (const code of TRANSPORT) expect(found, what).to.not.include(code);
      }
    });

    it('says what it is: clear JSON, a JSON Web Token, a signature, delimited fields, a part too short before "#"', () => {
      const message = (token: string): string => diagnoseToken(token, withSecret).findings.at(-1)!.message;
      const [, signedJson] = causes.find(([what]) => what === 'base64 of JSON with an HMAC in it')!;
      expect(message(signedJson)).to.match(/JSON in clear, base64-encoded/).and.match(/does not implement ZEGO's algorithm/);
      expect(message(`04${signedJson}`)).to.match(/"04" followed by JSON in clear/);
      expect(message('{"app_id":7}')).to.match(/a JSON object in clear/);
      expect(message('ab'.repeat(32))).to.match(/a hexadecimal string of 32 bytes, a signature or a hash/);
      expect(message(`7:alice:${NOW}:${'ab'.repeat(32)}`)).to.match(/fields joined by ":"/);
      expect(message(kitOf('04AAAA', wrapperFor()))).to.match(/before '#' is too short to be a ZEGO token \(6 characters/).and.match(/no kit token/);
      expect(message('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')).to.match(/JSON Web Token, not a ZEGO token/);
    });

    it('leaves what it cannot place as malformed, and a cut ZEGO token as cut short', () => {
      for (const token of ['hello world', 'Bearer 04AAAA', `05${'Q'.repeat(80)}`]) {
        expect(diagnoseToken(token, withSecret).findings.map((f) => f.code), token).to.deep.equal(['malformed']);
      }
      expect(diagnoseToken(gcm().slice(0, 60), withSecret).findings.map((f) => f.code)).to.deep.equal(['truncated']);
    });
  });

  describe('keys derived the wrong way', () => {
    it('names the derivation, and reads the claims with it', () => {
      const token = gcm(body04(), createHash('sha256').update(SECRET).digest());
      const diagnosis = diagnoseToken(token, withSecret);
      expect(only(token, withSecret, 'wrong_key_derivation').message).to.match(/SHA-256 of the secret \(AES-256\)/).and.match(/ServerSecret's own 32 bytes/);
      expect(diagnosis.token).to.include({ appId: 7, userId: USER, expireTime: NOW + 3600 });
      expect(only(cbc(body04(), Buffer.from(SECRET.slice(0, 16))), withSecret, 'wrong_key_derivation').message).to.match(/first 16 characters of the secret \(AES-128\)/);
    });

    it('says the AppSign is no ServerSecret even when the token opens with it, and names the derivation', () => {
      const token = gcm(body04(), Buffer.from(APP_SIGN, 'hex'));
      const options = { secret: APP_SIGN, now: NOW };
      expect(only(token, options, 'app_sign_as_secret').message).to.match(/^The secret option is 64 hexadecimal characters, the AppSign/);
      expect(only(token, options, 'wrong_key_derivation').message).to.match(/the secret decoded from hexadecimal \(AES-256\)/);
      expect(diagnoseToken(token, options).token).to.include({ userId: USER });
    });
  });

  describe('claims that break the format', () => {
    it('names the claim and what was found, shows the claims that could be read, and blames the generator', () => {
      const token = gcm(body04({ nonce: '"5f2b8c1d9e0a4b3c2d1e0f9a"' }));
      const diagnosis = diagnoseToken(token, withSecret);
      const { message } = only(token, withSecret, 'claims_invalid');
      expect(message).to.match(/decrypts and authenticates/).and.match(/"nonce" must be an integer/).and.match(/a string of 24 hexadecimal digits/);
      expect(message).to.match(/generator/).and.match(/not damaged on its way/).and.match(/app_id, user_id, ctime, expire, payload/);
      expect(diagnosis.token).to.deep.equal({ ...inspectToken(token), appId: 7, userId: USER, createTime: NOW - 60, expireTime: NOW + 3600, payload: '' });
    });

    it('says "decrypts to JSON" for CBC, which has no authentication', () => {
      expect(only(cbc(body04({ appId: '"7"' })), withSecret, 'claims_invalid').message).to.match(/decrypts to JSON/).and.match(/"app_id" must be an integer/).and.match(/and is a string of 1 hexadecimal digits/);
    });
  });

  describe('secrets that are not a ServerSecret', () => {
    it('says why: quotes, a line break, the length, never the secret', () => {
      const message = (secret: string): string => only(gcm(), { secret, now: NOW }, 'secret_invalid').message;
      expect(message(`"${SECRET}"`)).to.match(/^The secret option must be a string of exactly 32 UTF-8 bytes .*: it has quotes around it: remove them/);
      expect(message(`${SECRET}\n`)).to.match(/it has a line break at its end: remove it/);
      expect(message(` '${SECRET.slice(2)}'\r\n`)).to.match(/it has quotes around it, whitespace at its start and a line break at its end, and without them it is 30 bytes long/);
      expect(message(SECRET.slice(1))).to.match(/it is 31 bytes long: copy the ServerSecret whole/);
      expect(only(gcm(), { secret: [SECRET, 'short'], now: NOW }, 'secret_invalid').message).to.match(/^The 2nd secret of the secret option /);
    });

    it('reads on with a secret that is a ServerSecret once its quotes or whitespace are off', () => {
      const diagnosis = diagnoseToken(gcm(), { secret: `"${SECRET}"`, now: NOW });
      expect(diagnosis.token).to.deep.equal(decodeToken(gcm(), SECRET));
      expect(diagnosis.ok).to.equal(false);
    });

    it('gives the library the same reason at construction, as ZegoTokenError.reason, naming where the secret came from', () => {
      const options = { appId: APP_ID, userId: 'u', effectiveTimeInSeconds: 60 };
      const quoted = expectZegoError(() => generateToken04({ ...options, secret: `"${SECRET}"` }), ErrorCode.SECRET_INVALID);
      expect(quoted.reason).to.match(/: it has quotes around it$/);
      expect(quoted.option).to.equal('secret');
      expect(quoted.message).to.equal(`secret ${quoted.reason}`);
      expect(only(gcm(), { secret: `"${SECRET}"`, now: NOW }, 'secret_invalid').message).to.include(quoted.reason);
      const saved = process.env['ZEGO_SERVER_SECRET'];
      process.env['ZEGO_SERVER_SECRET'] = `${SECRET}\n`;
      try {
        const fromEnvironment = expectZegoError(() => createTokenIssuer({ appId: APP_ID }), ErrorCode.SECRET_INVALID);
        expect(fromEnvironment.message).to.match(/^ZEGO_SERVER_SECRET must be a string of exactly 32 UTF-8 bytes .*: it has a line break at its end$/);
        expect(fromEnvironment.option).to.equal('secret');
      } finally {
        if (saved === undefined) delete process.env['ZEGO_SERVER_SECRET'];
        else process.env['ZEGO_SERVER_SECRET'] = saved;
      }
      expect(expectZegoError(() => createTokenIssuer({ appId: APP_ID, secret: APP_SIGN }), ErrorCode.SECRET_INVALID).reason).to.match(/64 hexadecimal characters, as the AppSign is$/);
      expect(expectZegoError(() => verifyToken(gcm(), `${SECRET} `), ErrorCode.SECRET_INVALID).reason).to.match(/whitespace at its end$/);
    });

    it('throws only for a secret that is no string, as every function that takes one', () => {
      expectZegoError(() => diagnoseToken(gcm(), { secret: 42 as never }), ErrorCode.SECRET_INVALID);
      expectZegoError(() => diagnoseToken(gcm(), { secret: [] }), ErrorCode.SECRET_INVALID);
      expect(expectZegoError(() => diagnoseToken(gcm(), { secret: [SECRET, 7] as never }), ErrorCode.SECRET_INVALID).option).to.equal('secret[1]');
    });
  });

  describe('several secrets, the current one first', () => {
    it('says a token that opens only with an older one was made with a previous secret, and reads it', () => {
      const options = { secret: [OTHER_SECRET, SECRET], now: NOW };
      expect(only(gcm(), options, 'previous_secret').message).to.match(/2nd secret given/).and.match(/previous ServerSecret/).and.match(/reset in the ZEGO console/);
      expect(diagnoseToken(gcm(), options).token).to.deep.equal(decodeToken(gcm(), SECRET));
    });
  });

  describe('kit tokens as UIKit reads them', () => {
    it('reads the wrapper as Latin-1, as atob does: "zoë" is the byte 0xEB', () => {
      const token = kitOf(gcm(body04({ user: 'zoë' })), wrapperFor({ user: 'zoë', room: 'lobby' }));
      expect([...Buffer.from(token.split('#')[1]!, 'base64')]).to.include(0xeb);
      expect(inspectToken(token).kit).to.include({ userId: 'zoë', roomId: 'lobby' });
      expect(decodeToken(token, SECRET).kit).to.include({ userId: 'zoë' });
    });

    it('reads any ZEGO token inside, 03 included, and only a ZEGO token before "#" makes a kit token', () => {
      const [, kit03] = causes.find(([what]) => what === 'a kit around a 03 token')!;
      expect(inspectToken(kit03)).to.deep.include({ version: '03', kit: { appId: 1234567890, userId: 'alice', roomId: 'lobby-1', userName: '' } });
      expect(expectZegoError(() => inspectToken(kitOf('eyJhbGciOiJIUzI1NiJ9.e30.c2ln', wrapperFor())), ErrorCode.TOKEN_MALFORMED).message).to.match(/the part before "#" is not a ZEGO token/);
    });

    it('verifyToken: a kit token is bound to its wrapper’s room, the one UIKit joins', () => {
      const identityKit = kitOf(gcm(), wrapperFor({ room: 'lobby' }));
      expect(verifyToken(identityKit, SECRET, { now: NOW, roomId: 'lobby' })).to.include({ userId: USER });
      expect(expectZegoError(() => verifyToken(identityKit, SECRET, { now: NOW, roomId: 'lounge' }), ErrorCode.TOKEN_CLAIM_MISMATCH).message).to.match(/another room/);
      const crossed = kitOf(gcm(body04({ payload: JSON.stringify('{"room_id":"lobby","privilege":{"1":1,"2":1},"stream_id_list":null}') })), wrapperFor({ room: 'lounge' }));
      expect(expectZegoError(() => verifyToken(crossed, SECRET, { now: NOW }), ErrorCode.TOKEN_CLAIM_MISMATCH).message).to.match(/wrapper names another room than its token/);
      // A token with no room, outside a kit, is still bound to none.
      expectZegoError(() => verifyToken(gcm(), SECRET, { now: NOW, roomId: 'lobby' }), ErrorCode.TOKEN_CLAIM_MISMATCH);
    });

    it('says of UIKit’s test generator that the ServerSecret is in a browser: rotate it and issue from a server', () => {
      const [, token, options] = causes.find(([what]) => what === 'UIKit’s test kit token')!;
      expect(only(token, options, 'kit_test_generator').message).to.match(/generateKitTokenForTest/).and.match(/reset it in the ZEGO console/).and.match(/from your server/);
    });

    it('bounds the wrapper: one far longer than UIKit writes is refused, unread', () => {
      const long = `${gcm()}#${'QUFB'.repeat(5000)}`;
      expect(only(long, withSecret, 'malformed').message).to.match(/longer than 8192 characters/);
      expectZegoError(() => inspectToken(long), ErrorCode.TOKEN_MALFORMED);
      expect(inspectToken(`${gcm()}#${Buffer.from(JSON.stringify({ ...wrapperFor(), userName: '%E2%82%AC'.repeat(256) })).toString('base64')}`).kit?.userName).to.have.length(256);
    });
  });

  it('an identity token where a room is expected is a warning, and the client may log in', () => {
    const diagnosis = diagnoseToken(gcm(), { ...withSecret, roomId: 'hall' });
    expect(diagnosis.ok).to.equal(true);
    expect(diagnosis.findings).to.deep.equal([
      { code: 'room_id_mismatch', severity: 'warning', message: only(gcm(), { ...withSecret, roomId: 'hall' }, 'room_id_mismatch').message },
    ]);
    expect(diagnosis.findings[0]!.message).to.match(/room authentication is on \(ZEGO's default is off\)/);
    const bound = gcm(body04({ payload: JSON.stringify('{"room_id":"lobby","privilege":{"1":1,"2":1},"stream_id_list":null}') }));
    expect(only(bound, { ...withSecret, roomId: 'hall' }, 'room_id_mismatch').severity).to.equal('error');
  });
});

