/**
 * The example page (examples/page/, what `pnpm start` serves at `/`) in real Chromium, against the real example
 * server spawned as a user runs it (test/support/example-server.ts), in demo mode. Part of `pnpm test:browser`.
 *
 * By keyboard only (Tab, arrows, Enter, typing; every control found by its label or name, and showing its focus):
 * sign in as a demo user with a display name; an identity token, then a room token, each checked against the token
 * route's own answer (the claims shown, the token, the kit token and what its wrapper says); the countdown going down
 * over two seconds; the doctor on the page's good token (with the ServerSecret typed in: ok) and on a pasted,
 * truncated copy (the `truncated` finding shown). Every request and WebSocket frame the page makes is recorded: the
 * doctor makes none, and none carries the tokens pasted, the secret typed, or any 17 characters of them. Then the
 * page at 375 px wide (no horizontal scroll), a screenshot (docs/images/example-page.png with UPDATE_SCREENSHOTS=1,
 * else a temporary file), the countdown at expiry (the page's clock run forward an hour), and UIKit Prebuilt's own
 * code loaded into the page: `ZegoUIKitPrebuilt.create(kitToken)` with the page's kit token reads the right app,
 * user and room. The Koa example serves the same page to its JWT sign-in; with real credentials and no demo sign-in
 * the page offers none and explains the route's 401.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import type { TokenBody } from '@zego-token/client';
import { decodeToken } from '@zego-token/core';
import { DEMO_SECRET, startExample } from '../support/example-server.js';
import { launchChromium } from './chromium.js';

/** A request the page made, or a WebSocket it opened or a frame it sent: everything that left it. */
interface Sent {
  what: string;
  /** The URL (as sent and percent-decoded), the headers and the body: where a token or a secret could be carried. */
  text: string;
}

const USER_ID = 'alice';
const USER_NAME = 'Alice Liddell';
/** A substring this long of a token or secret, in anything sent, counts as sending it. */
const CARRIED = 17;
const SCREENSHOT_WIDTH = 1280;
const SCREENSHOT = fileURLToPath(new URL('../../docs/images/example-page.png', import.meta.url));

const log = (line: string): void => console.log(`example page: ${line}`);

/** Where `secret` (or any CARRIED characters of it) appears in what was sent. */
function carrying(sent: readonly Sent[], secret: string): Sent[] {
  const windows = new Set<string>();
  for (let i = 0; i + CARRIED <= secret.length; i++) windows.add(secret.slice(i, i + CARRIED));
  if (secret.length < CARRIED) windows.add(secret);
  return sent.filter((entry) => [...windows].some((window) => entry.text.includes(window)));
}

/** What has the keyboard focus: its id, and whether its focus is drawn (an outline of 2 px or more). */
async function focused(page: Page): Promise<{ id: string; visible: boolean }> {
  return page.evaluate(`(() => {
    const element = document.activeElement;
    const style = element ? getComputedStyle(element) : undefined;
    return { id: element?.id ?? '', visible: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  })()`);
}

/**
 * Presses Tab (Shift+Tab with `back`) until the control with `id` has the focus, drawn; fails after 40 presses. So
 * the control is reachable by keyboard, in the page's order.
 */
async function tabTo(page: Page, id: string, back = false): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    const now = await focused(page);
    if (now.id === id) {
      expect(now.visible, `#${id} shows its focus`).to.equal(true);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The id of the control a person finds by this label or name: every control the flow uses is found so. */
async function idOf(page: Page, control: ReturnType<Page['getByLabel']>): Promise<string> {
  const id = await control.getAttribute('id');
  expect(id, 'the control has an id').to.be.a('string').and.not.equal('');
  return id!;
}

/** Runs `act` and returns the token route's answer it caused (the first response from `path`). */
async function answerOf(page: Page, path: string, act: () => Promise<void>): Promise<TokenBody> {
  const response: Promise<Response> = page.waitForResponse((candidate) => new URL(candidate.url()).pathname === path);
  await act();
  const answer = await response;
  expect(answer.status(), `GET ${path}`).to.equal(200);
  return (await answer.json()) as TokenBody;
}

/** The text of the first element matching `selector` inside `scope`. */
async function text(page: Page, scope: string, selector: string): Promise<string> {
  return (await page.locator(`${scope} ${selector}`).first().textContent()) ?? '';
}

/** The page shows `body`: its claims as the route gave them, its token, its kit token and its wrapper's claims. */
async function expectShown(page: Page, body: TokenBody): Promise<void> {
  await page.waitForFunction(`document.querySelector('#token-result [data-field=token]')?.value === ${JSON.stringify(body.token)}`);
  const claim = (name: string): Promise<string> => text(page, '#token-result', `[data-claim="${name}"]`);
  expect(await claim('appId')).to.equal(String(body.appId));
  expect(await claim('userId')).to.equal(body.userId);
  expect(await page.locator('#token-result [data-claim="roomId"]').count()).to.equal(body.roomId === undefined ? 0 : 1);
  if (body.roomId !== undefined) expect(await claim('roomId')).to.equal(body.roomId);
  expect(await claim('version')).to.equal(body.version);
  expect(await claim('mode')).to.equal('AES-GCM');
  expect(await claim('issuedAt')).to.equal(`${new Date(body.issuedAt * 1000).toISOString().replace('.000Z', 'Z')} (${body.issuedAt})`);
  expect(await claim('expiresAt')).to.equal(`${new Date(body.expiresAt * 1000).toISOString().replace('.000Z', 'Z')} (${body.expiresAt})`);
  expect(body.kitToken, 'the route sends a kit token (the example gives getUserName)').to.be.a('string');
  expect(await page.getByLabel(/^Kit token/).inputValue()).to.equal(body.kitToken);
  expect(await claim('kit.appId')).to.equal(String(body.appId));
  expect(await claim('kit.userId')).to.equal(body.userId);
  expect(await claim('kit.roomId')).to.equal(body.roomId ?? '(none)');
  expect(await claim('kit.userName')).to.equal(USER_NAME);
}

/** The countdown, in seconds left, as the page shows it. */
async function countdown(page: Page): Promise<{ seconds: number; text: string }> {
  const element = page.locator('#countdown');
  return { seconds: Number(await element.getAttribute('data-seconds')), text: (await element.textContent()) ?? '' };
}

/** Width, height and size of a PNG file, after checking it is one. */
function png(path: string): { width: number; height: number; bytes: number } {
  const data = readFileSync(path);
  expect(data.subarray(0, 8).toString('hex'), `${path} is a PNG`).to.equal('89504e470d0a1a0a');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: statSync(path).size };
}

/** Signs in by keyboard: Tab to each field, type, Enter submits. */
async function signIn(page: Page): Promise<void> {
  await tabTo(page, await idOf(page, page.getByLabel('User ID', { exact: true })));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(USER_ID);
  await tabTo(page, await idOf(page, page.getByLabel(/^Display name/)));
  await page.keyboard.type(USER_NAME);
  await page.keyboard.press('Enter');
  await page.getByText(`Signed in as ${USER_ID} (display name: ${USER_NAME}).`).waitFor();
  log(`signed in as ${USER_ID} (${USER_NAME}) with the keyboard`);
}

/**
 * A room token by keyboard, checked against the route's answer. The room route is chosen with the arrow keys if it
 * is not (the focus is then below the choice, on the button); `back`: the room field is above the focus.
 */
async function roomToken(page: Page, roomId: string, back = false): Promise<TokenBody> {
  const identityRoute = page.getByRole('radio', { name: /^Identity route/ });
  if (await identityRoute.isChecked()) {
    await tabTo(page, await idOf(page, identityRoute), true);
    await page.keyboard.press('ArrowUp');
    back = false;
  }
  await tabTo(page, await idOf(page, page.getByLabel(/^Room ID/).first()), back);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(roomId);
  const body = await answerOf(page, `/zego/token/${roomId}`, () => page.keyboard.press('Enter'));
  await expectShown(page, body);
  return body;
}

/** What the page did, as the listeners saw it. */
interface Watch {
  sent: Sent[];
  /** Until each entry of `sent` has its text (a request's headers come asynchronously). */
  settled: () => Promise<void>;
  consoleErrors: string[];
}

async function run(page: Page, base: string, { sent, settled, consoleErrors }: Watch): Promise<void> {
  await page.goto(base);
  log(`opened ${base}/`);

  await signIn(page);

  // The identity route: into the route choice, arrow to the identity route, Tab past the (now disabled) room to the button.
  await tabTo(page, await idOf(page, page.getByRole('radio', { name: /^Room route/ })));
  await page.keyboard.press('ArrowDown');
  expect(await page.getByRole('radio', { name: /^Identity route/ }).isChecked()).to.equal(true);
  const getToken = await idOf(page, page.getByRole('button', { name: 'Get a token' }));
  await tabTo(page, getToken);
  const identity = await answerOf(page, '/zego/token', () => page.keyboard.press('Enter'));
  await expectShown(page, identity);
  expect(identity).to.not.have.property('roomId');
  log(`identity token: shown as the route answered (app ${identity.appId}, user ${identity.userId}, no room, kit token)`);

  const room = await roomToken(page, 'lobby');
  const decoded = decodeToken(room.token, DEMO_SECRET);
  expect(decoded.userId).to.equal(USER_ID);
  expect(decoded.version === '04' && decoded.room?.roomId).to.equal('lobby');
  log(`room token for lobby: shown as the route answered, and it decodes to ${USER_ID} in lobby`);

  // The countdown: the token's lifetime, going down by the second.
  const first = await countdown(page);
  await page.waitForTimeout(2100);
  const second = await countdown(page);
  const lifetime = room.expiresAt - room.issuedAt;
  expect(first.seconds).to.be.within(lifetime - 5, lifetime);
  expect(first.seconds - second.seconds, 'seconds gone in 2.1 s').to.be.within(1, 3);
  expect(second.text).to.match(/^\d+ min \d+ s$/);
  log(`countdown: "${first.text}", then "${second.text}" 2.1 s later`);

  // The doctor, on the page's good token: its button puts the token in the doctor; the secret, user and room typed in.
  const requestsBeforeDoctor = sent.length;
  await tabTo(page, await idOf(page, page.getByRole('button', { name: 'Diagnose the token' })), true);
  await page.keyboard.press('Enter');
  expect((await focused(page)).id).to.equal(await idOf(page, page.getByLabel('Token', { exact: true })));
  expect(await page.getByLabel('Token', { exact: true }).inputValue()).to.equal(room.token);
  // The button diagnoses at once (no secret yet: the clear header), and what is typed next clears that verdict.
  await page.locator('#doctor-result [data-code="secret_not_given"]').waitFor();
  const secretField = page.getByLabel(/^ServerSecret/);
  expect(await secretField.getAttribute('type')).to.equal('password');
  expect(await secretField.getAttribute('autocomplete')).to.equal('off');
  await tabTo(page, await idOf(page, secretField));
  await page.keyboard.type(DEMO_SECRET);
  expect(await page.locator('#doctor-result > *').count(), 'a verdict left beside a changed secret').to.equal(0);
  await tabTo(page, await idOf(page, page.getByLabel(/^User ID the client/)));
  await page.keyboard.type(USER_ID);
  await tabTo(page, await idOf(page, page.getByLabel(/^Room ID the client/)));
  await page.keyboard.type('lobby');
  const diagnose = await idOf(page, page.getByRole('button', { name: 'Diagnose', exact: true }));
  await tabTo(page, diagnose);
  await page.keyboard.press('Enter');
  await page.locator('#doctor-result [data-ok="true"]').waitFor();
  const goodFindings = await page.locator('#doctor-result [data-severity="error"]').count();
  expect(goodFindings, 'errors found in the good token').to.equal(0);
  expect(await text(page, '#doctor-claims', '[data-claim="userId"]')).to.equal(USER_ID);
  expect(await text(page, '#doctor-claims', '[data-claim="roomId"]')).to.equal('lobby');
  log('doctor, good token with the secret: ok, no error, its claims read in the page (user alice, room lobby)');

  // The doctor, on a damaged token pasted in: cut short, as a column or a log line cuts it.
  const damaged = room.token.slice(0, -12);
  await tabTo(page, await idOf(page, page.getByLabel('Token', { exact: true })), true);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(damaged);
  await tabTo(page, diagnose);
  await page.keyboard.press('Enter');
  await page.locator('#doctor-result [data-ok="false"]').waitFor();
  const truncated = page.locator('#doctor-result [data-code="truncated"]');
  expect(await truncated.getAttribute('data-severity')).to.equal('error');
  const finding = (await truncated.textContent()) ?? '';
  expect(finding).to.match(/^error truncated: The token was cut short/);
  log(`doctor, the token cut short: not ok, "${finding.slice(0, 90)}…"`);
  expect(sent.slice(requestsBeforeDoctor).map((entry) => entry.what), 'requests made by the doctor').to.deep.equal([]);

  // Readable on a phone: at 375 px, nothing wider than the screen (tokens in one-line fields, long words wrapped);
  // nor two columns wide.
  for (const width of [375, SCREENSHOT_WIDTH]) {
    await page.setViewportSize({ width, height: 800 });
    const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
    expect(scrollWidth, `the page's width at ${width} px`).to.be.at.most(clientWidth);
  }
  log(`375 px and ${SCREENSHOT_WIDTH} px wide: no horizontal scroll`);

  // The screenshot, two columns wide, with tokens and a diagnosis shown.
  const update = process.env['UPDATE_SCREENSHOTS'] === '1';
  const folder = update ? undefined : mkdtempSync(join(tmpdir(), 'zego-token-screenshot-'));
  const path = folder === undefined ? SCREENSHOT : join(folder, 'example-page.png');
  try {
    await page.locator('#doctor-token').blur();
    await page.screenshot({ path, fullPage: true });
    const image = png(path);
    expect(image.width).to.equal(SCREENSHOT_WIDTH);
    expect(image.height).to.be.at.least(800);
    expect(image.bytes).to.be.above(30_000);
    const where = update ? 'written to docs/images/example-page.png' : 'taken (UPDATE_SCREENSHOTS=1 writes it to docs/images/example-page.png)';
    log(`screenshot ${where}: ${image.width}x${image.height}, ${Math.round(image.bytes / 1024)} KB`);
  } finally {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  }

  // A room ID of 128 characters, the longest ZEGO takes, with nowhere to break: wrapped, never wider than a phone.
  await roomToken(page, 'x'.repeat(128));
  await page.setViewportSize({ width: 375, height: 800 });
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  expect(scrollWidth, "the page's width at 375 px with a 128-character room").to.be.at.most(clientWidth);
  await page.setViewportSize({ width: SCREENSHOT_WIDTH, height: 800 });
  log('a token for a room of 128 characters: shown within 375 px');

  // Expiry: the page's clock an hour on, and its countdown says so.
  await page.clock.fastForward((lifetime + 1) * 1000);
  await page.waitForFunction(`document.querySelector('#countdown')?.dataset.seconds === '0'`);
  expect((await countdown(page)).text).to.equal('expired');
  log('an hour later by the page\'s clock: "expired"');

  // What left the page: no token pasted, no secret typed, nor any 17 characters of them.
  await settled();
  for (const [what, secret] of [
    ['the good token', room.token],
    ['the damaged token', damaged],
    ['the ServerSecret typed', DEMO_SECRET],
  ] as const) {
    const found = carrying(sent, secret);
    expect(found.map((entry) => entry.what), `requests carrying ${what}`).to.deep.equal([]);
  }
  log(`${sent.length} requests left the page (${[...new Set(sent.map((entry) => entry.what))].join(', ')}): none carries a token pasted or the secret typed`);

  expect(consoleErrors, 'errors on the console (a policy violation shows there)').to.deep.equal([]);

  // UIKit Prebuilt's own parser, in the page, on the page's kit token for another room.
  const stage = await roomToken(page, 'stage', true);
  const uikitFile = createRequire(import.meta.url).resolve('@zegocloud/zego-uikit-prebuilt');
  // Served on the page's origin (the page's policy takes scripts from it only), by the test, not the example.
  const uikitUrl = `${base}/__test__/zego-uikit-prebuilt.js`;
  await page.route(uikitUrl, (route) => route.fulfill({ path: uikitFile, contentType: 'text/javascript' }));
  // Loaded as a page's own script would be, under the page's policy: UIKit's inline styles are refused (its parser
  // needs none; Playwright's addScriptTag would fail on the refusal).
  await page.evaluate(`new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: ${JSON.stringify(uikitUrl)}, onload: resolve, onerror: reject });
    document.head.append(script);
  })`);
  // What UIKit parsed from the kit token: the config its own getRoomID() reads, and its Express engine is made from.
  const parsed = await page.evaluate<Record<string, unknown>>(`(() => {
    const kitToken = document.querySelector('#token-result [data-field=kitToken]').value;
    const zp = ZegoUIKitPrebuilt.create(kitToken);
    const { appID, userID, userName, roomID, token } = ZegoUIKitPrebuilt.core._expressConfig;
    return { appID, userID, userName, roomID, token, getRoomID: zp.getRoomID() };
  })()`);
  expect(parsed).to.deep.equal({
    appID: stage.appId,
    userID: USER_ID,
    userName: USER_NAME,
    roomID: 'stage',
    token: stage.token,
    getRoomID: 'stage',
  });
  log(`UIKit ${String(await page.evaluate('ZegoUIKitPrebuilt.getVersion()'))}: ZegoUIKitPrebuilt.create(the page's kit token) reads app ${String(parsed['appID'])}, user ${USER_ID} (${USER_NAME}), room stage, and the route's token`);
}

/** The Koa example's page, the same files: its JWT sign-in, and a room token with its kit token, by keyboard. */
async function runKoa(page: Page, base: string): Promise<void> {
  await page.goto(base);
  log(`Koa example: opened ${base}/`);
  await signIn(page);
  const room = await roomToken(page, 'lobby');
  expect(decodeToken(room.token, DEMO_SECRET).userId).to.equal(USER_ID);
  log('Koa example: room token for lobby with its kit token, shown as the route answered');
}

/** With real credentials and no demo sign-in: no sign-in offered, and a token asked for is the route's 401, said plainly. */
async function runOwnSignIn(page: Page, base: string): Promise<void> {
  await page.goto(base);
  expect(await page.locator('form#sign-in-form').count()).to.equal(0);
  await page.getByText("Sign-in is your app's own.").waitFor();
  await tabTo(page, await idOf(page, page.getByRole('button', { name: 'Get a token' })));
  await page.keyboard.press('Enter');
  await page.getByText("No token: 401 unauthenticated: this server's authenticate() knows nobody yet").waitFor();
  log("real credentials, no demo sign-in: none offered, and a token request's 401 explained");
}

/** The example page's browser test; resolves to the exit code (0: passed), having logged what it saw. */
export async function examplePageTest(): Promise<number> {
  const started = Date.now();
  const [example, koa, real] = await Promise.all([
    startExample('express-server'),
    startExample('koa-server'),
    startExample('express-server', { ZEGO_APP_ID: '987654321', ZEGO_SERVER_SECRET: 'f3a9c1d2e4b5a6978877665544332211' }),
  ]);
  const { context, close } = await launchChromium({ viewport: { width: 900, height: 900 }, colorScheme: 'light' });
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  const consoleErrors: string[] = [];
  const problems: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Every request, with all its headers (cookies included) and body; every WebSocket and frame sent.
    page.on('request', (request) => {
      const entry: Sent = { what: `${request.method()} ${new URL(request.url()).pathname}`, text: '' };
      sent.push(entry);
      pending.push(request.allHeaders().then((headers) => {
        let url = request.url();
        try {
          url += `\n${decodeURIComponent(url)}`;
        } catch {
          // not valid percent-encoding: the URL as sent is enough
        }
        entry.text = `${url}\n${JSON.stringify(headers)}\n${request.postData() ?? ''}`;
      }));
    });
    page.on('websocket', (socket) => {
      sent.push({ what: `WebSocket ${socket.url()}`, text: socket.url() });
      socket.on('framesent', ({ payload }) => sent.push({ what: 'WebSocket frame', text: String(payload) }));
    });
    page.on('pageerror', (error) => problems.push(`error in the page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.clock.install();
    await run(page, example.url, { sent, settled: async () => void (await Promise.all(pending)), consoleErrors });
    const koaPage = await context.newPage();
    koaPage.on('pageerror', (error) => problems.push(`error in the page: ${error.message}`));
    koaPage.on('console', (message) => {
      // The 401 the page asks for on purpose (runOwnSignIn) is logged by Chromium as a failed resource.
      if (message.type() === 'error' && !message.text().includes('401')) problems.push(`console error: ${message.text()}`);
    });
    await runKoa(koaPage, koa.url);
    await runOwnSignIn(koaPage, real.url);
  } catch (error) {
    problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await close();
    await Promise.all([example.stop(), koa.stop(), real.stop()]);
  }
  console.log(`example page test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (problems.length > 0) console.log(`example page FAILED:\n- ${problems.join('\n- ')}`);
  else {
    console.log(
      'example page ok: keyboard only, sign-in, identity and room tokens shown as the route served them, the countdown, the doctor in the page ' +
        '(no request; nothing sent carries a token pasted or the secret typed), 375 px, UIKit reads the kit token; the Koa example serves the same page; without a demo sign-in the page offers none',
    );
  }
  return problems.length === 0 ? 0 : 1;
}
