/**
 * The fetch handler's contract as a table of checks that needs nothing but Web APIs: no mocha, no chai, no `node:`
 * module, no `process`. `test/http/fetch-contract.test.ts` runs it in Node; a runtime matrix can run the same
 * function in Bun, Deno, workerd and the edge runtime, handing in the builds of `zegoToken` and `decodeToken` that
 * runtime resolves.
 */

/** The two functions the checks need, as each runtime imports them. */
export interface FetchContractSubjects {
  zegoToken: (options: Record<string, unknown>) => (request: Request, env?: unknown) => Promise<Response>;
  decodeToken: (token: string, secret: string) => unknown; // or a promise of it (the Web Crypto build)
}

/** One check's outcome: `error` says what did not hold. */
export interface FetchContractResult {
  name: string;
  error?: string;
}

const APP_ID = 1_000_000_007;
const SECRET = 'fetchcontract000fetchcontract000';

interface Check {
  name: string;
  options?: Record<string, unknown>;
  /** Who getUserId says is asking. */
  user?: string | null;
  path: string;
  method?: string;
  env?: Record<string, string>;
  status: number;
  /** The error code of a 4xx body, or the claims a 200 token must carry. */
  code?: string;
  claims?: { userId: string; roomId?: string; payload?: string };
}

const checks: Check[] = [
  { name: 'a token for a signed-in user (200)', user: 'alice', path: '/zego/token/lobby', status: 200, claims: { userId: 'alice', roomId: 'lobby' } },
  { name: 'a percent-encoded room is decoded', user: 'alice', path: '/zego/token/lobby%231', status: 200, claims: { userId: 'alice', roomId: 'lobby#1' } },
  { name: 'nobody signed in (401)', user: null, path: '/zego/token/lobby', status: 401, code: 'unauthenticated' },
  { name: 'a room outside ZEGO’s set (400)', user: 'alice', path: '/zego/token/my%20room', status: 400, code: 'invalid_room_id' },
  { name: 'a room with a slash, which ZEGO’s Web SDK refuses (400)', user: 'alice', path: '/zego/token/team%2Flobby', status: 400, code: 'invalid_room_id' },
  { name: 'an undecodable room (400)', user: 'alice', path: '/zego/token/%E0%A4%A', status: 400, code: 'invalid_room_id' },
  { name: 'nobody signed in and a bad room: 401 first', user: null, path: '/zego/token/%E0%A4%A', status: 401, code: 'unauthenticated' },
  { name: 'the privilege resolver refuses (403)', user: 'alice', path: '/zego/token/vip', options: { privilege: () => false }, status: 403, code: 'forbidden' },
  { name: 'the identity route: an empty payload', user: 'alice', path: '/zego/token', options: { path: '/zego/token' }, status: 200, claims: { userId: 'alice', payload: '' } },
  { name: 'another path (404)', user: 'alice', path: '/elsewhere', status: 404, code: 'not_found' },
  { name: 'the path in another case is another path (404)', user: 'alice', path: '/ZEGO/token/lobby', status: 404, code: 'not_found' },
  { name: 'the path with a trailing slash is another path (404)', user: 'alice', path: '/zego/token/lobby/', status: 404, code: 'not_found' },
  { name: 'the path with a percent-encoded letter is another path (404)', user: 'alice', path: '/zego/%74oken/lobby', status: 404, code: 'not_found' },
  { name: 'another method (405)', user: 'alice', path: '/zego/token/lobby', method: 'POST', status: 405, code: 'method_not_allowed' },
  {
    name: 'credentials from a Worker’s env',
    user: 'alice',
    path: '/zego/token/lobby',
    options: { appId: undefined, secret: undefined },
    env: { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET },
    status: 200,
    claims: { userId: 'alice', roomId: 'lobby' },
  },
];

async function run(subjects: FetchContractSubjects, check: Check): Promise<void> {
  const options: Record<string, unknown> = { appId: APP_ID, secret: SECRET, getUserId: () => check.user, ...check.options };
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  const handler = subjects.zegoToken(options);
  const response = await handler(new Request(`https://tokens.example${check.path}`, { method: check.method ?? 'GET' }), check.env);
  const text = await response.text();
  if (response.status !== check.status) throw new Error(`status ${response.status}, expected ${check.status}: ${text}`);
  if (response.headers.get('cache-control') !== 'no-store') throw new Error('no Cache-Control: no-store');
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error('not JSON');
  const body = JSON.parse(text) as { error?: { code?: string }; token?: string; userId?: string; roomId?: string };
  if (check.code !== undefined && body.error?.code !== check.code) throw new Error(`error code ${body.error?.code}, expected ${check.code}`);
  if (check.claims === undefined) return;
  const decoded = (await subjects.decodeToken(body.token ?? '', SECRET)) as { userId: string; payload?: string; room?: { roomId: string } };
  if (decoded.userId !== check.claims.userId || body.userId !== check.claims.userId) throw new Error('wrong user in the token');
  if (check.claims.roomId !== undefined && (decoded.room?.roomId !== check.claims.roomId || body.roomId !== check.claims.roomId)) {
    throw new Error('wrong room in the token');
  }
  if (check.claims.payload !== undefined && (decoded.payload !== check.claims.payload || 'roomId' in body)) throw new Error('not an identity token');
}

/** Runs every check; never throws. */
export async function runFetchContract(subjects: FetchContractSubjects): Promise<FetchContractResult[]> {
  const results: FetchContractResult[] = [];
  for (const check of checks) {
    try {
      await run(subjects, check);
      results.push({ name: check.name });
    } catch (error) {
      results.push({ name: check.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
