// From the packed tarballs, as an ESM JavaScript user: one real request through the plugin on a listening server.
import { decodeToken } from '@zego-token/core';
import { zegoToken } from '@zego-token/fastify';
import Fastify from 'fastify';

const secret = 'smoke000smoke000smoke000smoke000';
const app = Fastify();
await app.register(zegoToken, { appId: 1, secret, getUserId: () => 'esm-user' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const response = await fetch(`${address}/zego/token/lobby`);
const body = await response.json();
await app.close();
if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'esm-user') throw new Error('route failed');
console.log('smoke (fastify): ESM JavaScript ok');
