/**
 * Hostile review of issue 9 (options honoured or refused, fail closed, routing by the host's settings). Each test is a
 * reproduced way to make the token route say yes where the app meant no, or to have an option silently dropped.
 */
import Router from '@koa/router';
import { createTokenIssuer, decodeToken, ErrorCode, type DecodedToken04 } from '@zego-token/core';
import { zegoToken as expressZegoToken } from '@zego-token/express';
import { zegoToken as koaZegoToken } from '@zego-token/koa';
import { expect } from 'chai';
import { createServer } from 'node:http';
import express, { type RequestHandler } from 'express';
import Koa from 'koa';
import request from 'supertest';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const signedIn = { appId: APP_ID, secret: SECRET, getUserId: (): string => 'alice' };

/** A rate limiter (or any per-route guard) that marks the responses it saw. */
const limiter: RequestHandler = (_req, res, next) => {
  res.set('x-limited', 'yes');
  next();
};

describe('attack review of issue 9', () => {
  describe('options on a class: a misspelt method or getter is dropped silently, not refused', () => {
    // The README offers class methods and getters as a way to give options ("app.use(zegoToken(new TokenOptions()))").
    // Methods and accessors live non-enumerably on the class's prototype, so the unknown-key check never sees them.

    it('refuses a class whose validateRoomID() (for validateRoomId) would never run, instead of serving the room it refuses', async () => {
      class TokenOptions {
        appId = APP_ID;
        secret = SECRET;
        getUserId(): string {
          return 'alice';
        }
        validateRoomID(roomId: string): boolean {
          return roomId !== 'vip-room';
        }
      }
      let router: express.Router | undefined;
      try {
        router = expressZegoToken(new TokenOptions());
      } catch (error) {
        expect((error as { code?: unknown }).code).to.equal(ErrorCode.OPTION_INVALID);
        return;
      }
      const app = express().use(router);
      const response = await request(app).get('/zego/token/vip-room');
      expect(response.status, 'the class meant to refuse vip-room, and the route minted a token for it').to.not.equal(200);
    });

    it('refuses a class getter effectiveTime (for effectiveTimeInSeconds) instead of issuing 3600 s tokens', () => {
      class TokenOptions {
        appId = APP_ID;
        secret = SECRET;
        get effectiveTime(): number {
          return 120;
        }
      }
      expectZegoError(() => createTokenIssuer(new TokenOptions() as never), ErrorCode.OPTION_INVALID);
    });

    it('refuses a misspelt getter inherited from a base class (privilage: false) instead of granting login + publish', () => {
      class Locked {
        get privilage(): false {
          return false;
        }
      }
      class TokenOptions extends Locked {
        appId = APP_ID;
        secret = SECRET;
      }
      expectZegoError(() => createTokenIssuer(new TokenOptions() as never), ErrorCode.OPTION_INVALID);
    });
  });

  describe('options read from places the unknown-key check does not look at', () => {
    it('refuses a Map of options (its entries are not read) instead of minting with the environment and full privilege', () => {
      const saved = { appId: process.env.ZEGO_APP_ID, secret: process.env.ZEGO_SERVER_SECRET };
      process.env.ZEGO_APP_ID = String(APP_ID);
      process.env.ZEGO_SERVER_SECRET = SECRET;
      try {
        const options = new Map<string, unknown>([['privilege', false], ['effectiveTimeInSeconds', 60]]);
        expectZegoError(() => createTokenIssuer(options as never), ErrorCode.OPTION_INVALID);
      } finally {
        if (saved.appId === undefined) delete process.env.ZEGO_APP_ID;
        else process.env.ZEGO_APP_ID = saved.appId;
        if (saved.secret === undefined) delete process.env.ZEGO_SERVER_SECRET;
        else process.env.ZEGO_SERVER_SECRET = saved.secret;
      }
    });

    it('does not take options from Object.prototype (a polluted roomPayload: false unbinds every token from its room)', () => {
      // readOptions stops its key walk at Object.prototype ("nobody's options") but still reads values through it.
      const proto = Object.prototype as Record<string, unknown>;
      proto.roomPayload = false;
      let roomPayload: boolean;
      try {
        roomPayload = createTokenIssuer({ appId: APP_ID, secret: SECRET }).roomPayload;
      } finally {
        delete proto.roomPayload;
      }
      expect(roomPayload, 'tokens would carry no room: valid for any room').to.equal(true);
    });
  });

  describe("Express: routing by the host's settings", () => {
    it('is not served past a limiter in a case-sensitive, strict express.Router that hosts it', async () => {
      const app = express();
      const host = express.Router({ caseSensitive: true, strict: true });
      host.get('/zego/token/:roomId', limiter);
      host.use(expressZegoToken(signedIn));
      app.use(host);
      // The host's own route sees only the exact path; the token route must not answer what the limiter did not see.
      for (const url of ['/ZEGO/token/lobby', '/zego/token/lobby/']) {
        const response = await request(app).get(url);
        expect(response.status === 200 && response.headers['x-limited'] !== 'yes', `${url} got a token past the limiter`).to.equal(false);
      }
    });

    it("follows the app's router, not a setting changed after the app's routes were made (case sensitive routing disabled later)", async () => {
      const app = express();
      app.set('case sensitive routing', true);
      app.get('/zego/token/:roomId', limiter); // the app's router is made now, case-sensitive, and stays so
      app.use(expressZegoToken(signedIn));
      app.set('case sensitive routing', false);
      const response = await request(app).get('/ZEGO/token/lobby');
      expect(response.status === 200 && response.headers['x-limited'] !== 'yes', 'a token past the limiter').to.equal(false);
    });

    it('leaves other routes alone in an express.Router served without an Express app (no req.app): /health is not a 500', async () => {
      const router = express.Router();
      router.use(expressZegoToken(signedIn));
      router.get('/health', (_req, res) => {
        res.send('ok');
      });
      const server = createServer((req, res) => {
        router(req as express.Request, res as express.Response, (error?: unknown) => {
          res.statusCode = error === undefined ? 404 : 500;
          res.end();
        });
      });
      const response = await request(server).get('/health');
      expect(response.status, "TypeError: Cannot read properties of undefined (reading 'enabled')").to.equal(200);
    });

    it("leaves an OPTIONS request (a CORS preflight) to the token path to the app's own handler", async () => {
      const app = express();
      app.use(expressZegoToken(signedIn));
      app.options('/zego/token/:roomId', (_req, res) => {
        res.set('access-control-allow-headers', 'authorization').sendStatus(204);
      });
      const response = await request(app).options('/zego/token/lobby');
      // The token router runs out of layers and answers OPTIONS itself ("Allow: GET, HEAD"), as an Express router does.
      expect(response.status, `answered by the token router: Allow ${String(response.headers.allow)}`).to.equal(204);
      expect(response.headers['access-control-allow-headers']).to.equal('authorization');
    });
  });

  describe('Koa: router.use(zegoToken()) is neither served nor refused', () => {
    it('serves (or refuses at start-up) zegoToken mounted with router.use on a prefixed router, rather than a silent 404', async () => {
      const app = new Koa();
      app.silent = true;
      const api = new Router({ prefix: '/api' });
      api.use(koaZegoToken(signedIn));
      app.use(api.routes());
      const response = await request(app.callback()).get('/api/zego/token/lobby');
      expect(response.status, 'the one-line use under a prefix answers 404 for every URL').to.not.equal(404);
    });
  });

  describe('fail closed: what the resolvers see and give', () => {
    it("mints for the room and user it validated, even if a resolver writes to its context (roomId 'vip-room', refused by validateRoomId)", async () => {
      const issuer = createTokenIssuer({
        appId: APP_ID,
        secret: SECRET,
        validateRoomId: (roomId) => roomId !== 'vip-room',
        // A resolver that "normalises" the room it was given, as a careless one might.
        streamIdList: (context) => {
          (context as { roomId: string }).roomId = 'vip-room';
          return null;
        },
      });
      const response = await issuer.issue({ userId: 'alice', roomId: 'lobby', request: {} });
      expect(response.status).to.equal(200);
      const { token } = response.body as { token: string };
      expect((decodeToken(token, SECRET) as DecodedToken04).room?.roomId, 'a token for a room validateRoomId refuses').to.equal('lobby');
    });

    it('never emits a token the format refuses because a resolver wrote a number or 500 bytes into context.userId', async () => {
      for (const userId of [42, 'x'.repeat(500)]) {
        const issuer = createTokenIssuer({
          appId: APP_ID,
          secret: SECRET,
          privilege: (context) => {
            (context as { userId: unknown }).userId = userId;
            return { login: true };
          },
        });
        let response: Awaited<ReturnType<typeof issuer.issue>> | undefined;
        try {
          response = await issuer.issue({ userId: 'alice', roomId: 'lobby', request: {} });
        } catch {
          continue; // a server error is fine; a token is not
        }
        const { token } = response.body as { token: string };
        expect(() => decodeToken(token, SECRET), `a token with user_id ${typeof userId}`).to.not.throw();
        expect(decodeToken(token, SECRET).userId).to.equal('alice');
      }
    });

    it('does not grant publishing when the resolved privilege says publish: false non-enumerably', async () => {
      const issuer = createTokenIssuer({
        appId: APP_ID,
        secret: SECRET,
        privilege: () => Object.defineProperty({ login: true }, 'publish', { value: false }) as { login: boolean },
      });
      let response: Awaited<ReturnType<typeof issuer.issue>>;
      try {
        response = await issuer.issue({ userId: 'alice', roomId: 'lobby', request: {} });
      } catch {
        return; // refused: fail closed
      }
      const { token } = response.body as { token: string };
      expect((decodeToken(token, SECRET) as DecodedToken04).room?.privilege.publish, 'publish: false read as "missing", so true').to.equal(false);
    });

    it('does not drop a watch-only privilege a resolver gives under roomPayload: false (a fixed one is refused at start-up)', async () => {
      const issuer = createTokenIssuer({
        appId: APP_ID,
        secret: SECRET,
        roomPayload: false,
        privilege: () => ({ publish: false }),
      });
      let response: Awaited<ReturnType<typeof issuer.issue>>;
      try {
        response = await issuer.issue({ userId: 'alice', roomId: 'lobby', request: {} });
      } catch {
        return; // a server error: the privilege was not silently dropped
      }
      expect(response.status, 'a token carrying no privilege at all, for a user the app made watch-only').to.not.equal(200);
    });
  });
});
