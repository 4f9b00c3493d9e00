/**
 * @zego-token/fetch where only Web Crypto exists: export conditions choose its Web Crypto build, which runs the
 * handler on @zego-token/core/web. Here in Node; the runtime matrix runs it in workerd and the edge runtime.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeToken, ErrorCode } from '@zego-token/core/web';
import { runFetchContract } from '../runtimes/fetch-contract.js';

const require = createRequire(import.meta.url);
const fetchDir = new URL('../../packages/fetch/', import.meta.url);

function resolvedWith(condition: string | undefined, syntax: 'import' | 'require'): string {
  const code =
    syntax === 'import'
      ? "process.stdout.write(import.meta.resolve('@zego-token/fetch'))"
      : "process.stdout.write(require.resolve('@zego-token/fetch'))";
  const args = [...(condition === undefined ? [] : ['-C', condition]), ...(syntax === 'import' ? ['--input-type=module'] : []), '-e', code];
  return execFileSync(process.execPath, args, { encoding: 'utf8', cwd: new URL('../..', import.meta.url) }).split('/').slice(-2).join('/');
}

describe('@zego-token/fetch on Web Crypto', () => {
  it('export conditions workerd, edge-light and browser choose the Web Crypto build; Node gets the node:crypto one', () => {
    for (const condition of ['workerd', 'edge-light', 'browser']) {
      expect(resolvedWith(condition, 'import'), condition).to.equal('dist/web.mjs');
      expect(resolvedWith(condition, 'require'), condition).to.equal('dist/web.cjs');
    }
    expect(resolvedWith(undefined, 'import')).to.equal('dist/index.mjs');
    expect(resolvedWith(undefined, 'require')).to.equal('dist/index.cjs');
  });

  it('the Web Crypto build loads @zego-token/core/web, never @zego-token/core', () => {
    for (const file of ['dist/web.mjs', 'dist/web.cjs']) {
      const code = readFileSync(new URL(file, fetchDir), 'utf8');
      const loads = [...code.matchAll(/(?:from\s*|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
      expect(loads, file).to.deep.equal(['@zego-token/core/web']);
    }
  });

  it('passes the fetch handler’s contract table (200, 401, 400, 403, identity route, 404, 405, no-store, env)', async () => {
    const saved = [process.env['ZEGO_APP_ID'], process.env['ZEGO_SERVER_SECRET']];
    delete process.env['ZEGO_APP_ID'];
    delete process.env['ZEGO_SERVER_SECRET'];
    try {
      const webBuild = (await import(new URL('dist/web.mjs', fetchDir).href)) as typeof import('@zego-token/fetch');
      const results = await runFetchContract({ zegoToken: webBuild.zegoToken as never, decodeToken });
      const ran = results.map((r) => r.name).join('\n');
      for (const kind of ['(200)', '(401)', '(400)', '(403)', 'identity route', '(404)', '(405)', 'Worker’s env']) expect(ran).to.include(kind);
      expect(results.filter((r) => r.error !== undefined)).to.deep.equal([]);
      // And the CommonJS Web Crypto build, as a require()-based bundle would load it.
      const cjs = require(new URL('dist/web.cjs', fetchDir).pathname) as typeof import('@zego-token/fetch');
      expect((await runFetchContract({ zegoToken: cjs.zegoToken as never, decodeToken })).filter((r) => r.error !== undefined)).to.deep.equal([]);
    } finally {
      if (saved[0] !== undefined) process.env['ZEGO_APP_ID'] = saved[0];
      if (saved[1] !== undefined) process.env['ZEGO_SERVER_SECRET'] = saved[1];
    }
  });
  it('never reads process.env, even where a runtime fills it: credentials come from options or the Worker env', async () => {
    const saved = [process.env['ZEGO_APP_ID'], process.env['ZEGO_SERVER_SECRET']];
    process.env['ZEGO_APP_ID'] = '1234567890';
    process.env['ZEGO_SERVER_SECRET'] = 'demo0000demo0000demo0000demo0000';
    try {
      const webBuild = (await import(new URL('dist/web.mjs', fetchDir).href)) as typeof import('@zego-token/fetch');
      // Construction does not build the route from process.env (the core/web issuer would refuse it: no appId).
      const handler = webBuild.zegoToken({ getUserId: () => 'alice' });
      // Without credentials in env, the request fails: process.env was not used.
      let failed: unknown;
      await handler(new Request('http://worker.test/zego/token/lobby')).catch((error: unknown) => (failed = error));
      expect(failed).to.have.property('code', ErrorCode.APP_ID_INVALID);
      const env = { ZEGO_APP_ID: '7', ZEGO_SERVER_SECRET: 'env00000env00000env00000env00000' };
      const response = await handler(new Request('http://worker.test/zego/token/lobby'), env);
      expect(response.status).to.equal(200);
      const { token } = (await response.json()) as { token: string };
      expect((await decodeToken(token, env.ZEGO_SERVER_SECRET)).appId).to.equal(7);
    } finally {
      if (saved[0] === undefined) delete process.env['ZEGO_APP_ID'];
      else process.env['ZEGO_APP_ID'] = saved[0];
      if (saved[1] === undefined) delete process.env['ZEGO_SERVER_SECRET'];
      else process.env['ZEGO_SERVER_SECRET'] = saved[1];
    }
  });
});
