/**
 * Where the example servers listen: 127.0.0.1 unless HOST says otherwise, and the URL they print is the address
 * really bound (IPv6 in brackets, never "localhost"). Checked by connecting: to the printed URL, and to the loopback
 * addresses a server on every interface would also answer on (127.0.0.2 routes to lo on Linux; ::1). Every server
 * here binds loopback addresses only, on a free port.
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { accepts, canListenOn, spawnExample, startExample, type ExampleName, type RunningExample } from '../support/example-server.js';

const EXAMPLES: readonly ExampleName[] = ['express-server', 'koa-server'];

/** The printed URL answers as the example does: the token route, 401 for nobody signed in. */
async function expectExampleAt(url: string): Promise<void> {
  const response = await fetch(`${url}/zego/token/lobby`);
  expect(response.status).to.equal(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('unauthenticated');
}

async function withExample(name: ExampleName, env: Record<string, string>, check: (example: RunningExample) => Promise<void>): Promise<void> {
  const example = await startExample(name, env);
  try {
    await check(example);
  } finally {
    await example.stop();
  }
}

describe('example servers: where they listen', function () {
  this.timeout(30_000);
  let ipv6 = false;
  let otherLoopback = false;

  before(async () => {
    [ipv6, otherLoopback] = await Promise.all([canListenOn('::1'), canListenOn('127.0.0.2')]);
  });

  for (const name of EXAMPLES) {
    describe(name, () => {
      it('listens on 127.0.0.1 by default, prints that URL, and nothing answers on the other loopback addresses', async function () {
        if (!ipv6 && !otherLoopback) this.skip(); // no other local address to prove the bind narrow
        await withExample(name, {}, async ({ url, port, output }) => {
          expect(url).to.equal(`http://127.0.0.1:${port}`);
          expect(output()).to.not.include('localhost');
          await expectExampleAt(url);
          if (otherLoopback) expect(await accepts('127.0.0.2', port), '127.0.0.2').to.equal(false);
          if (ipv6) expect(await accepts('::1', port), '::1').to.equal(false);
        });
      });

      it('HOST=::1: listens on the IPv6 loopback only and prints it in brackets', async function () {
        if (!ipv6) this.skip();
        await withExample(name, { HOST: '::1' }, async ({ url, port }) => {
          expect(url).to.equal(`http://[::1]:${port}`);
          await expectExampleAt(url);
          expect(await accepts('127.0.0.1', port)).to.equal(false);
        });
      });

      it('HOST=127.0.0.2: listens there only and prints it', async function () {
        if (!otherLoopback) this.skip();
        await withExample(name, { HOST: '127.0.0.2' }, async ({ url, port }) => {
          expect(url).to.equal(`http://127.0.0.2:${port}`);
          await expectExampleAt(url);
          expect(await accepts('127.0.0.1', port)).to.equal(false);
        });
      });

      it('HOST=localhost: prints the address the name resolved to, not the name', async () => {
        await withExample(name, { HOST: 'localhost' }, async ({ url, port, output }) => {
          expect(url).to.be.oneOf([`http://127.0.0.1:${port}`, `http://[::1]:${port}`]);
          expect(output()).to.not.include('localhost');
          await expectExampleAt(url);
        });
      });

      it('a port already taken: exits 1 with the reason, never a false "listening on"', async () => {
        const taken = createServer().listen(0, '127.0.0.1');
        await once(taken, 'listening');
        try {
          const example = spawnExample(name, { PORT: String((taken.address() as AddressInfo).port) });
          expect(await example.exited).to.equal(1);
          expect(example.output()).to.include('EADDRINUSE').and.not.include('listening on');
        } finally {
          taken.close();
        }
      });
    });
  }
});
