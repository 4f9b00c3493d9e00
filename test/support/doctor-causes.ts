/**
 * The doctor's cases for issue 18, "what is this token, and who made it wrong": what homemade generators hand out
 * instead of ZEGO tokens, keys derived the wrong way, claims that break the format, secrets that are not a
 * ServerSecret, kit tokens as UIKit reads them. A table of [what, token, options, the codes found, in order], run by
 * test/core/doctor-causes.test.ts and counted by diagnose-token.test.ts's "a case for every code".
 */
import { createHash } from 'node:crypto';
import type { DiagnoseTokenOptions, DiagnosisCode } from '@zego-token/core';
import { generatorVariants, OTHER_SECRET, SECRET, type GeneratorVariant } from './fixtures.js';
import { sealRawToken } from './format-decoder.js';

export const NOW = 1_900_000_000;
export const USER = 'MARKER-user';
/** 64 hexadecimal characters, as an AppSign is (made up). */
export const APP_SIGN = 'a3f1c2d4e5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071';
const GCM_IV = Buffer.from('gcmmarker123', 'latin1');
const CBC_IV = Buffer.from('ivmarker0000zzzz', 'latin1');
/** UIKit's generateKitTokenForTest writes 16 decimal digits as its IV. */
const DECIMAL_IV = Buffer.from('4496191401909848', 'latin1');

export const body04 = (o: { user?: string; nonce?: string; payload?: string | null; appId?: string } = {}): string => {
  const payload = o.payload === null ? '' : `,"payload":${o.payload ?? '""'}`;
  return `{"app_id":${o.appId ?? '7'},"user_id":"${o.user ?? USER}","nonce":${o.nonce ?? '-5'},"ctime":${NOW - 60},"expire":${NOW + 3600}${payload}}`;
};
export const gcm = (plaintext = body04(), key?: Buffer): string =>
  sealRawToken({ mode: 'gcm', secret: SECRET, expireTime: NOW + 3600, plaintext, iv: GCM_IV, ...(key === undefined ? {} : { key }) });
export const cbc = (plaintext = body04(), key?: Buffer, iv = CBC_IV): string =>
  sealRawToken({ mode: 'cbc', secret: SECRET, expireTime: NOW + 3600, plaintext, iv, ...(key === undefined ? {} : { key }) });
const roomPayload = (room: string): string => JSON.stringify(`{"room_id":"${room}","privilege":{"1":1,"2":1},"stream_id_list":["s1"]}`);

/** A kit wrapper as UIKit writes it: `btoa` of the JSON, so Latin-1 code units. */
export const kitOf = (token: string, wrapper: object, encoding: 'latin1' | 'utf8' = 'latin1'): string =>
  `${token}#${Buffer.from(JSON.stringify(wrapper), encoding).toString('base64')}`;
export const wrapperFor = (o: { user?: string; room?: string; appId?: number } = {}): object =>
  o.room === undefined ? { userID: o.user ?? USER, userName: 'M%C3%A4rker', appID: o.appId ?? 7 } : { userID: o.user ?? USER, roomID: o.room, userName: 'M%C3%A4rker', appID: o.appId ?? 7 };

const variant = (id: string): GeneratorVariant => generatorVariants.find((v) => v.id === id)!;
const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
const md5 = (text: string): Buffer => createHash('md5').update(text).digest();
const md5Hex = (text: string): string => md5(text).toString('hex');
/** A "secret" of 48 hexadecimal digits: a generator that hex-decodes it keys AES-192. */
const HEX_48 = '00112233445566778899aabbccddeeff0011223344556677';
const base64url = (text: string): string => Buffer.from(text).toString('base64url');
const hmacHex = createHash('sha256').update('signature').digest('hex');
const jwt = `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"app_id":7,"user_id":"${USER}"}`)}.${createHash('sha256').update('s').digest('base64url')}`;
const signedJson = Buffer.from(`{"app_id":7,"user_id":"${USER}","expire":${NOW},"signature":"${hmacHex}"}`).toString('base64');
const withSecret: DiagnoseTokenOptions = { secret: SECRET, now: NOW };

/** [what, token, options, the codes found, in order]. */
export const causes: Array<[string, string, DiagnoseTokenOptions, DiagnosisCode[]]> = [
  // Nothing, or what a homemade generator writes instead of a ZEGO token: that finding alone, no transport damage.
  ['the empty string (UIKit’s test generator given a string app ID)', '', withSecret, ['empty_token']],
  ['quotes around nothing', ' "" ', withSecret, ['empty_token']],
  ['a JSON Web Token', jwt, withSecret, ['jwt']],
  ['a JSON Web Token before "#", as if a kit token', kitOf(jwt, wrapperFor()), withSecret, ['jwt']],
  ['a JSON Web Token with a line break after it', `${jwt}\n`, withSecret, ['jwt']],
  ['base64 of JSON with an HMAC in it', signedJson, withSecret, ['foreign_format']],
  ['base64 of JSON, percent-encoded', encodeURIComponent(signedJson), withSecret, ['foreign_format']],
  ['"04" before base64 of JSON', `04${signedJson}`, withSecret, ['foreign_format']],
  ['a JSON object in clear', `{"app_id":7,"user_id":"${USER}"}`, withSecret, ['foreign_format']],
  ['an HMAC-SHA256 in hexadecimal', hmacHex, withSecret, ['foreign_format']],
  ['APP_ID:user:expiry:hmac', `7:${USER}:${NOW}:${hmacHex}`, withSecret, ['foreign_format']],
  ['APP_ID|user|expiry|hmac with a space in the user', `7|Marker user|${NOW}|${hmacHex}`, withSecret, ['foreign_format']],
  ['a 32-byte HMAC in base64 before "#"', kitOf(sha256('x').toString('base64'), wrapperFor()), withSecret, ['foreign_format']],
  ['a part before "#" too short to be a token', kitOf('04AAAA', wrapperFor()), withSecret, ['foreign_format']],
  // The right envelope and secret, the key derived another way; the AppSign in the secret's place.
  ['a GCM token keyed with SHA-256 of the secret', gcm(body04(), sha256(SECRET)), withSecret, ['wrong_key_derivation']],
  ['a CBC token keyed with the secret’s first 16 characters', cbc(body04(), Buffer.from(SECRET.slice(0, 16))), withSecret, ['legacy_cbc', 'wrong_key_derivation']],
  ['a CBC token keyed with MD5 of the secret', cbc(body04(), md5(SECRET)), withSecret, ['legacy_cbc', 'wrong_key_derivation']],
  ['a GCM token keyed with a secret of 48 hexadecimal digits decoded (AES-192)', gcm(body04(), Buffer.from(HEX_48, 'hex')), { secret: HEX_48, now: NOW }, ['secret_invalid', 'wrong_key_derivation']],
  ['a GCM token keyed with the secret’s hexadecimal MD5', gcm(body04(), Buffer.from(md5Hex(SECRET))), withSecret, ['wrong_key_derivation']],
  ['a GCM token keyed with the AppSign decoded from hexadecimal', gcm(body04(), Buffer.from(APP_SIGN, 'hex')), { secret: APP_SIGN, now: NOW }, ['app_sign_as_secret', 'wrong_key_derivation']],
  ['a token checked with the AppSign', gcm(), { secret: APP_SIGN, now: NOW }, ['app_sign_as_secret']],
  // Opened and authenticated, but a claim breaks the format: the generator's fault, with what could be read.
  ['a GCM nonce that is a string of hexadecimal digits', gcm(body04({ nonce: '"5f2b8c1d9e0a4b3c2d1e0f9a"' })), withSecret, ['claims_invalid']],
  ['a CBC app_id that is a string', cbc(body04({ appId: '"7"' })), withSecret, ['legacy_cbc', 'claims_invalid']],
  ['a GCM plaintext that is not JSON', gcm('app_id=7&user_id=alice'), withSecret, ['claims_invalid']],
  ['a header that disagrees with its body', sealRawToken({ mode: 'gcm', secret: SECRET, expireTime: NOW + 1, plaintext: body04(), iv: GCM_IV }), withSecret, ['claims_invalid']],
  // Secrets that are not a ServerSecret: said whatever the token; read on when what is inside the quotes is one.
  ['a secret in quotes, as a .env file may keep it', gcm(), { secret: `"${SECRET}"`, now: NOW }, ['secret_invalid']],
  ['a secret with a line break at its end', gcm(), { secret: `${SECRET}\n`, now: NOW }, ['secret_invalid']],
  ['a secret that is too short', gcm(), { secret: SECRET.slice(1), now: NOW }, ['secret_invalid']],
  ['a 32-byte secret that is 31 characters and a line break', gcm(), { secret: `${SECRET.slice(1)}\n`, now: NOW }, ['secret_invalid']],
  ['a secret that is too short, and a token that is no token', 'hello', { secret: 'short', now: NOW }, ['secret_invalid', 'malformed']],
  // Several secrets, the current one first.
  ['a token made with the previous secret', gcm(), { secret: [OTHER_SECRET, SECRET], now: NOW }, ['previous_secret']],
  ['a token made with the current secret, the previous one given too', gcm(), { secret: [SECRET, OTHER_SECRET], now: NOW }, []],
  ['a token made with neither secret', gcm(), { secret: [OTHER_SECRET, OTHER_SECRET.toUpperCase()], now: NOW }, ['decryption_failed']],
  // Kit tokens as UIKit reads them: Latin-1 wrappers, any token inside, the wrapper's room first.
  ['a kit whose wrapper names another room than its token', kitOf(gcm(body04({ payload: roomPayload('lobby') })), wrapperFor({ room: 'lounge' })), withSecret, ['kit_token', 'kit_room_mismatch']],
  ['a kit for another room than the client joins', kitOf(gcm(body04({ payload: roomPayload('lobby') })), wrapperFor({ room: 'lobby' })), { ...withSecret, roomId: 'hall' }, ['kit_token', 'kit_room_mismatch']],
  ['a kit for the room the client joins, its token bound to it', kitOf(gcm(body04({ payload: roomPayload('lobby') })), wrapperFor({ room: 'lobby' })), { ...withSecret, roomId: 'lobby' }, ['kit_token']],
  ['a kit for the room the client joins, its token bound to none', kitOf(gcm(), wrapperFor({ room: 'lobby' })), { ...withSecret, roomId: 'lobby' }, ['kit_token', 'room_id_mismatch']],
  ['a kit with no room, its token bound to one', kitOf(gcm(body04({ payload: roomPayload('lobby') })), wrapperFor()), { ...withSecret, roomId: 'lobby' }, ['kit_token']],
  ['UIKit’s test kit token', kitOf(cbc(body04({ payload: null }), undefined, DECIMAL_IV), wrapperFor({ room: 'lobby' })), withSecret, ['kit_token', 'legacy_cbc', 'kit_test_generator', 'payload_absent']],
  ['a kit wrapper with "zoë" in Latin-1, as btoa writes it', kitOf(gcm(body04({ user: 'zoë' })), wrapperFor({ user: 'zoë' })), withSecret, ['kit_token']],
  ['a kit wrapper with "zoë" in UTF-8, which UIKit reads as "zoÃ«"', kitOf(gcm(body04({ user: 'zoë' })), wrapperFor({ user: 'zoë' }), 'utf8'), withSecret, ['kit_token', 'kit_mismatch']],
  ['a kit around a 03 token', kitOf(variant('x03-go03-alice').token, { userID: 'alice', roomID: 'lobby-1', appID: 1234567890 }), { secret: variant('x03-go03-alice').secret, now: 1_796_028_300 }, ['kit_token', 'zim_needs_04']],
  ['a kit wrapper far longer than UIKit writes', `${gcm()}#${'QUFB'.repeat(5000)}`, withSecret, ['kit_token', 'malformed']],
  ['a room expected of an identity token: a warning', gcm(), { ...withSecret, roomId: 'hall' }, ['room_id_mismatch']],
];
