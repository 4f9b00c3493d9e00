/**
 * One adapter shape: every adapter exports the same names for the same things, serves the same default path, and
 * applies the same option rules at construction (unknown keys, the path's grammar, routing options refused: every
 * route matches exactly, and none is looser anywhere).
 */
import * as core from '@zego-token/core';
import { ErrorCode } from '@zego-token/core';
import * as expressAdapter from '@zego-token/express';
import * as fastifyAdapter from '@zego-token/fastify';
import * as fetchAdapter from '@zego-token/fetch';
import * as koaAdapter from '@zego-token/koa';
import { expect } from 'chai';
import Fastify from 'fastify';
import { inspect } from 'node:util';
import request from 'supertest';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { expressApp, koaApp } from '../support/token-apps.js';

const base = { appId: APP_ID, secret: SECRET };
const signedIn = { ...base, getUserId: () => 'alice' };

/** Constructs the route (a Fastify plugin at registration), throwing what the adapter throws. */
const factories: Array<[string, (options: object) => unknown]> = [
  ['Express zegoToken', (o) => expressAdapter.zegoToken(o as never)],
  ['Express zegoTokenRouter', (o) => expressAdapter.zegoTokenRouter(o as never)],
  ['Express zegoTokenHandler', (o) => expressAdapter.zegoTokenHandler(o as never)],
  ['Koa zegoToken', (o) => koaAdapter.zegoToken(o as never)],
  ['Koa zegoTokenRouter', (o) => koaAdapter.zegoTokenRouter(o as never)],
  ['Koa zegoTokenHandler', (o) => koaAdapter.zegoTokenHandler(o as never)],
  ['Fastify zegoToken', (o) => {
    let failure: Error | undefined;
    fastifyAdapter.zegoToken(Fastify(), o as never, (error) => (failure = error));
    if (failure !== undefined) throw failure;
    return undefined;
  }],
  ['fetch zegoToken', (o) => fetchAdapter.zegoToken(o as never)],
];
const pathFactories = factories.filter(([name]) => !name.endsWith('Handler'));

describe('one adapter shape', () => {
  describe('the same names in every adapter', () => {
    for (const [name, adapter] of [['Express', expressAdapter], ['Koa', koaAdapter]] as const) {
      it(`${name} exports zegoToken, zegoTokenRouter and zegoTokenHandler`, () => {
        for (const factory of [adapter.zegoToken, adapter.zegoTokenRouter, adapter.zegoTokenHandler]) expect(factory).to.be.a('function');
      });
    }

    it('each adapter serves the core’s DEFAULT_TOKEN_PATH, which it exports, when no path is given', async () => {
      const served = core.DEFAULT_TOKEN_PATH.replace(':roomId', 'lobby');
      const fastify = Fastify();
      await fastify.register(fastifyAdapter.zegoToken, signedIn);
      const answers = [
        (await request(expressApp((app) => app.use(expressAdapter.zegoToken(signedIn))).listener).get(served)).status,
        (await request(koaApp((app) => app.use(koaAdapter.zegoToken(signedIn))).listener).get(served)).status,
        (await fastify.inject({ url: served })).statusCode,
        (await fetchAdapter.zegoToken(signedIn)(new Request(`https://x${served}`))).status,
      ];
      expect(answers).to.deep.equal([200, 200, 200, 200]);
      for (const adapter of [expressAdapter, koaAdapter, fastifyAdapter, fetchAdapter]) {
        expect(adapter.DEFAULT_TOKEN_PATH).to.equal(core.DEFAULT_TOKEN_PATH);
      }
    });
  });

  describe('the same option rules in every factory', () => {
    for (const [name, factory] of factories) {
      it(`${name}: no getUserId, no options object or a bad issuer option fail at construction`, () => {
        expectZegoError(() => factory({ ...base }), ErrorCode.OPTION_INVALID);
        expectZegoError(() => factory(null as never), ErrorCode.OPTION_INVALID);
        expectZegoError(() => factory({ ...signedIn, secret: 'x' }), ErrorCode.SECRET_INVALID);
      });

      it(`${name}: a misspelt option is refused, naming the option meant`, () => {
        for (const [key, meant] of [['effectiveTime', 'effectiveTimeInSeconds'], ['roomparam', 'roomParam'], ['getUserID', 'getUserId']]) {
          const error = expectZegoError(() => factory({ ...signedIn, [key!]: 1 }), ErrorCode.OPTION_INVALID, [SECRET]);
          expect(error.message).to.include(`${key}: did you mean ${meant}?`);
        }
      });

      it(`${name}: routing options (case sensitivity, strictness) are refused: the route matches exactly, always`, () => {
        for (const key of ['caseSensitive', 'sensitive', 'strict', 'ignoreTrailingSlash', 'exact']) {
          expectZegoError(() => factory({ ...signedIn, [key]: true }), ErrorCode.OPTION_INVALID);
        }
      });

      it(`${name}: null for roomParam is refused, as for every option`, () => {
        expectZegoError(() => factory({ ...signedIn, roomParam: null }), ErrorCode.OPTION_INVALID);
      });

      it(`${name}: keeps no secret where inspect or JSON would show it`, () => {
        const made = factory(signedIn);
        expect(inspect(made, { depth: 10, showHidden: true })).to.not.include(SECRET);
        expect(JSON.stringify(made) ?? '').to.not.include(SECRET);
      });

      it(`${name}: options of a class instance are refused, as by every function that takes options (copy them into an object literal)`, () => {
        class Options {
          appId = APP_ID;
          secret = SECRET;
          getUserId(): string {
            return 'alice';
          }
          privilege(): false {
            return false;
          }
        }
        const error = expectZegoError(() => factory(new Options()), ErrorCode.OPTION_INVALID, [SECRET]);
        expect(error.message).to.include('must be a plain object');
      });
    }

    for (const [name, factory] of pathFactories) {
      const refused: Array<[string, object]> = [
        ['a path without a leading / (zego/:roomId)', { path: 'zego/:roomId' }],
        ['an empty path', { path: '' }],
        ['a path without the room parameter (/rooms/:room/token, no roomParam)', { path: '/rooms/:room/token' }],
        ['an optional room parameter', { path: '/t{/:roomId}' }],
        ['a wildcard', { path: '/zego/*' }],
        ['a null path', { path: null }],
        ['a RegExp path', { path: /^\/zego/ }],
      ];
      for (const [what, extra] of refused) {
        it(`${name}: ${what} fails at construction (OPTION_INVALID)`, () => {
          expectZegoError(() => factory({ ...signedIn, ...extra }), ErrorCode.OPTION_INVALID);
        });
      }
    }

    it('the handlers take no path: their route is the host’s', () => {
      for (const factory of [expressAdapter.zegoTokenHandler, koaAdapter.zegoTokenHandler]) {
        expectZegoError(() => factory({ ...signedIn, path: '/t/:roomId' } as never), ErrorCode.OPTION_INVALID);
      }
    });
  });
});
