import { expect } from 'chai';
import * as node from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { APP_ID, SECRET } from '../support/fixtures.js';

const base = { appId: APP_ID, secret: SECRET };
type Options = node.TokenIssuerOptions<{ id: string }>;

/** Options sets for both issuers: valid ones and ones each must refuse at construction. */
const optionSets: Array<[string, Options]> = [
  ['defaults', base],
  ["version '03'", { ...base, version: '03' }],
  ["mode 'cbc'", { ...base, mode: 'cbc', effectiveTimeInSeconds: 60 }],
  ['no room payload, a resolver that refuses room "closed"', { ...base, roomPayload: false, privilege: ({ roomId }) => roomId !== 'closed' && {} }],
  ['async resolvers', { ...base, privilege: ({ userId }) => Promise.resolve(userId === 'guest' ? { publish: false } : {}), streamIdList: ({ roomId }) => Promise.resolve([`${roomId}-main`]) }],
  ['a privilege of false', { ...base, privilege: false }],
  ['validateRoomId', { ...base, validateRoomId: (roomId) => roomId.startsWith('lobby') }],
  ['a bad secret', { ...base, secret: SECRET.slice(1) }],
  ['appId 0', { ...base, appId: 0 }],
  ["mode 'gcm' with version '03'", { ...base, version: '03', mode: 'gcm' }],
  ['a stream list without room payloads', { ...base, roomPayload: false, streamIdList: ['s'] }],
  ['a bad fixed privilege', { ...base, privilege: { pubish: false } as never }],
  ['a lifetime of 30 days', { ...base, effectiveTimeInSeconds: 2_592_000 }],
  ['a lifetime of 30 days, allowed', { ...base, effectiveTimeInSeconds: 2_592_000, allowLongLifetime: true }],
  ['a lifetime in milliseconds', { ...base, effectiveTimeInSeconds: 3_600_000, allowLongLifetime: true }],
];

const requests: Array<{ userId: unknown; roomId: unknown }> = [
  { userId: 'alice', roomId: 'lobby' },
  { userId: 'guest', roomId: 'lobby_#1' },
  { userId: 1001, roomId: 'closed' },
  { userId: null, roomId: 'lobby' },
  { userId: Promise.resolve(''), roomId: 'lobby' },
  { userId: 'alice', roomId: 'lobby 1' },
  { userId: 'alice', roomId: 'team/lobby' },
  { userId: 'alice', roomId: 'x'.repeat(129) },
];

function constructionError(make: () => unknown): { code: number; message: string } | undefined {
  try {
    make();
    return undefined;
  } catch (error) {
    expect(error).to.be.instanceOf(node.ZegoTokenError);
    const { code, message } = error as node.ZegoTokenError;
    return { code, message };
  }
}

/** A response without what differs per token (the token, its times), and the token's claims without its nonce. */
function comparable(response: node.TokenResponse): Record<string, unknown> {
  if (response.status !== 200) return { ...response };
  const { token, issuedAt, expiresAt, ...body } = response.body as node.TokenResponseBody;
  const claims: Record<string, unknown> = { ...node.decodeToken(token, SECRET) };
  expect(claims['expireTime']).to.equal(expiresAt);
  expect(expiresAt - issuedAt).to.be.a('number');
  return { status: response.status, headers: response.headers, body, lifetime: expiresAt - issuedAt, claims: { ...claims, nonce: 0, createTime: 0, expireTime: 0 } };
}

describe('@zego-token/core/web createTokenIssuer: the main entry’s options and results, on Web Crypto', () => {
  for (const [name, options] of optionSets) {
    it(`${name}: the same refusal at construction, or the same answers`, async () => {
      const refusal = constructionError(() => node.createTokenIssuer(options));
      expect(constructionError(() => web.createTokenIssuer(options))).to.deep.equal(refusal);
      if (refusal !== undefined) return;

      const nodeIssuer = node.createTokenIssuer(options);
      const webIssuer = web.createTokenIssuer(options);
      const fields = (issuer: object): Record<string, unknown> =>
        Object.fromEntries(Object.entries(issuer).filter(([, value]) => typeof value !== 'function'));
      expect(fields(webIssuer)).to.deep.equal(fields(nodeIssuer));
      expect(Object.isFrozen(webIssuer)).to.equal(true);
      for (const { userId, roomId } of requests) {
        const request = { id: 'req-1' };
        const answer = webIssuer.issue({ userId, roomId, request });
        expect(answer, 'always a promise').to.be.instanceOf(Promise);
        const fromWeb = comparable(await answer);
        const fromNode = comparable(await nodeIssuer.issue({ userId, roomId, request }));
        expect(fromWeb, `${String(userId)} in ${String(roomId)}`).to.deep.equal(fromNode);
      }
    });
  }

  it('rejects, as the main entry throws, when getUserId gives a user ID ZEGO cannot take', async () => {
    const issuer = web.createTokenIssuer(base);
    const answer = issuer.issue({ userId: 'x'.repeat(65), roomId: 'lobby', request: {} });
    expect(answer).to.be.instanceOf(Promise);
    const error = await answer.then(() => undefined, (reason: unknown) => reason);
    expect(error).to.have.property('code', node.ErrorCode.USER_ID_INVALID);
  });

  it('createTokenRoute wires getUserId to the issuer, and turns its synchronous throw into a rejection', async () => {
    const route = web.createTokenRoute<{ user?: string }>({ ...base, getUserId: (request) => request.user });
    const ok = await route.answer({ user: 'alice' }, 'lobby');
    expect(ok.status).to.equal(200);
    expect(node.decodeToken((ok.body as node.TokenResponseBody).token, SECRET)).to.include({ userId: 'alice' });
    expect((await route.answer({}, 'lobby')).status).to.equal(401);
    const failing = web.createTokenRoute({ ...base, getUserId: () => { throw new Error('session store down'); } });
    const answer = failing.answer({}, 'lobby');
    expect(answer).to.be.instanceOf(Promise);
    expect(await answer.then(() => undefined, (reason: unknown) => (reason as Error).message)).to.equal('session store down');
  });

  it('reads no environment variables: appId and secret are passed, as a Worker passes its env', () => {
    const saved = { appId: process.env['ZEGO_APP_ID'], secret: process.env['ZEGO_SERVER_SECRET'] };
    process.env['ZEGO_APP_ID'] = String(APP_ID);
    process.env['ZEGO_SERVER_SECRET'] = SECRET;
    try {
      expect(node.createTokenIssuer().appId).to.equal(APP_ID);
      expect(constructionError(() => web.createTokenIssuer({ secret: SECRET }))).to.deep.equal({
        code: node.ErrorCode.APP_ID_INVALID,
        message: 'appId is missing: pass appId',
      });
      expect(constructionError(() => web.createTokenIssuer({ appId: APP_ID }))).to.deep.equal({
        code: node.ErrorCode.SECRET_INVALID,
        message: 'secret is missing: pass secret',
      });
    } finally {
      for (const [key, value] of [['ZEGO_APP_ID', saved.appId], ['ZEGO_SERVER_SECRET', saved.secret]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
