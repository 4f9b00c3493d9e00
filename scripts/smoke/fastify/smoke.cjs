// From the packed tarballs, as a CommonJS JavaScript user.
const { decodeToken } = require('@zego-token/core');
const { zegoToken } = require('@zego-token/fastify');
const Fastify = require('fastify');

const secret = 'smoke000smoke000smoke000smoke000';
const app = Fastify();
app.register(zegoToken, { appId: 1, secret, getUserId: () => 'cjs-user' });
app.inject({ url: '/zego/token/lobby' }).then((response) => {
  if (response.statusCode !== 200 || decodeToken(response.json().token, secret).userId !== 'cjs-user') throw new Error('route failed');
  console.log('smoke (fastify): CommonJS JavaScript ok');
});
