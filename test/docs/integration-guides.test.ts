/**
 * The integration guides' snippets are these tests' code: each guide marks a code block with
 * `<!-- tested: test/docs/snippets/NAME.ts -->` (in `docs/`, the README or a package README), the block must equal that file byte for byte, and the file is
 * imported and served requests below (Bun.serve and Deno.serve through stand-ins that call the handler as those
 * runtimes do; the runtime matrix runs them in Bun and Deno themselves).
 */
import { decodeToken, wrapKitToken, type IdentityTokenResponseBody, type TokenResponseBody } from '@zego-token/core';
import { expect } from 'chai';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import request from 'supertest';
import { browserSnippet } from '../support/browser-snippet.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { uikit } from '../support/uikit.js';
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
      [
        ...['worker', 'next-route', 'hono', 'bun', 'deno', 'fastify', 'zim-express', 'client-express', 'client-zim', 'client-uikit'],
        ...['uikit-express', 'uikit-client', 'uikit-client-wrap'],
      ].map((name) => `test/docs/snippets/${name}.ts`),
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

  describe('uikit.md: the server answers kitToken, the browser hands it to UIKit and renews it', () => {
    interface RoomConfig {
      container: unknown;
      scenario: { mode: unknown };
      onTokenWillExpire: () => void;
    }
    // The browser snippets run with UIKit's own generateKitTokenForProduction (test/support/uikit.ts) and the real
    // @zego-token/client; `create`, which needs a real page (the browser test runs it: test/browser/), is a recorder of
    // what the snippet hands UIKit, and the browser's fetch reaches the server snippet over loopback.
    const calls = { create: [] as string[], joinRoom: [] as RoomConfig[], renewToken: [] as string[], errors: [] as unknown[] };
    const zp = { joinRoom: (config: RoomConfig) => calls.joinRoom.push(config), renewToken: (kitToken: string) => (calls.renewToken.push(kitToken), true) };
    let ZegoUIKitPrebuilt: Record<string, unknown> = {};
    let client: unknown;
    const nodeFetch = globalThis.fetch;
    let base = '';
    let cookie = '';
    const bodies: TokenResponseBody[] = [];
    let close = (): void => undefined;

    /** The page's fetch: a same-origin relative URL, sent with the session cookie (unless `credentials: 'omit'`). */
    async function browserFetch(input: string, init?: RequestInit): Promise<Response> {
      expect(input.startsWith('/')).to.equal(true);
      const withCookie = init?.credentials !== 'omit' && cookie !== '';
      const response = await nodeFetch(new URL(input, base), { headers: withCookie ? { cookie } : {}, signal: init?.signal ?? null });
      if (response.ok) bodies.push((await response.clone().json()) as TokenResponseBody);
      return response;
    }
    const scope = () => ({
      modules: { '@zegocloud/zego-uikit-prebuilt': { ZegoUIKitPrebuilt }, '@zego-token/client': client },
      fetch: browserFetch,
      console: { log: () => undefined, error: (...args: unknown[]) => calls.errors.push(args) },
    });
    /** Runs `run` with the page's fetch as the global one, which @zego-token/client looks up on each request. */
    async function inPage<T>(run: () => Promise<T>): Promise<T> {
      globalThis.fetch = browserFetch as typeof fetch;
      try {
        return await run();
      } finally {
        globalThis.fetch = nodeFetch;
      }
    }

    /** What UIKit's parser reads from a kit token (split at '#', atob, JSON, userName percent-decoded). */
    function asUIKitReadsIt(kitToken: string): Record<string, unknown> {
      const [token, wrapper] = kitToken.split('#') as [string, string];
      const json = JSON.parse(atob(wrapper)) as { appID: number; userID: string; roomID?: string; userName: string };
      return { appID: 1 * json.appID, userID: json.userID, roomID: json.roomID, userName: decodeURIComponent(json.userName), token };
    }

    before(async function () {
      this.timeout(60_000);
      const real = uikit();
      client = await import('@zego-token/client');
      ZegoUIKitPrebuilt = {
        GroupCall: real.GroupCall,
        generateKitTokenForProduction: real.generateKitTokenForProduction.bind(real),
        create: (kitToken: string) => (calls.create.push(kitToken), zp),
      };
      const { app } = await import('./snippets/uikit-express.js');
      app.post('/test-login', (req, res) => {
        req.session.userId = 'zoë'; // what the app's login does
        req.session.userName = 'Zoë Martin';
        res.sendStatus(204);
      });
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      close = () => void server.close();
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => close());

    it('signed out: the route answers 401 and the client rejects (unauthenticated)', async () => {
      const { joinCall } = browserSnippet<typeof import('./snippets/uikit-client.js')>('test/docs/snippets/uikit-client.ts', scope());
      await inPage(() => joinCall('lobby', { id: 'call' })).then(
        () => expect.fail('joinCall must reject without a session'),
        (error: unknown) => expect(error).to.have.property('code', 'unauthenticated'),
      );
      expect(calls.create).to.deep.equal([]);
    });

    it('uikit-client.ts: create(kitToken) gets the route’s kitToken, which UIKit reads as the user, the room and the name', async () => {
      const login = await nodeFetch(new URL('/test-login', base), { method: 'POST' });
      expect(login.status).to.equal(204);
      cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
      const { joinCall } = browserSnippet<typeof import('./snippets/uikit-client.js')>('test/docs/snippets/uikit-client.ts', scope());
      const container = { id: 'call' };
      expect(await inPage(() => joinCall('lobby', container))).to.equal(zp);
      const [body] = bodies.splice(0);
      expect(calls.create).to.deep.equal([body!.kitToken]);
      expect(body!.kitToken).to.equal(uikit().generateKitTokenForProduction(APP_ID, body!.token, 'lobby', 'zoë', 'Zoë Martin'));
      expect(asUIKitReadsIt(calls.create[0]!)).to.deep.equal({ appID: APP_ID, userID: 'zoë', roomID: 'lobby', userName: 'Zoë Martin', token: body!.token });
      const decoded = decodeToken(body!.token, SECRET);
      expect(decoded.userId).to.equal('zoë');
      expect(decoded.version === '04' && decoded.room?.roomId).to.equal('lobby');
      expect(calls.joinRoom).to.have.length(1);
      expect(calls.joinRoom[0]).to.include({ container });
      expect(calls.joinRoom[0]!.scenario).to.deep.equal({ mode: uikit().GroupCall });

      // 30 s before expiry UIKit calls onTokenWillExpire: a fresh kit token from the route goes to renewToken.
      await inPage(async () => {
        calls.joinRoom[0]!.onTokenWillExpire();
        for (let wait = 0; calls.renewToken.length === 0 && wait < 200; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      });
      const [renewal] = bodies.splice(0);
      expect(calls.renewToken).to.deep.equal([renewal!.kitToken]);
      expect(renewal!.kitToken).to.not.equal(body!.kitToken);
      expect(asUIKitReadsIt(renewal!.kitToken!)).to.include({ appID: APP_ID, userID: 'zoë', roomID: 'lobby', userName: 'Zoë Martin' });
      expect(calls.errors).to.deep.equal([]);
    });

    it('uikit-client-wrap.ts: UIKit’s generateKitTokenForProduction around the route’s token is the route’s own kitToken', async () => {
      const { kitTokenFor } = browserSnippet<typeof import('./snippets/uikit-client-wrap.js')>('test/docs/snippets/uikit-client-wrap.ts', scope());
      const kitToken = await kitTokenFor('lobby', 'Zoë Martin');
      const [body] = bodies.splice(0);
      expect(kitToken).to.equal(body!.kitToken);
      expect(kitToken).to.equal(wrapKitToken({ appId: APP_ID, token: body!.token, roomId: 'lobby', userId: 'zoë', userName: 'Zoë Martin' }));
    });
  });
});
