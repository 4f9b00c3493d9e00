/**
 * Koa server handing out ZEGO tokens to users signed in with a JWT.
 *
 *   pnpm start:koa                                      demo mode: a demo app whose tokens ZEGO rejects, a demo sign-in
 *   ZEGO_APP_ID=… ZEGO_SERVER_SECRET=… pnpm start:koa   real tokens, for the JWTs the auth middleware below verifies
 *
 * HOST (default 127.0.0.1: this machine only) and PORT (3001) say where it listens. The demo sign-in below stands in
 * for your app's real authentication: in production the JWT comes from your identity provider, and a middleware such
 * as this one (or koa-jwt) verifies it into ctx.state.user. At / it serves the example page (examples/page/, the
 * Express example's too): sign in, ask for tokens, read them, and the token doctor.
 */
import Router from '@koa/router';
import { zegoToken } from '@zego-token/koa';
import { jwtVerify, SignJWT } from 'jose';
import Koa from 'koa';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { demoUserIdProblem } from '../page/demo-user.js';
import { examplePage } from '../page/serve.js';

const DEMO_APP_ID = 1234567890;
const DEMO_SECRET = 'demo0000demo0000demo0000demo0000';
const demo = !process.env['ZEGO_APP_ID'] && !process.env['ZEGO_SERVER_SECRET'];
if (!demo && (!process.env['ZEGO_APP_ID'] || !process.env['ZEGO_SERVER_SECRET'])) {
  // One of the two is set: a typo, not a wish for demo tokens.
  console.error('Set both ZEGO_APP_ID and ZEGO_SERVER_SECRET (or neither, for the demo app).');
  process.exit(1);
}
// The demo sign-in signs a JWT for whatever user ID it is given: with real credentials, anyone who can reach the
// server could get real tokens as any user. So there it runs only when asked for by name, for a try on your machine.
const demoSignInFlag = process.env['ZEGO_DEMO_SIGN_IN'] || '0';
if (demoSignInFlag !== '0' && demoSignInFlag !== '1') {
  console.error(`ZEGO_DEMO_SIGN_IN is 1 (the demo sign-in on) or 0 (off, the default), not "${demoSignInFlag}".`);
  process.exit(1);
}
const demoSignIn = demo || demoSignInFlag === '1';
const appId = demo ? DEMO_APP_ID : Number(process.env['ZEGO_APP_ID']);
const secret = demo ? DEMO_SECRET : (process.env['ZEGO_SERVER_SECRET'] as string);
const port = Number(process.env['PORT'] || 3001);
// Reachable from this machine only unless HOST says otherwise (HOST=0.0.0.0: from every network it is on).
const host = process.env['HOST'] || '127.0.0.1';
const jwtKey = randomBytes(32);

const app = new Koa();

// --- YOUR AUTHENTICATION: a valid bearer JWT becomes ctx.state.user; without one the request stays anonymous (401). ---
// Verify your identity provider's JWTs here (its key, or jose's createRemoteJWKSet for its JWKS URL). jwtKey is known
// to the demo sign-in only, so without the demo sign-in no JWT verifies and nobody gets a token.
app.use(async (ctx, next) => {
  const bearer = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1];
  if (bearer) {
    try {
      ctx.state['user'] = (await jwtVerify(bearer, jwtKey, { algorithms: ['HS256'] })).payload;
    } catch {
      // an invalid or expired JWT: anonymous
    }
  }
  await next();
});

const router = new Router();

// --- DEMO SIGN-IN: a stand-in for your identity provider. It signs a JWT for whatever user ID it is given. ---
if (demoSignIn) {
  // ?name=… (optional): the display name UIKit Prebuilt shows, carried in the JWT as `name`.
  router.post('/demo/login/:userId', async (ctx) => {
    const { name } = ctx.query;
    const problem = demoUserIdProblem(ctx.params['userId']);
    if (problem !== undefined) {
      ctx.status = 400;
      ctx.body = { error: { code: 'bad_request', message: `POST /demo/login/:userId: ${problem}` } };
      return;
    }
    const token = await new SignJWT(typeof name === 'string' && name !== '' ? { name } : {})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ctx.params['userId'] ?? '')
      .setExpirationTime('1h')
      .sign(jwtKey);
    ctx.body = { jwt: token, demo: true };
  });
}
// --- end of the demo sign-in ---

const user = (ctx: Koa.Context): { sub?: string; name?: string } | undefined => ctx.state['user'] as { sub?: string; name?: string } | undefined;
// The name UIKit Prebuilt shows (with it, every token answer carries a kitToken): the JWT's name, or the user ID.
const getUserName = (ctx: Koa.Context): string | undefined => user(ctx)?.name ?? user(ctx)?.sub;

// The one line that matters: GET /zego/token/:roomId answers with a token for the JWT's subject.
router.get('/zego/token/:roomId', zegoToken({ appId, secret, getUserId: (ctx) => user(ctx)?.sub, getUserName }));
// And GET /zego/token, the identity route: a token naming no room (for ZIM, or RTC without room authentication).
router.get('/zego/token', zegoToken({ appId, secret, getUserId: (ctx) => user(ctx)?.sub, getUserName, path: '/zego/token' }));

// The example page at /: sign in, get tokens, watch them count down, and the doctor (which runs in the browser).
const page = examplePage({ demo, appId, signIn: demoSignIn ? 'jwt' : 'none', resolve: (specifier) => import.meta.resolve(specifier) });
for (const file of page.files) {
  router.get(file.path, (ctx) => {
    ctx.set(page.headers);
    ctx.type = file.contentType;
    ctx.body = file.body;
  });
}

app.use(router.routes()).use(router.allowedMethods());

const server = app.listen(port, host, () => {
  // The address really bound (HOST=localhost may give ::1 or 127.0.0.1), IPv6 in brackets as URLs write it.
  const { address, port: boundPort } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${boundPort}`;
  console.log(`zego-token Koa example listening on ${url}`);
  console.log(`The example page: open ${url}/ in a browser.`);
  if (demo) {
    console.log(
      `DEMO MODE: ZEGO_APP_ID and ZEGO_SERVER_SECRET are not set, so tokens are for demo app ${DEMO_APP_ID} with a demo ` +
        'secret. ZEGO rejects them; set both variables to issue real tokens.',
    );
  } else if (demoSignIn) {
    console.warn(
      `\n!!! WARNING: ZEGO_DEMO_SIGN_IN=1 with real credentials. The demo sign-in signs a JWT for any user ID:\n` +
        `!!! anyone who can reach ${url} can get real tokens for app ${appId} as any user. Try things out\n` +
        "!!! on your own machine only, then replace the demo sign-in with your identity provider's JWTs.\n",
    );
  }
  if (demoSignIn) {
    console.log(`Try: JWT=$(curl -s -X POST ${url}/demo/login/alice | sed 's/.*"jwt":"\\([^"]*\\)".*/\\1/')`);
    console.log(`     curl -H "Authorization: Bearer $JWT" ${url}/zego/token/lobby`);
  } else {
    console.log(
      `Tokens for app ${appId}, for bearer JWTs the auth middleware in server.ts verifies: none until you give it ` +
        "your identity provider's key, so every token request answers 401. (ZEGO_DEMO_SIGN_IN=1: the demo sign-in.)",
    );
  }
});

server.once('error', (error) => {
  console.error(`${error.message} (set PORT or HOST)`); // a port in use, a HOST that is not this machine's
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
