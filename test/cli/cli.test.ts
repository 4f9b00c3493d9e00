/**
 * The zego-token command, run as users run it: the built bin in a child process.
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { BIN, cli, type CliRun } from '../support/cli.js';
import { OTHER_SECRET, referenceVectors, SECRET } from '../support/fixtures.js';

const manifest = JSON.parse(readFileSync(new URL('../../packages/core/package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

const withSecret = { ZEGO_SERVER_SECRET: SECRET };

/** A failure must be one clear line on stderr, with no stack trace, and nothing on stdout. */
function expectFailure(run: CliRun, status: 1 | 2, pattern: RegExp): void {
  expect(run.status, run.stderr).to.equal(status);
  expect(run.stdout).to.equal('');
  expect(run.stderr.trim().split('\n')).to.have.length(1);
  expect(run.stderr).to.match(/^zego-token: /).and.match(pattern);
  expect(run.stderr).to.not.match(/\n\s+at /);
  expect(run.stderr).to.not.include(SECRET);
}

describe('zego-token CLI', function () {
  this.timeout(20_000);

  it('is the bin of @zego-token/core', () => {
    expect(manifest.bin).to.deep.equal({ 'zego-token': './bin/zego-token.mjs' });
    expect(readFileSync(BIN, 'utf8')).to.match(/^#!\/usr\/bin\/env node\n/);
  });

  it('prints the token alone, for scripts: 04 with a room payload', () => {
    const run = cli(['generate', '--app-id', '1234567890', '--user', 'alice', '--room', 'lobby', '--ttl', '600'], withSecret);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^04[A-Za-z0-9+/=]+\n$/);
    const claims = decodeToken(run.stdout.trim(), SECRET);
    expect(claims).to.deep.include({ version: '04', mode: 'gcm', appId: 1_234_567_890, userId: 'alice' });
    expect(claims.expireTime - claims.createTime).to.equal(600);
    expect(claims.version === '04' && claims.room).to.deep.equal({
      roomId: 'lobby',
      privilege: { login: true, publish: true },
      streamIdList: null,
    });
  });

  it('takes privileges, streams, version, mode, a payload and the app ID from ZEGO_APP_ID', () => {
    const env = { ...withSecret, ZEGO_APP_ID: '42' };
    const watch = cli(['generate', '--user', 'u', '--room', 'r', '--no-publish', '--stream', 's1', '--stream', 's2', '--mode', 'cbc'], env);
    const decoded = decodeToken(watch.stdout.trim(), SECRET);
    expect(decoded).to.include({ appId: 42, mode: 'cbc' });
    expect(decoded.version === '04' && decoded.room).to.deep.equal({
      roomId: 'r',
      privilege: { login: true, publish: false },
      streamIdList: ['s1', 's2'],
    });
    const v03 = decodeToken(cli(['generate', '--user', 'u', '--room', 'r', '--version', '03', '--no-login'], env).stdout.trim(), SECRET);
    expect(v03).to.deep.include({ version: '03', roomId: 'r', privilege: { login: false, publish: true } });
    const plain = decodeToken(cli(['generate', '--user', 'u'], env).stdout.trim(), SECRET);
    expect(plain).to.include({ payload: '' }).and.not.have.property('room');
    const custom = decodeToken(cli(['generate', '--user', 'u', '--payload', '{"x":1}'], env).stdout.trim(), SECRET);
    expect(custom).to.include({ payload: '{"x":1}' });
  });

  it('prints the token and its claims with --json; --secret works without the environment', () => {
    const run = cli(['generate', '--app-id', '7', '--user', 'bob', '--json', '--secret', SECRET]);
    expect(run.status, run.stderr).to.equal(0);
    const { token, claims } = JSON.parse(run.stdout) as { token: string; claims: unknown };
    expect(claims).to.deep.equal(decodeToken(token, SECRET));
  });

  it('decodes a token to the DecodedToken JSON, and says on stderr when it expires', () => {
    const vector = referenceVectors[referenceVectors.length - 1]!;
    const run = cli(['decode', vector.token], { ZEGO_SERVER_SECRET: vector.secret });
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal(decodeToken(vector.token, vector.secret));
    const when = new Date(vector.expected.expireTime * 1000).toISOString();
    expect(run.stderr).to.match(new RegExp(`^expired at ${when} \\(\\d+ (s|min|h|days) ago\\)\\n$`));
    const fresh = cli(['generate', '--app-id', '1', '--user', 'u', '--ttl', '7200'], withSecret).stdout.trim();
    expect(cli(['decode', fresh], withSecret).stderr).to.match(/^valid until \S+ \((120 min|2 h) left\)\n$/);
  });

  it('reads the token from stdin when given -', () => {
    const vector = referenceVectors[0]!;
    const run = cli(['decode', '-', '--secret', vector.secret], {}, `${vector.token}\n`);
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.include({ userId: vector.expected.userId, nonce: vector.expected.nonce });
    const inspected = cli(['inspect', '-'], {}, vector.token);
    expect(JSON.parse(inspected.stdout)).to.deep.equal({ version: '03', mode: 'cbc', expireTime: vector.expected.expireTime, expired: false });
  });

  it('ignores whitespace around a token, as pasted or read from a file', () => {
    const vector = referenceVectors[0]!;
    expect(cli(['inspect', ` ${vector.token}\r\n`]).status).to.equal(0);
    expect(cli(['decode', `${vector.token}\n`, '--secret', vector.secret]).status).to.equal(0);
  });

  it('inspects without a secret', function () {
    this.timeout(60_000); // a process per reference token
    for (const vector of referenceVectors) {
      const run = cli(['inspect', vector.token]);
      expect(run.status, run.stderr).to.equal(0);
      const expected = { version: vector.expected.version, mode: vector.expected.mode ?? 'cbc', expireTime: vector.expected.expireTime };
      expect(JSON.parse(run.stdout)).to.deep.equal({ ...expected, expired: Date.now() / 1000 >= vector.expected.expireTime });
    }
  });

  it('answers --help, --version and help for each command', () => {
    expect(cli(['--version']).stdout).to.equal(`${manifest.version}\n`);
    expect(cli(['--help']).stdout).to.match(/^zego-token: generate, decode, inspect, verify and diagnose/);
    for (const command of ['generate', 'decode', 'inspect', 'verify']) {
      const viaHelp = cli(['help', command]);
      expect(viaHelp.status).to.equal(0);
      expect(viaHelp.stdout).to.match(new RegExp(`^zego-token ${command}`));
      expect(cli([command, '--help']).stdout).to.equal(viaHelp.stdout);
    }
  });

  const vector = referenceVectors[0]!;
  const usageErrors: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['no command', [], {}, /^zego-token: generate, decode, inspect, verify and diagnose/],
    ['an unknown command (not repeated)', ['mint'], {}, /^zego-token: argument 1 is not a command(?!.*mint)/],
    ['an unknown flag (not repeated)', ['generate', '--bogus'], withSecret, /^zego-token: argument 2 is not an option of generate(?!.*bogus)/],
    ['a misspelt flag, named with the one meant (not repeated)', ['generate', '--usr', 'u'], withSecret, /^zego-token: argument 2 is not an option of generate: did you mean --user\?$(?<!usr.*)/m],
    ['help for an unknown command (not repeated)', ['help', 'mint'], {}, /^zego-token: argument 2 is not a command(?!.*mint)/],
    ['no secret for generate', ['generate', '--app-id', '1', '--user', 'u'], {}, /no secret/],
    ['no secret for decode', ['decode', vector.token], {}, /no secret/],
    ['no app ID', ['generate', '--user', 'u'], withSecret, /no app ID/],
    ['no user', ['generate', '--app-id', '1'], withSecret, /missing --user/],
    ['a non-numeric app ID', ['generate', '--app-id', 'abc', '--user', 'u'], withSecret, /--app-id must be a whole number/],
    ['app ID 0', ['generate', '--app-id', '0', '--user', 'u'], withSecret, /--app-id must be an integer/],
    ['a secret of the wrong length', ['generate', '--app-id', '1', '--user', 'u', '--secret', 'short'], {}, /secret must be a string of exactly 32/],
    ['a 65-byte user', ['generate', '--app-id', '1', '--user', 'u'.repeat(65)], withSecret, /--user must be at most 64/],
    ['version 03 without a room', ['generate', '--app-id', '1', '--user', 'u', '--version', '03'], withSecret, /need --room/],
    ['an unknown version', ['generate', '--app-id', '1', '--user', 'u', '--version', '05'], withSecret, /--version must be '04' or '03'/],
    ['an unknown mode', ['generate', '--app-id', '1', '--user', 'u', '--mode', 'ecb'], withSecret, /--mode must be 'gcm' or 'cbc'/],
    ['--no-publish without a room', ['generate', '--app-id', '1', '--user', 'u', '--no-publish'], withSecret, /need --room/],
    ['a payload that is not JSON', ['generate', '--app-id', '1', '--user', 'u', '--payload', '{x'], withSecret, /--payload must be JSON/],
    ['a payload and a room', ['generate', '--app-id', '1', '--user', 'u', '--room', 'r', '--payload', '{}'], withSecret, /--payload replaces/],
    ['decode without a token', ['decode'], withSecret, /missing TOKEN/],
    ['two tokens', ['inspect', vector.token, vector.token], {}, /unexpected argument 3$/m],
    ['the secret pasted as an argument (never echoed)', ['decode', vector.token, SECRET], withSecret, /unexpected argument 3$/m],
    ['a negative --ttl (parseArgs spreads this over lines)', ['generate', '--app-id', '1', '--user', 'u', '--ttl', '-5'], withSecret, /--ttl/],
    ['--ttl 0, named as the flag', ['generate', '--app-id', '1', '--user', 'u', '--ttl', '0'], withSecret, /^zego-token: --ttl must be an integer from 1/],
    ['an empty --user, named as the flag', ['generate', '--app-id', '1', '--user', ''], withSecret, /--user must be a non-empty string/],
    ['an empty --secret= with the variable set', ['generate', '--app-id', '1', '--user', 'u', '--secret='], withSecret, /--secret is empty/],
    ['a non-numeric ZEGO_APP_ID, named as the variable', ['generate', '--user', 'u'], { ...withSecret, ZEGO_APP_ID: 'abc' }, /ZEGO_APP_ID must be a whole number/],
    ['help for an inherited name', ['help', 'toString'], {}, /argument 2 is not a command/],
  ];
  for (const [what, args, env, pattern] of usageErrors) {
    it(`exits 2 with one line on stderr for ${what}`, () => {
      const run = cli(args, env);
      if (args.length === 0) {
        // With no command, the usage text is the answer, on stderr.
        expect(run.status).to.equal(2);
        expect(run.stderr).to.match(pattern);
        return;
      }
      expectFailure(run, 2, pattern);
    });
  }

  const tokenErrors: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['a token under another secret', ['decode', vector.token, '--secret', OTHER_SECRET], {}, /token decryption failed/],
    ['a malformed token (decode)', ['decode', 'not-a-token'], withSecret, /malformed token/],
    ['a malformed token (inspect)', ['inspect', '04!!!!'], {}, /malformed token/],
    ['an empty stdin', ['inspect', '-'], {}, /malformed token/],
  ];
  for (const [what, args, env, pattern] of tokenErrors) {
    it(`exits 1 with one line on stderr for ${what}`, () => {
      expectFailure(cli(args, env, ''), 1, pattern);
    });
  }
});
