import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { decodeToken, type TokenResponseBody } from '@zego-token/core';
import { APP_ID, SECRET } from '../support/fixtures.js';

const readme = readFileSync(new URL('../../packages/core/README.md', import.meta.url), 'utf8');
const webBuild = fileURLToPath(new URL('../../packages/core/dist/web.mjs', import.meta.url));

interface Worker {
  default: { fetch(request: Request, env: Record<string, string>): Promise<Response> };
}

describe('packages/core/README.md: the Cloudflare Worker on @zego-token/core/web', () => {
  it('runs as written: 200 with a token for the signed-in user, 401 for nobody, 400 for a bad room', async () => {
    const block = /A Cloudflare Worker[^\n]*\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the Worker snippet').to.be.a('string');
    // The snippet's `declare`d authentication, as an app would provide it: a user per bearer token.
    const auth = `async function verifiedUserId(request) { return { 'Bearer a': 'alice' }[request.headers.get('authorization')] ?? null; }\n`;
    const code = auth + ts.transpileModule(block as string, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
      .replace("'@zego-token/core/web'", JSON.stringify(pathToFileURL(webBuild).href));
    const dir = mkdtempSync(join(tmpdir(), 'zego-worker-'));
    try {
      writeFileSync(join(dir, 'worker.mjs'), code);
      const worker = (await import(pathToFileURL(join(dir, 'worker.mjs')).href)) as Worker;
      const env = { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET };
      const ask = (room: string, authorization?: string): Promise<Response> =>
        worker.default.fetch(new Request(`https://example.test/zego/token?room=${encodeURIComponent(room)}`, { headers: authorization ? { authorization } : {} }), env);

      const ok = await ask('lobby', 'Bearer a');
      expect(ok.status).to.equal(200);
      expect(ok.headers.get('cache-control')).to.equal('no-store');
      const body = (await ok.json()) as TokenResponseBody;
      expect(decodeToken(body.token, SECRET)).to.deep.include({ appId: APP_ID, userId: 'alice' });
      expect((await ask('lobby')).status).to.equal(401);
      expect((await ask('lobby 1', 'Bearer a')).status).to.equal(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
