import { expect } from 'chai';
import { decodeToken, ErrorCode, generateToken04, inspectToken } from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { OTHER_SECRET, SECRET } from '../support/fixtures.js';
import { sealRawToken, type SealOptions } from '../support/format-decoder.js';

const EXPIRE = 2_000_000_000;
const CBC_IV = Buffer.from('ivmarker0000zzzz', 'latin1');
const GCM_IV = Buffer.from('gcmmarker123', 'latin1');
/** Plaintext values that must never surface in an error message. */
const MARKERS = ['MARKER', SECRET, CBC_IV.toString('latin1'), CBC_IV.toString('hex'), GCM_IV.toString('latin1'), GCM_IV.toString('hex')];

const body04 = (fields: Partial<Record<string, string>> = {}): string => {
  const all = { app_id: '1', user_id: '"MARKER-user"', nonce: '-5', ctime: '1999999000', expire: String(EXPIRE), payload: '""', ...fields };
  return `{${Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `"${key}":${value}`)
    .join(',')}}`;
};
const body03 = (fields: Partial<Record<string, string>> = {}): string => {
  const all = {
    app_id: '1', room_id: '"MARKER-room"', user_id: '"MARKER-user"', privilege: '{"1":1,"2":0}',
    create_time: '1999999000', expire_time: String(EXPIRE), nonce: '9187498709961044888', ...fields,
  };
  return `{${Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `"${key}":${value}`)
    .join(',')}}`;
};

/** Tokens whose envelope is sound (only their plaintext, padding or key is wrong): inspectToken must read them. */
const soundEnvelopes = new Set<string>();
function seal(base: SealOptions, o: Partial<SealOptions>): string {
  const token = sealRawToken({ ...base, ...o });
  if (Object.keys(o).every((key) => ['plaintext', 'secret', 'padding'].includes(key))) soundEnvelopes.add(token);
  return token;
}
const gcm = (o: Partial<SealOptions> = {}): string =>
  seal({ mode: 'gcm', secret: SECRET, expireTime: EXPIRE, plaintext: body04(), iv: GCM_IV }, o);
const cbc = (o: Partial<SealOptions> = {}): string =>
  seal({ mode: 'cbc', secret: SECRET, expireTime: EXPIRE, plaintext: body04(), iv: CBC_IV }, o);
const v03 = (o: Partial<SealOptions> = {}): string =>
  seal({ version: '03', mode: 'cbc', secret: SECRET, expireTime: EXPIRE, plaintext: body03(), iv: CBC_IV }, o);

/** Rewrites a token's envelope bytes. */
function patch(token: string, edit: (bytes: Buffer) => Buffer): string {
  return token.slice(0, 2) + edit(Buffer.from(token.slice(2), 'base64')).toString('base64');
}

const M = ErrorCode.TOKEN_MALFORMED;
const D = ErrorCode.TOKEN_DECRYPTION_FAILED;

/** [what, token, expected code]: every way a token can be broken, and how decodeToken answers. */
const brokenTokens: Array<[string, unknown, number]> = [
  ['not a string', 42, M],
  ['undefined', undefined, M],
  ['an empty string', '', M],
  ['a version prefix alone', '04', M],
  ['an unknown version prefix', `05${gcm().slice(2)}`, M],
  ['a one-character prefix', `4${gcm().slice(2)}`, M],
  ['base64 with a stray character', `${gcm().slice(0, 10)}!${gcm().slice(10)}`, M],
  ['base64 with whitespace', `${gcm().slice(0, 10)} ${gcm().slice(10)}`, M],
  ['base64 with a line break', `${gcm().slice(0, 10)}\n${gcm().slice(10)}`, M],
  ['base64url instead of base64', gcm().replace(/\+/g, '-').replace(/\//g, '_').padEnd(gcm().length, 'A'), M],
  ['base64 without its padding', cbc().replace(/=+$/, ''), M],
  ['an envelope shorter than its header', '04AAAAAA==', M],
  ['an IV length past the end', patch(gcm(), (b) => (b.writeUInt16BE(60_000, 8), b)), M],
  ['a ciphertext length past the end', patch(gcm(), (b) => (b.writeUInt16BE(b.readUInt16BE(22) + 1, 22), b)), M],
  ['a ciphertext length short of the end', patch(cbc(), (b) => (b.writeUInt16BE(b.readUInt16BE(26) - 16, 26), b)), M],
  ['two bytes after the ciphertext', cbc({ trailer: Buffer.from([1, 1]) }), M],
  ['an unknown mode byte', gcm({ trailer: Buffer.from([2]) }), M],
  ['a mode byte on a 03 token', v03({ trailer: Buffer.from([0]) }), M],
  ['a GCM mode byte on a CBC token', cbc({ trailer: Buffer.from([1]) }), M],
  ['a CBC mode byte on a GCM token', patch(gcm(), (b) => ((b[b.length - 1] = 0), b)), M],
  ['a 16-byte GCM nonce', gcm({ iv: Buffer.alloc(16, 1) }), M],
  ['a 12-byte CBC IV', patch(cbc(), (b) => Buffer.concat([b.subarray(0, 8), Buffer.from([0, 12]), b.subarray(10, 22), b.subarray(26)])), M],
  ['a CBC ciphertext that is not whole blocks', patch(cbc(), (b) => (b.writeUInt16BE(b.readUInt16BE(26) - 1, 26), b.subarray(0, b.length - 1))), M],
  ['a GCM ciphertext shorter than its tag', gcm({ plaintext: '' }).slice(0, 2) + (() => {
    const b = Buffer.alloc(8 + 2 + 12 + 2 + 8 + 1); b.writeUInt32BE(EXPIRE, 4); b.writeUInt16BE(12, 8); b.writeUInt16BE(8, 22); b[b.length - 1] = 1; return b.toString('base64');
  })(), M],
  ['a negative expire time in the header', gcm({ expireTime: -1n }), M],
  ['an expire time past 2^53 in the header', gcm({ expireTime: 2n ** 60n }), M],
  ['a token longer than any token can be', `04${'A'.repeat(100_000)}`, M],
  ['a GCM tag that does not match', patch(gcm(), (b) => ((b[b.length - 2]! ^= 0x01), b)), D],
  ['GCM ciphertext altered', patch(gcm(), (b) => ((b[30]! ^= 0x80), b)), D],
  ['a GCM nonce altered', patch(gcm(), (b) => ((b[12]! ^= 0x01), b)), D],
  ['GCM under another secret', gcm({ secret: OTHER_SECRET }), D],
  ['CBC under another secret', cbc({ secret: OTHER_SECRET }), D],
  ['03 under another secret', v03({ secret: OTHER_SECRET }), D],
  ['bad CBC padding', cbc({ plaintext: Buffer.alloc(32, 0x20), padding: false }), D],
  ['a CBC plaintext that is not JSON', cbc({ plaintext: 'MARKER not json' }), D],
  ['a CBC plaintext that is not UTF-8', cbc({ plaintext: Buffer.from([0xff, 0xfe, 0x7b]) }), D],
  ['a GCM plaintext that is not JSON', gcm({ plaintext: 'MARKER not json' }), M],
  ['a GCM plaintext that is not UTF-8', gcm({ plaintext: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) }), M],
  ['a JSON array plaintext', gcm({ plaintext: '["MARKER"]' }), M],
  ['a JSON string plaintext', gcm({ plaintext: '"MARKER"' }), M],
  ['a plaintext without user_id', gcm({ plaintext: body04({ user_id: undefined }) }), M],
  ['a numeric user_id', gcm({ plaintext: body04({ user_id: '7' }) }), M],
  ['an app_id given as a string', gcm({ plaintext: body04({ app_id: '"1"' }) }), M],
  ['an app_id above uint32', gcm({ plaintext: body04({ app_id: '4294967296' }) }), M],
  ['a fractional nonce', gcm({ plaintext: body04({ nonce: '1.5' }) }), M],
  ['a nonce in exponent form', gcm({ plaintext: body04({ nonce: '1e3' }) }), M],
  // The member JSON.parse reads is the escaped one: a nested or earlier "nonce" of the same value must not stand in.
  ['a nonce in exponent form under an escaped key, beside a nested one', gcm({ plaintext: body04({ nonce: undefined, payload: '{"nonce":5},"\\u006eonce":5e0' }) }), M],
  ['a fractional nonce under an escaped key, after a spelled one', gcm({ plaintext: body04({ nonce: '5,"\\u006eonce":5.0' }) }), M],
  ['a string nonce', gcm({ plaintext: body04({ nonce: '"1"' }) }), M],
  ['no nonce', gcm({ plaintext: body04({ nonce: undefined }) }), M],
  ['a fractional ctime', gcm({ plaintext: body04({ ctime: '1.5' }) }), M],
  ['a payload that is an array', gcm({ plaintext: body04({ payload: '["MARKER"]' }) }), M],
  ['a payload that is a number', gcm({ plaintext: body04({ payload: '7' }) }), M],
  ['a body expire that differs from the header', gcm({ plaintext: body04({ expire: String(EXPIRE + 1) }) }), M],
  ['a 03 body expire that differs from the header', v03({ plaintext: body03({ expire_time: String(EXPIRE - 1) }) }), M],
  ['a 03 privilege value of 2', v03({ plaintext: body03({ privilege: '{"1":1,"2":2}' }) }), M],
  ['a 03 privilege without key 2', v03({ plaintext: body03({ privilege: '{"1":1}' }) }), M],
  ['a 03 privilege that is not an object', v03({ plaintext: body03({ privilege: '3' }) }), M],
  ['a 03 token without room_id', v03({ plaintext: body03({ room_id: undefined }) }), M],
  ['a 04 plaintext inside a 03 token', v03({ plaintext: body04() }), M],
  ['a byte-order mark before the JSON', gcm({ plaintext: `\uFEFF${body04()}` }), M],
  ['a 03 privilege given as an array', v03({ plaintext: body03({ privilege: '[0,1,1]' }) }), M],
  ['an app_id of 0', gcm({ plaintext: body04({ app_id: '0' }) }), M],
  ['a 03 nonce below int64', v03({ plaintext: body03({ nonce: '-9223372036854775809' }) }), M],
  ['a 03 nonce above uint64', v03({ plaintext: body03({ nonce: '18446744073709551616' }) }), M],
  ['a 04 nonce below int32', gcm({ plaintext: body04({ nonce: '-2147483649' }) }), M],
  ['a 04 nonce beyond int32', gcm({ plaintext: body04({ nonce: '2147483648' }) }), M],
  ['a kit wrapper that is not base64', `${gcm()}#MARKER!`, M],
  ['a kit wrapper that is not JSON', `${gcm()}#${Buffer.from('MARKER').toString('base64')}`, M],
  ['a kit wrapper without appID', `${gcm()}#${Buffer.from('{"userID":"MARKER"}').toString('base64')}`, M],
  ['a kit wrapper with a numeric userID', `${gcm()}#${Buffer.from('{"userID":7,"appID":1}').toString('base64')}`, M],
  ['a kit wrapper longer than UIKit writes', `${gcm()}#${Buffer.from(`{"userID":"MARKER","appID":1,"x":"${'a'.repeat(6200)}"}`).toString('base64')}`, M],
  ['a JSON Web Token before "#"', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJNQVJLRVIifQ.c2ln#${Buffer.from('{"userID":"MARKER","appID":1}').toString('base64')}`, M],
  ['a 03 plaintext inside a 04 token', cbc({ plaintext: body03() }), M],
];

describe('decodeToken rejects every malformed or foreign token with a ZegoTokenError', () => {
  it('opens the well-formed tokens these cases are derived from', () => {
    expect(decodeToken(gcm(), SECRET)).to.include({ version: '04', mode: 'gcm', userId: 'MARKER-user', nonce: '-5' });
    expect(decodeToken(cbc(), SECRET)).to.include({ version: '04', mode: 'cbc', expireTime: EXPIRE });
    expect(decodeToken(cbc({ trailer: Buffer.from([0]) }), SECRET)).to.include({ mode: 'cbc' });
    expect(decodeToken(v03(), SECRET)).to.include({ version: '03', roomId: 'MARKER-room', nonce: '9187498709961044888' });
  });

  for (const [what, token, code] of brokenTokens) {
    it(`${what} → code ${code}`, () => {
      const error = expectZegoError(() => decodeToken(token as string, SECRET), code, MARKERS);
      expect(error.message).to.match(/^(malformed token: |token decryption failed)/);
    });
  }

  it('inspectToken rejects exactly the malformed envelopes, without a secret', () => {
    // Decryption failures all have sound envelopes; so do the tokens sealed with only a bad plaintext or key.
    const isSound = ([, token, code]: (typeof brokenTokens)[number]): boolean => code === D || soundEnvelopes.has(token as string);
    const sound = brokenTokens.filter(isSound);
    const broken = brokenTokens.filter((c) => !isSound(c));
    expect(sound.length).to.be.greaterThan(30);
    expect(broken.length).to.be.greaterThan(25);
    for (const [, token] of broken) expectZegoError(() => inspectToken(token as string), M, MARKERS);
    for (const [what, token] of sound) expect(inspectToken(token as string).expireTime, what).to.equal(EXPIRE);
  });

  it('says a token was cut short when its lengths run past its end', () => {
    for (const cut of [gcm().slice(0, 40), gcm().slice(0, 41), cbc().slice(0, -8), v03().slice(0, 30)]) {
      expect(expectZegoError(() => decodeToken(cut, SECRET), M).message).to.match(/^malformed token: cut short: /);
      expect(expectZegoError(() => inspectToken(cut), M).message).to.match(/cut short/);
    }
  });

  it('refuses an empty plaintext with its own code, TOKEN_EMPTY_PLAINTEXT, in both ciphers', () => {
    for (const token of [gcm({ plaintext: '' }), cbc({ plaintext: '' }), v03({ plaintext: '' })]) {
      expect(expectZegoError(() => decodeToken(token, SECRET), ErrorCode.TOKEN_EMPTY_PLAINTEXT).message).to.match(/empty plaintext/);
    }
  });

  it('reads what some generators write and the format does not: negative 03 nonces, born-expired tokens', () => {
    expect(decodeToken(v03({ plaintext: body03({ nonce: '-9223372036854775808' }) }), SECRET).nonce).to.equal('-9223372036854775808');
    expect(decodeToken(v03({ plaintext: body03({ nonce: '18446744073709551615' }) }), SECRET).nonce).to.equal('18446744073709551615');
    expect(decodeToken(gcm({ plaintext: body04({ ctime: String(EXPIRE + 60) }) }), SECRET)).to.include({ createTime: EXPIRE + 60 });
  });

  it('keeps an object payload as written: spacing, key order and big numbers', () => {
    const payload = '{ "stream_id_list" : null, "n": 12345678901234567890, "room_id":"r", "privilege":{"2":0,"1":1} }';
    const decoded = decodeToken(gcm({ plaintext: body04({ payload }) }), SECRET);
    expect(decoded).to.deep.include({ payload, payloadShape: 'object' });
    expect(decoded.version === '04' && decoded.room).to.deep.equal({ roomId: 'r', privilege: { login: true, publish: false }, streamIdList: null });
  });

  it('checks the secret argument first (SECRET_INVALID)', () => {
    const token = generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60 });
    expectZegoError(() => decodeToken(token, 'short'), ErrorCode.SECRET_INVALID);
    expectZegoError(() => decodeToken('garbage', undefined as never), ErrorCode.SECRET_INVALID);
  });

  it('reads the nonce JSON.parse reads, even under an escaped or duplicated key', () => {
    const duplicated = gcm({ plaintext: body04().replace('"nonce":-5', '"nonce":-5,"nonce":77') });
    expect(decodeToken(duplicated, SECRET).nonce).to.equal('77');
    const escaped = gcm({ plaintext: body04().replace('"nonce":-5', '"nonce":-5,"\\u006eonce":77') });
    expect(decodeToken(escaped, SECRET).nonce).to.equal('77');
    // Both literals round to the same double, so only reading keys as JSON.parse does tells them apart.
    const rounding = v03({ plaintext: body03({ nonce: '9007199254740993,"non\\u0063e":9007199254740992' }) });
    expect(decodeToken(rounding, SECRET).nonce).to.equal('9007199254740992');
    const nested = gcm({ plaintext: body04({ payload: '"{\\"nonce\\":9}"' }) });
    expect(decodeToken(nested, SECRET).nonce).to.equal('-5');
    const negativeZero = gcm({ plaintext: body04({ nonce: '0,"\\u006eonce":-0' }) });
    expect(decodeToken(negativeZero, SECRET).nonce).to.equal('-0');
  });
});
