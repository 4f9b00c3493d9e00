/**
 * No argument's value is ever printed: a value on the command line may be the secret, pasted in the wrong place
 * (`zego-token --secret=$S decode $T`, `zego-token help $S`). Fuzzed in-process through the built dist/cli.mjs, then
 * a sample through the bin.
 */
import { generateToken04 } from '@zego-token/core';
import { expect } from 'chai';
import fc from 'fast-check';
import { cli, cliInProcess } from '../support/cli.js';
import { SECRET } from '../support/fixtures.js';

const env = { ZEGO_SERVER_SECRET: SECRET, ZEGO_APP_ID: '1234567890' };
const TOKEN = generateToken04({
  appId: 1_234_567_890,
  userId: 'alice',
  secret: SECRET,
  effectiveTimeInSeconds: 3600,
  payload: { roomId: 'lobby' },
});

/** Command lines that work as they are, one or more per command, help and the bare command included. */
const COMMAND_LINES: ReadonlyArray<{ args: string[]; stdin?: string }> = [
  { args: ['generate', '--app-id', '1', '--user', 'alice', '--room', 'lobby', '--no-publish'] },
  { args: ['generate', '--user', 'alice', '--version', '03', '--room', 'lobby', '--ttl', '60'] },
  { args: ['decode', TOKEN] },
  { args: ['decode', '-'], stdin: TOKEN },
  { args: ['inspect', TOKEN] },
  { args: ['verify', TOKEN, '--user', 'alice', '--room', 'lobby'] },
  { args: ['verify', '-', '--app-id', '1234567890'], stdin: TOKEN },
  { args: ['help'] },
  { args: ['help', 'verify'] },
  { args: ['--help'] },
  { args: ['decode', '--help'] },
  { args: ['--version'] },
  { args: [] },
];

/** The ways a value turns up on a command line: alone, as a flag's value (known or not), as a flag's name. */
const PLACINGS: ReadonlyArray<(value: string) => string[]> = [
  (value) => [value],
  (value) => [`--secret=${value}`],
  (value) => ['--secret', value],
  (value) => ['--user', value],
  (value) => ['--room', value],
  (value) => [`--app-id=${value}`],
  (value) => ['--ttl', value],
  (value) => [`--mode=${value}`],
  (value) => ['--version', value],
  (value) => [`--json=${value}`],
  (value) => [`--help=${value}`],
  (value) => [`--bogus=${value}`],
  (value) => [`--${value}`],
  (value) => [`--${value}=1`],
  (value) => [`-${value}`],
  (value) => ['--', value],
];

// Secret-shaped: 32 letters and digits, as ZEGO's ServerSecrets are (theirs are hex).
const secretLike = fc.stringMatching(/^[0-9a-zA-Z]{32}$/);

const stdinOf = (text: string | undefined) =>
  async function* (): AsyncGenerator<string> {
    await Promise.resolve(); // a stream's chunks arrive later
    if (text !== undefined) yield text;
  };

describe('zego-token never prints an argument it was given', function () {
  this.timeout(120_000);

  it('fuzzed: a secret-like value in every position, before and after the command, for every command', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretLike,
        fc.constantFrom(...COMMAND_LINES),
        fc.constantFrom(...PLACINGS),
        fc.nat(),
        async (value, line, place, at) => {
          const args = [...line.args];
          args.splice(at % (args.length + 1), 0, ...place(value));
          const run = await cliInProcess(args, env, stdinOf(line.stdin));
          expect(run.stdout + run.stderr, JSON.stringify(args)).to.not.include(value);
          expect([0, 1, 2], JSON.stringify(args)).to.include(run.status);
        },
      ),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('fuzzed: every placing at every position of every command line, one value', async () => {
    const value = 'Zq7Xw2Lp9Rt4Vb6Nm1Kc8Hd3Jf5Gs0Ya';
    for (const line of COMMAND_LINES) {
      for (const place of PLACINGS) {
        for (let at = 0; at <= line.args.length; at += 1) {
          const args = [...line.args];
          args.splice(at, 0, ...place(value));
          const run = await cliInProcess(args, env, stdinOf(line.stdin));
          expect(run.stdout + run.stderr, JSON.stringify(args)).to.not.include(value);
        }
      }
    }
  });

  it("not even a number out of range, which the library's own message would repeat", async () => {
    const number = '98765432109';
    for (const args of [
      ['generate', '--user', 'alice', '--app-id', number],
      ['generate', '--user', 'alice', '--ttl', number],
      ['verify', TOKEN, '--app-id', number],
    ]) {
      const run = await cliInProcess(args, env);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.match(/^zego-token: --(app-id|ttl) must be an integer from 1 to \d+\n$/);
      expect(run.stdout + run.stderr).to.not.include(number);
    }
  });

  const value = 'Zq7Xw2Lp9Rt4Vb6Nm1Kc8Hd3Jf5Gs0Yb';
  const spawned: Array<[string, string[]]> = [
    ['a flag before the command (the reported case)', [`--secret=${value}`, 'decode', TOKEN]],
    ['help for a value', ['help', value]],
    ['a value as the command', [value]],
    ['an unknown flag with a value', ['inspect', `--bogus=${value}`, TOKEN]],
    ['a value as a flag name', ['verify', TOKEN, `--${value}`]],
    ['a stray value after the token', ['decode', TOKEN, value]],
    ['a value for --app-id', ['generate', '--user', 'alice', '--app-id', value]],
    ['a value for --user that is not the token user', ['verify', TOKEN, '--user', value]],
  ];
  for (const [what, args] of spawned) {
    it(`through the bin: ${what}`, () => {
      const run = cli(args, env);
      expect(run.status).to.be.oneOf([1, 2]);
      expect(run.stderr).to.match(/^zego-token: .+\n$/);
      expect(run.stdout + run.stderr).to.not.include(value);
    });
  }
});
