/* global Bun, Deno */
/**
 * The README's `Bun.serve` and `Deno.serve` one-liners (test/docs/snippets/bun.ts, deno.ts), run as written in the
 * real runtime: the runtime's own serve is only told to listen on a free loopback port instead of 3000. A signed-in
 * request gets a token that decodes to its user and room; an anonymous one gets 401.
 */
import { decodeToken } from '@zego-token/core/web';
import { signSession } from '../docs/snippets/auth.ts';

const SECRET = 'serve000serve000serve000serve000';

export async function runServeSnippet() {
  process.env.ZEGO_APP_ID = '1234567890';
  process.env.ZEGO_SERVER_SECRET = SECRET;
  const results = [];
  const check = async (name, fn) => {
    try {
      await fn();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, detail: String(error?.stack ?? error) });
    }
  };
  let server;
  let origin;
  if (globalThis.Bun) {
    const serve = Bun.serve;
    Bun.serve = (options) => serve.call(Bun, { ...options, port: 0, hostname: '127.0.0.1' });
    ({ server } = await import('../docs/snippets/bun.ts'));
    Bun.serve = serve;
    origin = `http://127.0.0.1:${server.port}`;
  } else if (globalThis.Deno) {
    const serve = Deno.serve;
    Deno.serve = (options, handler) => serve.call(Deno, { ...options, port: 0, hostname: '127.0.0.1', onListen() {} }, handler);
    ({ server } = await import('../docs/snippets/deno.ts'));
    Deno.serve = serve;
    origin = `http://127.0.0.1:${server.addr.port}`;
  } else {
    return results;
  }
  const name = globalThis.Bun ? 'Bun.serve' : 'Deno.serve';
  try {
    await check(`${name} one-liner: a signed-in user gets a token for the room asked`, async () => {
      const cookie = `session=${await signSession('alice')}`;
      const response = await fetch(`${origin}/zego/token/lobby`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
      if (response.headers.get('cache-control') !== 'no-store') throw new Error('no no-store');
      const { token } = await response.json();
      const claims = await decodeToken(token, SECRET);
      if (claims.userId !== 'alice' || claims.room?.roomId !== 'lobby') throw new Error('token for someone else');
    });
    await check(`${name} one-liner: nobody signed in gets 401`, async () => {
      const response = await fetch(`${origin}/zego/token/lobby`);
      await response.body?.cancel();
      if (response.status !== 401) throw new Error(`status ${response.status}`);
    });
  } finally {
    if (globalThis.Bun) server.stop(true);
    else await server.shutdown();
  }
  return results;
}
