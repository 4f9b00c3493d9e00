/**
 * The demo sign-in trusts any user ID it is sent, so it must never hand out real tokens by accident: with real
 * credentials it exists only with ZEGO_DEMO_SIGN_IN=1, which prints a loud warning; without it, the token route
 * knows nobody (the reader's own authentication goes there) and answers 401. Demo mode: demo-mode.test.ts.
 */
import { decodeToken } from '@zego-token/core';
import { expect } from 'chai';
import { spawnExample, startExample, type ExampleName } from '../support/example-server.js';

const REAL = { ZEGO_APP_ID: '987654321', ZEGO_SERVER_SECRET: 'f3a9c1d2e4b5a6978877665544332211' };
const WARNING = /!!! WARNING: ZEGO_DEMO_SIGN_IN=1 with real credentials\.[^\n]*\n!!! anyone who can reach (\S+) can get real tokens for app 987654321 as any user/;

/** Each example's demo sign-in, as its "Try:" lines use it: the response, and the headers that carry the session. */
const SIGN_IN: Record<ExampleName, (url: string, userId: string) => Promise<{ response: Response; headers: Record<string, string> }>> = {
  'express-server': async (url, userId) => {
    const response = await fetch(`${url}/demo/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    return { response, headers: { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' } };
  },
  'koa-server': async (url, userId) => {
    const response = await fetch(`${url}/demo/login/${userId}`, { method: 'POST' });
    const { jwt } = response.ok ? ((await response.json()) as { jwt: string }) : { jwt: '' };
    return { response, headers: { authorization: `Bearer ${jwt}` } };
  },
};

describe('example servers: the demo sign-in with real credentials', function () {
  this.timeout(30_000);

  for (const name of ['express-server', 'koa-server'] as const) {
    describe(name, () => {
      for (const optOut of [{}, { ZEGO_DEMO_SIGN_IN: '0' }]) {
        it(`without the opt-in (${JSON.stringify(optOut)}): no demo sign-in route (404), every token request 401, and it says why`, async () => {
          const example = await startExample(name, { ...REAL, ...optOut });
          try {
            await example.waitFor(/every token request answers 401\. \(ZEGO_DEMO_SIGN_IN=1/);
            const { response, headers } = await SIGN_IN[name](example.url, 'mallory');
            expect(response.status).to.equal(404);
            const token = await fetch(`${example.url}/zego/token/lobby`, { headers });
            expect(token.status).to.equal(401);
            expect(((await token.json()) as { error: { code: string } }).error.code).to.equal('unauthenticated');
            expect(example.output()).to.not.match(/WARNING|DEMO MODE|Try:/).and.not.include(REAL.ZEGO_SERVER_SECRET);
          } finally {
            await example.stop();
          }
        });
      }

      it('with ZEGO_DEMO_SIGN_IN=1: warns loudly with the printed URL, then signs anyone in and serves real tokens', async () => {
        const example = await startExample(name, { ...REAL, ZEGO_DEMO_SIGN_IN: '1' });
        try {
          const [, reachable] = await example.waitFor(WARNING);
          expect(reachable).to.equal(example.url);
          await example.waitFor(/Try: [^\n]*\n[^\n]*\n/);
          const { response, headers } = await SIGN_IN[name](example.url, 'mallory');
          expect(response.status).to.equal(200);
          const token = await fetch(`${example.url}/zego/token/lobby`, { headers });
          expect(token.status).to.equal(200);
          const decoded = decodeToken(((await token.json()) as { token: string }).token, REAL.ZEGO_SERVER_SECRET);
          expect(decoded).to.include({ appId: 987_654_321, userId: 'mallory' });
          expect(example.output()).to.not.match(/DEMO MODE/).and.not.include(REAL.ZEGO_SERVER_SECRET);
        } finally {
          await example.stop();
        }
      });

      it('refuses to start on a ZEGO_DEMO_SIGN_IN other than 1 or 0, naming the value', async () => {
        const example = spawnExample(name, { ...REAL, ZEGO_DEMO_SIGN_IN: 'yes' });
        expect(await example.exited).to.equal(1);
        expect(example.output()).to.include('ZEGO_DEMO_SIGN_IN is 1 (the demo sign-in on) or 0 (off, the default), not "yes"');
      });
    });
  }
});
