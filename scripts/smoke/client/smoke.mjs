// From the packed tarball alone (no other @zego-token package), as an ESM JavaScript user in Node.js: a token route
// on a loopback port, read with the platform's fetch; a 401; and an engine renewed on its tokenWillExpire.
import { createServer } from 'node:http';
import { attachExpressEngine, createTokenSource, TokenSourceError } from '@zego-token/client';

let served = 0;
const server = createServer((request, response) => {
  const roomId = decodeURIComponent(request.url.slice('/zego/token/'.length));
  if (request.headers.authorization !== 'Bearer esm') return response.writeHead(401).end('{}');
  const issuedAt = Math.floor(Date.now() / 1000);
  const body = { token: `04token${++served}`, appId: 1, userId: 'esm-user', roomId, version: '04', issuedAt, expiresAt: issuedAt + 3600 };
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/zego/token/:roomId`;
const source = createTokenSource({ url, headers: { authorization: 'Bearer esm' } });
const body = await source.get('a b');
if (body.roomId !== 'a b' || body.userId !== 'esm-user' || (await source.get('a b')) !== body) throw new Error('source failed');
const refused = await createTokenSource({ url }).get('lobby').catch((error) => error);
if (!(refused instanceof TokenSourceError) || refused.code !== 'unauthenticated') throw new Error('401 not unauthenticated');
const renewed = await new Promise((resolve) => {
  const engine = { listener: undefined, on: (_event, listener) => (engine.listener = listener), off() {}, renewToken: (token, room) => resolve([token, room]) };
  attachExpressEngine(engine, source);
  engine.listener('lobby');
});
server.close();
if (renewed[0] !== '04token2' || renewed[1] !== 'lobby') throw new Error('renewal failed');
console.log('smoke (client): ESM JavaScript ok');
