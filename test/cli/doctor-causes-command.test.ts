/**
 * `zego-token doctor` naming the real cause (issue 18), as a user sees it: the secret's fault named where the secret
 * came from (--secret or ZEGO_SERVER_SECRET), previous secrets given with a repeated --secret, the claims that could
 * be read shown under claims_invalid, the field cases' findings as lines, and every invisible character escaped.
 */
import { expect } from 'chai';
import { decodeToken, generateToken04 } from '@zego-token/core';
import { cli, cliInProcess, type CliRun } from '../support/cli.js';
import { APP_ID, fieldCases, OTHER_SECRET, SECRET, type FieldCase } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const field = Object.fromEntries(fieldCases.map((c) => [c.id, c])) as Record<string, FieldCase>;

const token = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600 });
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const codes = (run: CliRun): string[] => lines(run.stdout).filter((line) => !line.startsWith(' ')).map((line) => line.split(/ +/)[1]!.replace(/:$/, ''));
const FINDING_LINE = /^(error|warning|info) +[a-z_]+: [A-Z][^\n]*\.$/;

function expectNoSecret(run: CliRun): void {
  for (const secret of [SECRET, OTHER_SECRET, SECRET.slice(0, 16), SECRET.slice(16)]) expect(run.stdout + run.stderr).to.not.include(secret);
}

describe('zego-token doctor names the real cause', function () {
  this.timeout(30_000);

  describe('a secret that is not a ServerSecret, named where it came from', () => {
    it('ZEGO_SERVER_SECRET with a line break at its end: a finding, and the token read on', async () => {
      const run = await cliInProcess(['doctor', token, '--user', 'alice'], { ZEGO_SERVER_SECRET: `${SECRET}\n` });
      expect(run.status).to.equal(1);
      expect(codes(run)).to.deep.equal(['secret_invalid']);
      expect(lines(run.stdout)[0]).to.match(FINDING_LINE).and.match(/^error +secret_invalid: The secret in ZEGO_SERVER_SECRET must be a string of exactly 32 UTF-8 bytes .*: it has a line break at its end: remove it where the secret is stored/);
      expectNoSecret(run);
    });

    it('--secret in quotes, and a second --secret that is too short', async () => {
      const quoted = await cliInProcess(['doctor', token, '--secret', `'${SECRET}'`]);
      expect(lines(quoted.stdout)[0]).to.match(/^error +secret_invalid: The secret given with --secret must be .*: it has quotes around it: remove them/);
      const second = await cliInProcess(['doctor', token, '--secret', SECRET, '--secret', 'short']);
      expect(codes(second)).to.deep.equal(['secret_invalid']);
      expect(lines(second.stdout)[0]).to.match(/^error +secret_invalid: The 2nd --secret must be .*: it is 5 bytes long/);
      expectNoSecret(quoted);
    });

    it('the AppSign in the secret’s place', async () => {
      const run = await cliInProcess(['doctor', token], { ZEGO_SERVER_SECRET: 'ab'.repeat(32) });
      expect(lines(run.stdout)[0]).to.match(/^error +app_sign_as_secret: The secret in ZEGO_SERVER_SECRET is 64 hexadecimal characters, the AppSign, not the ServerSecret/);
      expect(run.stdout).to.not.include('ab'.repeat(32));
    });

    it('the other commands refuse it with the same reason, naming where it came from (exit 2)', async () => {
      for (const args of [['decode', token], ['verify', token], ['generate', '--app-id', '1', '--user', 'u']]) {
        const fromEnvironment = await cliInProcess(args, { ZEGO_SERVER_SECRET: `${SECRET}\r\n` });
        expect(fromEnvironment.status, args[0]).to.equal(2);
        expect(fromEnvironment.stderr).to.match(/^zego-token: ZEGO_SERVER_SECRET must be a string of exactly 32 UTF-8 bytes \(the ServerSecret from the ZEGO console\): it has a line break at its end\n$/);
        const fromFlag = await cliInProcess([...args, '--secret', `"${SECRET}"`]);
        expect(fromFlag.stderr, args[0]).to.match(/^zego-token: --secret must be a string of exactly 32 UTF-8 bytes .*: it has quotes around it\n$/);
        expectNoSecret(fromEnvironment);
        expectNoSecret(fromFlag);
      }
    });
  });

  describe('previous secrets, with --secret repeated', () => {
    it('says a token made with the previous secret was, and reads it', async () => {
      const run = await cliInProcess(['doctor', token, '--secret', OTHER_SECRET, '--secret', SECRET, '--json']);
      const diagnosis = JSON.parse(run.stdout) as { findings: Array<{ code: string }>; token: unknown };
      expect(diagnosis.findings.map((f) => f.code)).to.deep.equal(['previous_secret']);
      expect(diagnosis.token).to.deep.equal(decodeToken(token, SECRET));
      expect(run.status).to.equal(1);
      expect((await cliInProcess(['doctor', token, '--secret', SECRET, '--secret', OTHER_SECRET])).status).to.equal(0);
    });

    it('refuses an empty one by its place (exit 2)', async () => {
      const run = await cliInProcess(['doctor', token, '--secret', SECRET, '--secret=']);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.equal('zego-token: the 2nd --secret is empty\n');
    });
  });

  it('shows the claims that could be read under claims_invalid, escaped for the terminal', async () => {
    const broken = sealRawToken({
      mode: 'gcm',
      secret: SECRET,
      expireTime: 2_000_000_000,
      plaintext: `{"app_id":${APP_ID},"user_id":"eve\\u3164\\u001b[2J","nonce":"5f2b8c1d9e0a4b3c2d1e0f9a","ctime":1999996400,"expire":2000000000,"payload":""}`,
    });
    const run = await cliInProcess(['doctor', broken, '--secret', SECRET]);
    expect(codes(run)).to.deep.equal(['claims_invalid']);
    const [finding, read] = lines(run.stdout);
    expect(finding).to.match(/^error +claims_invalid: The token decrypts and authenticates with this secret, but its claim "nonce" must be an integer and is a string of 24 hexadecimal digits/);
    expect(read).to.equal(
      `        read: {"version":"04","mode":"gcm","expireTime":2000000000,"appId":${APP_ID},"userId":"eve\\u3164\\u001b[2J","createTime":1999996400,"payload":""}`,
    );
  });

  it('escapes every invisible character a token may hold: Hangul fillers, variation selectors, the grapheme joiner, odd spaces', () => {
    const invisible = '\u115f\u1160\u3164\uffa0\ufe0f\u{e0101}\u034f\u180b\u2800\u00a0\u3000\u200b';
    const user = `admin${invisible}`;
    const sealed = sealRawToken({
      mode: 'gcm',
      secret: SECRET,
      expireTime: 2_000_000_000,
      plaintext: JSON.stringify({ app_id: APP_ID, user_id: user, nonce: 1, ctime: 1_999_996_400, expire: 2_000_000_000, payload: '' }),
    });
    const escapedUser = 'admin\\u115f\\u1160\\u3164\\uffa0\\ufe0f\\udb40\\udd01\\u034f\\u180b\\u2800\\u00a0\\u3000\\u200b';
    const decoded = cli(['decode', sealed, '--secret', SECRET]);
    expect(decoded.stdout).to.include(`"userId": "${escapedUser}"`);
    expect(JSON.parse(decoded.stdout)).to.deep.include({ userId: user });
    const verified = cli(['verify', sealed, '--secret', SECRET]);
    expect(verified.stdout).to.include(`user "${escapedUser}"`);
    for (const run of [decoded, verified, cli(['doctor', sealed, '--secret', SECRET, '--json'])]) {
      for (const character of invisible) expect(run.stdout + run.stderr).to.not.include(character);
    }
  });

  describe('the field cases, as a user sees them (the built bin)', () => {
    const doctor = (c: FieldCase): CliRun =>
      cli(['doctor', c.token, '--app-id', String(c.appId), ...(c.roomId === undefined ? [] : ['--room', c.roomId])], { ZEGO_SERVER_SECRET: c.secret });

    it('F01: JSON and an HMAC in base64: not ZEGO’s format, and nothing else', () => {
      const run = doctor(field['F01']!);
      expect(run.status).to.equal(1);
      expect(lines(run.stdout)).to.deep.equal([
        "error   foreign_format: The token is not in ZEGO's format (it is JSON in clear, base64-encoded): its generator does not implement ZEGO's algorithm, so issue tokens with generateToken04 (or ZEGO's own generator) on your server.",
      ]);
      expect(run.stderr).to.equal('the client would fail with this token: 1 error, 0 warnings, 0 info\n');
    });

    it('F02: the key is SHA-256 of the secret', () => {
      const run = doctor(field['F02']!);
      expect(run.status).to.equal(1);
      expect(codes(run)).to.include.members(['legacy_cbc', 'wrong_key_derivation']).and.not.include('decryption_failed');
      for (const line of lines(run.stdout)) expect(line).to.match(FINDING_LINE);
      expect(run.stdout).to.include('opens only with SHA-256 of the secret (AES-256) as its AES key');
    });

    it('F04b: UIKit’s test kit token in another room than its wrapper names', () => {
      const run = doctor(field['F04b']!);
      expect(run.status).to.equal(1);
      expect(codes(run)).to.include.members(['kit_token', 'kit_room_mismatch', 'kit_test_generator']);
      for (const line of lines(run.stdout)) expect(line).to.match(FINDING_LINE);
      expectNoSecret(run);
    });
  });
});
