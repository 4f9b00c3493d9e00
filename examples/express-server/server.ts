/**
 * Express server handing out ZEGO tokens to signed-in users.
 *
 *   ZEGO_APP_ID=… ZEGO_SERVER_SECRET=… pnpm start      (without them: a demo app whose tokens ZEGO rejects)
 *
 * The demo sign-in below stands in for your app's real authentication (passport, your session login, …): all the
 * token route needs from it is "who is this request from?".
 */
import { decodeToken } from '@zego-token/core';
import { zegoToken } from '@zego-token/express';
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

declare module 'express-session' {
  interface SessionData {
    userId: string;
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

// --- DEMO SIGN-IN: a stand-in for your app's real authentication. It trusts whatever user ID it is sent. ---
app.post('/demo/login', (req, res) => {
  const { userId } = (req.body ?? {}) as { userId?: unknown };
  if (typeof userId !== 'string' || userId === '') {
    res.status(400).json({ error: { code: 'bad_request', message: 'Send {"userId": "..."}' } });
    return;
  }
  req.session.userId = userId;
  res.json({ userId, demo: true });
});
app.post('/demo/logout', (req, res, next) => {
  req.session.destroy((error) => (error ? next(error) : res.status(204).end()));
});
// --- end of the demo sign-in ---

// The one line that matters: GET /zego/token/:roomId answers with a token for the signed-in user.
app.use(zegoToken({ appId, secret, getUserId: (req) => req.session.userId }));

// Handy while trying things out: what is inside a token? (Never expose this in production.)
if (demo) {
  app.get('/demo/decode/:token', (req, res) => {
    res.json(decodeToken(req.params.token, secret));
  });
}

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
  if (demo) {
    console.log(
      `DEMO MODE: ZEGO_APP_ID and ZEGO_SERVER_SECRET are not set, so tokens are for demo app ${DEMO_APP_ID} with a demo ` +
        'secret. ZEGO rejects them; set both variables to issue real tokens.',
    );
  }
  console.log(`Try: curl -c jar -H 'content-type: application/json' -d '{"userId":"alice"}' ${url}/demo/login`);
  console.log(`     curl -b jar ${url}/zego/token/lobby`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
