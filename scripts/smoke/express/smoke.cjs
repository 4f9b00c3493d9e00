// From the packed tarballs, as a CommonJS JavaScript user: the core, and one real request through the Express adapter.
const { decodeToken, generateToken03 } = require('@zego-token/core');
const { zegoTokenHandler } = require('@zego-token/express');
const express = require('express');
// The drop-in for ZEGO's Node.js module, required as ZEGO's samples require theirs.
const { generateToken04 } = require('@zego-token/core/server-assistant');

const secret = 'smoke000smoke000smoke000smoke000';
if (decodeToken(generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret, effectiveTimeInSeconds: 60 }), secret).roomId !== 'r') {
  throw new Error('decode mismatch');
}
try {
  generateToken04(0, 'u', secret, 60);
  throw new Error('appID 0 was accepted');
} catch (error) {
  if (error.errorCode !== 1 || typeof error.errorMessage !== 'string') throw error;
}
if (decodeToken(generateToken04(1, 'zego-style', secret, 60, ''), secret).userId !== 'zego-style') throw new Error('drop-in mismatch');
const server = express().get('/t/:roomId', zegoTokenHandler({ appId: 1, secret, getUserId: () => 'cjs-user' })).listen(0);
server.once('listening', async () => {
  const response = await fetch(`http://127.0.0.1:${server.address().port}/t/lobby`);
  const body = await response.json();
  server.close();
  if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'cjs-user') throw new Error('route failed');
  console.log('smoke (express): CommonJS JavaScript ok');
});
