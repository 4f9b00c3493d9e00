import { expect } from 'chai';
import { decodeToken, inspectToken, verifyToken, type DecodedToken } from '@zego-token/core';
import { referenceVectors } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

/** The fixture's decoded view, in the library's shape (privilege as booleans, room parsed from the payload). */
function expectedClaims(vector: (typeof referenceVectors)[number]): DecodedToken {
  const e = vector.expected;
  if (e.version === '03') {
    return {
      version: '03',
      mode: 'cbc',
      appId: e.appId,
      roomId: e.roomId as string,
      userId: e.userId,
      privilege: { login: e.privilege?.['1'] === 1, publish: e.privilege?.['2'] === 1 },
      createTime: e.createTime,
      expireTime: e.expireTime,
      nonce: e.nonce,
    };
  }
  const payload = e.payload as string;
  const decoded: DecodedToken = {
    version: '04',
    mode: e.mode as 'cbc' | 'gcm',
    appId: e.appId,
    userId: e.userId,
    createTime: e.createTime,
    expireTime: e.expireTime,
    nonce: e.nonce,
    payload,
  };
  if (payload !== '') {
    const room = JSON.parse(payload) as { room_id: string; privilege: { '1': number; '2': number }; stream_id_list: string[] | null };
    decoded.room = {
      roomId: room.room_id,
      privilege: { login: room.privilege['1'] === 1, publish: room.privilege['2'] === 1 },
      streamIdList: room.stream_id_list,
    };
  }
  return decoded;
}

describe('reference tokens (shared/vectors/reference-tokens.json)', () => {
  it('covers every reference generator', () => {
    const sources = new Set(referenceVectors.map((v) => v.source));
    expect([...sources].sort()).to.deep.equal([
      'node-token03',
      'node-token04-cbc',
      'node-token04-gcm',
      'python-token03',
      'python-token04-cbc',
    ]);
    expect(referenceVectors).to.have.length.greaterThanOrEqual(39);
  });

  for (const vector of referenceVectors) {
    describe(`${vector.id} (${vector.source})`, () => {
      it('decodes to exactly the expected claims', () => {
        expect(decodeToken(vector.token, vector.secret)).to.deep.equal(expectedClaims(vector));
      });

      it('keeps the nonce exact, as written in the plaintext', () => {
        const decoded = decodeToken(vector.token, vector.secret);
        expect(decoded.nonce).to.equal(rawNonce(vector.plaintext));
        expect(readRawToken(vector.token, vector.secret).plaintext).to.equal(vector.plaintext);
      });

      it('shows version, mode and expiry without the secret', () => {
        expect(inspectToken(vector.token)).to.deep.equal({
          version: vector.expected.version,
          mode: vector.expected.mode ?? 'cbc',
          expireTime: vector.expected.expireTime,
        });
      });

      it('verifies only before its expire time', () => {
        const { expireTime, appId, userId } = vector.expected;
        expect(verifyToken(vector.token, vector.secret, { now: expireTime - 1, appId, userId })).to.deep.equal(
          expectedClaims(vector),
        );
        expect(() => verifyToken(vector.token, vector.secret, { now: expireTime }))
          .to.throw()
          .with.property('code', 10);
      });
    });
  }

  it('includes 03 nonces beyond 2^53, which a plain JSON.parse would round', () => {
    const big = referenceVectors.filter((v) => v.expected.version === '03' && BigInt(v.expected.nonce) > 2n ** 53n);
    expect(big).to.not.be.empty;
    for (const vector of big) {
      expect(String(Number(vector.expected.nonce))).to.not.equal(vector.expected.nonce);
      expect(decodeToken(vector.token, vector.secret).nonce).to.equal(vector.expected.nonce);
    }
  });
});
