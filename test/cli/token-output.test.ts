/**
 * What the CLI prints from a token: the token maker's strings, escaped for the terminal, and any time decodeToken
 * reads, even past the end of JavaScript's calendar.
 */
import { decodeToken, inspectToken } from '@zego-token/core';
import { expect } from 'chai';
import { cli } from '../support/cli.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const env = { ZEGO_SERVER_SECRET: SECRET };
const now = Math.floor(Date.now() / 1000);

/** A GCM token with exactly this plaintext (the independent sealer: no generator's validation in the way). */
function sealed(claims: Record<string, unknown>): string {
  const plaintext = JSON.stringify({ app_id: APP_ID, nonce: 1, ctime: now, ...claims });
  return sealRawToken({ mode: 'gcm', secret: SECRET, expireTime: BigInt(claims['expire'] as number), plaintext });
}

// One of each: ESC (C0, an ANSI colour), BEL, CR, C1 (CSI U+009B, NEL U+0085), DEL, the bidi controls.
const CONTROLS = '\u001b[31m\u0007\r\u009b2J\u0085\u007f\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
const HOSTILE_USER = `eve${CONTROLS.slice(0, 12)}`;
const HOSTILE_ROOM = `lobby${CONTROLS.slice(12)}`;
// What must never reach the terminal raw: C0 (newline aside, between lines of output), DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('zego-token prints what a token holds', function () {
  this.timeout(30_000);

  const hostile = sealed({
    user_id: HOSTILE_USER,
    expire: now + 3600,
    payload: JSON.stringify({ room_id: HOSTILE_ROOM, privilege: { 1: 1, 2: 1 }, stream_id_list: [`s${CONTROLS}`] }),
  });

  it('with C0, C1, DEL and bidi controls from the user ID, room ID, stream IDs and payload escaped, in JSON too', () => {
    const decoded = decodeToken(hostile, SECRET);
    expect(decoded.userId).to.equal(HOSTILE_USER); // the library reads them as they are
    const run = cli(['decode', hostile], env);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.not.match(RAW_CONTROL);
    expect(run.stderr).to.not.match(RAW_CONTROL);
    expect(run.stdout).to.include('"userId": "eve\\u001b[31m\\u0007\\r\\u009b2J\\u0085\\u007f"');
    expect(run.stdout).to.include('"roomId": "lobby\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"');
    // Escaped as JSON escapes: a JSON reader gets the token's strings back exactly.
    expect(JSON.parse(run.stdout)).to.deep.equal(decoded);
  });

  it('escaped in verify\'s one line, whether the token is valid or not', () => {
    const valid = cli(['verify', hostile], env);
    expect(valid.status, valid.stderr).to.equal(0);
    expect(valid.stdout).to.match(/^valid: a 04 gcm token for app \d+, user "eve\\u001b\[31m.*\\u202e.*"/);
    expect(valid.stdout.trimEnd()).to.not.match(RAW_CONTROL).and.not.include('\n');
    const mismatch = cli(['verify', hostile, '--user', 'alice'], env);
    expect(mismatch.status).to.equal(1);
    expect(mismatch.stderr).to.match(/^zego-token: token was issued for another user: it is a 04 gcm token for app/);
    expect(mismatch.stderr.trimEnd()).to.not.match(RAW_CONTROL).and.not.include('\n');
  });

  describe('with invisible format characters and line separators escaped, so "admin" + one of them never prints as "admin"', () => {
    const invisibles: Array<[string, string]> = [
      ['a zero-width space (U+200B)', '\u200b'],
      ['a zero-width joiner (U+200D)', '\u200d'],
      ['a zero-width no-break space (U+FEFF)', '\ufeff'],
      ['a soft hyphen (U+00AD)', '\u00ad'],
      ['a word joiner (U+2060)', '\u2060'],
      ['an invisible plus (U+2064)', '\u2064'],
      ['a tag character (U+E0041)', '\u{e0041}'],
      ['a line separator (U+2028)', '\u2028'],
      ['a paragraph separator (U+2029)', '\u2029'],
    ];
    const genuine = sealed({ user_id: 'admin', expire: now + 3600, payload: '' });
    const shown = (stdout: string): string => stdout.replace(/until .*$/s, '');
    for (const [name, invisible] of invisibles) {
      it(`${name}, in verify's line and in decode's JSON (which still parses back to the token's string)`, () => {
        const spoof = sealed({ user_id: `admin${invisible}`, expire: now + 3600, payload: '' });
        const verify = cli(['verify', spoof], env);
        expect(verify.status, verify.stderr).to.equal(0);
        expect(verify.stdout).to.not.include(invisible);
        expect(shown(verify.stdout).replaceAll(invisible, '')).to.not.equal(shown(cli(['verify', genuine], env).stdout));
        const decode = cli(['decode', spoof], env);
        expect(decode.stdout).to.not.include(invisible);
        expect((JSON.parse(decode.stdout) as { userId: string }).userId).to.equal(`admin${invisible}`);
      });
    }
  });

  it('escaped in generate --json, which prints the claims it was given', () => {
    const run = cli(['generate', '--app-id', '1', '--user', `eve${CONTROLS}`, '--room', 'lobby', '--json'], env);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.not.match(RAW_CONTROL);
    const { token, claims } = JSON.parse(run.stdout) as { token: string; claims: unknown };
    expect(claims).to.deep.equal(decodeToken(token, SECRET));
  });

  it('never written into a room ID by generate (ZEGO’s Web SDK refuses it), and not echoed in the refusal', () => {
    const run = cli(['generate', '--app-id', '1', '--user', 'eve', '--room', HOSTILE_ROOM], env);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/^zego-token: --room must be digits, English letters and .* \(it has a non-ASCII character;/);
    expect(run.stderr).to.not.match(RAW_CONTROL).and.not.include('lobby');
  });

  // The header's int64 expire time reaches 2^53 - 1 seconds; a JavaScript Date ends at 8.64e12 seconds.
  for (const expire of [Number.MAX_SAFE_INTEGER, 8_640_000_000_001]) {
    it(`with an expiry past the end of the calendar (${expire}): decode, inspect and verify all print it`, () => {
      const farFuture = sealed({ user_id: 'alice', expire, payload: '' });
      expect(decodeToken(farFuture, SECRET).expireTime).to.equal(expire);

      const decoded = cli(['decode', farFuture], env);
      expect(decoded.status, decoded.stderr).to.equal(0);
      expect(JSON.parse(decoded.stdout)).to.include({ expireTime: expire });
      expect(decoded.stderr).to.match(new RegExp(`^valid until epoch second ${expire} \\(after the year 275760\\) \\(\\d+ days left\\)\n$`));

      const inspected = cli(['inspect', farFuture]);
      expect(JSON.parse(inspected.stdout)).to.deep.equal({ ...inspectToken(farFuture), expired: false });

      const verified = cli(['verify', farFuture, '--user', 'alice'], env);
      expect(verified.status, verified.stderr).to.equal(0);
      expect(verified.stdout).to.match(new RegExp(`^valid: .*, until epoch second ${expire} \\(after the year 275760\\)`));
    });
  }

  it('with the last expiry a Date holds as an ISO date', () => {
    const last = sealed({ user_id: 'alice', expire: 8_640_000_000_000, payload: '' });
    expect(cli(['decode', last], env).stderr).to.match(/^valid until \+275760-09-13T00:00:00\.000Z \(\d+ days left\)\n$/);
  });
});
