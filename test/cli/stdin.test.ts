/**
 * `-` reads the token from stdin, up to STDIN_LIMIT_BYTES (128 KiB): more than any token (at most 87,422
 * characters: the format's lengths are 16-bit), read in chunks and never buffered past the limit.
 */
import { decodeToken, MAX_PLAINTEXT_BYTES } from '@zego-token/core';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { STDIN_LIMIT_BYTES } from '../../packages/core/dist/cli.mjs';
import { BIN, cli, cliInProcess } from '../support/cli.js';
import { SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

const env = { ZEGO_SERVER_SECRET: SECRET };
const LIMIT_LINE = /^zego-token: stdin holds more than 128 KiB, and a token is at most 87422 characters\n$/;

/** The longest token a generator can make: a CBC envelope (16-byte IV) around the largest plaintext. */
function longestToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `{"app_id":1,"user_id":"u","nonce":1,"ctime":${now},"expire":${now + 600},"payload":"`;
  const plaintext = `${head}${'x'.repeat(MAX_PLAINTEXT_BYTES - head.length - 2)}"}`;
  return sealRawToken({ mode: 'cbc', trailer: Buffer.from([0]), secret: SECRET, expireTime: now + 600, plaintext });
}

describe('zego-token reading stdin', function () {
  this.timeout(30_000);

  it('is limited to 128 KiB, above the longest token there can be', () => {
    const token = longestToken();
    expect(token.length).to.be.above(87_000).and.at.most(87_422);
    const run = cli(['decode', '-'], env, `${token}\n`);
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal(decodeToken(token, SECRET));
  });

  it('refuses more than 128 KiB with one line (exit 1), for every command that reads a token', () => {
    const input = `04${'A'.repeat(128 * 1024 - 1)}`; // one byte over
    for (const args of [['inspect', '-'], ['decode', '-'], ['verify', '-']]) {
      const run = cli(args, env, input);
      expect(run.status, args[0]).to.equal(1);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.match(LIMIT_LINE);
    }
  });

  it('reads exactly 128 KiB: such a paste is judged as a token (malformed), not refused for its size', () => {
    const run = cli(['inspect', '-'], env, `04${'A'.repeat(128 * 1024 - 2)}`);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.not.match(LIMIT_LINE);
    expect(run.stderr).to.match(/malformed/);
  });

  it('stops reading an endless stdin at the limit, and closes it', async () => {
    let pulled = 0;
    let closed = false;
    const chunk = new Uint8Array(16 * 1024).fill(0x41);
    const endless = async function* (): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          await Promise.resolve(); // a stream's chunks arrive later
          pulled += chunk.length;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    };
    const run = await cliInProcess(['inspect', '-'], {}, endless);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.match(LIMIT_LINE);
    expect(pulled).to.be.at.most(STDIN_LIMIT_BYTES + chunk.length);
    expect(closed).to.be.true;
  });

  it('answers a 600 MB stream with one line instead of reading it (the reported crash)', () => {
    const run = spawnSync('sh', ['-c', 'head -c 629145600 /dev/zero | "$0" "$1" inspect -', process.execPath, BIN], {
      encoding: 'utf8',
    });
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.match(LIMIT_LINE);
  });
});
