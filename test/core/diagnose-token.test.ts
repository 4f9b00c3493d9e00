/**
 * diagnoseToken, the token doctor: what it finds in every kind of real, damaged or wrong token, and that it never
 * throws for anything about the token.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  decodeToken,
  DIAGNOSIS_SEVERITIES,
  diagnoseToken,
  ErrorCode,
  inspectToken,
  type DiagnoseTokenOptions,
  type DiagnosisCode,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { causes } from '../support/doctor-causes.js';
import { generatorVariants, OTHER_SECRET, SECRET, type GeneratorVariant } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const NOW = 1_900_000_000;
const GCM_IV = Buffer.from('gcmmarker123', 'latin1');
const CBC_IV = Buffer.from('ivmarker0000zzzz', 'latin1');
const USER = 'MARKER-user';

const body04 = (o: { user?: string; ctime?: number; expire?: number; payload?: string } = {}): string =>
  `{"app_id":7,"user_id":"${o.user ?? USER}","nonce":-5,"ctime":${o.ctime ?? NOW - 60},"expire":${o.expire ?? NOW + 3600},"payload":${o.payload ?? '""'}}`;
const gcm = (plaintext = body04(), expireTime = NOW + 3600): string =>
  sealRawToken({ mode: 'gcm', secret: SECRET, expireTime, plaintext, iv: GCM_IV });
const cbc = (plaintext = body04()): string => sealRawToken({ mode: 'cbc', secret: SECRET, expireTime: NOW + 3600, plaintext, iv: CBC_IV });
const roomPayload = (room: string, streams: string): string =>
  JSON.stringify(`{"room_id":"${room}","privilege":{"1":1,"2":1},"stream_id_list":${streams}}`);
/** A GCM token created at `ctime` (a minute ago) that lasts `lifetime` seconds (its header and body agree). */
const lasting = (lifetime: number, ctime = NOW - 60): string => gcm(body04({ ctime, expire: ctime + lifetime }), ctime + lifetime);
const token03 = (room: string): string =>
  sealRawToken({
    version: '03',
    secret: SECRET,
    expireTime: NOW + 3600,
    plaintext: `{"app_id":7,"room_id":"${room}","user_id":"${USER}","privilege":{"1":1,"2":1},"create_time":${NOW - 60},"expire_time":${NOW + 3600},"nonce":5}`,
  });

/** A clean token whose base64 has '+', '/' and '=' in it, for the transport-damage cases (found, not hoped for). */
const damageable = ((): string => {
  for (let i = 0; i < 500; i += 1) {
    const token = gcm(body04({ user: `${USER}-${i}` }));
    if (/\+/.test(token) && /\//.test(token) && token.endsWith('=') && !token.endsWith('==')) return token;
  }
  throw new Error('no candidate token has +, / and = in it');
})();

const variant = (id: string): GeneratorVariant => generatorVariants.find((v) => v.id === id)!;
const kitOf = (token: string, kit: object): string => `${token}#${Buffer.from(JSON.stringify(kit)).toString('base64')}`;
const kitWrapper = { userID: USER, roomID: 'lobby', userName: 'M%C3%A4rker', appID: 7 };
const withSecret: DiagnoseTokenOptions = { secret: SECRET, now: NOW };

/** [what, token, options, the codes found, in order]: the doctor's specification. */
const cases: Array<[string, unknown, DiagnoseTokenOptions, DiagnosisCode[]]> = [
  ['a clean GCM token, as expected', gcm(), { ...withSecret, appId: 7, userId: USER }, []],
  ['surrounding whitespace and a line break', ` ${damageable}\r\n`, withSecret, ['whitespace']],
  ['a line break inside', `${damageable.slice(0, 20)}\n${damageable.slice(20)}`, withSecret, ['whitespace']],
  ['double quotes', `"${damageable}"`, withSecret, ['quoted']],
  ['a JSON string with escaped slashes', JSON.stringify(damageable).replace(/\//g, '\\/'), withSecret, ['quoted']],
  ['single quotes and whitespace', ` '${damageable}' `, withSecret, ['whitespace', 'quoted']],
  ['percent-encoded', encodeURIComponent(damageable), withSecret, ['url_encoded']],
  ['percent-encoded twice', encodeURIComponent(encodeURIComponent(damageable)), withSecret, ['url_encoded']],
  ["'+' turned into spaces", damageable.replace(/\+/g, ' '), withSecret, ['spaces_for_plus']],
  ['its padding stripped', damageable.replace(/=+$/, ''), withSecret, ['padding_missing']],
  ['cut short', damageable.slice(0, 60), withSecret, ['truncated']],
  ['cut to its header', damageable.slice(0, 14), withSecret, ['truncated']],
  ['not a token at all', 'hello world', withSecret, ['malformed']],
  ['a token after a word', `Bearer ${damageable}`, withSecret, ['malformed']],
  ['an unknown version', `05${damageable.slice(2)}`, withSecret, ['malformed']],
  ['not a string', 42, withSecret, ['malformed']],
  ['trailing bytes', sealRawToken({ mode: 'cbc', secret: SECRET, expireTime: NOW + 3600, plaintext: body04(), trailer: Buffer.from([1, 1]) }), withSecret, ['malformed']],
  ['a header that disagrees with its body', gcm(body04(), NOW + 1), withSecret, ['claims_invalid']],
  ['another secret', gcm(), { ...withSecret, secret: OTHER_SECRET }, ['decryption_failed']],
  ['an altered GCM token', `${gcm().slice(0, 30)}${gcm().charAt(30) === 'A' ? 'B' : 'A'}${gcm().slice(31)}`, withSecret, ['decryption_failed']],
  ['an empty plaintext', gcm(''), withSecret, ['empty_plaintext']],
  ["PHP's empty plaintext", variant('c06-php04-badutf8').token, { secret: variant('c06-php04-badutf8').secret }, ['legacy_cbc', 'empty_plaintext']],
  ['an expired token', gcm(), { ...withSecret, now: NOW + 3600 }, ['expired']],
  ['an expired token within the clock tolerance', gcm(), { ...withSecret, now: NOW + 3601, clockToleranceSeconds: 5 }, []],
  ['an expired token without the secret', gcm(), { now: NOW + 7200 }, ['expired', 'secret_not_given']],
  ['a token born expired', variant('c08-js04-neg60a').token, { secret: variant('c08-js04-neg60a').secret, now: 0 }, ['legacy_cbc', 'lifetime_negative']],
  ['a token created in the future', gcm(body04({ ctime: NOW + 600 })), withSecret, ['not_yet_valid']],
  ['another app', gcm(), { ...withSecret, appId: 8 }, ['app_id_mismatch']],
  ['another user', gcm(), { ...withSecret, userId: 'bob' }, ['user_id_mismatch']],
  ['another room', gcm(body04({ payload: roomPayload('lobby', '["s1"]') })), { ...withSecret, roomId: 'hall' }, ['room_id_mismatch']],
  ['its room', gcm(body04({ payload: roomPayload('lobby', '["s1"]') })), { ...withSecret, roomId: 'lobby' }, []],
  ['no room payload, a room expected', gcm(), { ...withSecret, roomId: 'hall' }, ['room_id_mismatch']],
  ['any room and any stream', gcm(body04({ payload: roomPayload('', '[]') })), { ...withSecret, roomId: 'hall' }, ['room_unrestricted', 'streams_unrestricted']],
  ['any stream (null)', gcm(body04({ payload: roomPayload('lobby', 'null') })), withSecret, ['streams_unrestricted']],
  ['a kit token', kitOf(gcm(), kitWrapper), withSecret, ['kit_token']],
  ["UIKit's kit token, pasted percent-encoded", encodeURIComponent(variant('c11-kitprod').token), { secret: variant('c11-kitprod').secret, now: 1_796_028_400, userId: 'alice' }, ['url_encoded', 'kit_token', 'legacy_cbc']],
  ['a kit token naming another user', kitOf(gcm(), { ...kitWrapper, userID: 'bob' }), withSecret, ['kit_token', 'kit_mismatch']],
  ['a kit token naming another app', kitOf(gcm(), { ...kitWrapper, appID: 8 }), withSecret, ['kit_token', 'kit_mismatch']],
  ['a kit wrapper that is not base64 JSON', `${gcm()}#bm90IGpzb24=`, withSecret, ['kit_token', 'malformed']],
  ['a kit wrapper around a 03 token', kitOf(variant('x03-go03-alice').token, kitWrapper), { now: 1_796_028_300 }, ['kit_token', 'zim_needs_04', 'secret_not_given']],
  ['a null payload', variant('c05-java04-null').token, { secret: variant('c05-java04-null').secret, now: 1_796_028_300 }, ['legacy_cbc', 'payload_null']],
  ['no payload', variant('c05-zv-alice').token, { secret: variant('c05-zv-alice').secret, now: 1_796_028_400 }, ['legacy_cbc', 'payload_absent']],
  ['an object payload', variant('c05-py04-dict').token, { secret: variant('c05-py04-dict').secret, now: 1_796_028_300 }, ['legacy_cbc', 'payload_not_string']],
  ['a 04 CBC token', cbc(), withSecret, ['legacy_cbc']],
  ['a 03 nonce beyond int64', variant('c09-py03old-1').token, { secret: variant('c09-py03old-1').secret, now: 1_796_028_300 }, ['zim_needs_04', 'nonce_out_of_range']],
  ['a 03 nonce below zero (Go)', variant('x03-go03-alice').token, { secret: variant('x03-go03-alice').secret, now: 1_796_028_300 }, ['zim_needs_04']],
  // The limits ZEGO's own clients enforce (docs/FORMAT.md "Limits").
  ['a 03 token, which ZIM refuses', token03('lobby'), withSecret, ['zim_needs_04']],
  ['a 03 token without the secret', token03('lobby'), { now: NOW }, ['zim_needs_04', 'secret_not_given']],
  ['a lifetime of 24 days, the most ZIM takes', lasting(2_073_600), withSecret, []],
  ['a lifetime of 24 days and a second', lasting(2_073_601), withSecret, ['lifetime_too_long']],
  ['a lifetime in milliseconds (an hour: 3,600,000)', lasting(3_600_000), withSecret, ['lifetime_too_long']],
  ['over 24 days left, without the secret', lasting(3_600_000), { now: NOW }, ['lifetime_too_long', 'secret_not_given']],
  ['an expiry at 2^31 - 1 s, the last ZIM reads', lasting(3600, 2 ** 31 - 1 - 3600), { ...withSecret, now: 2 ** 31 - 100 }, []],
  ['an expiry at 2^31 s', lasting(3600, 2 ** 31 - 3600), { ...withSecret, now: 2 ** 31 - 100 }, ['expiry_after_2038']],
  ['an expiry after 2038 and a lifetime of 8 years (expiry_after_2038 says it all)', lasting(2 ** 31 - (NOW - 60)), withSecret, ['expiry_after_2038']],
  ['a timestamp as the lifetime', lasting(NOW), withSecret, ['expiry_after_2038']],
  ['an expiry after 2038, without the secret', lasting(NOW), { now: NOW }, ['expiry_after_2038', 'secret_not_given']],
  ['a room ID with a slash', gcm(body04({ payload: roomPayload('team/lobby', '["s1"]') })), { ...withSecret, roomId: 'team/lobby' }, ['room_id_charset']],
  ['a room ID with a colon, in any room', gcm(body04({ payload: roomPayload('a:b', '["s1"]') })), withSecret, ['room_id_charset']],
  ['a stream ID with a slash', gcm(body04({ payload: roomPayload('lobby', '["s1","cam/1"]') })), withSecret, ['room_id_charset']],
  ['a 03 room ID with a space', token03('team lobby'), withSecret, ['zim_needs_04', 'room_id_charset']],
  ['no secret', gcm(), { now: NOW }, ['secret_not_given']],
];

describe('diagnoseToken, the token doctor', () => {
  for (const [what, token, options, codes] of cases) {
    it(`${what} → ${codes.join(', ') || 'nothing to report'}`, () => {
      const diagnosis = diagnoseToken(token as string, options);
      expect(diagnosis.findings.map((f) => f.code)).to.deep.equal(codes);
      // room_id_mismatch has one milder case: a token bound to no room (a warning).
      for (const f of diagnosis.findings) expect([DIAGNOSIS_SEVERITIES[f.code], ...(f.code === 'room_id_mismatch' ? ['warning'] : [])]).to.include(f.severity);
      expect(diagnosis.ok).to.equal(!diagnosis.findings.some((f) => f.severity === 'error'));
    });
  }

  it('has a case for every code it can report', () => {
    const seen = new Set([...cases, ...causes].flatMap(([, , , codes]) => codes));
    expect([...seen].sort()).to.deep.equal(Object.keys(DIAGNOSIS_SEVERITIES).sort());
  });

  it('gives the severities issue 10 asks for', () => {
    const bySeverity = (severity: string): string[] =>
      Object.entries(DIAGNOSIS_SEVERITIES).filter(([, s]) => s === severity).map(([code]) => code).sort();
    expect(bySeverity('warning')).to.deep.equal(['kit_test_generator', 'lifetime_too_long', 'nonce_out_of_range', 'not_yet_valid', 'payload_not_string']);
    expect(bySeverity('info')).to.deep.equal([
      'kit_token', 'legacy_cbc', 'payload_absent', 'payload_null', 'room_unrestricted', 'secret_not_given', 'streams_unrestricted', 'zim_needs_04',
    ]);
    expect(['expiry_after_2038', 'room_id_charset'].map((code) => DIAGNOSIS_SEVERITIES[code as DiagnosisCode])).to.deep.equal(['error', 'error']);
  });

  it('is documented code by code, with the right severities (docs/TROUBLESHOOTING.md, packages/core/README.md)', () => {
    const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const documented: Record<string, string> = {};
    for (const [, codes = '', severity = ''] of read('docs/TROUBLESHOOTING.md').matchAll(/^\| (`[a-z0-9_]+`(?:, `[a-z0-9_]+`)*) \| (error|warning|info) \|/gm)) {
      for (const [, code = ''] of codes.matchAll(/`([a-z0-9_]+)`/g)) documented[code] = severity;
    }
    expect(documented).to.deep.equal({ ...DIAGNOSIS_SEVERITIES });
    const api: Record<string, string> = {};
    for (const [, severity = '', codes = ''] of read('packages/core/README.md').matchAll(/^\| (error|warning|info) \| (.*) \|$/gm)) {
      for (const [, code = ''] of codes.matchAll(/`([a-z0-9_]+)`/g)) api[code] = severity;
    }
    expect(api).to.deep.equal({ ...DIAGNOSIS_SEVERITIES });
  });

  it('reads the repaired token: its claims with the secret, its header without', () => {
    const damaged = encodeURIComponent(damageable);
    expect(diagnoseToken(damaged, withSecret).token).to.deep.equal(decodeToken(damageable, SECRET));
    expect(diagnoseToken(damaged, { now: NOW }).token).to.deep.equal(inspectToken(damageable));
    const kit = variant('c11-kitprod');
    const read = diagnoseToken(` ${kit.token} `, { secret: kit.secret }).token;
    expect(read).to.deep.equal(decodeToken(kit.token, kit.secret)).and.to.deep.include({ kit: { appId: 1234567890, userId: 'alice', roomId: 'lobby-1', userName: 'Alice' } });
    expect(diagnoseToken(gcm(), { ...withSecret, secret: OTHER_SECRET }).token).to.deep.equal(inspectToken(gcm()));
    expect(diagnoseToken('hello', withSecret)).to.not.have.property('token');
  });

  it('says which part is malformed, and how the token was cut short', () => {
    const message = (token: string): string => diagnoseToken(token, withSecret).findings.at(-1)!.message;
    expect(message(`05${damageable.slice(2)}`)).to.match(/start with "03" or "04"/);
    expect(message(gcm(body04(), NOW + 1))).to.match(/"expire" must equal the expire time of the clear header and is epoch second/);
    expect(message(damageable.slice(0, 60))).to.match(/cut short \(ciphertext length exceeds the token\)/);
  });

  it('writes one sentence per finding that says what to do, with no secret, IV, plaintext or user ID', () => {
    const forbidden = [SECRET, OTHER_SECRET, USER, 'bob', 'lobby', 'hall', GCM_IV.toString('latin1'), GCM_IV.toString('hex'), CBC_IV.toString('latin1'), '"app_id"'];
    for (const [what, token, options] of cases) {
      for (const { message } of diagnoseToken(token as string, options).findings) {
        expect(message, what).to.match(/^[A-Z][^\n]*[A-Za-z0-9)]\.$/).and.match(/: /).and.not.match(/\.\s+[A-Z]/);
        for (const text of forbidden) expect(message, what).to.not.include(text);
      }
    }
  });

  it('never throws for anything about the token', () => {
    const base = kitOf(damageable, kitWrapper);
    const inputs: unknown[] = [undefined, null, {}, [], '', '#', '04#', '03', '04====', '%', '%E0%A4%A', '""', "'", base.repeat(2)];
    for (let i = 0; i < base.length; i += 7) {
      inputs.push(base.slice(0, i), base.slice(i), `${base.slice(0, i)}%${base.slice(i)}`, `${base.slice(0, i)}#${base.slice(i)}`);
    }
    for (const input of inputs) {
      for (const options of [{}, withSecret]) {
        const diagnosis = diagnoseToken(input as string, options);
        expect(diagnosis.findings).to.be.an('array');
      }
    }
  });

  it('throws only for bad options, with the codes verifyToken uses', () => {
    expectZegoError(() => diagnoseToken(gcm(), { secret: 42 as never }), ErrorCode.SECRET_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { appId: 0 }), ErrorCode.APP_ID_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { userId: '' }), ErrorCode.USER_ID_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { roomId: '' }), ErrorCode.ROOM_ID_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { now: Number.NaN }), ErrorCode.OPTION_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { clockToleranceSeconds: -1 }), ErrorCode.OPTION_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), { secrte: SECRET } as DiagnoseTokenOptions), ErrorCode.OPTION_INVALID);
    expectZegoError(() => diagnoseToken(gcm(), null as never), ErrorCode.OPTION_INVALID);
  });
});
