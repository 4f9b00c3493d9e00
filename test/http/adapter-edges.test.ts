/**
 * What the contract table cannot show: misconfigured mounts, HEAD, and an async answer arriving after another
 * middleware already responded.
 */
import Router from '@koa/router';
import { ErrorCode } from '@zego-token/core';
import { zegoToken as expressZegoToken, zegoTokenHandler } from '@zego-token/express';
import { zegoToken as koaZegoToken, zegoTokenHandler as koaZegoTokenHandler, zegoTokenRouter } from '@zego-token/koa';
import { expect } from 'chai';
import express, { type ErrorRequestHandler } from 'express';
import Koa from 'koa';
import { connect } from 'node:net';
import request from 'supertest';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { get, listen, rawRequest } from '../support/raw-http.js';

const options = { appId: APP_ID, secret: SECRET, getUserId: () => 'alice' };

describe('adapter edge cases', () => {
  it('Express: a handler on a route without the room parameter is a server error (OPTION_INVALID), not a 400', async () => {
    const errors: unknown[] = [];
    const app = express();
    app.set('env', 'test');
    app.get('/token', zegoTokenHandler(options));
    app.use(((error, _req, res, _next) => {
      errors.push(error);
      res.status(500).end();
    }) as ErrorRequestHandler);
    await request(app).get('/token').expect(500);
    expect(errors[0]).to.have.property('code', ErrorCode.OPTION_INVALID);
  });

  it('Koa: zegoTokenHandler outside a @koa/router route, or on one without the room parameter, is a server error (OPTION_INVALID), not a 400', async () => {
    const errors: unknown[] = [];
    const app = new Koa();
    app.on('error', (error: unknown) => errors.push(error));
    const router = new Router();
    router.get('/token', koaZegoTokenHandler(options));
    app.use(router.routes());
    app.use(koaZegoTokenHandler(options));
    await request(app.callback()).get('/token').expect(500);
    await request(app.callback()).get('/zego/token/lobby').expect(500);
    expect(errors).to.have.length(2);
    for (const error of errors) expect(error).to.have.property('code', ErrorCode.OPTION_INVALID);
  });

  it('answers HEAD like GET, without a body', async () => {
    const expressApp = express().use(expressZegoToken(options));
    const koaApp = new Koa().use(zegoTokenRouter(options).routes());
    const koaOneLine = new Koa().use(koaZegoToken(options));
    for (const server of [expressApp, koaApp.callback(), koaOneLine.callback()]) {
      const response = await request(server).head('/zego/token/lobby').expect(200);
      expect(response.headers['cache-control']).to.equal('no-store');
      expect(response.text ?? '').to.equal('');
    }
  });

  it('Express: an async answer that comes after another middleware responded is dropped, not a crash', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const app = express();
      app.use((_req, res, next) => {
        setTimeout(() => res.status(503).json({ error: 'timeout' }), 5); // a request timeout, say
        next();
      });
      app.use(expressZegoToken({ ...options, getUserId: () => new Promise((resolve) => setTimeout(() => resolve('alice'), 40)) }));
      await request(app).get('/zego/token/lobby').expect(503);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('both: getUserId resolving after the client hung up is dropped quietly, and the server serves on', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    const errors: unknown[] = [];
    const slowUser = (): Promise<string> => new Promise((resolve) => setTimeout(() => resolve('alice'), 100));
    const expressApp = express().use(expressZegoToken({ ...options, getUserId: slowUser }));
    expressApp.use(((error, _req, res, _next) => {
      errors.push(error);
      res.status(500).end();
    }) as ErrorRequestHandler);
    const koaApp = new Koa().use(zegoTokenRouter({ ...options, getUserId: slowUser }).routes());
    koaApp.on('error', (error: unknown) => errors.push(error));
    try {
      for (const listener of [expressApp, koaApp.callback()]) {
        const { port, close } = await listen(listener);
        try {
          const socket = connect(port, '127.0.0.1');
          socket.on('error', () => undefined);
          socket.write(get('/zego/token/lobby'));
          await new Promise((resolve) => setTimeout(resolve, 30));
          socket.destroy(); // the client gives up before getUserId settles
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect((await rawRequest(port, get('/zego/token/lobby'))).status).to.equal(200);
        } finally {
          await close();
        }
      }
      expect(errors).to.deep.equal([]);
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('Koa: a router nested under a prefix still finds its room parameter', async () => {
    const api = new Router({ prefix: '/v1' });
    api.get('/rooms/:id/token', koaZegoToken({ ...options, roomParam: 'id' }));
    const response = await request(new Koa().use(api.routes()).callback()).get('/v1/rooms/r1/token').expect(200);
    expect(response.body).to.include({ roomId: 'r1', userId: 'alice' });
  });
});
