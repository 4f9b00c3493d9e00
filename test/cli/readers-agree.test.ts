/**
 * `decode`, `inspect`, `verify` and `doctor` read a pasted token alike: one repair step (diagnosis/repair-token.ts),
 * one reading (kit wrappers as UIKit reads them, any ZEGO token inside), and the same verdict. On a table of inputs,
 * damaged, wrapped, foreign or wrong: what inspect prints is the doctor's header, what decode prints the doctor's
 * claims, decode fails exactly where the doctor cannot read the claims as they are, and verify fails exactly where the
 * doctor finds an error.
 */
import { expect } from 'chai';
import { generateToken04 } from '@zego-token/core';
import { cliInProcess, type CliRun } from '../support/cli.js';
import { APP_ID, fieldCases, OTHER_SECRET, SECRET, type FieldCase } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const field = Object.fromEntries(fieldCases.map((c) => [c.id, c])) as Record<string, FieldCase>;
const FIELD_SECRET = field['F01']!.secret;

const options = (payload?: { roomId: string }): Parameters<typeof generateToken04>[0] => ({
  appId: APP_ID,
  userId: 'zoë',
  secret: SECRET,
  effectiveTimeInSeconds: 3600,
  ...(payload === undefined ? {} : { payload }),
});
/** A token whose base64 has '+', '/' and '=' in it: every kind of transport damage changes it. */
const token = ((): string => {
  for (let i = 0; i < 500; i += 1) {
    const candidate = generateToken04(options({ roomId: `lobby-${i}` }));
    if (/\+/.test(candidate) && /\//.test(candidate) && /[^=]=$/.test(candidate)) return candidate;
  }
  throw new Error('no token with +, / and one = in 500');
})();
const identity = generateToken04(options());
const kitOf = (inner: string, wrapper: object, encoding: 'latin1' | 'utf8' = 'latin1'): string =>
  `${inner}#${Buffer.from(JSON.stringify(wrapper), encoding).toString('base64')}`;
const wrapper = (roomID?: string): object => ({ userID: 'zoë', ...(roomID === undefined ? {} : { roomID }), userName: 'Zo%C3%AB', appID: APP_ID });
const expiredToken = sealRawToken({
  mode: 'gcm',
  secret: SECRET,
  expireTime: 1_700_000_060,
  plaintext: `{"app_id":${APP_ID},"user_id":"zoë","nonce":1,"ctime":1700000000,"expire":1700000060,"payload":""}`,
});
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiem9lIn0.c2lnbmF0dXJl';

/** [what, the token as pasted, its secret, the room the client joins]. */
const inputs: Array<[string, string, string, string?]> = [
  ['a clean token', token, SECRET],
  ['percent-encoded', encodeURIComponent(token), SECRET],
  ['quoted, with whitespace', ` "${token}"\n`, SECRET],
  ["'+' turned into spaces", token.replace(/\+/g, ' '), SECRET],
  ['its padding stripped', token.replace(/=+$/, ''), SECRET],
  ['a kit token, its wrapper in Latin-1 as btoa writes it', kitOf(identity, wrapper('lounge')), SECRET, 'lounge'],
  ['a kit token, percent-encoded', encodeURIComponent(kitOf(identity, wrapper('lounge'))), SECRET],
  ['a kit token for another room than the client joins', kitOf(identity, wrapper('lounge')), SECRET, 'hall'],
  ['a kit wrapper in UTF-8, read as UIKit reads it', kitOf(identity, wrapper(), 'utf8'), SECRET],
  ['a kit around a 03 token', kitOf(sealRawToken({ version: '03', secret: SECRET, expireTime: 2_000_000_000, plaintext: `{"app_id":${APP_ID},"room_id":"lounge","user_id":"zoë","privilege":{"1":1,"2":1},"create_time":1999996400,"expire_time":2000000000,"nonce":5}` }), wrapper('lounge')), SECRET],
  ['a kit naming another room than its token', kitOf(generateToken04(options({ roomId: 'lobby' })), wrapper('lounge')), SECRET],
  ['a kit wrapper far longer than UIKit writes', `${identity}#${'QUFB'.repeat(3000)}`, SECRET],
  ['a JSON Web Token', jwt, SECRET],
  ['a JSON Web Token before "#"', kitOf(jwt, wrapper()), SECRET],
  ['the empty string', '', SECRET],
  ['cut short', token.slice(0, 70), SECRET],
  ['an expired token', expiredToken, SECRET],
  ['another secret', token, OTHER_SECRET],
  ['F01: JSON and an HMAC in base64', field['F01']!.token, FIELD_SECRET],
  ['F02: the key SHA-256 of the secret', field['F02']!.token, FIELD_SECRET],
  ['F03: a nonce that is a hex string', field['F03']!.token, FIELD_SECRET],
  ["F04a: UIKit's test kit token, in its own room", field['F04a']!.token, FIELD_SECRET, 'ABC123'],
  ["F04b: UIKit's test kit token, in another room", field['F04b']!.token, FIELD_SECRET, 'OTHER'],
];

/** The codes that mean the claims could not be read as they are: decode fails exactly on these. */
const UNREAD = [
  'empty_token', 'jwt', 'foreign_format', 'malformed', 'truncated', 'decryption_failed', 'wrong_key_derivation', 'previous_secret',
  'empty_plaintext', 'claims_invalid',
];

interface Diagnosis {
  ok: boolean;
  findings: Array<{ code: string; severity: string }>;
  token?: Record<string, unknown>;
}

const parsed = (run: CliRun): Diagnosis => JSON.parse(run.stdout) as Diagnosis;

describe('decode, inspect, verify and doctor read a token alike', function () {
  this.timeout(60_000);

  for (const [what, pasted, secret, roomId] of inputs) {
    it(what, async () => {
      const roomArgs = roomId === undefined ? [] : ['--room', roomId];
      const doctor = parsed(await cliInProcess(['doctor', pasted, '--secret', secret, '--json', ...roomArgs]));
      const header = parsed(await cliInProcess(['doctor', pasted, '--json']));
      const decode = await cliInProcess(['decode', pasted, '--secret', secret]);
      const inspect = await cliInProcess(['inspect', pasted]);
      const verify = await cliInProcess(['verify', pasted, '--secret', secret, ...roomArgs]);
      const codes = doctor.findings.map((f) => f.code);

      // inspect prints the header the doctor reads without the secret, and fails where the doctor reads none.
      if (inspect.status === 0) {
        const { expired, ...inspected } = JSON.parse(inspect.stdout) as Record<string, unknown>;
        expect(expired).to.be.a('boolean');
        expect(inspected, 'inspect').to.deep.equal(header.token);
      } else expect(header.token, 'inspect').to.equal(undefined);
      // decode prints the claims the doctor reads, and fails exactly where the doctor cannot read them as they are.
      const unread = codes.some((code) => UNREAD.includes(code));
      expect(decode.status, `decode: ${decode.stderr}`).to.equal(unread ? 1 : 0);
      if (!unread) expect(JSON.parse(decode.stdout), 'decode').to.deep.equal(doctor.token);
      // verify is valid exactly where the doctor finds no error.
      expect(verify.status, `verify: ${verify.stderr}`).to.equal(doctor.ok ? 0 : 1);
      // Each says the same damage: the doctor's repairs are in decode's, inspect's and verify's lines.
      const damage = codes.filter((code) => ['whitespace', 'quoted', 'url_encoded', 'spaces_for_plus', 'padding_missing'].includes(code));
      for (const run of [decode, inspect, verify]) {
        if (damage.length > 0 && run.status === 0) expect(run.stderr).to.include(`damaged in transit (${damage.join(', ')})`);
      }
    });
  }

  it('differ in one thing, said in their help: verify --room asks whether a token is bound to the room, the doctor whether the login can work', async () => {
    const doctor = await cliInProcess(['doctor', identity, '--secret', SECRET, '--room', 'lounge']);
    const verify = await cliInProcess(['verify', identity, '--secret', SECRET, '--room', 'lounge']);
    expect([doctor.status, verify.status]).to.deep.equal([0, 1]);
    expect(doctor.stdout).to.match(/^warning room_id_mismatch: /);
    expect(verify.stderr).to.match(/another room: it is a 04 gcm token for app \d+, user "zoë", not bound to a room/);
  });
});
