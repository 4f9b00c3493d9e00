/**
 * Token minting from already-validated inputs: the hot path shared by the public generators (which validate every
 * call) and the token issuer (which validates once, at construction).
 */
import type { KeyObject } from 'node:crypto';
import { nowInSeconds } from '../lib/clock.js';
import { sealToken, type TokenMode } from '../format/envelope.js';
import { plaintext03, plaintext04 } from '../format/plaintext.js';
import type { PrivilegeJson } from './privilege.js';
import { nextNonce04, randomSafeInteger } from '../format/random.js';

/** A minted token with the times it carries (epoch seconds). */
export interface MintedToken {
  token: string;
  createTime: number;
  expireTime: number;
}

export function mintToken04(
  key: KeyObject,
  mode: TokenMode,
  appId: number,
  userId: string,
  effectiveTimeInSeconds: number,
  payload: string,
): MintedToken {
  const createTime = nowInSeconds();
  const expireTime = createTime + effectiveTimeInSeconds;
  const plaintext = plaintext04(appId, userId, nextNonce04(), createTime, expireTime, payload);
  return { token: sealToken('04', mode, key, expireTime, plaintext), createTime, expireTime };
}

export function mintToken03(
  key: KeyObject,
  appId: number,
  roomId: string,
  userId: string,
  privilege: PrivilegeJson,
  effectiveTimeInSeconds: number,
): MintedToken {
  const createTime = nowInSeconds();
  const expireTime = createTime + effectiveTimeInSeconds;
  const plaintext = plaintext03(appId, roomId, userId, privilege, createTime, expireTime, randomSafeInteger());
  return { token: sealToken('03', 'cbc', key, expireTime, plaintext), createTime, expireTime };
}
