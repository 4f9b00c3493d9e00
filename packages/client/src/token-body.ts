/**
 * The token route's 200 body, as the client reads it: checked field by field, so that what `get` resolves to is
 * what its type says. The HTTP contract is `@zego-token/core`'s (its `route/token-response.ts`).
 */

/** A token route's answer. Times are epoch seconds, by the server's clock. */
export interface TokenBody {
  /** The ZEGO token: `loginRoom`, `zim.login`, `renewToken`. */
  readonly token: string;
  /** The ZEGO app ID the token is for (`new ZegoExpressEngine(appId, …)`, `ZIM.create({ appID: appId })`). */
  readonly appId: number;
  /** The user the token is for: log in with this user ID, or ZEGO refuses the token. */
  readonly userId: string;
  /** The room asked for, on a room route; absent on an identity route. */
  readonly roomId?: string;
  /** The token format, `'04'` or `'03'`. */
  readonly version?: string;
  /** When the server made the token. */
  readonly issuedAt: number;
  /** When the token stops working. */
  readonly expiresAt: number;
  /** The UIKit Prebuilt kit token, when the route makes one (its `getUserName` option). */
  readonly kitToken?: string;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/**
 * The first field of `value` that is not what the route sends, or `undefined` when `value` is a token body for
 * `roomId` (a room route's, naming exactly that room) or, with no room, an identity route's (naming none). Unknown
 * fields are allowed: a newer server may add some.
 */
export function invalidField(value: unknown, roomId: string | undefined): string | undefined {
  if (typeof value !== 'object' || value === null) return 'body';
  const body = value as Record<string, unknown>;
  if (!isText(body['token'])) return 'token';
  if (!isPositiveInteger(body['appId'])) return 'appId';
  if (!isText(body['userId'])) return 'userId';
  if (body['roomId'] !== roomId) return 'roomId';
  if (body['version'] !== undefined && typeof body['version'] !== 'string') return 'version';
  if (!isPositiveInteger(body['issuedAt'])) return 'issuedAt';
  if (!isPositiveInteger(body['expiresAt']) || body['expiresAt'] <= body['issuedAt']) return 'expiresAt';
  if (body['kitToken'] !== undefined && !isText(body['kitToken'])) return 'kitToken';
  return undefined;
}
