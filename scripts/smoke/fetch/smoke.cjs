// From the packed tarballs, as a CommonJS JavaScript user: one request through the handler, one off its path.
const { decodeToken } = require('@zego-token/core');
const { zegoToken } = require('@zego-token/fetch');

const secret = 'smoke000smoke000smoke000smoke000';
const GET = zegoToken({ appId: 1, secret, getUserId: () => 'cjs-user' });
(async () => {
  const response = await GET(new Request('https://x.example/zego/token/lobby'), { params: Promise.resolve({ roomId: 'lobby' }) });
  const body = await response.json();
  if (response.status !== 200 || decodeToken(body.token, secret).userId !== 'cjs-user') throw new Error('handler failed');
  if ((await GET(new Request('https://x.example/elsewhere'))).status !== 404) throw new Error('404 expected');
  console.log('smoke (fetch): CommonJS JavaScript ok');
})();
