/**
 * The server secret must never leave the library: not in an error (message, stack, inspect, JSON), not in anything
 * it returns, not in a response, and nothing is ever printed. Decode errors never carry the plaintext.
 */
import {
  createTokenIssuer,
  createTokenRoute,
  decodeToken,
  generateToken,
  generateToken03,
  generateToken04,
  verifyToken,
} from '@zego-token/core';
import * as serverAssistant from '@zego-token/core/server-assistant';
import { zegoToken as expressZegoToken, zegoTokenHandler } from '@zego-token/express';
import { zegoToken as koaZegoToken, zegoTokenRouter } from '@zego-token/koa';
import { expect } from 'chai';
import express, { type ErrorRequestHandler } from 'express';
import Koa from 'koa';
import { inspect } from 'node:util';
import request from 'supertest';
import { captureOutputAsync } from '../support/capture-output.js';
import { APP_ID, OTHER_SECRET, referenceVectors, SECRET } from '../support/fixtures.js';

/** Every rendering of an error a logger or an error page might use. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, String(e), e.stack ?? '', inspect(e, { showHidden: true, depth: 10 }), JSON.stringify(e)];
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const nearMisses = [SECRET.slice(1), `${SECRET}0`, `é${SECRET.slice(1)}`, SECRET.toUpperCase().slice(0, 31)];
const handlerOptions = { appId: APP_ID, getUserId: () => 'alice' };

describe('secret hygiene', () => {
  it('keeps near-miss secrets out of every error that rejects them', () => {
    for (const secret of nearMisses) {
      const errors = [
        thrown(() => generateToken04({ appId: APP_ID, userId: 'u', secret, effectiveTimeInSeconds: 60 })),
        thrown(() => generateToken03({ appId: APP_ID, roomId: 'r', userId: 'u', secret, effectiveTimeInSeconds: 60 })),
        thrown(() => decodeToken(referenceVectors[0]!.token, secret)),
        // The drop-in's errors also carry errorMessage, which JSON.stringify shows.
        thrown(() => serverAssistant.generateToken04(APP_ID, 'u', secret, 60, '')),
        thrown(() => serverAssistant.generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, secret, 60)),
        thrown(() => createTokenIssuer({ appId: APP_ID, secret })),
        thrown(() => createTokenRoute({ ...handlerOptions, secret })),
        thrown(() => expressZegoToken({ ...handlerOptions, secret })),
        thrown(() => zegoTokenHandler({ ...handlerOptions, secret })),
        thrown(() => koaZegoToken({ ...handlerOptions, secret })),
        thrown(() => zegoTokenRouter({ ...handlerOptions, secret })),
      ];
      for (const rendering of errors.flatMap(renderings)) expect(rendering).to.not.include(secret);
      expect(generateToken(APP_ID, 'r', 'u', { 1: 1, 2: 1 }, secret, 60).errorMessage).to.not.include(secret);
    }
  });

  it('keeps the secret, the plaintext and the IV out of every error from decoding and verifying real tokens', () => {
    for (const vector of referenceVectors) {
      const errors = [
        thrown(() => decodeToken(vector.token, OTHER_SECRET)),
        thrown(() => verifyToken(vector.token, vector.secret, { now: 4_000_000_000 })),
        thrown(() => verifyToken(vector.token, vector.secret, { now: 0, userId: 'not-them', appId: vector.expected.appId })),
      ];
      const iv = Buffer.from(vector.token.slice(2), 'base64').subarray(10, 26);
      for (const rendering of errors.flatMap(renderings)) {
        for (const leak of [vector.secret, OTHER_SECRET, vector.plaintext, vector.expected.userId, iv.toString('latin1'), iv.toString('hex')]) {
          expect(rendering).to.not.include(leak);
        }
      }
    }
  });

  it('keeps the secret out of every object it returns, however deep it is inspected', () => {
    const issuerOptions = { appId: APP_ID, secret: SECRET };
    const options = { ...issuerOptions, getUserId: () => 'alice' };
    const made: unknown[] = [
      createTokenIssuer(issuerOptions),
      createTokenRoute(options),
      expressZegoToken(options),
      zegoTokenHandler(options),
      koaZegoToken(options),
      zegoTokenRouter(options),
    ];
    // The secret as text, and as the bytes a Buffer or KeyObject would print: hex and base64.
    const forms = [SECRET, Buffer.from(SECRET).toString('hex'), Buffer.from(SECRET).toString('base64')];
    for (const thing of made) {
      for (const form of forms) {
        expect(inspect(thing, { showHidden: true, depth: 20, getters: true })).to.not.include(form);
        expect(JSON.stringify(thing) ?? '').to.not.include(form);
      }
    }
  });

  it('prints nothing while both adapters answer successes, client errors and server errors', async () => {
    const options = { appId: APP_ID, secret: SECRET };
    const output = await captureOutputAsync(async () => {
      const expressApp = express();
      expressApp.set('env', 'test');
      expressApp.use(expressZegoToken({ ...options, getUserId: (req) => (req.get('x-fail') ? Promise.reject(new Error('x')) : req.get('x-user')) }));
      expressApp.use(((_error, _req, res, _next) => res.status(500).end()) as ErrorRequestHandler);
      const koaApp = new Koa();
      koaApp.on('error', () => undefined);
      koaApp.use(
        zegoTokenRouter({ ...options, getUserId: (ctx) => (ctx.get('x-fail') ? Promise.reject(new Error('x')) : ctx.get('x-user') || undefined) }).routes(),
      );
      for (const server of [expressApp, koaApp.callback()]) {
        await request(server).get('/zego/token/lobby').set('x-user', 'alice').expect(200);
        await request(server).get('/zego/token/lobby').expect(401);
        await request(server).get('/zego/token/no%20space').set('x-user', 'alice').expect(400);
        await request(server).get('/zego/token/lobby').set('x-fail', '1').expect(500);
      }
    });
    expect(output).to.deep.equal([]);
  });
});
