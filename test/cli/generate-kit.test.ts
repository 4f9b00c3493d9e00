/**
 * `zego-token generate --kit`: the kit token UIKit Prebuilt's own `generateKitTokenForProduction` returns for the
 * token printed and the same inputs, run as users run the command (the built bin, in a child process).
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { cli } from '../support/cli.js';
import { SECRET } from '../support/fixtures.js';
import { uikit } from '../support/uikit.js';

const withSecret = { ZEGO_SERVER_SECRET: SECRET };

describe('zego-token generate --kit', function () {
  this.timeout(20_000);
  before(function () {
    this.timeout(60_000);
    uikit();
  });

  it('prints the kit token alone: UIKit’s wrapper around a token for the user and room, with --user-name', () => {
    const run = cli(['generate', '--app-id', '7', '--user', 'zoë', '--room', 'lobby', '--kit', '--user-name', 'Zoë & Co'], withSecret);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^04[A-Za-z0-9+/=]+#[A-Za-z0-9+/=]+\n$/);
    const kitToken = run.stdout.trim();
    const token = kitToken.slice(0, kitToken.indexOf('#'));
    expect(kitToken).to.equal(uikit().generateKitTokenForProduction(7, token, 'lobby', 'zoë', 'Zoë & Co'));
    const claims = decodeToken(token, SECRET);
    expect(claims).to.include({ appId: 7, userId: 'zoë' });
    expect(claims.version === '04' && claims.room?.roomId).to.equal('lobby');
  });

  it('without --room the wrapper names no room; without --user-name, an empty name; 03 tokens are wrapped too', () => {
    const identity = cli(['generate', '--app-id', '7', '--user', 'alice', '--kit'], withSecret).stdout.trim();
    const token = identity.slice(0, identity.indexOf('#'));
    expect(identity).to.equal(uikit().generateKitTokenForProduction(7, token, undefined, 'alice', ''));
    const v03 = cli(['generate', '--app-id', '7', '--user', 'alice', '--room', 'r', '--version', '03', '--kit'], withSecret).stdout.trim();
    expect(v03.startsWith('03')).to.equal(true);
    expect(v03).to.equal(uikit().generateKitTokenForProduction(7, v03.slice(0, v03.indexOf('#')), 'r', 'alice', ''));
  });

  it('--json adds kitToken beside the token and its claims', () => {
    const run = cli(['generate', '--app-id', '7', '--user', 'bob', '--room', 'lobby', '--kit', '--user-name', 'Bob', '--json'], withSecret);
    expect(run.status, run.stderr).to.equal(0);
    const printed = JSON.parse(run.stdout) as { token: string; kitToken: string; claims: unknown };
    expect(Object.keys(printed)).to.deep.equal(['token', 'kitToken', 'claims']);
    expect(printed.kitToken).to.equal(uikit().generateKitTokenForProduction(7, printed.token, 'lobby', 'bob', 'Bob'));
    expect(printed.claims).to.deep.equal(decodeToken(printed.token, SECRET));
  });

  const failures: Array<[string, string[], RegExp]> = [
    ['a user beyond Latin-1, named as the flag', ['--user', '张伟', '--kit'], /^zego-token: --user must hold only characters up to U\+00FF \(Latin-1\) in a kit token/],
    ['--user-name without --kit', ['--user', 'u', '--user-name', 'U'], /^zego-token: --user-name is for --kit$/m],
    ['a room outside ZEGO’s set (Ω), named as the flag', ['--user', 'u', '--room', 'Ωmega', '--kit'], /^zego-token: --room must be digits, English letters/],
  ];
  for (const [name, args, pattern] of failures) {
    it(`refuses ${name}: exit 2, one line, no token`, () => {
      const run = cli(['generate', '--app-id', '7', ...args], withSecret);
      expect(run.status, run.stderr).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.match(pattern);
    });
  }
});
