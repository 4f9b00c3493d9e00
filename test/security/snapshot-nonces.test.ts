/**
 * A V8 startup snapshot (`node --build-snapshot`) keeps the heap of the process that built it, the random pool and the
 * 04 nonce walk included. Two processes started from one snapshot taken after a token was made must still seal their
 * next tokens with IVs and nonces of their own: a GCM nonce used twice with one key gives away the key stream.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

const coreCjs = fileURLToPath(new URL('../../packages/core/dist/index.cjs', import.meta.url));

// The snapshot's entry may require built-in modules only: the core's CommonJS build (and its chunks) is loaded by a
// loader of a few lines instead, as a bundler would inline it.
const entry = `
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const loaded = new Map();
function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const module = { exports: {} };
  loaded.set(file, module);
  const dir = path.dirname(file);
  const local = (id) => (id.startsWith('.') ? load(path.resolve(dir, id)) : require(id));
  new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(file, 'utf8'))(module.exports, local, module, file, dir);
  return module.exports;
}
const core = load(${JSON.stringify(coreCjs)});
const secret = ${JSON.stringify(SECRET)};
const base = { appId: 1, userId: 'u', secret, effectiveTimeInSeconds: 60 };
const mint = () => ({
  gcm: core.generateToken04(base),
  cbc: core.generateToken04({ ...base, mode: 'cbc' }),
  v03: core.generateToken03({ ...base, roomId: 'r' }),
});
mint(); // the pool is filled and the nonce walk started before the snapshot is taken
v8.startupSnapshot.setDeserializeMainFunction(() => process.stdout.write(JSON.stringify(mint())));
`;

interface Minted {
  gcm: string;
  cbc: string;
  v03: string;
}

/** What a token's sealing drew from the random source, read with the independent decoder: its IV and its nonce. */
function drawn(token: string): { iv: string; nonce: string } {
  const { iv, plaintext } = readRawToken(token, SECRET);
  return { iv: iv.toString('hex'), nonce: rawNonce(plaintext) };
}

describe('random source after a V8 startup snapshot', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zego-token-snapshot-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('two processes started from one snapshot draw different IVs and nonces for their next tokens', function () {
    this.timeout(60_000);
    const script = join(dir, 'entry.cjs');
    const blob = join(dir, 'snapshot.blob');
    writeFileSync(script, entry);
    execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { stdio: 'pipe' });
    const start = (): Minted => JSON.parse(execFileSync(process.execPath, ['--snapshot-blob', blob], { encoding: 'utf8' })) as Minted;
    const first = start();
    const second = start();
    for (const kind of ['gcm', 'cbc', 'v03'] as const) {
      const [a, b] = [drawn(first[kind]), drawn(second[kind])];
      expect(a.iv, `${kind} IV`).to.not.equal(b.iv);
      expect(a.nonce, `${kind} nonce`).to.not.equal(b.nonce);
    }
  });
});
