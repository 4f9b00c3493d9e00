/**
 * The CLI within what every ZEGO client takes, and its comforts: `generate --ttl 1h`, a lifetime that is plainly a
 * timestamp or milliseconds refused saying so (never repeating it), a warning past the 24 days ZIM takes, room and
 * stream IDs the Web SDK refuses refused; `inspect`'s expiry as a date and from now; a misspelt flag answered with
 * the one meant.
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { cliInProcess } from '../support/cli.js';
import { SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const env = { ZEGO_SERVER_SECRET: SECRET, ZEGO_APP_ID: '1' };
const generate = (...flags: string[]): ReturnType<typeof cliInProcess> => cliInProcess(['generate', '--user', 'alice', ...flags], env);

describe('zego-token within the clients’ limits', () => {
  describe('generate --ttl', () => {
    const lifetimes: Array<[string, number]> = [
      ['3600', 3600],
      ['90s', 90],
      ['30m', 1800],
      ['1h', 3600],
      ['2d', 172_800],
      ['24d', 2_073_600],
    ];
    for (const [ttl, seconds] of lifetimes) {
      it(`--ttl ${ttl} makes a token that lasts ${seconds} s`, async () => {
        const run = await generate('--ttl', ttl, '--json');
        expect(run.status, run.stderr).to.equal(0);
        expect(run.stderr).to.equal('');
        const { claims } = JSON.parse(run.stdout) as { claims: { createTime: number; expireTime: number } };
        expect(claims.expireTime - claims.createTime).to.equal(seconds);
      });
    }

    it('defaults to an hour', async () => {
      const run = await generate();
      const { createTime, expireTime } = decodeToken(run.stdout.trim(), SECRET);
      expect(expireTime - createTime).to.equal(3600);
    });

    for (const ttl of ['1.5h', '1w', 'h', '1 h', '1H', '-1h', '']) {
      it(`refuses --ttl ${JSON.stringify(ttl)} (exit 2), saying what it takes, without repeating it`, async () => {
        const run = await generate(`--ttl=${ttl}`);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(run.stderr).to.equal('zego-token: --ttl must be whole seconds, or a whole number with s, m, h or d (90s, 30m, 1h, 2d)\n');
      });
    }

    const misread: Array<[string, string, RegExp]> = [
      ['a timestamp', '1796428800', /^zego-token: --ttl looks like a timestamp \(2026-12-05T00:00:00\.000Z\), not a lifetime in seconds: /],
      ['a timestamp in milliseconds', String(Date.now()), /^zego-token: --ttl looks like a timestamp in milliseconds \(\d{4}-/],
      ['an hour in milliseconds', '3600000', /^zego-token: --ttl looks like milliseconds \(60 min\), not a lifetime in seconds: /],
      ['a lifetime expiring after 2038', '4400d', /^zego-token: --ttl would make the token expire at \d{4}-.*, after 2038-01-19T03:14:07\.000Z \(2\^31 - 1 s\), which ZIM reads as long past: at most \d+ s from now\n$/],
    ];
    for (const [what, ttl, message] of misread) {
      it(`refuses ${what} (exit 2), saying so, without repeating the number`, async () => {
        const run = await generate('--ttl', ttl);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(run.stderr).to.match(message);
        expect(run.stderr).to.not.include(ttl);
      });
    }

    it('warns on stderr past 24 days (ZIM refuses such a token), and still prints it', async () => {
      const run = await generate('--ttl', '30d');
      expect(run.status, run.stderr).to.equal(0);
      const { createTime, expireTime } = decodeToken(run.stdout.trim(), SECRET);
      expect(expireTime - createTime).to.equal(2_592_000);
      expect(run.stderr).to.equal("warning: the token lasts 30 days, over the 24 days ZIM takes and the Web SDK's renewal timer waits\n");
    });
  });

  describe('generate: room and stream IDs every client takes', () => {
    const refused: Array<[string, string[], RegExp]> = [
      ['a room with a slash', ['--room', 'team/lobby'], /^zego-token: --room must be digits, English letters and .* only \(it has '\/'; ZEGO's Web SDK refuses such a room ID\)\n$/],
      ['a 03 room with a colon', ['--version', '03', '--room', 'team:lobby'], /^zego-token: --room must be .* \(it has ':'/],
      ['a stream with a slash', ['--room', 'lobby', '--stream', 'cam', '--stream', 'cam/1'], /^zego-token: --stream\[1\] must be 1-256 characters, .* \(it has '\/'; ZEGO's Web SDK refuses to publish such a stream\)\n$/],
      ['a payload whose room has a slash', ['--payload', '{"room_id":"team/lobby","privilege":{"1":1,"2":1},"stream_id_list":null}'], /^zego-token: --payload\.room_id must be .* \(it has '\/'/],
    ];
    for (const [what, flags, message] of refused) {
      it(`refuses ${what} (exit 2), without repeating it`, async () => {
        const run = await generate(...flags);
        expect(run.status).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(run.stderr).to.match(message).and.not.include('lobby');
      });
    }
  });

  describe('inspect', () => {
    const now = Math.floor(Date.now() / 1000);
    const sealed = (expireTime: number): string =>
      sealRawToken({ mode: 'gcm', secret: SECRET, expireTime, plaintext: JSON.stringify({ app_id: 1, user_id: 'u', nonce: 1, ctime: now, expire: expireTime, payload: '' }) });

    it('says on stderr when the token expires, as an ISO date and from now; stdout stays JSON', async () => {
      const run = await cliInProcess(['inspect', sealed(now + 3600)]);
      expect(run.status, run.stderr).to.equal(0);
      expect(JSON.parse(run.stdout)).to.deep.equal({ version: '04', mode: 'gcm', expireTime: now + 3600, expired: false });
      // 3600 or 3599 s left, as the second turns: 60 min either way.
      expect(run.stderr).to.equal(`valid until ${new Date((now + 3600) * 1000).toISOString()} (60 min left)\n`);
    });

    it('and when it expired', async () => {
      const run = await cliInProcess(['inspect', sealed(now - 3 * 86_400)]);
      expect(run.status).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ expired: true });
      expect(run.stderr).to.equal(`expired at ${new Date((now - 3 * 86_400) * 1000).toISOString()} (3 days ago)\n`);
    });

    it('and past the calendar’s end, as the number', async () => {
      const run = await cliInProcess(['inspect', sealed(9e12)]);
      expect(run.stderr).to.match(/^valid until epoch second 9000000000000 \(after the year 275760\) \(\d+ days left\)\n$/);
    });
  });

  describe('a misspelt flag is answered with the one meant (never repeated)', () => {
    const cases: Array<[string[], string]> = [
      [['generate', '--tll', '1h'], '--ttl'],
      [['generate', '--app_id', '1'], '--app-id'],
      [['generate', '--romm', 'lobby'], '--room'],
      [['verify', 'x', '--usr', 'alice'], '--user'],
      [['doctor', 'x', '--scret', 's'], '--secret'],
      [['decode', 'x', '--secrets', 's'], '--secret'],
    ];
    for (const [args, meant] of cases) {
      it(`${args[0]} ${args.find((a) => a.startsWith('--'))} → did you mean ${meant}?`, async () => {
        const run = await cliInProcess(args, env);
        expect(run.status).to.equal(2);
        const flag = args.find((a) => a.startsWith('--'))!;
        expect(run.stderr).to.equal(`zego-token: argument ${args.indexOf(flag) + 1} is not an option of ${args[0]}: did you mean ${meant}?\n`);
      });
    }

    it('and a flag far from any is not guessed at', async () => {
      const run = await cliInProcess(['generate', '--zzzz'], env);
      expect(run.stderr).to.equal('zego-token: argument 2 is not an option of generate (zego-token help generate lists them)\n');
    });
  });
});
