import { expect } from 'chai';
import * as node from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { APP_ID, OTHER_SECRET, referenceVectors, SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

/** Awaits `promise`, which must reject with a ZegoTokenError; returns it. */
async function rejection(promise: Promise<unknown>): Promise<node.ZegoTokenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(node.ZegoTokenError);
    return error as node.ZegoTokenError;
  }
  throw new Error('expected a rejection');
}

/** What each path makes, for every kind of token: the same options go to both. */
const kinds = [
  { name: '04 GCM, identity', options: { appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600 } },
  {
    name: '04 GCM, room payload',
    options: { appId: APP_ID, userId: 'ユーザー😀', secret: SECRET, effectiveTimeInSeconds: 60, payload: { roomId: 'lobby_#1', privilege: { publish: false }, streamIdList: ['s1'] } },
  },
  { name: '04 CBC, identity', options: { appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, mode: 'cbc' as const } },
  {
    name: '04 CBC, own payload of 16 bytes (a whole block of padding)',
    options: { appId: 7, userId: 'b', secret: SECRET, effectiveTimeInSeconds: 9, mode: 'cbc' as const, payload: '0123456789abcdef' },
  },
];

describe('@zego-token/core/web: the same tokens on Web Crypto', () => {
  for (const { name, options } of kinds) {
    it(`${name}: web tokens open with the node path and the independent decoder, and node tokens with the web path`, async () => {
      const fromWeb = await web.generateToken04(options);
      const fromNode = node.generateToken04(options);
      const webClaims = node.decodeToken(fromWeb, SECRET);
      const nodeClaims = await web.decodeToken(fromNode, SECRET);
      // Same claims but for the clock and the nonce, which are each token's own.
      const timeless = (claims: node.DecodedToken): Record<string, unknown> => ({ ...claims, nonce: 0, createTime: 0, expireTime: 0 });
      expect(timeless(webClaims)).to.deep.equal(timeless(nodeClaims));
      expect(await web.decodeToken(fromWeb, SECRET)).to.deep.equal(webClaims);

      // Byte format: the same layout, IV form and mode byte, read by a decoder that shares no code with either.
      const rawWeb = readRawToken(fromWeb, SECRET);
      const rawNode = readRawToken(fromNode, SECRET);
      expect(rawWeb.version).to.equal('04');
      expect(rawWeb.iv.length).to.equal(rawNode.iv.length);
      expect(rawWeb.modeByte).to.equal(rawNode.modeByte);
      const plainBytes = Buffer.byteLength(rawWeb.plaintext);
      // GCM: the plaintext's length plus the 16-byte tag; CBC: PKCS#7 padded to the next whole block.
      expect(rawWeb.body.length).to.equal(options.mode === 'cbc' ? (Math.floor(plainBytes / 16) + 1) * 16 : plainBytes + 16);
      if (options.mode === 'cbc') expect(rawWeb.iv.toString('latin1')).to.match(/^[0-9a-z]{16}$/);
      expect(rawNonce(rawWeb.plaintext)).to.equal(webClaims.nonce);
      // The plaintext is the canonical JSON, key for key: rebuilt from the claims it must match exactly.
      expect(rawWeb.plaintext).to.equal(
        JSON.stringify({ app_id: options.appId, user_id: options.userId, nonce: Number(webClaims.nonce), ctime: webClaims.createTime, expire: webClaims.expireTime, payload: (webClaims as node.DecodedToken04).payload }),
      );
    });
  }

  it('03: web tokens open with the node path and the independent decoder, and node tokens with the web path', async () => {
    const options = { appId: APP_ID, roomId: 'demo', userId: 'demo', secret: SECRET, effectiveTimeInSeconds: 3600, privilege: { 1: 1, 2: 0 } as const };
    const fromWeb = await web.generateToken03(options);
    const claims = node.verifyToken(fromWeb, SECRET, { appId: APP_ID, roomId: 'demo', userId: 'demo' });
    expect(claims).to.include({ version: '03', mode: 'cbc', roomId: 'demo' });
    expect(claims.version === '03' && claims.privilege).to.deep.equal({ login: true, publish: false });
    const raw = readRawToken(fromWeb, SECRET);
    expect(raw.modeByte).to.equal(undefined);
    expect(raw.iv.toString('latin1')).to.match(/^[0-9a-z]{16}$/);
    expect(rawNonce(raw.plaintext)).to.equal(claims.nonce);
    const fromNode = node.generateToken03(options);
    expect(await web.verifyToken(fromNode, SECRET, { roomId: 'demo' })).to.deep.equal(node.decodeToken(fromNode, SECRET));
  });

  it('decodes, verifies and inspects every reference token exactly as the main entry does', async () => {
    for (const vector of referenceVectors) {
      expect(await web.decodeToken(vector.token, vector.secret), vector.id).to.deep.equal(node.decodeToken(vector.token, vector.secret));
      const { expireTime, appId, userId } = vector.expected;
      expect(await web.verifyToken(vector.token, vector.secret, { now: expireTime - 1, appId, userId })).to.deep.equal(
        node.decodeToken(vector.token, vector.secret),
      );
      expect((await rejection(web.verifyToken(vector.token, vector.secret, { now: expireTime }))).code).to.equal(node.ErrorCode.TOKEN_EXPIRED);
      expect(node.decodeToken(vector.token, vector.secret).nonce).to.equal(rawNonce(vector.plaintext));
      expect(web.inspectToken(vector.token)).to.deep.equal(node.inspectToken(vector.token));
    }
  });

  it('answers with promises, and rejects (never throws) with the main entry’s code and message', async () => {
    const valid = node.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60 });
    const tampered = valid.slice(0, -8) + (valid.slice(-8, -7) === 'A' ? 'B' : 'A') + valid.slice(-7);
    const cases: Array<{ name: string; node: () => unknown; web: () => Promise<unknown> }> = [
      { name: 'bad app ID', node: () => node.generateToken04({ appId: 0, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }), web: () => web.generateToken04({ appId: 0, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }) },
      { name: '65-byte user ID', node: () => node.generateToken04({ appId: 1, userId: 'é'.repeat(32) + 'x', secret: SECRET, effectiveTimeInSeconds: 9 }), web: () => web.generateToken04({ appId: 1, userId: 'é'.repeat(32) + 'x', secret: SECRET, effectiveTimeInSeconds: 9 }) },
      { name: 'short secret', node: () => node.generateToken04({ appId: 1, userId: 'u', secret: 'x', effectiveTimeInSeconds: 9 }), web: () => web.generateToken04({ appId: 1, userId: 'u', secret: 'x', effectiveTimeInSeconds: 9 }) },
      { name: 'secret of 32 UTF-16 units but 33 bytes', node: () => node.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: 'é' + 'x'.repeat(31), effectiveTimeInSeconds: 9 }), web: () => web.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: 'é' + 'x'.repeat(31), effectiveTimeInSeconds: 9 }) },
      { name: 'lifetime 0', node: () => node.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 0 }), web: () => web.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 0 }) },
      { name: 'unknown mode', node: () => node.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, mode: 'ecb' as 'gcm' }), web: () => web.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, mode: 'ecb' as 'gcm' }) },
      { name: 'payload too long', node: () => node.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, payload: 'x'.repeat(70_000) }), web: () => web.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, payload: 'x'.repeat(70_000) }) },
      { name: 'not base64', node: () => node.decodeToken('04 not base64', SECRET), web: () => web.decodeToken('04 not base64', SECRET) },
      { name: 'base64 cut short', node: () => node.decodeToken(valid.slice(0, -1), SECRET), web: () => web.decodeToken(valid.slice(0, -1), SECRET) },
      { name: 'base64 with a space', node: () => node.decodeToken(`${valid.slice(0, 10)} ${valid.slice(10)}`, SECRET), web: () => web.decodeToken(`${valid.slice(0, 10)} ${valid.slice(10)}`, SECRET) },
      { name: 'wrong secret', node: () => node.decodeToken(valid, OTHER_SECRET), web: () => web.decodeToken(valid, OTHER_SECRET) },
      { name: 'altered token', node: () => node.decodeToken(tampered, SECRET), web: () => web.decodeToken(tampered, SECRET) },
      { name: 'claim mismatch', node: () => node.verifyToken(valid, SECRET, { userId: 'v' }), web: () => web.verifyToken(valid, SECRET, { userId: 'v' }) },
      { name: 'bad tolerance', node: () => node.verifyToken(valid, SECRET, { clockToleranceSeconds: -1 }), web: () => web.verifyToken(valid, SECRET, { clockToleranceSeconds: -1 }) },
    ];
    for (const c of cases) {
      let thrown: unknown;
      try {
        c.node();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, c.name).to.be.instanceOf(node.ZegoTokenError);
      const promise = c.web();
      expect(promise, c.name).to.be.instanceOf(Promise);
      const rejected = await rejection(promise);
      expect({ code: rejected.code, message: rejected.message }, c.name).to.deep.equal({
        code: (thrown as node.ZegoTokenError).code,
        message: (thrown as node.ZegoTokenError).message,
      });
      expect(rejected).to.be.instanceOf(web.ZegoTokenError);
      expect(rejected.message).to.not.include(SECRET);
    }
  });

  it('exports the same API from require() and import', async () => {
    const { createRequire } = await import('node:module');
    const cjs = createRequire(import.meta.url)('@zego-token/core/web') as typeof web;
    expect(Object.keys(cjs).sort()).to.deep.equal(Object.keys(web).sort());
    expect(await cjs.decodeToken(await web.generateToken04(kinds[0]!.options), SECRET)).to.include({ userId: 'alice' });
  });
});
