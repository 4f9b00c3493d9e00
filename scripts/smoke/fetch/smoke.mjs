// From the packed tarballs, as an ESM JavaScript user: the handler called as a Worker, Next.js or Bun would call it.
import { decodeToken } from '@zego-token/core';
import { zegoToken } from '@zego-token/fetch';

const secret = 'smoke000smoke000smoke000smoke000';
const worker = { fetch: zegoToken({ getUserId: () => 'esm-user' }) };
const response = await worker.fetch(new Request('https://x.example/zego/token/lobby'), { ZEGO_APP_ID: '1', ZEGO_SERVER_SECRET: secret });
const body = await response.json();
if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'esm-user') throw new Error('handler failed');
console.log('smoke (fetch): ESM JavaScript ok');
