/**
 * `pnpm test:browser`: the real ZEGO SDKs renewing their tokens through `@zego-token/client`, in real Chromium.
 *
 * One origin on a loopback port serves two pages, bundled here with esbuild from the npm packages and the built
 * client (page.ts: zego-express-engine-webrtc and zego-zim-web; uikit-page.ts: @zegocloud/zego-uikit-prebuilt, which
 * carries its own Express SDK), and our real token routes (`@zego-token/express`, a room route and an identity route,
 * issuing 40-second tokens). Debian's Chromium, driven by playwright-core (no browser download), opens both: the
 * Express engine logs in to a room, ZIM logs in offline (`isOfflineLogin`, which runs its token timers without a
 * server), UIKit joins a room. ZEGO's servers are never reached: the browser resolves no host but the test's. Each
 * SDK must then, twice: fire its own `tokenWillExpire` 30 s before the token's expiry (read from the token), which
 * reaches our source; the route receives the renewal request; the SDK's `renewToken` receives the token that
 * request served. The second firing, 30 s before the *renewed* token's expiry, shows that the SDK took it and
 * re-armed its timer from it (ZIM, which re-arms only on the answer of ZEGO's server: see page.ts). Every renewal is
 * logged: times, and which request served it.
 *
 * Takes about 25 s (two 10 s timer rounds). Then the example page's test (example-page.ts), about 10 s more.
 * `pnpm test:browser sdks` or `pnpm test:browser page` runs one of the two. Chromium: chromium.ts.
 */
import { build } from 'esbuild';
import express, { type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { zegoToken } from '@zego-token/express';
import { launchChromium } from './chromium.js';
import { examplePageTest } from './example-page.js';
import type { PageEvent } from './page.js';

const LIFETIME_SECONDS = 40;
/** Both SDKs warn this long before a token expires (../shared/CLIENT-SDKS.md). */
const WARNING_SECONDS = 30;
/** How far a firing may be from its expected time (the SDKs' timers, and whole-second expiry times). */
const TOLERANCE_MS = 1500;
const RENEWALS = 2;
const TIMEOUT_MS = 90_000;
const APP_ID = 1234567890;
const SECRET = 'browser0browser0browser0browser0';

const started = Date.now();
const clock = (at: number): string => `+${((at - started) / 1000).toFixed(2)} s`;

/** A request the token routes received. */
interface Served {
  n: number;
  at: number;
  path: string;
  status?: number;
  token?: string;
  expiresAt?: number;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** The pages, their scripts and the token routes on one origin; every request to a token route is recorded. */
async function serve(scripts: { page: string; uikit: string }, served: Served[]): Promise<{ base: string; close: () => Promise<void> }> {
  const app = express();
  app.use((req, res: Response, next) => {
    if (!req.path.startsWith('/zego/token')) return next();
    const entry: Served = { n: served.length + 1, at: Date.now(), path: req.originalUrl };
    served.push(entry);
    const json = res.json.bind(res);
    res.json = (body: { token?: string; expiresAt?: number }) => {
      Object.assign(entry, { status: res.statusCode, token: body.token, expiresAt: body.expiresAt });
      return json(body);
    };
    next();
  });
  // The user: a bearer token (the ZIM half) or the session cookie the page came with (the Express half).
  const getUserId = (req: express.Request): string | undefined =>
    req.get('authorization')?.replace(/^Bearer /, '') ?? /(?:^|;\s*)session=(\w+)/.exec(req.get('cookie') ?? '')?.[1];
  const options = { appId: APP_ID, secret: SECRET, getUserId, effectiveTimeInSeconds: LIFETIME_SECONDS };
  app.use(zegoToken(options)); // GET /zego/token/:roomId
  app.use(zegoToken({ ...options, path: '/zego/token' })); // the identity route
  const page = (script: string, body = ''): string =>
    `<!doctype html><meta charset="utf-8"><title>zego-token client</title><body>${body}<script src="${script}"></script></body>`;
  app.get('/', (_req, res) => {
    res.cookie('session', 'alice', { httpOnly: true, sameSite: 'strict' });
    res.type('html').send(page('/page.js'));
  });
  app.get('/uikit', (_req, res) => res.type('html').send(page('/uikit-page.js', '<div id="call" style="width: 800px; height: 600px"></div>')));
  app.get('/page.js', (_req, res) => res.type('js').send(scripts.page));
  app.get('/uikit-page.js', (_req, res) => res.type('js').send(scripts.uikit));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One renewal as the test saw it, for the log and the checks. */
interface Renewal {
  sdk: PageEvent['sdk'];
  index: number;
  /** When the SDK's warning reached the page (Express: its tokenWillExpire; ZIM: the binding's source.get). */
  fired: number;
  /** The request that served the token being renewed. */
  previous: Served;
  /** The request that served the token given to renewToken. */
  request: Served | undefined;
  renewToken: PageEvent | undefined;
  /** ZIM: how its renewToken's promise settled. */
  settled: PageEvent | undefined;
  /** What the binding reported to onError after this warning, if anything. */
  onError: PageEvent | undefined;
}

const TOKEN_PATHS = { express: '/zego/token/lobby', zim: '/zego/token', uikit: '/zego/token/uikit-room' } as const;
const SDKS = ['express', 'zim', 'uikit'] as const;
const of = <T>(event: PageEvent | undefined): T | undefined => event?.detail as T | undefined;

function renewals(sdk: PageEvent['sdk'], events: PageEvent[], served: Served[]): Renewal[] {
  const mine = (kind: PageEvent['kind']): PageEvent[] => events.filter((event) => event.sdk === sdk && event.kind === kind);
  const servedBy = (token: string | undefined): Served | undefined => served.find((entry) => entry.token === token);
  const login = servedBy(mine('login token')[0]?.token);
  if (login === undefined) return [];
  // The warning: the SDK's own event where the page can listen beside the binding (Express), else the binding's call.
  const warnings = sdk === 'express' ? mine('tokenWillExpire') : mine('source.get').filter((event) => of<{ fresh: boolean }>(event)?.fresh);
  // (UIKit's warning is its call of the room config's onTokenWillExpire, which is the binding: seen as its get.)
  const [renewCalls, settled, errors] = [mine('renewToken'), mine('renewToken settled'), mine('onError')];
  const result: Renewal[] = [];
  let previous = login;
  for (const [index, warning] of warnings.entries()) {
    const next = warnings[index + 1]?.at ?? Infinity;
    const renewToken = renewCalls[index];
    const request = servedBy(renewToken?.token);
    const onError = errors.find((event) => event.at! >= warning.at! && event.at! < next);
    result.push({ sdk, index: index + 1, fired: warning.at!, previous, request, renewToken, settled: settled[index], onError });
    if (request === undefined) break;
    previous = request;
  }
  return result;
}

function describeRenewal(renewal: Renewal, events: PageEvent[]): string {
  const { sdk, index, fired, previous, request, renewToken, settled, onError } = renewal;
  const expiry = previous.expiresAt! * 1000;
  const lines = [
    `${sdk} renewal ${index}: ${WARNINGS[sdk]} at ${clock(fired)}, ` +
      `${((expiry - fired) / 1000).toFixed(2)} s before the expiry (${clock(expiry)}) of the token of request #${previous.n}`,
  ];
  if (request === undefined) lines.push('  no request served the token given to renewToken');
  else {
    lines.push(
      `  → source.get(${sdk === 'zim' ? 'undefined' : `'${decodeURIComponent(request.path.split('/')[3] ?? '')}'`}, { fresh: true }) → request #${request.n} GET ${request.path} at ` +
        `${clock(request.at)} (${request.at - fired} ms after the warning): ${request.status}, a token expiring at ${clock(request.expiresAt! * 1000)}`,
    );
  }
  if (renewToken !== undefined) {
    const argument = sdk === 'uikit' ? 'a kit token wrapping the token' : 'token';
    const call = `${{ express: 'zg', zim: 'zim', uikit: 'zp' }[sdk]}.renewToken(${argument} of request #${request?.n ?? '?'}) at ${clock(renewToken.at!)}`;
    if (sdk !== 'zim') lines.push(`  → ${call}, returned ${String(of<{ accepted: boolean }>(renewToken)?.accepted)}`);
    else lines.push(`  → ${call}: ${settled === undefined ? 'not settled' : `${JSON.stringify(settled.detail)} at ${clock(settled.at!)}`}`);
  }
  if (onError !== undefined) lines.push(`  → onError(${JSON.stringify(onError.detail)})`);
  if (sdk === 'zim' && renewToken !== undefined) {
    const relogin = events.find((event) => event.sdk === 'zim' && event.kind === 'login settled' && event.at! > renewToken.at!);
    if (relogin !== undefined && index === 1) lines.push(`  → logout, then offline login again with the token of request #${request?.n ?? '?'}: ${JSON.stringify(relogin.detail)} at ${clock(relogin.at!)}`);
  }
  return lines.join('\n');
}

/** What is wrong with a renewal, if anything. */
function problems(renewal: Renewal, served: Served[]): string[] {
  const found: string[] = [];
  const name = `${renewal.sdk} renewal ${renewal.index}`;
  const expected = renewal.previous.expiresAt! * 1000 - WARNING_SECONDS * 1000;
  if (Math.abs(renewal.fired - expected) > TOLERANCE_MS) {
    found.push(`${name}: the warning came ${renewal.fired - expected} ms from ${WARNING_SECONDS} s before the token's expiry`);
  }
  const caused = served.filter((entry) => entry.path === TOKEN_PATHS[renewal.sdk] && entry.at >= renewal.fired - 50 && entry.at <= renewal.fired + 2000);
  if (caused.length !== 1) found.push(`${name}: ${caused.length} requests followed the warning, 1 expected`);
  if (renewal.request === undefined || renewal.request !== caused[0]) found.push(`${name}: renewToken did not get the token of the request the warning caused`);
  if (renewal.sdk !== 'zim') {
    if (of<{ accepted: boolean }>(renewal.renewToken)?.accepted !== true) found.push(`${name}: renewToken did not accept the token`);
    if (renewal.onError !== undefined) found.push(`${name}: onError was called`);
  } else {
    // Offline, ZIM checks the token, then fails to reach ZEGO (6000104): the one outcome that shows it took the token.
    const code = of<{ error?: { code?: number } }>(renewal.settled)?.error?.code;
    if (code !== ZIM_NETWORK_ERROR) found.push(`${name}: renewToken settled ${JSON.stringify(renewal.settled?.detail)}, not ZIM's network error ${ZIM_NETWORK_ERROR}`);
    if (of<{ code?: number }>(renewal.onError)?.code !== ZIM_NETWORK_ERROR) found.push(`${name}: onError was not told ZIM's error`);
  }
  return found;
}

/** How each SDK's warning is seen (page.ts and uikit-page.ts say why). */
const WARNINGS = {
  express: "the engine's tokenWillExpire('lobby')",
  zim: "ZIM's tokenWillExpire (seen as the binding's get)",
  uikit: "UIKit's onTokenWillExpire (the binding's get)",
} as const;

/** ZIM's "network error": its renewToken checked the token and sent it, and ZEGO's server did not answer. */
const ZIM_NETWORK_ERROR = 6000104;
/** ZIM's client-side refusals: 6000107 "Token version number is wrong", 6000103 an invalid token. */
const ZIM_CONTROLS: Record<string, number> = { 'our token, marked version 03': 6000107, 'a string that is no token': 6000103 };

async function main(): Promise<number> {
  const scripts = { page: await bundle('page.ts'), uikit: await bundle('uikit-page.ts') };
  const served: Served[] = [];
  const events: PageEvent[] = [];
  const pageErrors: string[] = [];
  const { base, close } = await serve(scripts, served);
  const { context, close: closeChromium } = await launchChromium();
  try {
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const count = (sdk: PageEvent['sdk'], kind: PageEvent['kind']): number =>
      events.filter((e) => e.sdk === sdk && e.kind === kind).length;
    await context.exposeFunction('report', (event: PageEvent) => {
      events.push(event);
      const done = count('express', 'renewToken') >= RENEWALS && count('zim', 'renewToken settled') >= RENEWALS;
      if (done && count('uikit', 'renewToken') >= RENEWALS) setTimeout(finish, 200);
    });
    const pages = [context.pages()[0] ?? (await context.newPage()), await context.newPage()];
    for (const page of pages) page.on('pageerror', (error) => pageErrors.push(error.message));
    await Promise.all([pages[0]!.goto(base), pages[1]!.goto(`${base}/uikit`)]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const ended = Date.now();
    console.log(`browser test: Chromium ${context.browser()?.version() ?? '?'}; zego-express-engine-webrtc, zego-zim-web, @zegocloud/zego-uikit-prebuilt from npm; ${base}`);
    const found: string[] = timedOut ? [`timed out after ${TIMEOUT_MS / 1000} s`] : [];
    for (const sdk of SDKS) {
      const login = events.find((event) => event.sdk === sdk && event.kind === 'login token');
      const loginServed = served.find((entry) => entry.token === login?.token);
      console.log(
        `\n${sdk}: logged in at ${login?.at === undefined ? '?' : clock(login.at)} with the token of request #${loginServed?.n ?? '?'}` +
          ` (expires ${loginServed?.expiresAt === undefined ? '?' : clock(loginServed.expiresAt * 1000)})`,
      );
      const seen = renewals(sdk, events, served).slice(0, RENEWALS);
      for (const renewal of seen) {
        console.log(describeRenewal(renewal, events));
        found.push(...problems(renewal, served));
      }
      if (seen.length < RENEWALS) found.push(`${sdk}: ${seen.length} renewals, ${RENEWALS} expected`);
      const requests = served.filter((entry) => entry.path === TOKEN_PATHS[sdk] && entry.at <= ended);
      if (requests.length !== 1 + seen.length) found.push(`${sdk}: ${requests.length} requests for ${1 + seen.length} tokens`);
      for (const event of events.filter((e) => e.sdk === sdk && ['login settled', 'sdk event', 'control'].includes(e.kind))) {
        console.log(`  (${sdk} ${event.kind} at ${clock(event.at!)}: ${JSON.stringify(event.detail)})`);
      }
    }
    for (const [what, code] of Object.entries(ZIM_CONTROLS)) {
      const control = events.find((event) => event.kind === 'control' && of<{ what: string }>(event)?.what === what);
      if (of<{ error?: { code?: number } }>(control)?.error?.code !== code) found.push(`zim control (${what}): ${JSON.stringify(control?.detail)}, not ${code}`);
    }
    console.log(`\nthe token routes received ${served.length} requests: ${served.map((entry) => `#${entry.n} ${entry.path} ${clock(entry.at)}`).join(', ')}`);
    if (pageErrors.length > 0) found.push(`errors in the page: ${pageErrors.join('; ')}`);
    console.log(`\nSDK renewals test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (found.length > 0) console.log(`FAILED:\n- ${found.join('\n- ')}`);
    else {
      console.log(
        'ok: Express and UIKit: each warning (30 s before expiry) reached the source, the route served a fresh token, renewToken ' +
          'took it and re-armed from it. ZIM: each tokenWillExpire reached the source, the route served, renewToken took the token ' +
          "(refused only by the network: ZIM re-arms on the server's answer), and an offline login with the renewed token armed the " +
          'next warning from it.',
      );
    }
    return found.length === 0 ? 0 : 1;
  } finally {
    await closeChromium();
    await close();
  }
}

/** The two browser tests, by the names `pnpm test:browser <name>` takes. */
const TESTS = { sdks: main, page: examplePageTest } as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in TESTS));
if (unknown.length > 0) throw new Error(`unknown browser test ${unknown.join(', ')}: the tests are ${Object.keys(TESTS).join(', ')}`);
const timings: string[] = [];
let failed = false;
for (const [name, test] of Object.entries(TESTS)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  const at = Date.now();
  if (timings.length > 0) console.log('');
  failed = (await test()) !== 0 || failed;
  timings.push(`${name} ${((Date.now() - at) / 1000).toFixed(1)} s`);
}
console.log(`\nbrowser tests: ${((Date.now() - started) / 1000).toFixed(1)} s in all (${timings.join(', ')})${failed ? ': FAILED' : ''}`);
process.exitCode = failed ? 1 : 0;
