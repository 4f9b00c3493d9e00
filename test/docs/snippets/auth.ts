/**
 * The stand-in for "your auth" in the integration guides' snippets: the user of a session cookie that your login
 * signed (an HS256 JWT, verified with jose, which runs in Node, Workers, Bun, Deno and edge runtimes alike).
 */
import { jwtVerify, SignJWT } from 'jose';

const key = new TextEncoder().encode('session-key-for-the-guides-tests-only');

/** What your login does: a signed session for `userId`. */
export function signSession(userId: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setExpirationTime('1h').sign(key);
}

/** The signed-in user of `request` (its `session` cookie), or `null`. */
export async function currentUserId(request: Request): Promise<string | null> {
  const session = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  if (session === undefined) return null;
  const verified = await jwtVerify(session, key).catch(() => null);
  return verified?.payload.sub ?? null;
}
