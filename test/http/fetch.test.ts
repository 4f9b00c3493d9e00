/**
 * What the fetch handler does beyond the contract table (which runs it under Node's HTTP server, as a Next.js route
 * handler and in Hono): its own routing with the core's matcher (404, 405, HEAD, an exact `path`), configuration
 * from a Worker's `env`, and the runtime-neutral checks (test/runtimes/fetch-contract.ts) the runtime matrix runs
 * elsewhere, here in Node.
 */
import { decodeToken, ErrorCode, type TokenResponseBody } from '@zego-token/core';
import { zegoToken } from '@zego-token/fetch';
import { expect } from 'chai';
import { runFetchContract } from '../runtimes/fetch-contract.js';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const credentials = { appId: APP_ID, secret: SECRET };
const url = (path: string): string => `https://tokens.example${path}`;

describe('@zego-token/fetch', () => {
  describe('routing', () => {
    const handler = zegoToken({ ...credentials, getUserId: () => 'alice' });

    it('answers 404 JSON off its path: other paths, another case, a trailing slash, an empty room, doubled slashes, an encoded letter', async () => {
      for (const path of ['/', '/zego/token', '/zego/token/', '/ZEGO/token/lobby', '/zego/token/lobby/', '/zego/token/a/b', '/x/zego/token/lobby', '/zego//token/lobby', '/zego/%74oken/lobby']) {
        const response = await handler(new Request(url(path)));
        expect(response.status, path).to.equal(404);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(await response.json()).to.have.nested.property('error.code', 'not_found');
      }
    });

    it('answers 405 JSON with Allow: GET, HEAD to other methods on its path', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const response = await handler(new Request(url('/zego/token/lobby'), { method }));
        expect(response.status, method).to.equal(405);
        expect(response.headers.get('allow')).to.equal('GET, HEAD');
        expect(await response.json()).to.have.nested.property('error.code', 'method_not_allowed');
      }
    });

    it('answers HEAD like GET, without a body', async () => {
      const response = await handler(new Request(url('/zego/token/lobby'), { method: 'HEAD' }));
      expect(response.status).to.equal(200);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(await response.text()).to.equal('');
    });

    it('decodes the room segment as Express does, query string aside', async () => {
      const response = await handler(new Request(url(`/zego/token/${encodeURIComponent('a%b#1')}?roomId=other`)));
      expect(((await response.json()) as TokenResponseBody).roomId).to.equal('a%b#1');
    });

    it('refuses a path outside the core’s grammar, at construction', () => {
      for (const path of ['zego/token/:roomId', '', '/', '/zego//:roomId', '/zego/*', '/zego/token/:roomId?', '/zego/{:roomId}', '/a/:roomId/:roomId', '/a/:1x', 7]) {
        expectZegoError(() => zegoToken({ ...credentials, getUserId: () => 'alice', path: path as string }), ErrorCode.OPTION_INVALID);
      }
    });

    it('names the default path’s room parameter after roomParam when no path is given', async () => {
      const renamed = zegoToken({ ...credentials, getUserId: () => 'alice', roomParam: 'room' });
      const body = (await (await renamed(new Request(url('/zego/token/lobby')))).json()) as TokenResponseBody;
      expect(body.roomId).to.equal('lobby');
    });

    it('serves a custom path with other parameters, taking the room from roomParam', async () => {
      const custom = zegoToken({ ...credentials, getUserId: () => 'alice', path: '/t/:tenant/rooms/:room', roomParam: 'room' });
      const body = (await (await custom(new Request(url('/t/acme/rooms/lobby')))).json()) as TokenResponseBody;
      expect(body.roomId).to.equal('lobby');
    });
  });

  describe("configuration from a Worker's env", () => {
    const saved = { appId: process.env['ZEGO_APP_ID'], secret: process.env['ZEGO_SERVER_SECRET'] };
    before(() => {
      delete process.env['ZEGO_APP_ID'];
      delete process.env['ZEGO_SERVER_SECRET'];
    });
    after(() => {
      if (saved.appId !== undefined) process.env['ZEGO_APP_ID'] = saved.appId;
      if (saved.secret !== undefined) process.env['ZEGO_SERVER_SECRET'] = saved.secret;
    });

    const worker = { fetch: zegoToken({ getUserId: (request) => request.headers.get('x-user-id') }) };
    const request = (): Request => new Request(url('/zego/token/lobby'), { headers: { 'x-user-id': 'alice' } });

    it('reads ZEGO_APP_ID and ZEGO_SERVER_SECRET from env', async () => {
      const response = await worker.fetch(request(), { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET });
      expect(response.status).to.equal(200);
      const decoded = decodeToken(((await response.json()) as TokenResponseBody).token, SECRET);
      expect(decoded).to.include({ appId: APP_ID, userId: 'alice' });
    });

    it('follows env when its values change (a new deployment), and options given in code win over env', async () => {
      const other = { ZEGO_APP_ID: '42', ZEGO_SERVER_SECRET: 'b'.repeat(32) };
      const token = ((await (await worker.fetch(request(), other)).json()) as TokenResponseBody).token;
      expect(decodeToken(token, other.ZEGO_SERVER_SECRET).appId).to.equal(42);
      const pinned = zegoToken({ ...credentials, getUserId: () => 'alice' });
      const pinnedToken = ((await (await pinned(request(), other)).json()) as TokenResponseBody).token;
      expect(decodeToken(pinnedToken, SECRET).appId).to.equal(APP_ID);
    });

    it('reads the options once, at construction, however often env changes', async () => {
      let reads = 0;
      const counted = {
        getUserId: () => 'alice',
        get effectiveTimeInSeconds(): number {
          reads += 1;
          return 600;
        },
      };
      const handler = zegoToken(counted);
      const env = { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET };
      for (let i = 0; i < 5; i++) expect((await handler(request(), { ...env })).status).to.equal(200);
      const other = await handler(request(), { ...env, ZEGO_APP_ID: '43' });
      expect(decodeToken(((await other.json()) as TokenResponseBody).token, SECRET).appId).to.equal(43);
      expect(reads).to.equal(1);
    });

    it('where only env can supply the credentials, still checks every option at construction', () => {
      const error = expectZegoError(() => zegoToken({ getUserId: () => 'alice', effectiveTime: 60 } as never), ErrorCode.OPTION_INVALID);
      expect(error.message).to.include('did you mean effectiveTimeInSeconds');
      expectZegoError(() => zegoToken({ getUserId: () => 'alice', effectiveTimeInSeconds: 0 }), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID);
    });

    it('rejects (the host answers 500) when env lacks the credentials or holds bad ones', async () => {
      for (const env of [undefined, {}, { ZEGO_APP_ID: '12abc', ZEGO_SERVER_SECRET: SECRET }, { ZEGO_APP_ID: '1', ZEGO_SERVER_SECRET: 'short' }]) {
        let failure: unknown;
        await worker.fetch(request(), env).catch((error: unknown) => (failure = error));
        expect(failure, JSON.stringify(env)).to.have.property('name', 'ZegoTokenError');
        expect(String((failure as Error).message)).to.not.include(SECRET);
      }
    });
  });

  describe('the runtime-neutral checks, in Node', () => {
    const run = async (subject: (options: Record<string, unknown>) => (request: Request, env?: unknown) => Promise<Response>): Promise<Array<{ name: string; error?: string }>> => {
      const saved = [process.env['ZEGO_APP_ID'], process.env['ZEGO_SERVER_SECRET']];
      delete process.env['ZEGO_APP_ID'];
      delete process.env['ZEGO_SERVER_SECRET'];
      try {
        return await runFetchContract({ zegoToken: subject, decodeToken });
      } finally {
        if (saved[0] !== undefined) process.env['ZEGO_APP_ID'] = saved[0];
        if (saved[1] !== undefined) process.env['ZEGO_SERVER_SECRET'] = saved[1];
      }
    };

    it('all pass', async () => {
      expect((await run(zegoToken as never)).filter((r) => r.error !== undefined)).to.deep.equal([]);
    });

    it('catch a handler that routes loosely or answers outside the contract', async () => {
      // The right answers, but for any case and with a trailing slash allowed: the exactness checks must fail.
      const loose = (options: Record<string, unknown>) => {
        const handler = zegoToken(options as never);
        return (request: Request, env?: unknown): Promise<Response> => {
          const url = new URL(request.url);
          url.pathname = url.pathname.toLowerCase().replace(/\/$/, '').replace('%74', 't');
          return handler(new Request(url, request), env);
        };
      };
      const failed = (await run(loose)).filter((r) => r.error !== undefined).map((r) => r.name);
      expect(failed).to.deep.equal([
        'the path in another case is another path (404)',
        'the path with a trailing slash is another path (404)',
        'the path with a percent-encoded letter is another path (404)',
      ]);
      // A handler that always answers a 200 fails every check but none.
      const always = () => (): Promise<Response> => Promise.resolve(Response.json({}, { headers: { 'cache-control': 'no-store' } }));
      expect((await run(always)).every((r) => r.error !== undefined)).to.equal(true);
    });
  });
});
