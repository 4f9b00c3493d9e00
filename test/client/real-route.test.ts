/**
 * The client against our real token routes, over real HTTP on a loopback port with Node's own `fetch`: the bodies
 * the core sends pass the client's checks (room and identity routes), and the route's refusals arrive as their codes.
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { decodeToken } from '@zego-token/core';
import { zegoToken } from '@zego-token/express';
import { createTokenSource, TokenSourceError } from '@zego-token/client';
import { APP_ID, SECRET } from '../support/fixtures.js';

describe('@zego-token/client against a real token route (Express, loopback HTTP, Node fetch)', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  before(async () => {
    const app = express();
    app.use((req, _res, next) => {
      requests.push(req.path);
      next();
    });
    const getUserId = (req: express.Request) => req.get('authorization')?.replace(/^Bearer /, '');
    const common = { appId: APP_ID, secret: SECRET, getUserId, effectiveTimeInSeconds: 40 };
    app.use(zegoToken({ ...common, privilege: ({ roomId }) => (roomId === 'vip' ? false : { publish: true }) }));
    app.use(zegoToken({ ...common, path: '/zego/token' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (requests.length = 0));

  const signedIn = { headers: { authorization: 'Bearer alice' } };

  it("reads a room route's body: a token for the user and the room asked, app ID, times 40 s apart", async () => {
    const body = await createTokenSource({ url: `${base}/zego/token/:roomId`, ...signedIn }).get('team#1+lobby');
    expect(requests).to.deep.equal(['/zego/token/team%231%2Blobby']);
    expect(body).to.include({ appId: APP_ID, userId: 'alice', roomId: 'team#1+lobby', version: '04' });
    expect(body.expiresAt - body.issuedAt).to.equal(40);
    const decoded = decodeToken(body.token, SECRET);
    expect(decoded.userId).to.equal('alice');
    expect(decoded.expireTime).to.equal(body.expiresAt);
  });

  it("reads an identity route's body (no room)", async () => {
    const body = await createTokenSource({ url: `${base}/zego/token`, ...signedIn }).get();
    expect(body).to.not.have.property('roomId');
    expect(decodeToken(body.token, SECRET).userId).to.equal('alice');
  });

  it("turns the route's refusals into codes, with one request each: 401, 403, 400", async () => {
    const codeOf = (promise: Promise<unknown>) => promise.catch((error: TokenSourceError) => [error.code, error.status]);
    expect(await codeOf(createTokenSource({ url: `${base}/zego/token/:roomId` }).get('lobby'))).to.deep.equal(['unauthenticated', 401]);
    const source = createTokenSource({ url: `${base}/zego/token/:roomId`, ...signedIn });
    expect(await codeOf(source.get('vip'))).to.deep.equal(['forbidden', 403]);
    expect(await codeOf(source.get('a:b'))).to.deep.equal(['invalid_room_id', 400]);
    expect(requests).to.have.length(3);
  });

  it('caches nothing from a 40 s token (it is within renewAheadSeconds), but does with renewAheadSeconds 10', async () => {
    const strict = createTokenSource({ url: `${base}/zego/token/:roomId`, ...signedIn });
    await strict.get('lobby');
    await strict.get('lobby');
    expect(requests).to.have.length(2);
    const relaxed = createTokenSource({ url: `${base}/zego/token/:roomId`, ...signedIn, renewAheadSeconds: 10 });
    const first = await relaxed.get('lobby');
    expect(await relaxed.get('lobby')).to.equal(first);
    expect(requests).to.have.length(3);
  });
});
