/**
 * The integration guides' snippets are these tests' code: each guide marks a code block with
 * `<!-- tested: test/docs/snippets/NAME.ts -->` (in `docs/`, the README or a package README), the block must equal that file byte for byte, and the file is
 * imported and served requests below (Bun.serve and Deno.serve through stand-ins that call the handler as those
 * runtimes do; the runtime matrix runs them in Bun and Deno themselves).
 */
import { decodeToken, type IdentityTokenResponseBody, type TokenResponseBody } from '@zego-token/core';
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { signSession } from './snippets/auth.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every `<!-- tested: FILE -->` block of the guides and READMEs, with the file it names. */
function taggedBlocks(): Array<{ guide: string; file: string; block: string }> {
  const blocks: Array<{ guide: string; file: string; block: string }> = [];
  const guides = [
    'README.md',
    ...readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
    ...readdirSync(new URL('packages/', root)).map((name) => `packages/${name}/README.md`),
  ];
  for (const guide of guides) {
    const text = read(guide);
    for (const match of text.matchAll(/<!-- tested: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)) {
      blocks.push({ guide, file: match[1]!, block: match[2]! });
    }
  }
  return blocks;
}

const room = (path = '/zego/token/lobby'): string => `https://app.example${path}`;

async function expectToken(response: Response, userId: string, appId = APP_ID, secret = SECRET): Promise<void> {
  expect(response.status, await response.clone().text()).to.equal(200);
  expect(response.headers.get('cache-control')).to.equal('no-store');
  const body = (await response.json()) as TokenResponseBody;
  expect(decodeToken(body.token, secret)).to.include({ appId, userId });
}

describe('the integration guides', () => {
  const saved = { ...process.env };
  let cookie = '';
  before(async () => {
    process.env['ZEGO_APP_ID'] = String(APP_ID);
    process.env['ZEGO_SERVER_SECRET'] = SECRET;
    process.env['JWT_SECRET'] = 'jwt-secret-for-the-guides-tests-only';
    process.env['SESSION_SECRET'] = 'session-secret-for-the-guides-tests-only';
    cookie = `session=${await signSession('alice')}`;
  });
  after(() => {
    for (const name of ['ZEGO_APP_ID', 'ZEGO_SERVER_SECRET', 'JWT_SECRET', 'SESSION_SECRET']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('show each tested snippet exactly as the file the tests run', () => {
    const blocks = taggedBlocks();
    expect(blocks.map((b) => b.file)).to.include.members(
      ['worker', 'next-route', 'hono', 'bun', 'deno', 'fastify', 'zim-express', 'client-express', 'client-zim', 'client-uikit'].map((name) => `test/docs/snippets/${name}.ts`),
    );
    for (const { guide, file, block } of blocks) expect(block, `${guide}: ${file}`).to.equal(read(file));
  });

  it('workers.md: the Worker takes its configuration and session key from env', async () => {
    const { default: worker } = await import('./snippets/worker.js');
    const env = { ZEGO_APP_ID: '77', ZEGO_SERVER_SECRET: 'w'.repeat(32), SESSION_KEY: 'worker-session-key' };
    const bearer = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').sign(new TextEncoder().encode(env.SESSION_KEY));
    const signedIn = new Request(room(), { headers: { authorization: `Bearer ${bearer}` } });
    await expectToken(await worker.fetch(signedIn, env), 'bob', 77, env.ZEGO_SERVER_SECRET);
    expect((await worker.fetch(new Request(room()), env)).status).to.equal(401);
  });

  it('nextjs.md: GET is called as Next.js calls a route handler, with { params }', async () => {
    const { GET } = await import('./snippets/next-route.js');
    const context = { params: Promise.resolve({ roomId: 'lobby' }) };
    await expectToken(await GET(new Request(room(), { headers: { cookie } }), context), 'alice');
    expect((await GET(new Request(room()), context)).status).to.equal(401);
  });

  it('hono.md: the Hono route serves tokens and leaves the rest of the app to Hono', async () => {
    const { app } = await import('./snippets/hono.js');
    await expectToken(await app.request('/zego/token/lobby', { headers: { cookie } }), 'alice');
    expect((await app.request('/zego/token/lobby')).status).to.equal(401);
    expect((await app.request('/elsewhere')).status).to.equal(404);
  });

  it('Bun.serve and Deno.serve: the handler as each calls it, (request, server) and (request, info)', async () => {
    const served: Array<(request: Request, second: unknown) => Response | Promise<Response>> = [];
    const globals = globalThis as Record<string, unknown>;
    globals['Bun'] = { serve: (options: { fetch: (typeof served)[number] }) => served.push(options.fetch) };
    globals['Deno'] = { serve: (_options: unknown, handler: (typeof served)[number]) => served.push(handler) };
    try {
      await import('./snippets/bun.js');
      await import('./snippets/deno.js');
    } finally {
      delete globals['Bun'];
      delete globals['Deno'];
    }
    expect(served).to.have.length(2);
    for (const fetch of served) {
      await expectToken(await fetch(new Request(room(), { headers: { cookie } }), { port: 3000 }), 'alice');
    }
  });

  it('fastify.md: the plugin behind @fastify/jwt', async () => {
    const { app } = await import('./snippets/fastify.js');
    const signedIn = await app.inject({ url: '/zego/token/lobby', headers: { authorization: `Bearer ${app.jwt.sign({ sub: 'carol' })}` } });
    expect(signedIn.statusCode, signedIn.body).to.equal(200);
    expect(decodeToken(signedIn.json<TokenResponseBody>().token, SECRET).userId).to.equal('carol');
    expect((await app.inject({ url: '/zego/token/lobby' })).statusCode).to.equal(401);
  });

  it('zim.md: the Express identity route behind express-session', async () => {
    const { app } = await import('./snippets/zim-express.js');
    app.post('/test-login', (req, res) => {
      req.session.userId = 'zim-user'; // what the app's login does
      res.sendStatus(204);
    });
    const agent = request.agent(app);
    expect((await agent.get('/zego/token')).status).to.equal(401);
    await agent.post('/test-login').expect(204);
    const response = await agent.get('/zego/token').expect(200);
    expect(response.body).to.have.keys(['token', 'appId', 'userId', 'version', 'issuedAt', 'expiresAt']);
    const decoded = decodeToken((response.body as IdentityTokenResponseBody).token, SECRET);
    expect(decoded).to.include({ userId: 'zim-user', version: '04', payload: '' });
  });
});
