import { expect } from 'chai';
import {
  buildRoomPayload,
  decodeToken,
  generateToken03,
  generateToken04,
  inspectToken,
  type RoomPayload,
} from '@zego-token/core';
import { APP_ID, SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

const json = (value: string): string => JSON.stringify(value);
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Room payloads as ZEGO documents them, written out by hand (key order included). */
const payloadKinds: Array<{ name: string; payload: string | RoomPayload | undefined; text: string }> = [
  { name: 'no payload', payload: undefined, text: '' },
  { name: 'an empty payload', payload: '', text: '' },
  {
    name: 'a room payload with defaults',
    payload: { roomId: 'demo' },
    text: '{"room_id":"demo","privilege":{"1":1,"2":1},"stream_id_list":null}',
  },
  {
    name: 'a watch-only room payload with streams',
    payload: { roomId: 'lobby_#1', privilege: { publish: false }, streamIdList: ['s123', 'stream-lobby_#1'] },
    text: '{"room_id":"lobby_#1","privilege":{"1":1,"2":0},"stream_id_list":["s123","stream-lobby_#1"]}',
  },
  {
    name: 'a room payload in numeric privilege form',
    payload: { roomId: 'r', privilege: { 1: 0, 2: 1 }, streamIdList: null },
    text: '{"room_id":"r","privilege":{"1":0,"2":1},"stream_id_list":null}',
  },
  { name: "an app's own string payload", payload: '{"custom":"✓ \\" \\\\"}', text: '{"custom":"✓ \\" \\\\"}' },
];

const users = ['alice', 'user_1001', 'ユーザー', 'a'.repeat(64), '😀'.repeat(16), 'quote"back\\slash'];

describe('round trips: every token we make opens with an independent FORMAT.md decoder and with decodeToken', () => {
  for (const mode of ['gcm', 'cbc'] as const) {
    for (const kind of payloadKinds) {
      it(`04-${mode} with ${kind.name}`, () => {
        for (const userId of users) {
          const before = nowSeconds();
          const token = generateToken04({
            appId: APP_ID,
            userId,
            secret: SECRET,
            effectiveTimeInSeconds: 3600,
            mode,
            ...(kind.payload === undefined ? {} : { payload: kind.payload }),
          });
          const raw = readRawToken(token, SECRET);
          const decoded = decodeToken(token, SECRET);
          const nonce = rawNonce(raw.plaintext);
          expect(decoded.createTime).to.be.within(before, nowSeconds());

          // Byte-for-byte layout: compact JSON, keys in ZEGO's order.
          expect(raw.plaintext).to.equal(
            `{"app_id":${APP_ID},"user_id":${json(userId)},"nonce":${nonce},"ctime":${decoded.createTime},` +
              `"expire":${decoded.createTime + 3600},"payload":${json(kind.text)}}`,
          );
          expect(raw.version).to.equal('04');
          expect(raw.expireTime).to.equal(BigInt(decoded.createTime + 3600));
          if (mode === 'gcm') {
            expect(raw.iv).to.have.length(12);
            expect(raw.modeByte).to.equal(1);
          } else {
            expect(raw.iv.toString('latin1')).to.match(/^[0-9a-z]{16}$/);
            expect(raw.modeByte).to.equal(undefined);
          }
          expect(Number(nonce)).to.be.within(-(2 ** 31), 2 ** 31 - 1);

          expect(decoded).to.include({ version: '04', mode, appId: APP_ID, userId, payload: kind.text, nonce });
          expect(decoded.expireTime).to.equal(decoded.createTime + 3600);
          expect(inspectToken(token)).to.deep.equal({ version: '04', mode, expireTime: decoded.expireTime });
          if (decoded.version !== '04') throw new Error('unreachable');
          if (kind.text.startsWith('{"room_id"')) {
            const room = kind.payload as RoomPayload;
            expect(decoded.room?.roomId).to.equal(room.roomId);
            expect(buildRoomPayload(room)).to.equal(kind.text);
          } else {
            expect(decoded).to.not.have.property('room');
          }
        }
      });
    }
  }

  it('03 with every privilege combination', () => {
    const combinations = [
      { privilege: undefined, text: '{"1":1,"2":1}', flags: { login: true, publish: true } },
      { privilege: { publish: false }, text: '{"1":1,"2":0}', flags: { login: true, publish: false } },
      { privilege: { login: false, publish: true }, text: '{"1":0,"2":1}', flags: { login: false, publish: true } },
      { privilege: { 1: 0, 2: 0 } as const, text: '{"1":0,"2":0}', flags: { login: false, publish: false } },
    ];
    for (const { privilege, text, flags } of combinations) {
      for (const userId of users) {
        const roomId = 'room-42~!@#$%^&*()_+=-`;\',.<>\\';
        const token = generateToken03({
          appId: APP_ID,
          roomId,
          userId,
          secret: SECRET,
          effectiveTimeInSeconds: 60,
          ...(privilege === undefined ? {} : { privilege }),
        });
        const raw = readRawToken(token, SECRET);
        const decoded = decodeToken(token, SECRET);
        const nonce = rawNonce(raw.plaintext);
        expect(raw.plaintext).to.equal(
          `{"app_id":${APP_ID},"room_id":${json(roomId)},"user_id":${json(userId)},"privilege":${text},` +
            `"create_time":${decoded.createTime},"expire_time":${decoded.createTime + 60},"nonce":${nonce}}`,
        );
        expect(raw.version).to.equal('03');
        expect(raw.iv.toString('latin1')).to.match(/^[0-9a-z]{16}$/);
        expect(raw.modeByte).to.equal(undefined);
        expect(Number.isSafeInteger(Number(nonce)) && Number(nonce) >= 0).to.equal(true);
        expect(decoded).to.deep.equal({
          version: '03',
          mode: 'cbc',
          appId: APP_ID,
          roomId,
          userId,
          privilege: flags,
          createTime: decoded.createTime,
          expireTime: decoded.createTime + 60,
          nonce,
        });
      }
    }
  });

  it('carries a plaintext of up to 65,519 bytes, the most a 16-bit ciphertext length allows', () => {
    for (const mode of ['gcm', 'cbc'] as const) {
      const base = { appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 1, mode };
      // The plaintext around the payload, for a nonce of `width` characters (1 to 11, e.g. "-2147483648").
      const overhead = (width: number): number =>
        `{"app_id":1,"user_id":"u","nonce":${'9'.repeat(width)},"ctime":${nowSeconds()},"expire":${nowSeconds() + 1},"payload":""}`
          .length;
      const make = (length: number): string => generateToken04({ ...base, payload: 'x'.repeat(length) });

      expect(decodeToken(make(65_519 - overhead(11)), SECRET).version).to.equal('04');
      expect(() => make(65_520 - overhead(1))).to.throw().with.property('code', 7);
      // Exactly 65,519 bytes whenever the random nonce has 10 digits (about 45% of draws).
      let exact = 0;
      for (let attempt = 0; attempt < 200 && exact === 0; attempt += 1) {
        try {
          const plaintext = readRawToken(make(65_519 - overhead(10)), SECRET).plaintext;
          if (plaintext.length === 65_519) exact += 1;
        } catch (error) {
          expect(error).to.have.property('code', 7);
        }
      }
      expect(exact, mode).to.equal(1);
    }
  });
});
