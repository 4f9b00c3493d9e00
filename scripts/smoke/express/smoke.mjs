// From the packed tarballs, as an ESM JavaScript user: the core, and one real request through the Express adapter.
import { decodeToken, generateToken04, ZegoTokenError } from '@zego-token/core';
import { zegoToken } from '@zego-token/express';
import express from 'express';
import { generateToken } from '@zego-token/core/server-assistant';

const secret = 'smoke000smoke000smoke000smoke000';
const token = generateToken04({ appId: 1, userId: 'esm', secret, effectiveTimeInSeconds: 60 });
if (decodeToken(token, secret).userId !== 'esm') throw new Error('decode mismatch');
try {
  decodeToken(token, 'x'.repeat(32));
  throw new Error('a wrong secret decoded');
} catch (error) {
  if (!(error instanceof ZegoTokenError)) throw error;
}
const roomToken = generateToken(1, 'lobby', 'esm', { canLoginRoom: true, canPublishStream: false }, secret, 60);
if (decodeToken(roomToken, secret).roomId !== 'lobby') throw new Error('drop-in mismatch');
const server = express().use(zegoToken({ appId: 1, secret, getUserId: () => 'esm-user' })).listen(0);
await new Promise((resolve) => server.once('listening', resolve));
const response = await fetch(`http://127.0.0.1:${server.address().port}/zego/token/lobby`);
const body = await response.json();
server.close();
if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'esm-user') throw new Error('route failed');
console.log('smoke (express): ESM JavaScript ok');
