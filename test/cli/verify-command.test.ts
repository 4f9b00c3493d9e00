/**
 * `zego-token verify TOKEN|- [--app-id N] [--user ID] [--room ID] [--secret S]`: exit 0 and one line when the token
 * is valid now for what was asked, 1 and one line saying why when it is not, 2 on a usage error.
 */
import { generateToken03, generateToken04 } from '@zego-token/core';
import { expect } from 'chai';
import { cli, type CliRun } from '../support/cli.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const env = { ZEGO_SERVER_SECRET: SECRET };
const roomToken = generateToken04({
  appId: APP_ID,
  userId: 'alice',
  secret: SECRET,
  effectiveTimeInSeconds: 3600,
  payload: { roomId: 'lobby', privilege: { publish: false } },
});
const plainToken = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 7200 });
const token03 = generateToken03({ appId: 7, roomId: 'lobby', userId: 'bob', secret: SECRET, effectiveTimeInSeconds: 3600 });
const expiredAt = Math.floor(Date.now() / 1000) - 7200;
const expired = sealRawToken({
  mode: 'gcm',
  secret: SECRET,
  expireTime: expiredAt,
  plaintext: `{"app_id":${APP_ID},"user_id":"alice","nonce":1,"ctime":${expiredAt - 60},"expire":${expiredAt},"payload":""}`,
});

/** One line on the stream that carries the answer, nothing on the other, never the secret. */
function expectOneLine(run: CliRun, status: 0 | 1 | 2, pattern: RegExp): void {
  expect(run.status, run.stderr).to.equal(status);
  const [answer, silent] = status === 0 ? [run.stdout, run.stderr] : [run.stderr, run.stdout];
  expect(silent).to.equal('');
  expect(answer).to.match(/^[^\n]+\n$/).and.match(pattern);
  expect(answer).to.not.include(SECRET).and.not.include(OTHER_SECRET);
}

describe('zego-token verify', function () {
  this.timeout(30_000);

  describe('exit 0: valid for what was asked, saying for whom and until when', () => {
    it('with app, user and room asked for', () => {
      const run = cli(['verify', roomToken, '--app-id', String(APP_ID), '--user', 'alice', '--room', 'lobby'], env);
      expectOneLine(run, 0, /^valid: a 04 gcm token for app 1234567890, user "alice", room "lobby", until \S+Z \(\d+ min left\)\n$/);
    });

    it('with nothing asked for but the secret; a token without a room payload is not bound to a room', () => {
      expectOneLine(cli(['verify', plainToken], env), 0, /^valid: a 04 gcm token for app 1234567890, user "alice", not bound to a room, until \S+Z \((\d+ min|2 h) left\)$/m);
    });

    it('a token whose room payload has room_id "", which ZEGO reads as any room', () => {
      const payload = '{"room_id":"","privilege":{"1":1,"2":1},"stream_id_list":null}';
      const anyRoom = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600, payload });
      expectOneLine(cli(['verify', anyRoom], env), 0, /^valid: a 04 gcm token for app 1234567890, user "alice", any room, until /);
    });

    it('for a 03 token, read from stdin, with the secret from --secret', () => {
      const run = cli(['verify', '-', '--room', 'lobby', '--secret', SECRET], {}, `${token03}\n`);
      expectOneLine(run, 0, /^valid: a 03 cbc token for app 7, user "bob", room "lobby", until /);
    });

    it('expecting the app ID of ZEGO_APP_ID, the app the secret belongs to', () => {
      expectOneLine(cli(['verify', roomToken], { ...env, ZEGO_APP_ID: String(APP_ID) }), 0, /^valid: /);
    });

    it('with --app-id winning over ZEGO_APP_ID', () => {
      const run = cli(['verify', roomToken, '--app-id', String(APP_ID)], { ...env, ZEGO_APP_ID: '42' });
      expectOneLine(run, 0, /^valid: /);
    });
  });

  describe('exit 1: a token damaged in transit is repaired and read, as the doctor does, and the line names the damage', () => {
    // A token with a '+' in it, so that every kind of damage has something to damage (most tokens have several).
    let token = roomToken;
    while (!token.includes('+')) {
      token = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600, payload: { roomId: 'lobby' } });
    }
    const cases: Array<[string, string, RegExp]> = [
      ['percent-encoded by a query string', encodeURIComponent(token), /\(url_encoded\)/],
      ["with '+' turned into spaces", token.replace(/\+/g, ' '), /\(spaces_for_plus\)/],
      ['wrapped in JSON quotes', JSON.stringify(token), /\(quoted\)/],
    ];
    for (const [what, damaged, code] of cases) {
      it(`${what}: valid once repaired, but not as the client holds it`, () => {
        const run = cli(['verify', damaged, '--user', 'alice', '--room', 'lobby'], env);
        expectOneLine(run, 1, code);
        expect(run.stderr).to.match(/once repaired valid: a 04 gcm token for app 1234567890, user "alice", room "lobby", until .*give the client the token exactly as issued$/m);
      });
    }

    it('and, repaired, still refused for what it says: another user', () => {
      const run = cli(['verify', JSON.stringify(roomToken), '--user', 'bob'], env);
      expectOneLine(run, 1, /^zego-token: damaged in transit \(quoted\), and once repaired token was issued for another user: it is a 04 gcm token/m);
    });
  });

  describe('exit 1: not valid, saying why', () => {
    const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
      ['expired', ['verify', expired], env, /^zego-token: token expired at \S+Z \((120 min|2 h) ago\)$/m],
      ['another user', ['verify', roomToken, '--user', 'bob'], env, /^zego-token: token was issued for another user: it is a 04 gcm token for app 1234567890, user "alice", room "lobby"$/m],
      ['another app (--app-id)', ['verify', roomToken, '--app-id', '42'], env, /another app: it is a 04 gcm token for app 1234567890,/],
      ['another app (ZEGO_APP_ID)', ['verify', roomToken], { ...env, ZEGO_APP_ID: '42' }, /another app: it is a 04 gcm token for app 1234567890,/],
      ['another room', ['verify', roomToken, '--room', 'vip'], env, /another room: it is a 04 gcm token for app 1234567890, user "alice", room "lobby"$/m],
      ['a room asked of a token not bound to one', ['verify', plainToken, '--room', 'vip'], env, /another room: it is .*, not bound to a room$/m],
      ['the wrong secret', ['verify', roomToken, '--secret', OTHER_SECRET], {}, /token decryption failed: wrong secret, or the token was altered/],
      ['a malformed token', ['verify', 'not-a-token'], env, /^zego-token: malformed token: /],
      ['an empty stdin', ['verify', '-'], env, /^zego-token: malformed token: /],
    ];
    for (const [what, args, variables, pattern] of cases) {
      it(what, () => expectOneLine(cli(args, variables, ''), 1, pattern));
    }
  });

  describe('exit 2: a usage error', () => {
    const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
      ['no token', ['verify'], env, /missing TOKEN/],
      ['two tokens', ['verify', roomToken, roomToken], env, /unexpected argument 3$/m],
      ['no secret', ['verify', roomToken], {}, /no secret: set ZEGO_SERVER_SECRET or pass --secret/],
      ['a secret of the wrong length', ['verify', roomToken, '--secret', 'short'], {}, /secret must be a string of exactly 32/],
      ['a non-numeric --app-id', ['verify', roomToken, '--app-id', 'x'], env, /--app-id must be a whole number/],
      ['app ID 0, named as the flag', ['verify', roomToken, '--app-id', '0'], env, /^zego-token: --app-id must be an integer from 1/],
      ['a non-numeric ZEGO_APP_ID', ['verify', roomToken], { ...env, ZEGO_APP_ID: 'x' }, /ZEGO_APP_ID must be a whole number/],
      ['an empty --user, named as the flag', ['verify', roomToken, '--user='], env, /^zego-token: --user must be a non-empty string/],
      ['a room ID too long, named as the flag', ['verify', roomToken, '--room', 'r'.repeat(129)], env, /^zego-token: --room must be at most 128/],
      ['an unknown flag', ['verify', roomToken, '--now', '1'], env, /argument 3 is not an option of verify/],
      ['a flag without its value', ['verify', roomToken, '--user'], env, /--user needs a value/],
      ['a flag given twice', ['verify', roomToken, '--user', 'a', '--user', 'b'], env, /--user is given more than once/],
    ];
    for (const [what, args, variables, pattern] of cases) {
      it(what, () => expectOneLine(cli(args, variables), 2, pattern));
    }
  });

  it('has its help, and is in the overview', () => {
    const help = cli(['help', 'verify']);
    expect(help.stdout).to.match(/^zego-token verify TOKEN\|- \[--app-id N\] \[--user ID\] \[--room ID\] \[--secret SECRET\]\n/);
    expect(help.stdout).to.include('ZEGO_APP_ID');
    expect(cli(['--help']).stdout).to.match(/^ {2}zego-token verify TOKEN\|- .*\n +is it valid now/m);
  });
});
