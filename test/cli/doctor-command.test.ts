/**
 * `zego-token doctor TOKEN|- [--secret S] [--app-id N] [--user ID] [--room ID] [--json]`: one line per finding,
 * exit 1 when any is an error, 0 otherwise, 2 on a usage error; kit tokens and damaged tokens are read.
 */
import { decodeToken, diagnoseToken, generateToken04 } from '@zego-token/core';
import { expect } from 'chai';
import { cli, cliInProcess, type CliRun } from '../support/cli.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const env = { ZEGO_SERVER_SECRET: SECRET };
const token = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600 });
const roomToken = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600, payload: { roomId: 'lobby', privilege: { publish: false } } });
/** A token whose base64 has '+', '/' or '=': percent-encoding changes it. */
const encodable = ((): string => {
  for (let i = 0; i < 100; i += 1) {
    const candidate = generateToken04({ appId: APP_ID, userId: `user-${i}`, secret: SECRET, effectiveTimeInSeconds: 3600 });
    if (encodeURIComponent(candidate) !== candidate) return candidate;
  }
  throw new Error('no token with + / or = in 100');
})();
/** As UIKit's generateKitTokenForProduction makes them: token + '#' + base64(JSON), userName percent-encoded. */
const kitWrapper = { userID: 'alice', roomID: 'lobby', userName: encodeURIComponent('Zoë Ø'), appID: APP_ID };
const kitOf = (inner: string, wrapper: object): string => `${inner}#${Buffer.from(JSON.stringify(wrapper)).toString('base64')}`;
const kitToken = kitOf(roomToken, kitWrapper);
const FINDING_LINE = /^(error|warning|info) +[a-z_]+: [A-Z][^\n]*\.$/;

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const codes = (run: CliRun): string[] => lines(run.stdout).map((line) => line.split(/ +/)[1]!.replace(/:$/, ''));
const stdin = (text: string) =>
  async function* (): AsyncGenerator<string> {
    await Promise.resolve(); // a stream's chunks arrive later
    yield text;
  };

function expectNoSecret(run: CliRun): void {
  for (const secret of [SECRET, OTHER_SECRET]) expect(run.stdout + run.stderr).to.not.include(secret);
}

describe('zego-token doctor', function () {
  this.timeout(30_000);

  it('exit 0 for a clean token: no finding lines, and a tally on stderr (the built bin)', () => {
    const run = cli(['doctor', token, '--app-id', String(APP_ID), '--user', 'alice'], env);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.equal('no errors: 0 errors, 0 warnings, 0 info\n');
  });

  it('exit 1 for a percent-encoded token, one line per finding, repaired and read (the built bin)', () => {
    const run = cli(['doctor', encodeURIComponent(encodable)], env);
    expect(run.status, run.stderr).to.equal(1);
    expect(lines(run.stdout)).to.have.length(1);
    expect(lines(run.stdout)[0]).to.match(FINDING_LINE).and.match(/^error +url_encoded: /);
    expect(run.stderr).to.equal('the client would fail with this token: 1 error, 0 warnings, 0 info\n');
    expectNoSecret(run);
  });

  it('reads a UIKit kit token pasted percent-encoded, and one as UIKit made it', async () => {
    const damaged = await cliInProcess(['doctor', encodeURIComponent(kitToken), '--user', 'alice'], env);
    expect(damaged.status).to.equal(1);
    expect(codes(damaged)).to.deep.equal(['url_encoded', 'kit_token']);
    for (const line of lines(damaged.stdout)) expect(line).to.match(FINDING_LINE);
    const clean = await cliInProcess(['doctor', kitToken, '--user', 'alice', '--room', 'lobby'], env);
    expect(clean.status).to.equal(0);
    expect(codes(clean)).to.deep.equal(['kit_token']);
    const json = await cliInProcess(['doctor', kitToken, '--json'], env);
    expect(JSON.parse(json.stdout)).to.deep.include({ ok: true, token: decodeToken(kitToken, SECRET) });
    expect(decodeToken(kitToken, SECRET)).to.deep.include({ kit: { appId: APP_ID, userId: 'alice', roomId: 'lobby', userName: 'Zoë Ø' } });
  });

  it('exit 1 for a kit token whose wrapper names another user', async () => {
    const run = await cliInProcess(['doctor', kitOf(roomToken, { ...kitWrapper, userID: 'bob' })], env);
    expect(run.status).to.equal(1);
    expect(codes(run)).to.deep.equal(['kit_token', 'kit_mismatch']);
  });

  it('exit 1 for another secret, another user, another app or another room', async () => {
    expect(codes(await cliInProcess(['doctor', token, '--secret', OTHER_SECRET]))).to.deep.equal(['decryption_failed']);
    expect(codes(await cliInProcess(['doctor', token, '--user', 'bob'], env))).to.deep.equal(['user_id_mismatch']);
    expect(codes(await cliInProcess(['doctor', token, '--app-id', '7'], env))).to.deep.equal(['app_id_mismatch']);
    const run = await cliInProcess(['doctor', roomToken, '--room', 'hall'], env);
    expect(run.status).to.equal(1);
    expect(codes(run)).to.deep.equal(['room_id_mismatch']);
  });

  it('exit 0 with a warning for a room expected of an identity token: it fails only with room authentication on', async () => {
    const run = await cliInProcess(['doctor', token, '--room', 'lobby'], env);
    expect(run.status).to.equal(0);
    expect(lines(run.stdout)).to.have.length(1);
    expect(lines(run.stdout)[0]).to.match(/^warning room_id_mismatch: .*room authentication is on/);
    expect(run.stderr).to.equal('no errors: 0 errors, 1 warning, 0 info\n');
  });

  it('without a secret reads the header only and exits 0; ZEGO_APP_ID is the app expected', async () => {
    const run = await cliInProcess(['doctor', token]);
    expect(run.status).to.equal(0);
    expect(codes(run)).to.deep.equal(['secret_not_given']);
    expect(codes(await cliInProcess(['doctor', token], { ...env, ZEGO_APP_ID: '7' }))).to.deep.equal(['app_id_mismatch']);
  });

  it('reads "-" from stdin, not counting the line break that ends it, but counting other whitespace', async () => {
    const clean = await cliInProcess(['doctor', '-'], env, stdin(`${token}\n`));
    expect(clean.status).to.equal(0);
    expect(clean.stdout).to.equal('');
    const spaced = await cliInProcess(['doctor', '-'], env, stdin(`  ${token}\r\n\n`));
    expect(codes(spaced)).to.deep.equal(['whitespace']);
    expect(spaced.status).to.equal(1);
  });

  it('exit 1 for what is no token at all, with the finding, not a usage error', async () => {
    const run = await cliInProcess(['doctor', 'hello'], env);
    expect(run.status).to.equal(1);
    expect(codes(run)).to.deep.equal(['malformed']);
  });

  it('prints the diagnosis object with --json, and nothing on stderr', async () => {
    const run = await cliInProcess(['doctor', ` "${token}" `, '--json'], env);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.equal('');
    expect(JSON.parse(run.stdout)).to.deep.equal(diagnoseToken(` "${token}" `, { secret: SECRET }));
    expect(JSON.parse(run.stdout)).to.deep.include({ ok: false, token: decodeToken(token, SECRET) });
  });

  it('escapes control and bidi characters from the token in its --json output', async () => {
    const tricky = generateToken04({ appId: APP_ID, userId: 'a\u202Eb\u0007', secret: SECRET, effectiveTimeInSeconds: 60 });
    const run = await cliInProcess(['doctor', tricky, '--json'], env);
    expect(run.stdout).to.include('a\\u202eb\\u0007').and.not.include('\u202E').and.not.include('\u0007');
  });

  for (const [what, args, environment, pattern] of [
    ['no token', ['doctor'], env, /missing TOKEN/],
    ['two tokens', ['doctor', token, token], env, /unexpected argument 3/],
    ['an unknown flag', ['doctor', token, '--tolerance', '5'], env, /not an option of doctor/],
    ['an empty --secret', ['doctor', token, '--secret='], env, /--secret is empty/],
    ['a non-numeric --app-id', ['doctor', token, '--app-id', 'x'], env, /--app-id must be a whole number/],
    ['app ID 0', ['doctor', token, '--app-id', '0'], env, /--app-id must be an integer/],
    ['an empty --user', ['doctor', token, '--user='], env, /--user/],
  ] as Array<[string, string[], Record<string, string>, RegExp]>) {
    it(`exit 2 for ${what}, one line on stderr`, async () => {
      const run = await cliInProcess(args, environment);
      expect(run.status, run.stderr).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.match(/^zego-token: [^\n]+\n$/).and.match(pattern);
      expectNoSecret(run);
    });
  }

  it('decode and inspect read kit tokens too', async () => {
    const decoded = await cliInProcess(['decode', kitToken], env);
    expect(decoded.status, decoded.stderr).to.equal(0);
    expect(JSON.parse(decoded.stdout)).to.deep.equal(decodeToken(kitToken, SECRET));
    const inspected = await cliInProcess(['inspect', kitToken]);
    expect(inspected.status, inspected.stderr).to.equal(0);
    expect(JSON.parse(inspected.stdout)).to.deep.include({ version: '04', mode: 'gcm', kit: { appId: APP_ID, userId: 'alice', roomId: 'lobby', userName: 'Zoë Ø' } });
  });

  it('decode exits 1 for a token that decrypts to nothing, saying so, not "wrong secret"', async () => {
    const empty = sealRawToken({ mode: 'gcm', secret: SECRET, expireTime: 2_000_000_000, plaintext: '' });
    const run = await cliInProcess(['decode', empty], env);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.match(/^zego-token: token decrypts to an empty plaintext/).and.not.match(/wrong secret/);
    expect(codes(await cliInProcess(['doctor', empty], env))).to.deep.equal(['empty_plaintext']);
  });
});
