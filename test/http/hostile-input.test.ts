/**
 * Hostile room IDs and requests against every adapter, over real sockets. Every answer must be a 4xx, or a 200 whose
 * room ID ZEGO accepts and is the one the token carries; never a 5xx, a hang or a crash, and the server must serve
 * normally afterwards.
 */
import { getRequestListener } from '@hono/node-server';
import Router from '@koa/router';
import { compileTokenPath, decodeToken, isZegoRoomId, type TokenResponseBody } from '@zego-token/core';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as fastifyZegoToken } from '@zego-token/fastify';
import { zegoToken as fetchZegoToken } from '@zego-token/fetch';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import { expect } from 'chai';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { get, listen, rawRequest, type Listener } from '../support/raw-http.js';

const options = {
  appId: APP_ID,
  secret: SECRET,
  getUserId: (header: string | undefined): string | undefined => header,
};

const apps: Array<{ name: string; listener: () => Listener | Promise<Listener> }> = [
  {
    name: 'Express',
    listener: () => {
      const app = express();
      app.set('env', 'production'); // no stack traces in error pages, as deployed
      app.use(expressZegoToken({ ...options, getUserId: (req) => options.getUserId(req.get('x-user-id')) }));
      return app;
    },
  },
  {
    name: 'Koa',
    listener: () => {
      const app = new Koa();
      app.silent = true;
      const router = new Router();
      router.get('/zego/token/:roomId', koaZegoToken({ ...options, getUserId: (ctx) => options.getUserId(ctx.get('x-user-id') || undefined) }));
      app.use(router.routes());
      return app.callback();
    },
  },
  {
    name: 'Koa app.use(zegoToken())',
    listener: () => {
      const app = new Koa();
      app.silent = true;
      app.use(koaZegoToken({ ...options, getUserId: (ctx) => options.getUserId(ctx.get('x-user-id') || undefined) }));
      return app.callback();
    },
  },
  {
    name: 'Fastify',
    listener: async () => {
      const app = Fastify({ routerOptions: { maxParamLength: 384 } });
      await app.register(fastifyZegoToken, { ...options, getUserId: (request) => options.getUserId(request.headers['x-user-id'] as string | undefined) });
      await app.ready();
      return (req, res) => app.server.emit('request', req, res);
    },
  },
  {
    name: 'fetch handler under Node’s HTTP server (@hono/node-server)',
    listener: () =>
      getRequestListener(fetchZegoToken({ ...options, getUserId: (request) => options.getUserId(request.headers.get('x-user-id') ?? undefined) }), {
        overrideGlobalObjects: false,
      }),
  },
];

/** [what, the room segment exactly as sent, the room a 200 must carry (undefined: a 4xx is required)]. */
const hostileRooms: Array<[string, string, string | undefined]> = [
  ['an invalid byte %FF', '%FF', undefined],
  ['a lone %', '%', undefined],
  ['a truncated UTF-8 escape', '%E0%A4%A', undefined],
  ['an escape with non-hex digits', '%G1', undefined],
  ['an encoded NUL', '%00', undefined],
  ['a NUL inside', 'lobby%00x', undefined],
  ['encoded CR LF', 'lobby%0D%0ASet-Cookie:%20x=1', undefined],
  ['an encoded tab', 'a%09b', undefined],
  ['an encoded space', 'my%20room', undefined],
  ['a plus (a letter-like ZEGO character, not a space in paths)', 'a+b', 'a+b'],
  ['129 bytes', 'r'.repeat(129), undefined],
  ['10 KB', 'r'.repeat(10_240), undefined],
  ['Cyrillic', encodeURIComponent('комната'), undefined],
  ['Chinese', encodeURIComponent('房间'), undefined],
  ['Devanagari', encodeURIComponent('कमरा'), undefined],
  ['an emoji', encodeURIComponent('😀'), undefined],
  ['a right-to-left override', encodeURIComponent('lobby\u202Egnp.exe'), undefined],
  ['a zero-width joiner', encodeURIComponent('lob\u200Dby'), undefined],
  ['double quotes', encodeURIComponent('"lobby"'), undefined],
  ['braces', encodeURIComponent('{lobby}'), undefined],
  ['an encoded ?', 'a%3Fb', undefined],
  ['a pipe', encodeURIComponent('a|b'), undefined],
  ['a colon', 'a:b', undefined],
  ['square brackets', encodeURIComponent('[0]'), undefined],
  ['an encoded path traversal (a `/`, which the Web SDK refuses)', encodeURIComponent('../..'), undefined],
  ['a Windows path traversal (ZEGO characters)', encodeURIComponent('..\\..'), '..\\..'],
  ['a script tag (ZEGO characters)', encodeURIComponent('<script>'), '<script>'],
  ['a single quote and a backtick', encodeURIComponent("a'b`c"), "a'b`c"],
  ['a backslash', encodeURIComponent('a\\b'), 'a\\b'],
  ['an encoded %', '%25', '%'],
  ['a doubly encoded %', '%2525', '%25'],
  ['all of ZEGO’s punctuation but `/`', encodeURIComponent("~!@#$%^&*()_+=-`;',.<>\\"), "~!@#$%^&*()_+=-`;',.<>\\"],
  ['an encoded slash (in ZEGO’s documented set; the Web SDK refuses it: 1002012)', 'team%2Flobby', undefined],
  ['an encoded slash alone', '%2F', undefined],
  ['exactly 128 characters', 'r'.repeat(128), 'r'.repeat(128)],
];

/**
 * Requests that are hostile as a whole, not just in their room, and the answer each must get: a 4xx, a sound 200
 * (a token for alice and the room asked for), either of them where a limit of Node's own decides (the number of
 * headers: 2,000 since Node 22), or, only where no HTTP request can be parsed at all, a closed connection.
 */
const hostileRequests: Array<[string, string | Buffer, '4xx' | '200' | '200 or 4xx' | '4xx or closed']> = [
  ['raw socket garbage', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]), '4xx'],
  ['a request line of 100 KB', get(`/zego/token/${'r'.repeat(100_000)}`), '4xx'],
  ['a header section of 100 KB', `GET /zego/token/lobby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\nX-Junk: ${'j'.repeat(100_000)}\r\n\r\n`, '4xx'],
  ['an absolute-form URL (which HTTP/1.1 servers must accept)', get('http://evil.example/zego/token/lobby'), '200'],
  ['a bare CR in the request line', 'GET /zego/token/lob\rby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\n\r\n', '4xx'],
  ['an unknown method', 'BREW /zego/token/lobby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\nConnection: close\r\n\r\n', '4xx'],
  ['HTTP/0.9', 'GET /zego/token/lobby\r\n\r\n', '4xx or closed'],
  ['3,000 headers', `GET /zego/token/lobby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\n${'X-A: b\r\n'.repeat(3000)}Connection: close\r\n\r\n`, '200 or 4xx'],
  ['a POST with a body', 'POST /zego/token/lobby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello', '4xx'],
  ['a Content-Length that lies', 'GET /zego/token/lobby HTTP/1.1\r\nHost: x\r\nX-User-Id: alice\r\nContent-Length: 999999\r\n\r\nx', '200'],
  ['a truncated request', 'GET /zego/token/lob', '4xx or closed'],
]

describe('hostile input', function () {
  this.timeout(60_000);

  for (const { name, listener } of apps) {
    describe(name, () => {
      let port = 0;
      let close: () => Promise<void> = () => Promise.resolve();
      before(async () => ({ port, close } = await listen(await listener())));
      after(() => close());

      for (const [what, room, carried] of hostileRooms) {
        it(`room: ${what} → ${carried === undefined ? '4xx' : '200'}`, async () => {
          const response = await rawRequest(port, get(`/zego/token/${room}`));
          if (carried === undefined) {
            expect(response.status, response.body).to.be.within(400, 499);
            expect(response.body).to.not.include(SECRET);
            return;
          }
          expect(response.status, response.body).to.equal(200);
          const body = JSON.parse(response.body) as TokenResponseBody;
          expect(body.roomId).to.equal(carried);
          expect(isZegoRoomId(body.roomId)).to.equal(true);
          const decoded = decodeToken(body.token, SECRET);
          expect(decoded.version === '04' && decoded.room?.roomId).to.equal(carried);
        });
      }

      for (const [what, request, answer] of hostileRequests) {
        it(`request: ${what} → ${answer}`, async () => {
          const response = await rawRequest(port, request);
          expect(response.body).to.not.include(SECRET);
          if (answer === '200' || (answer === '200 or 4xx' && response.status === 200)) {
            expect(response.status, response.headers).to.equal(200);
            const body = JSON.parse(response.body) as TokenResponseBody;
            expect(body.roomId).to.equal('lobby');
            const decoded = decodeToken(body.token, SECRET);
            expect(decoded.userId).to.equal('alice');
            expect(decoded.version === '04' && decoded.room?.roomId).to.equal('lobby');
          } else if (answer !== '4xx or closed' || response.status !== 0) {
            expect(response.status, response.headers).to.be.within(400, 499);
          }
        });
      }

      it('still serves tokens normally afterwards', async () => {
        const response = await rawRequest(port, get('/zego/token/lobby'));
        expect(response.status).to.equal(200);
        expect((JSON.parse(response.body) as TokenResponseBody).roomId).to.equal('lobby');
      });
    });
  }

  it('expects of each hostile room what the core’s own rules give: the matcher’s room, and ZEGO’s room check', () => {
    const tokenPath = compileTokenPath(undefined, 'roomId');
    for (const [what, room, carried] of hostileRooms) {
      const matched = tokenPath.match(`/zego/token/${room}`);
      expect(matched, what).to.not.equal(false);
      if (carried === undefined) expect(typeof matched === 'string' && isZegoRoomId(matched), what).to.equal(false);
      else expect(matched, what).to.equal(carried);
    }
  });
});
