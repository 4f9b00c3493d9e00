// From the packed tarballs, as an ESM JavaScript user: one real request through the Koa router.
import { decodeToken } from '@zego-token/core';
import { zegoTokenRouter } from '@zego-token/koa';
import Koa from 'koa';

const secret = 'smoke000smoke000smoke000smoke000';
const server = new Koa().use(zegoTokenRouter({ appId: 1, secret, getUserId: () => 'esm-user' }).routes()).listen(0);
await new Promise((resolve) => server.once('listening', resolve));
const response = await fetch(`http://127.0.0.1:${server.address().port}/zego/token/lobby`);
const body = await response.json();
server.close();
if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'esm-user') throw new Error('route failed');
console.log('smoke (koa): ESM JavaScript ok');
