/**
 * Token minting from already-validated inputs: the hot path shared by the public generators (which validate every
 * call) and the token issuer (which validates once, at construction), on either platform's cryptography. One rule
 * is checked here, on every token, because it depends on when it is made: no token expires after 2^31 - 1 s
 * (lifetime.ts), which an issuer's long lifetime reaches as the years pass.
 */
import { nowInSeconds } from '../lib/time.js';
import type { TokenMode } from '../format/envelope.js';
import { plaintext03, plaintext04 } from '../format/plaintext.js';
import type { TokenCrypto, TokenKey } from '../format/token-crypto.js';
import { assertExpiry } from './lifetime.js';
import type { PrivilegeJson } from './privilege.js';

/** A minted token with the times it carries (epoch seconds); `Sealed` is `string` or `Promise<string>`. */
export interface MintedToken<Sealed> {
  token: Sealed;
  createTime: number;
  expireTime: number;
}

export function mintToken04<Sealed>(
  crypto: TokenCrypto<Sealed, unknown>,
  key: TokenKey<Sealed, unknown>,
  mode: TokenMode,
  appId: number,
  userId: string,
  effectiveTimeInSeconds: number,
  payload: string,
): MintedToken<Sealed> {
  const createTime = nowInSeconds();
  assertExpiry(effectiveTimeInSeconds, createTime);
  const expireTime = createTime + effectiveTimeInSeconds;
  const plaintext = plaintext04(appId, userId, crypto.random.nextNonce04(), createTime, expireTime, payload);
  return { token: key.seal('04', mode, expireTime, plaintext), createTime, expireTime };
}

export function mintToken03<Sealed>(
  crypto: TokenCrypto<Sealed, unknown>,
  key: TokenKey<Sealed, unknown>,
  appId: number,
  roomId: string,
  userId: string,
  privilege: PrivilegeJson,
  effectiveTimeInSeconds: number,
): MintedToken<Sealed> {
  const createTime = nowInSeconds();
  assertExpiry(effectiveTimeInSeconds, createTime);
  const expireTime = createTime + effectiveTimeInSeconds;
  const plaintext = plaintext03(appId, roomId, userId, privilege, createTime, expireTime, crypto.random.randomSafeInteger());
  return { token: key.seal('03', 'cbc', expireTime, plaintext), createTime, expireTime };
}
