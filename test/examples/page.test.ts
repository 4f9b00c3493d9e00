/**
 * The example page as the example servers serve it (the page itself, in Chromium: test/browser/example-page.ts):
 * `/`, its module, its stylesheet and the two package builds it imports, each with a policy that runs scripts from
 * the server only, nothing in any of them that is a secret, a sign-in offered only where the server has one, and
 * the token routes the page uses (room and identity, each with a kit token carrying the display name).
 */
import { inspectToken } from '@zego-token/core';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_SECRET, startExample, type ExampleName } from '../support/example-server.js';

const EXAMPLES: readonly ExampleName[] = ['express-server', 'koa-server'];
const REAL = { ZEGO_APP_ID: '987654321', ZEGO_SERVER_SECRET: 'f3a9c1d2e4b5a6978877665544332211' };
const SESSION_SECRET = 'session-secret-of-the-test-0123456789';

/** What the page is served as: its HTML, then every file it loads (found in the HTML and its import map). */
interface Served {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

async function get(url: string): Promise<Served> {
  const response = await fetch(url);
  return { url, status: response.status, headers: response.headers, body: await response.text() };
}

/** `/` and everything it names: its stylesheet and module, and the modules of its import map. */
async function servedPage(base: string): Promise<{ html: Served; importMap: string; files: Served[] }> {
  const html = await get(`${base}/`);
  const importMap = /<script type="importmap">([^<]*)<\/script>/.exec(html.body)?.[1] ?? '';
  const { imports } = JSON.parse(importMap) as { imports: Record<string, string> };
  const paths = [...html.body.matchAll(/<(?:link rel="stylesheet" href|script type="module" src)="([^"]+)"/g)].map((match) => match[1]!);
  const files = await Promise.all([...paths, ...Object.values(imports)].map((path) => get(`${base}${path}`)));
  return { html, importMap, files };
}

/** The Express example's demo sign-in (a session cookie) or the Koa one's (a bearer JWT), with a display name. */
async function signIn(name: ExampleName, base: string, userId: string, userName?: string): Promise<Record<string, string>> {
  if (name === 'express-server') {
    const response = await fetch(`${base}/demo/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userName === undefined ? { userId } : { userId, userName }),
    });
    expect(response.status).to.equal(200);
    return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
  }
  const query = userName === undefined ? '' : `?name=${encodeURIComponent(userName)}`;
  const response = await fetch(`${base}/demo/login/${encodeURIComponent(userId)}${query}`, { method: 'POST' });
  expect(response.status).to.equal(200);
  return { authorization: `Bearer ${((await response.json()) as { jwt: string }).jwt}` };
}

describe('example servers: the example page', function () {
  this.timeout(30_000);

  for (const name of EXAMPLES) {
    describe(name, () => {
      it('serves / and its files with a policy allowing scripts from the server only (and the import map, by its hash)', async () => {
        const example = await startExample(name);
        try {
          const { html, importMap, files } = await servedPage(example.url);
          expect(html.status).to.equal(200);
          expect(html.headers.get('content-type')).to.equal('text/html; charset=utf-8');
          const policy = html.headers.get('content-security-policy') ?? '';
          const hash = createHash('sha256').update(importMap).digest('base64');
          expect(policy.split('; ')).to.include.members([
            "default-src 'none'",
            `script-src 'self' 'sha256-${hash}'`,
            "style-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
          ]);
          expect(files.map((file) => new URL(file.url).pathname)).to.deep.equal([
            '/page/page.css',
            '/page/page.js',
            '/page/vendor/zego-token-core-web.js',
            '/page/vendor/zego-token-client.js',
          ]);
          for (const served of [html, ...files]) {
            expect(served.status, served.url).to.equal(200);
            expect(served.headers.get('content-security-policy'), served.url).to.equal(policy);
            expect(served.headers.get('x-content-type-options'), served.url).to.equal('nosniff');
            expect(served.headers.get('referrer-policy'), served.url).to.equal('no-referrer');
          }
          const [css, ...modules] = files;
          expect(css!.headers.get('content-type')).to.equal('text/css; charset=utf-8');
          for (const module of modules) expect(module.headers.get('content-type'), module.url).to.equal('text/javascript; charset=utf-8');
        } finally {
          await example.stop();
        }
      });

      it("serves the packages' own builds as they are, each a module that imports nothing (the page loads no other file)", async () => {
        const example = await startExample(name);
        try {
          const { files } = await servedPage(example.url);
          const built = (specifier: string): string => readFileSync(fileURLToPath(import.meta.resolve(specifier)), 'utf8');
          const vendor = files.filter((file) => file.url.includes('/vendor/'));
          expect(vendor.map((file) => file.body)).to.deep.equal([built('@zego-token/core/web'), built('@zego-token/client')]);
          for (const file of vendor) {
            expect(file.body, file.url).to.not.match(/^\s*import[\s{*'"]/m).and.not.match(/^\s*export\s[^;]*\bfrom\s*['"]/m);
            expect(file.body, file.url).to.match(/^export \{/m);
          }
          expect(vendor[0]!.body).to.match(/\bdiagnoseToken\b/).and.match(/\binspectToken\b/);
        } finally {
          await example.stop();
        }
      });

      for (const [what, env, secret] of [
        ['demo mode', {}, DEMO_SECRET],
        ['real credentials with the demo sign-in', { ...REAL, ZEGO_DEMO_SIGN_IN: '1' }, REAL.ZEGO_SERVER_SECRET],
        ['real credentials without it', REAL, REAL.ZEGO_SERVER_SECRET],
      ] as const) {
        it(`never serves a secret (${what}): not the ServerSecret, not the session's`, async () => {
          const example = await startExample(name, { ...env, SESSION_SECRET });
          try {
            const { html, files } = await servedPage(example.url);
            for (const served of [html, ...files]) {
              const everything = `${served.body}\n${JSON.stringify([...served.headers])}`;
              expect(everything, served.url).to.not.include(secret).and.not.include(SESSION_SECRET);
            }
          } finally {
            await example.stop();
          }
        });
      }

      it('offers the demo sign-in where the server has one, and says plainly where sign-in is the app\'s own', async () => {
        const signInKind = name === 'express-server' ? 'session' : 'jwt';
        for (const [env, offered] of [
          [{}, true],
          [{ ...REAL, ZEGO_DEMO_SIGN_IN: '1' }, true],
          [REAL, false],
        ] as const) {
          const example = await startExample(name, env);
          try {
            const { body } = await get(`${example.url}/`);
            expect(body).to.include('ZEGO_APP_ID' in env ? 'Real tokens for app 987654321 (ZEGO_APP_ID)' : '<strong>Demo mode.</strong>');
            // The demo sign-in with real credentials: the page warns whoever opens it, as the console does.
            const warned = 'ZEGO_DEMO_SIGN_IN' in env;
            expect(body.includes('role="alert"><strong>Warning: the demo sign-in is on with real credentials'), 'warning').to.equal(warned);
            if (warned) expect(body).to.include('real tokens for\n  app 987654321 as any user');
            expect(body).to.not.match(/<!--(if:|end)|\{\{/); // every template mark replaced
            if (offered) {
              expect(body).to.include(`data-sign-in="${signInKind}"`).and.include('id="sign-in-form"');
              expect(body).to.not.include("Sign-in is your app's own");
            } else {
              expect(body).to.include('data-sign-in="none"').and.not.include('<form id="sign-in-form"');
              expect(body).to.include("Sign-in is your app's own").and.include('the token route answers 401');
              expect((await fetch(`${example.url}/zego/token/lobby`)).status).to.equal(401);
              expect((await fetch(`${example.url}/zego/token`)).status).to.equal(401);
            }
          } finally {
            await example.stop();
          }
        }
      });

      it('refuses at sign-in a user ID its token routes cannot serve (over 64 UTF-8 bytes, or beyond Latin-1 for the kit token), saying why', async () => {
        const example = await startExample(name);
        try {
          for (const [userId, why] of [['张三', /U\+00FF/], ['é'.repeat(33), /64 UTF-8 bytes/]] as const) {
            const response =
              name === 'express-server'
                ? await fetch(`${example.url}/demo/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
                : await fetch(`${example.url}/demo/login/${encodeURIComponent(userId)}`, { method: 'POST' });
            expect(response.status, userId).to.equal(400);
            const { error } = (await response.json()) as { error: { code: string; message: string } };
            expect(error.code).to.equal('bad_request');
            expect(error.message).to.match(why);
          }
          // The longest ID that is served, with a kit token: 64 bytes of Latin-1.
          const headers = await signIn(name, example.url, 'é'.repeat(32));
          expect((await fetch(`${example.url}/zego/token/lobby`, { headers })).status).to.equal(200);
        } finally {
          await example.stop();
        }
      });

      it('answers on the room and identity routes the page uses, each with a kit token carrying the display name (the user ID when none)', async () => {
        const example = await startExample(name);
        try {
          for (const [userName, shown] of [['Bob Builder', 'Bob Builder'], [undefined, 'bob']] as const) {
            const headers = await signIn(name, example.url, 'bob', userName);
            const room = (await (await fetch(`${example.url}/zego/token/stage`, { headers })).json()) as { token: string; kitToken: string; roomId: string };
            expect(room.roomId).to.equal('stage');
            expect(room.kitToken.startsWith(`${room.token}#`)).to.equal(true);
            expect(inspectToken(room.kitToken).kit).to.deep.equal({ appId: 1_234_567_890, userId: 'bob', roomId: 'stage', userName: shown });
            const identity = (await (await fetch(`${example.url}/zego/token`, { headers })).json()) as Record<string, unknown>;
            expect(identity).to.not.have.property('roomId');
            expect(inspectToken(identity['kitToken'] as string).kit).to.deep.equal({ appId: 1_234_567_890, userId: 'bob', roomId: '', userName: shown });
          }
        } finally {
          await example.stop();
        }
      });
    });
  }

  it('Express: the demo sign-in refuses a display name that is not a string', async () => {
    const example = await startExample('express-server');
    try {
      const response = await fetch(`${example.url}/demo/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'bob', userName: 42 }),
      });
      expect(response.status).to.equal(400);
    } finally {
      await example.stop();
    }
  });
});
