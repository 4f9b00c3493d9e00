/**
 * The main job: the example servers start with no configuration and serve tokens that decodeToken reads back, and
 * the README's quick start works as written.
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_SECRET, spawnExample, startExample } from '../support/example-server.js';

describe('example servers (demo mode)', function () {
  this.timeout(30_000);

  it('refuse to start with only one of ZEGO_APP_ID and ZEGO_SERVER_SECRET: a typo must not fall back to the demo', async () => {
    for (const name of ['express-server', 'koa-server'] as const) {
      const example = spawnExample(name, { ZEGO_APP_ID: '1234567890' });
      expect(await example.exited, name).to.equal(1);
      expect(example.output()).to.include('Set both ZEGO_APP_ID and ZEGO_SERVER_SECRET');
    }
  });

  it('Express: says it runs a demo app, signs alice in, and serves her a token for the room', async () => {
    const example = await startExample('express-server');
    try {
      await example.waitFor(/DEMO MODE[^\n]*\nTry: [^\n]*\n[^\n]*\n/);
      expect((await fetch(`${example.url}/zego/token/lobby`)).status).to.equal(401);
      const login = await fetch(`${example.url}/demo/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'alice' }),
      });
      expect(login.status).to.equal(200);
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const response = await fetch(`${example.url}/zego/token/lobby`, { headers: { cookie } });
      expect(response.status).to.equal(200);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      const body = (await response.json()) as { token: string; appId: number; userId: string; roomId: string };
      const decoded = decodeToken(body.token, DEMO_SECRET);
      expect(decoded).to.include({ appId: 1_234_567_890, userId: 'alice' });
      expect(decoded.version === '04' && decoded.room?.roomId).to.equal('lobby');
      expect(example.output()).to.not.include(body.token);
      // Tokens are read in the page (its doctor) or with the CLI, never by sending them back to a server.
      expect((await fetch(`${example.url}/demo/decode/${encodeURIComponent(body.token)}`)).status).to.equal(404);
    } finally {
      await example.stop();
    }
  });

  it('Koa: signs carol in with a JWT and serves her a token for the room', async () => {
    const example = await startExample('koa-server');
    try {
      await example.waitFor(/DEMO MODE[^\n]*\nTry: [^\n]*\n[^\n]*\n/);
      const login = await fetch(`${example.url}/demo/login/carol`, { method: 'POST' });
      expect(login.status).to.equal(200);
      const { jwt } = (await login.json()) as { jwt: string };
      const response = await fetch(`${example.url}/zego/token/stage`, { headers: { authorization: `Bearer ${jwt}` } });
      expect(response.status).to.equal(200);
      const body = (await response.json()) as { token: string };
      const decoded = decodeToken(body.token, DEMO_SECRET);
      expect(decoded.userId).to.equal('carol');
      expect(decoded.version === '04' && decoded.room?.roomId).to.equal('stage');
      expect((await fetch(`${example.url}/zego/token/stage`)).status).to.equal(401);
    } finally {
      await example.stop();
    }
  });

  it("the README's quick start: its curl lines, run as written on the printed address, sign alice in and get her token", async function () {
    if (!(await promisify(execFile)('curl', ['--version']).then(() => true, () => false))) this.skip();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start')));
    const curlLines = quickStart.split('\n').filter((line) => line.startsWith('curl '));
    expect(curlLines).to.have.length(2);
    const example = await startExample('express-server');
    const folder = mkdtempSync(join(tmpdir(), 'zego-readme-'));
    try {
      const outputs: string[] = [];
      for (const line of curlLines) {
        // The README's origin, with the free port this test runs on: the host must be the one the example prints.
        const origins = [...new Set(line.match(/http:\/\/[^/\s]+/g))];
        expect(origins).to.deep.equal([`http://${new URL(example.url).hostname}:3000`]);
        const command = line.replaceAll(origins[0]!, example.url);
        outputs.push((await promisify(execFile)('bash', ['-c', command], { cwd: folder })).stdout);
      }
      const body = JSON.parse(outputs[1]!) as { token: string; userId: string; roomId: string };
      expect(body).to.include({ userId: 'alice', roomId: 'lobby' });
      expect(decodeToken(body.token, DEMO_SECRET).userId).to.equal('alice');
    } finally {
      await example.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
