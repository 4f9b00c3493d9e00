/**
 * The main job: the example servers start with no configuration and serve tokens that decodeToken reads back.
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const DEMO_SECRET = 'demo0000demo0000demo0000demo0000';

interface RunningExample {
  url: string;
  output: () => string;
  child: ChildProcess;
}

/** Starts an example on a free port, in demo mode, and waits for it to say where it listens. */
async function startExample(name: string): Promise<RunningExample> {
  const cwd = fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  delete env['ZEGO_APP_ID'];
  delete env['ZEGO_SERVER_SECRET'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!/listening on (http:\/\/\S+)[\s\S]*Try:[^\n]*\n[^\n]*\n/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: /listening on (http:\/\/\S+)/.exec(output)![1]!, output: () => output, child };
}

async function stop(example: RunningExample): Promise<void> {
  if (example.child.exitCode !== null) return;
  example.child.kill('SIGTERM');
  await once(example.child, 'exit');
}

describe('example servers (demo mode)', function () {
  this.timeout(30_000);

  it('refuse to start with only one of ZEGO_APP_ID and ZEGO_SERVER_SECRET: a typo must not fall back to the demo', async () => {
    for (const name of ['express-server', 'koa-server']) {
      const cwd = fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ZEGO_APP_ID: '1234567890' };
      delete env['ZEGO_SERVER_SECRET'];
      const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code, name).to.equal(1);
      expect(stderr).to.include('Set both ZEGO_APP_ID and ZEGO_SERVER_SECRET');
    }
  });

  it('Express: says it runs a demo app, signs alice in, and serves her a token for the room', async () => {
    const example = await startExample('express-server');
    try {
      expect(example.output()).to.match(/DEMO MODE/);
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
    } finally {
      await stop(example);
    }
  });

  it('Koa: signs carol in with a JWT and serves her a token for the room', async () => {
    const example = await startExample('koa-server');
    try {
      expect(example.output()).to.match(/DEMO MODE/);
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
      await stop(example);
    }
  });
});
