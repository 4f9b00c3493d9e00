/**
 * Express server handing out ZEGO tokens to signed-in users.
 *
 *   pnpm start                                      demo mode: a demo app whose tokens ZEGO rejects, a demo sign-in
 *   ZEGO_APP_ID=… ZEGO_SERVER_SECRET=… pnpm start   real tokens, for the users authenticate() below knows
 *
 * HOST (default 127.0.0.1: this machine only) and PORT (3000) say where it listens. All the token route needs from
 * your app's authentication (passport, your session login, …) is authenticate(): "who is this request from?".
 * At / it serves the example page (examples/page/): sign in, ask for tokens, read them, and the token doctor.
 */
import { zegoToken } from '@zego-token/express';
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { demoUserIdProblem } from '../page/demo-user.js';
import { examplePage } from '../page/serve.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    userName: string;
  }
}

// Without real credentials, run on a clearly fake app so the example works out of the box.
const DEMO_APP_ID = 1234567890;
const DEMO_SECRET = 'demo0000demo0000demo0000demo0000';
const demo = !process.env['ZEGO_APP_ID'] && !process.env['ZEGO_SERVER_SECRET'];
if (!demo && (!process.env['ZEGO_APP_ID'] || !process.env['ZEGO_SERVER_SECRET'])) {
  // One of the two is set: a typo, not a wish for demo tokens.
  console.error('Set both ZEGO_APP_ID and ZEGO_SERVER_SECRET (or neither, for the demo app).');
  process.exit(1);
}
// The demo sign-in trusts whatever user ID it is sent: with real credentials, anyone who can reach the server could
// get real tokens as any user. So there it runs only when asked for by name, for a try on your own machine.
const demoSignInFlag = process.env['ZEGO_DEMO_SIGN_IN'] || '0';
if (demoSignInFlag !== '0' && demoSignInFlag !== '1') {
  console.error(`ZEGO_DEMO_SIGN_IN is 1 (the demo sign-in on) or 0 (off, the default), not "${demoSignInFlag}".`);
  process.exit(1);
}
const demoSignIn = demo || demoSignInFlag === '1';
const appId = demo ? DEMO_APP_ID : Number(process.env['ZEGO_APP_ID']);
const secret = demo ? DEMO_SECRET : (process.env['ZEGO_SERVER_SECRET'] as string);
const port = Number(process.env['PORT'] || 3000);
// Reachable from this machine only unless HOST says otherwise (HOST=0.0.0.0: from every network it is on).
const host = process.env['HOST'] || '127.0.0.1';

const app = express();
app.use(express.json());
app.use(
  session({
    secret: process.env['SESSION_SECRET'] ?? randomBytes(32).toString('hex'),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
  }),
);

// --- YOUR AUTHENTICATION: who is this request from? ---
// Return the signed-in user's ID from your app's own sign-in (passport: req.user?.id; your login's session; a verified
// JWT's sub), or undefined for nobody, which the token route answers with 401. As it stands it knows only the demo
// sign-in's users, so with real credentials and no ZEGO_DEMO_SIGN_IN=1, nobody gets a token until you fill it in.
function authenticate(req: express.Request): string | undefined {
  return demoSignIn ? req.session.userId : undefined;
}
// The name UIKit Prebuilt shows for the user (with it, every token answer carries a kitToken): yours from your user
// records; here the demo sign-in's, or the user ID.
function userName(req: express.Request): string | undefined {
  return req.session.userName ?? authenticate(req);
}

// --- DEMO SIGN-IN: a stand-in for your app's real authentication. It trusts whatever user ID it is sent. ---
if (demoSignIn) {
  app.post('/demo/login', (req, res) => {
    const { userId, userName } = (req.body ?? {}) as { userId?: unknown; userName?: unknown };
    const problem = demoUserIdProblem(userId);
    if (problem !== undefined || typeof userId !== 'string' || (userName !== undefined && typeof userName !== 'string')) {
      const message = `Send {"userId": "...", "userName": "..." (optional)}${problem === undefined ? '' : `: ${problem}`}`;
      res.status(400).json({ error: { code: 'bad_request', message } });
      return;
    }
    req.session.userId = userId;
    if (userName) req.session.userName = userName;
    else delete req.session.userName;
    res.json({ userId, demo: true });
  });
  app.post('/demo/logout', (req, res, next) => {
    req.session.destroy((error) => (error ? next(error) : res.status(204).end()));
  });
}
// --- end of the demo sign-in ---

// The one line that matters: GET /zego/token/:roomId answers with a token for the signed-in user.
app.use(zegoToken({ appId, secret, getUserId: authenticate, getUserName: userName }));
// And GET /zego/token, the identity route: a token naming no room (for ZIM, or RTC without room authentication).
app.use(zegoToken({ appId, secret, getUserId: authenticate, getUserName: userName, path: '/zego/token' }));

// The example page at /: sign in, get tokens, watch them count down, and the doctor (which runs in the browser).
const page = examplePage({ demo, appId, signIn: demoSignIn ? 'session' : 'none', resolve: (specifier) => import.meta.resolve(specifier) });
for (const file of page.files) {
  app.get(file.path, (_req, res) => {
    res.set(page.headers).type(file.contentType).send(file.body);
  });
}

// Server-side failures (a callback that throws, a user the route cannot serve) reach Express's error handling: here
// logged, and answered as JSON without the stack trace Express's own page would show outside production.
app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
  console.error(error);
  if (res.headersSent) return next(error);
  res.status(500).json({ error: { code: 'internal', message: 'The server failed: its log says why.' } });
});

const server = app.listen(port, host, (error) => {
  // Express 5 hands listen's error here (a port in use, a HOST that is not this machine's) instead of throwing it.
  if (error) {
    console.error(`${error.message} (set PORT or HOST)`);
    process.exit(1);
  }
  // The address really bound (HOST=localhost may give ::1 or 127.0.0.1), IPv6 in brackets as URLs write it.
  const { address, port: boundPort } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${boundPort}`;
  console.log(`zego-token Express example listening on ${url}`);
  console.log(`The example page: open ${url}/ in a browser.`);
  if (demo) {
    console.log(
      `DEMO MODE: ZEGO_APP_ID and ZEGO_SERVER_SECRET are not set, so tokens are for demo app ${DEMO_APP_ID} with a demo ` +
        'secret. ZEGO rejects them; set both variables to issue real tokens.',
    );
  } else if (demoSignIn) {
    console.warn(
      `\n!!! WARNING: ZEGO_DEMO_SIGN_IN=1 with real credentials. The demo sign-in trusts any user ID it is sent:\n` +
        `!!! anyone who can reach ${url} can get real tokens for app ${appId} as any user. Try things out\n` +
        '!!! on your own machine only, then replace the demo sign-in with your authentication (authenticate()).\n',
    );
  }
  if (demoSignIn) {
    console.log(`Try: curl -c jar -H 'content-type: application/json' -d '{"userId":"alice"}' ${url}/demo/login`);
    console.log(`     curl -b jar ${url}/zego/token/lobby`);
  } else {
    console.log(
      `Tokens for app ${appId}, for the users authenticate() in server.ts knows: nobody until you fill it in, so ` +
        'every token request answers 401. (ZEGO_DEMO_SIGN_IN=1 turns the demo sign-in on, to try things out.)',
    );
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
