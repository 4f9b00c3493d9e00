/**
 * Kit tokens from every route: with `getUserName`, each adapter's room route and identity route answer `kitToken`
 * beside `token`, exactly what UIKit Prebuilt's own `generateKitTokenForProduction(appId, token, roomId, userId,
 * userName)` returns for the body's token (test/support/uikit.ts runs UIKit's code), the identity route's without a
 * room. `getUserName` is called like `getUserId`, with the same request, and only for a token that is granted.
 */
import { ErrorCode, ZegoTokenError, type TokenResponseBody } from '@zego-token/core';
import { expect } from 'chai';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { identityMountings, mountings, type RouteOptions, type TokenApp } from '../support/token-apps.js';
import { uikit } from '../support/uikit.js';

const USER = 'zoë';
const NAME = 'Zoë & Co / 张伟';

/** A route whose callbacks record what they were called with. */
async function recordingApp(
  make: (options: RouteOptions) => TokenApp | Promise<TokenApp>,
  user: unknown,
  name: () => unknown,
): Promise<TokenApp & { userCalls: unknown[][]; nameCalls: unknown[][] }> {
  const userCalls: unknown[][] = [];
  const nameCalls: unknown[][] = [];
  const app = await make({
    appId: APP_ID,
    secret: SECRET,
    getUserId: (...args: unknown[]) => (userCalls.push(args), user),
    getUserName: (...args: unknown[]) => (nameCalls.push(args), name()),
  });
  return { ...app, userCalls, nameCalls };
}

function expectSameArguments(nameCalls: unknown[][], userCalls: unknown[][]): void {
  expect(nameCalls).to.have.length(1);
  expect(userCalls).to.have.length(1);
  expect(nameCalls[0]).to.have.length(userCalls[0]!.length);
  nameCalls[0]!.forEach((argument, index) => expect(argument, `argument ${index}`).to.equal(userCalls[0]![index]));
}

describe('kit tokens from every route (getUserName)', () => {
  before(function () {
    this.timeout(60_000);
    uikit();
  });

  for (const mounting of mountings) {
    describe(mounting.name, () => {
      it('a room token: kitToken is UIKit’s for the same inputs, getUserName asked with getUserId’s request', async () => {
        const app = await recordingApp(mounting.app, USER, () => Promise.resolve(NAME));
        const response = await request(app.listener).get(mounting.url('lobby'));
        expect(response.status, response.text).to.equal(200);
        const body = response.body as TokenResponseBody;
        expect(Object.keys(body)).to.deep.equal(['token', 'kitToken', 'appId', 'userId', 'roomId', 'version', 'issuedAt', 'expiresAt']);
        expect(body.kitToken).to.equal(uikit().generateKitTokenForProduction(APP_ID, body.token, 'lobby', USER, NAME));
        expectSameArguments(app.nameCalls, app.userCalls);
      });

      it('nobody signed in: 401, and getUserName is not asked', async () => {
        const app = await recordingApp(mounting.app, null, () => NAME);
        expect((await request(app.listener).get(mounting.url('lobby'))).status).to.equal(401);
        expect(app.nameCalls).to.deep.equal([]);
      });

      it('getUserName gives a number: the framework’s error path, no token', async () => {
        const app = await recordingApp(mounting.app, USER, () => 42);
        const response = await request(app.listener).get(mounting.url('lobby'));
        expect(response.status).to.equal(500);
        expect(response.text).to.not.include('"token"');
        expect(app.errors).to.have.length(1);
        expect(app.errors[0]).to.be.instanceOf(ZegoTokenError).and.include({ code: ErrorCode.OPTION_INVALID, option: 'getUserName' });
      });
    });
  }

  for (const mounting of identityMountings) {
    describe(`${mounting.name} (identity)`, () => {
      it('an identity token: kitToken is UIKit’s with no room, an empty name when getUserName gives null', async () => {
        const app = await recordingApp(mounting.app, USER, () => null);
        const response = await request(app.listener).get(mounting.url);
        expect(response.status, response.text).to.equal(200);
        const body = response.body as TokenResponseBody;
        expect(Object.keys(body)).to.deep.equal(['token', 'kitToken', 'appId', 'userId', 'version', 'issuedAt', 'expiresAt']);
        expect(body.kitToken).to.equal(uikit().generateKitTokenForProduction(APP_ID, body.token, undefined, USER, ''));
        expect(atob(body.kitToken!.split('#')[1]!)).to.not.include('roomID');
        expectSameArguments(app.nameCalls, app.userCalls);
      });

      it('a user ID beyond Latin-1: the framework’s error path (USER_ID_INVALID), no token', async () => {
        const app = await recordingApp(mounting.app, '张伟', () => NAME);
        const response = await request(app.listener).get(mounting.url);
        expect(response.status).to.equal(500);
        expect(app.errors[0]).to.be.instanceOf(ZegoTokenError).and.include({ code: ErrorCode.USER_ID_INVALID, option: 'userId' });
        expect(app.nameCalls).to.deep.equal([]);
      });
    });
  }
});
