// From the packed tarballs, as a CommonJS JavaScript user: one real request through zegoToken on a @koa/router route.
const { decodeToken } = require('@zego-token/core');
const { zegoToken } = require('@zego-token/koa');
const Koa = require('koa');
const Router = require('@koa/router');

const secret = 'smoke000smoke000smoke000smoke000';
const router = new Router();
router.get('/zego/token/:roomId', zegoToken({ appId: 1, secret, getUserId: () => 'cjs-user' }));
const server = new Koa().use(router.routes()).listen(0);
server.once('listening', async () => {
  const response = await fetch(`http://127.0.0.1:${server.address().port}/zego/token/lobby`);
  const body = await response.json();
  server.close();
  if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'cjs-user') throw new Error('route failed');
  console.log('smoke (koa): CommonJS JavaScript ok');
});
