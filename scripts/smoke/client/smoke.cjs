// From the packed tarball, as a CommonJS JavaScript user: the same API through require(), a fetch of one's own.
const { attachZim, createTokenSource, TokenSourceError } = require('@zego-token/client');

const issuedAt = Math.floor(Date.now() / 1000);
const body = { token: '04cjs', appId: 1, userId: 'cjs-user', issuedAt, expiresAt: issuedAt + 60 };
const fakeFetch = async (url, init) => {
  if (url !== '/zego/token' || init.method !== 'GET') throw new Error(`unexpected request ${url}`);
  return { status: 200, text: async () => JSON.stringify(body) };
};
(async () => {
  const source = createTokenSource({ url: '/zego/token', fetch: fakeFetch });
  if ((await source.get()).userId !== 'cjs-user') throw new Error('source failed');
  const zim = { on: (_event, handler) => (zim.handler = handler), off() {}, renewToken: async (token) => (zim.renewed = token) };
  attachZim(zim, source);
  zim.handler();
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (zim.renewed !== '04cjs') throw new Error('renewal failed');
  if (!(new TokenSourceError('forbidden', 'x', 403) instanceof Error)) throw new Error('TokenSourceError');
  console.log('smoke (client): CommonJS JavaScript ok');
})();
