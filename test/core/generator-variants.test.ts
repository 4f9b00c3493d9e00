/**
 * Every token of shared/vectors/generator-variants.json, made by running ZEGO's own generators (Go, C++, Objective-C,
 * Java, Python, PHP, .NET, Node.js, ZIMKit, UIKit), decodes to exactly what its generator encrypted.
 * The expected claims are built here from each entry's `plaintext`, independently of the library's reader.
 */
import { expect } from 'chai';
import {
  decodeToken,
  ErrorCode,
  inspectToken,
  verifyToken,
  type DecodedRoom,
  type DecodedToken,
  type KitClaims,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { generatorVariants, type GeneratorVariant } from '../support/fixtures.js';
import { rawNonce } from '../support/format-decoder.js';

type Json = Record<string, unknown>;

/** ZEGO's README: '' room = any room; [] or null streams = any stream. */
function expectedRoom(payload: string): DecodedRoom | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || typeof (json as Json)['room_id'] !== 'string') return undefined;
  const room = json as { room_id: string; privilege: Record<'1' | '2', number>; stream_id_list: string[] | null };
  const streams = room.stream_id_list;
  return {
    roomId: room.room_id,
    ...(room.room_id === '' ? { anyRoom: true as const } : {}),
    privilege: { login: room.privilege['1'] === 1, publish: room.privilege['2'] === 1 },
    streamIdList: streams === null || streams.length === 0 ? null : streams,
  };
}

function expectedKit(variant: GeneratorVariant): KitClaims | undefined {
  if (!variant.generator.startsWith('uikit/kit-token')) return undefined;
  const i = variant.inputs as { appID: number; userID: string; roomID: string; userName: string };
  return { appId: i.appID, userId: i.userID, roomId: i.roomID, userName: i.userName };
}

/** The claims a reader must find in `variant.plaintext`. */
function expectedClaims(variant: GeneratorVariant): DecodedToken {
  const json = JSON.parse(variant.plaintext) as Json;
  const nonce = rawNonce(variant.plaintext);
  if (variant.header.version === '03') {
    const privilege = json['privilege'] as Record<'1' | '2', number>;
    return {
      version: '03',
      mode: 'cbc',
      appId: json['app_id'] as number,
      roomId: json['room_id'] as string,
      userId: json['user_id'] as string,
      privilege: { login: privilege['1'] === 1, publish: privilege['2'] === 1 },
      createTime: json['create_time'] as number,
      expireTime: json['expire_time'] as number,
      nonce,
    };
  }
  const raw = json['payload'];
  const payload = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : JSON.stringify(raw);
  const decoded: DecodedToken = {
    version: '04',
    mode: variant.header.mode === 'GCM' ? 'gcm' : 'cbc',
    appId: json['app_id'] as number,
    userId: json['user_id'] as string,
    createTime: json['ctime'] as number,
    expireTime: json['expire'] as number,
    nonce,
    payload,
  };
  if (!('payload' in json)) decoded.payloadShape = 'absent';
  else if (raw === null) decoded.payloadShape = 'null';
  else if (typeof raw === 'object') decoded.payloadShape = 'object';
  const room = expectedRoom(payload);
  if (room) decoded.room = room;
  const kit = expectedKit(variant);
  if (kit) decoded.kit = kit;
  return decoded;
}

const byId = (id: string): GeneratorVariant => {
  const variant = generatorVariants.find((v) => v.id === id);
  if (!variant) throw new Error(`no variant ${id}`);
  return variant;
};

const ivBytes = (variant: GeneratorVariant): string => Buffer.from(variant.header.ivHex, 'hex').toString('latin1');

describe("tokens from ZEGO's own generators (shared/vectors/generator-variants.json)", () => {
  it('covers every generator ZEGO publishes', () => {
    expect(generatorVariants).to.have.length(35);
    const generators = new Set(generatorVariants.map((v) => v.generator.split('/')[0]));
    expect([...generators].sort()).to.deep.equal(['cpp', 'dotnet', 'go', 'java', 'node', 'oc', 'php', 'python', 'uikit', 'zimkit-vue']);
  });

  for (const variant of generatorVariants) {
    describe(`${variant.id} (${variant.generator}): ${variant.notes}`, () => {
      it('shows its header without the secret', () => {
        const header = inspectToken(variant.token);
        const kit = expectedKit(variant);
        expect(header).to.deep.equal({
          version: variant.header.version,
          mode: variant.header.mode.toLowerCase(),
          expireTime: variant.header.expire,
          ...(kit ? { kit } : {}),
        });
      });

      if (variant.plaintext === '') {
        it('decrypts to an empty plaintext: its own error, not "wrong secret"', () => {
          const error = expectZegoError(() => decodeToken(variant.token, variant.secret), ErrorCode.TOKEN_EMPTY_PLAINTEXT, [variant.secret]);
          expect(error.message).to.match(/empty plaintext/).and.not.match(/wrong secret/);
        });
        return;
      }

      it('decodes to exactly the claims its generator encrypted', () => {
        expect(decodeToken(variant.token, variant.secret)).to.deep.equal(expectedClaims(variant));
      });

      it('verifies for its app and user while it is valid, and is expired from its expire time on', () => {
        const claims = expectedClaims(variant);
        const { appId, userId, createTime, expireTime } = claims;
        if (expireTime < createTime) {
          expectZegoError(() => verifyToken(variant.token, variant.secret, { now: createTime }), ErrorCode.TOKEN_EXPIRED);
          return;
        }
        expect(verifyToken(variant.token, variant.secret, { appId, userId, now: createTime })).to.deep.equal(claims);
        expectZegoError(() => verifyToken(variant.token, variant.secret, { now: expireTime }), ErrorCode.TOKEN_EXPIRED);
      });
    });
  }

  describe('what the notes say is odd about them', () => {
    it('reads IVs of 16 binary bytes (Java), hex digits only (Python) and decimal digits (ZIMKit)', () => {
      expect(ivBytes(byId('c01-java04-alice'))).to.match(/[^0-9a-z]/);
      expect(ivBytes(byId('c03-py04-room'))).to.match(/^[0-9a-f]{16}$/);
      expect(ivBytes(byId('c05-zv-alice'))).to.match(/^[0-9]{16}$/);
      for (const id of ['c01-java04-alice', 'c03-py04-room', 'c05-zv-alice']) {
        expect(decodeToken(byId(id).token, byId(id).secret)).to.deep.equal(expectedClaims(byId(id)));
      }
    });

    it('reads any key order: Java HashMap order, .NET payload before times, Go times before nonce', () => {
      for (const id of ['c01-java04-alice', 'c02-net04-cjk', 'c01-go04-alice']) {
        expect(byId(id).plaintext).to.not.match(/^\{"app_id":\d+,"user_id":"[^"]*","nonce"/);
        expect(decodeToken(byId(id).token, byId(id).secret)).to.include({ userId: expectedClaims(byId(id)).userId });
      }
    });

    it("reads PHP's \\u escapes (surrogate pairs included), Go's U+FFFD and raw UTF-8 as the same text", () => {
      expect(decodeToken(byId('c02-php04-cjk').token, byId('c02-php04-cjk').secret).userId).to.equal('张三😀');
      expect(decodeToken(byId('c02-py04-cjk').token, byId('c02-py04-cjk').secret).userId).to.equal('张三😀');
      expect(decodeToken(byId('c07-go04-badutf8').token, byId('c07-go04-badutf8').secret).userId).to.equal('caf\uFFFD');
    });

    it("reads Python's spaced room payload as the same room", () => {
      const { room } = decodeToken(byId('c03-py04-room').token, byId('c03-py04-room').secret) as { room?: DecodedRoom };
      expect(room).to.deep.equal({ roomId: 'lobby-1', privilege: { login: true, publish: false }, streamIdList: ['s1', 's2'] });
    });

    it('reads a null payload, a missing one and an object one, and says which', () => {
      const nullPayload = decodeToken(byId('c05-java04-null').token, byId('c05-java04-null').secret);
      expect(nullPayload).to.include({ payload: '', payloadShape: 'null' }).and.not.have.property('room');
      const absent = decodeToken(byId('c05-zv-alice').token, byId('c05-zv-alice').secret);
      expect(absent).to.include({ payload: '', payloadShape: 'absent' });
      const object = decodeToken(byId('c05-py04-dict').token, byId('c05-py04-dict').secret);
      expect(object).to.include({
        payload: '{"room_id":"lobby-1","privilege":{"1":1,"2":0},"stream_id_list":["s1","s2"]}',
        payloadShape: 'object',
      });
      expect(object.version === '04' && object.room).to.deep.include({ roomId: 'lobby-1', streamIdList: ['s1', 's2'] });
    });

    it('reads room_id "" as any room and stream_id_list [] as any stream, in every generator that writes them', () => {
      for (const id of ['c04-js04-roomempty', 'c04-php04-roomempty', 'c04-oc04-roomempty', 'c04-net04-roomempty']) {
        const variant = byId(id);
        const { createTime } = expectedClaims(variant);
        const claims = verifyToken(variant.token, variant.secret, { roomId: 'any-room-at-all', now: createTime });
        expect(claims.version === '04' && claims.room, id).to.deep.equal({
          roomId: '',
          anyRoom: true,
          privilege: { login: true, publish: true },
          streamIdList: null,
        });
      }
    });

    it('reads a token born expired (lifetime -60) and verifies it as expired, whatever the clock says', () => {
      const variant = byId('c08-js04-neg60a');
      const claims = decodeToken(variant.token, variant.secret);
      expect(claims.expireTime - claims.createTime).to.equal(-60);
      const error = expectZegoError(() => verifyToken(variant.token, variant.secret, { now: claims.createTime - 3600 }), ErrorCode.TOKEN_EXPIRED);
      expect(error.message).to.match(/negative/);
    });

    it('keeps 03 nonces exact: negative int64 (Go), milliseconds (Node.js), above 2^63 - 1 (Python before its fix)', () => {
      expect(decodeToken(byId('x03-go03-alice').token, byId('x03-go03-alice').secret).nonce).to.equal('-1912876023933311531');
      expect(decodeToken(byId('x03-js03-alice').token, byId('x03-js03-alice').secret).nonce).to.equal('1796028336608');
      const old = decodeToken(byId('c09-py03old-1').token, byId('c09-py03old-1').secret).nonce;
      expect(old).to.equal('9920165195729614099');
      expect(BigInt(old) > 2n ** 63n - 1n).to.equal(true);
    });

    it("reads C++'s same-second tokens, which share IV and nonce, as three users' tokens", () => {
      const same = ['c10-cpp04-same1', 'c10-cpp04-same2', 'c10-cpp04-same3'].map(byId);
      expect(new Set(same.map((v) => v.header.ivHex)).size).to.equal(1);
      expect(same.map((v) => decodeToken(v.token, v.secret).userId)).to.deep.equal(['alice', 'bob', 'carol']);
    });

    it("reads a UIKit kit token as its token's claims plus its wrapper", () => {
      const variant = byId('c11-kitprod');
      expect(variant.token).to.include('#');
      const claims = decodeToken(variant.token, variant.secret);
      expect(claims.version === '04' && claims.kit).to.deep.equal({ appId: 1234567890, userId: 'alice', roomId: 'lobby-1', userName: 'Alice' });
      expect(decodeToken(variant.token.split('#')[0]!, variant.secret)).to.not.have.property('kit');
    });
  });
});
