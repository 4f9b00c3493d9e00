import { expect } from 'chai';
import { ErrorCode, generateToken03, generateToken04, verifyToken } from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';
import { sealRawToken } from '../support/format-decoder.js';

describe('verifyToken', () => {
  const ttl = 600;
  const roomToken = generateToken04({
    appId: APP_ID,
    userId: 'alice',
    secret: SECRET,
    effectiveTimeInSeconds: ttl,
    payload: { roomId: 'lobby' },
  });
  const plainToken = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: ttl });
  const token03 = generateToken03({ appId: APP_ID, roomId: 'lobby', userId: 'alice', secret: SECRET, effectiveTimeInSeconds: ttl });
  const expireTime = verifyToken(roomToken, SECRET).expireTime;

  it('accepts a fresh token with matching claims and returns what decodeToken returns', () => {
    const claims = verifyToken(roomToken, SECRET, { appId: APP_ID, userId: 'alice', roomId: 'lobby' });
    expect(claims).to.include({ version: '04', appId: APP_ID, userId: 'alice' });
    expect(verifyToken(token03, SECRET, { roomId: 'lobby' })).to.include({ version: '03', roomId: 'lobby' });
  });

  it('judges expiry by `now`: valid until the second before the expire time', () => {
    expect(verifyToken(roomToken, SECRET, { now: expireTime - 1 }).expireTime).to.equal(expireTime);
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: expireTime }), ErrorCode.TOKEN_EXPIRED);
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: expireTime + 3600 }), ErrorCode.TOKEN_EXPIRED);
  });

  it('allows clockToleranceSeconds of skew past the expire time', () => {
    expect(verifyToken(roomToken, SECRET, { now: expireTime + 4, clockToleranceSeconds: 5 })).to.be.an('object');
    expectZegoError(
      () => verifyToken(roomToken, SECRET, { now: expireTime + 5, clockToleranceSeconds: 5 }),
      ErrorCode.TOKEN_EXPIRED,
    );
  });

  it('uses the system clock when `now` is not given', () => {
    expect(verifyToken(plainToken, SECRET)).to.include({ userId: 'alice' });
    const past = Math.floor(Date.now() / 1000) - 10;
    const expired = sealRawToken({
      mode: 'gcm',
      secret: SECRET,
      expireTime: past,
      plaintext: `{"app_id":1,"user_id":"a","nonce":1,"ctime":${past - 60},"expire":${past},"payload":""}`,
    });
    expectZegoError(() => verifyToken(expired, SECRET), ErrorCode.TOKEN_EXPIRED);
    expect(verifyToken(expired, SECRET, { clockToleranceSeconds: 60 })).to.include({ expireTime: past });
  });

  it('passes a room payload with room_id "" for any room, and says the room is unrestricted', () => {
    const now = 1_900_000_000;
    const anyRoom = sealRawToken({
      mode: 'gcm',
      secret: SECRET,
      expireTime: now + 60,
      plaintext: `{"app_id":1,"user_id":"a","nonce":1,"ctime":${now},"expire":${now + 60},"payload":"{\\"room_id\\":\\"\\",\\"privilege\\":{\\"1\\":1,\\"2\\":1},\\"stream_id_list\\":[]}"}`,
    });
    const claims = verifyToken(anyRoom, SECRET, { roomId: 'lobby', now });
    expect(claims.version === '04' && claims.room).to.deep.equal({
      roomId: '',
      anyRoom: true,
      privilege: { login: true, publish: true },
      streamIdList: null,
    });
  });

  it("rejects a kit token whose wrapper names another app or user than its token (TOKEN_CLAIM_MISMATCH)", () => {
    const wrap = (kit: object): string => `${plainToken}#${Buffer.from(JSON.stringify(kit)).toString('base64')}`;
    const good = wrap({ userID: 'alice', roomID: 'lobby', userName: 'Ali%20ce', appID: APP_ID });
    expect(verifyToken(good, SECRET, { userId: 'alice' })).to.deep.include({
      kit: { appId: APP_ID, userId: 'alice', roomId: 'lobby', userName: 'Ali ce' },
    });
    const otherUser = wrap({ userID: 'bob', roomID: 'lobby', userName: 'Bob', appID: APP_ID });
    expect(expectZegoError(() => verifyToken(otherUser, SECRET), ErrorCode.TOKEN_CLAIM_MISMATCH).message).to.match(/user/);
    const otherApp = wrap({ userID: 'alice', roomID: 'lobby', userName: 'A', appID: APP_ID + 1 });
    expect(expectZegoError(() => verifyToken(otherApp, SECRET), ErrorCode.TOKEN_CLAIM_MISMATCH).message).to.match(/app/);
  });

  it('rejects a token for another app, user or room (TOKEN_CLAIM_MISMATCH)', () => {
    expectZegoError(() => verifyToken(roomToken, SECRET, { appId: APP_ID + 1 }), ErrorCode.TOKEN_CLAIM_MISMATCH);
    expectZegoError(() => verifyToken(roomToken, SECRET, { userId: 'bob' }), ErrorCode.TOKEN_CLAIM_MISMATCH);
    expectZegoError(() => verifyToken(roomToken, SECRET, { roomId: 'other' }), ErrorCode.TOKEN_CLAIM_MISMATCH);
    expectZegoError(() => verifyToken(token03, SECRET, { roomId: 'other' }), ErrorCode.TOKEN_CLAIM_MISMATCH);
    // A token without a room payload is valid in any room, so it cannot prove it was meant for this one.
    expectZegoError(() => verifyToken(plainToken, SECRET, { roomId: 'lobby' }), ErrorCode.TOKEN_CLAIM_MISMATCH);
  });

  it('checks expiry before claims, and decryption before both', () => {
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: expireTime, userId: 'bob' }), ErrorCode.TOKEN_EXPIRED);
    expectZegoError(() => verifyToken(roomToken, OTHER_SECRET, { now: expireTime }), ErrorCode.TOKEN_DECRYPTION_FAILED);
  });

  it('rejects bad expectations before looking at the token', () => {
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: Number.NaN }), ErrorCode.OPTION_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: '1' as never }), ErrorCode.OPTION_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, { clockToleranceSeconds: -1 }), ErrorCode.OPTION_INVALID);
  });

  it('refuses null for now and clockToleranceSeconds (OPTION_INVALID) instead of using the defaults, as the issuer does', () => {
    expectZegoError(() => verifyToken(roomToken, SECRET, { now: null as never }), ErrorCode.OPTION_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, { clockToleranceSeconds: null as never }), ErrorCode.OPTION_INVALID);
    // Absent and undefined still mean the defaults.
    expect(verifyToken(roomToken, SECRET, { now: undefined, clockToleranceSeconds: undefined })).to.include({ userId: 'alice' });
    expectZegoError(() => verifyToken(roomToken, SECRET, { appId: 0 }), ErrorCode.APP_ID_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, { userId: '' }), ErrorCode.USER_ID_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, { roomId: '' }), ErrorCode.ROOM_ID_INVALID);
    expectZegoError(() => verifyToken(roomToken, SECRET, null as never), ErrorCode.OPTION_INVALID);
  });
});
