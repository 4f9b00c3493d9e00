// @ts-check
/**
 * The example page's one module, as it reaches the browser (no build step). It imports the packages by name; the
 * page's import map points the names at the packages' own built files, served by the example server.
 *
 * Three parts: the demo sign-in (when the server has one), tokens from the token route through `@zego-token/client`
 * with their claims and a countdown, and the doctor, run here by `@zego-token/core/web`. What the person pastes or
 * types into the doctor is never sent anywhere: this module makes no request but the sign-in and the token route's.
 */
import { createTokenSource, TokenSourceError } from '@zego-token/client';
import { diagnoseToken, inspectToken } from '@zego-token/core/web';

/** @typedef {import('@zego-token/client').TokenBody} TokenBody */
/** @typedef {import('@zego-token/client').TokenSource} TokenSource */

/** How this server signs people in (examples/page/serve.ts): 'session', 'jwt' or 'none'. */
const signInKind = document.body.dataset['signIn'];

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element;
}

/**
 * An element with its attributes and children (text or elements). Text always goes in as text, never as HTML: the
 * doctor shows what anyone pasted.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node | string)} children
 * @returns {HTMLElement}
 */
function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/**
 * Epoch seconds as an ISO date (UTC), to the second.
 * @param {number} seconds
 */
const isoTime = (seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * A token's cipher as the page names it everywhere.
 * @param {'gcm' | 'cbc'} mode
 */
const cipherName = (mode) => (mode === 'gcm' ? 'AES-GCM' : 'AES-CBC (legacy)');

/**
 * A `<dl>` of the rows whose value is known.
 * @param {Array<[string, string, string | number | undefined]>} rows [label, data-claim name, value]
 */
function claimList(rows) {
  const list = element('dl', { class: 'claims' });
  for (const [label, name, value] of rows) {
    if (value === undefined) continue;
    list.append(element('dt', {}, label), element('dd', { 'data-claim': name }, String(value)));
  }
  return list;
}

// --- The demo sign-in ------------------------------------------------------------------------------------------------

/** The Koa example's JWT, in memory only (a reload signs out). */
let jwt = '';

/** @returns {[TokenSource, TokenSource]} the room route's source and the identity route's, for whoever is signed in now */
function createSources() {
  /** @type {{ headers?: () => Record<string, string> }} */
  const auth = signInKind === 'jwt' ? { headers: () => (jwt === '' ? {} : { authorization: `Bearer ${jwt}` }) } : {};
  return [createTokenSource({ url: '/zego/token/:roomId', ...auth }), createTokenSource({ url: '/zego/token', ...auth })];
}

let [roomSource, identitySource] = createSources();

/** A new user: new sources (a source caches its user's tokens), and no token shown. */
function changeUser() {
  roomSource.dispose();
  identitySource.dispose();
  [roomSource, identitySource] = createSources();
  showNoToken();
}

/**
 * @param {string} userId
 * @param {string} userName
 */
async function signIn(userId, userName) {
  if (signInKind === 'jwt') {
    const query = userName === '' ? '' : `?name=${encodeURIComponent(userName)}`;
    const response = await fetch(`/demo/login/${encodeURIComponent(userId)}${query}`, { method: 'POST' });
    if (!response.ok) throw new Error(`the sign-in answered ${response.status}`);
    jwt = /** @type {{ jwt: string }} */ (await response.json()).jwt;
  } else {
    const response = await fetch('/demo/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userName === '' ? { userId } : { userId, userName }),
    });
    if (!response.ok) throw new Error(`the sign-in answered ${response.status}`);
  }
}

async function signOut() {
  if (signInKind === 'jwt') jwt = '';
  else await fetch('/demo/logout', { method: 'POST' });
}

const signInForm = document.getElementById('sign-in-form');
if (signInForm instanceof HTMLFormElement) {
  const status = byId('sign-in-status');
  signInForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(signInForm);
    const userId = String(data.get('userId') ?? '');
    const userName = String(data.get('userName') ?? '').trim();
    status.textContent = 'Signing in…';
    signIn(userId, userName).then(
      () => {
        changeUser();
        status.textContent = `Signed in as ${userId}${userName === '' ? '' : ` (display name: ${userName})`}.`;
      },
      (/** @type {unknown} */ error) => (status.textContent = `Sign-in failed: ${error instanceof Error ? error.message : String(error)}.`),
    );
  });
  byId('sign-out').addEventListener('click', () => {
    signOut().then(
      () => {
        changeUser();
        status.textContent = 'Signed out.';
      },
      (/** @type {unknown} */ error) => (status.textContent = `Sign-out failed: ${String(error)}.`),
    );
  });
}

// --- Tokens ----------------------------------------------------------------------------------------------------------

const tokenResult = byId('token-result');
/** @type {ReturnType<typeof setInterval> | undefined} */
let countdownTimer;

function showNoToken() {
  clearInterval(countdownTimer);
  tokenResult.replaceChildren();
}

/**
 * `59 min 58 s`, `2 h 0 min 5 s`, or `expired`.
 * @param {number} seconds
 */
function timeLeft(seconds) {
  if (seconds <= 0) return 'expired';
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return `${h > 0 ? `${h} h ` : ''}${h > 0 || m > 0 ? `${m} min ` : ''}${s} s`;
}

/**
 * A lifetime in its non-zero units: `1 h`, `1 h 30 min`, `45 s`.
 * @param {number} seconds
 */
function span(seconds) {
  const parts = [[Math.floor(seconds / 3600), 'h'], [Math.floor((seconds % 3600) / 60), 'min'], [seconds % 60, 's']];
  return parts.filter(([value]) => value !== 0).map(([value, unit]) => `${value} ${unit}`).join(' ') || '0 s';
}

/**
 * A token or kit token in a read-only field (one line, whole when copied, labelled) with a button that hands it to
 * the doctor.
 * @param {string} title
 * @param {string} name
 * @param {string} token
 */
function tokenBlock(title, name, token) {
  const field = /** @type {HTMLInputElement} */ (
    element('input', { id: `shown-${name}`, class: 'token', 'data-field': name, readonly: '', autocomplete: 'off', spellcheck: 'false' })
  );
  field.value = token;
  field.addEventListener('focus', () => field.select());
  const button = element('button', { type: 'button', id: `diagnose-${name}` }, `Diagnose the ${title.toLowerCase()}`);
  button.addEventListener('click', () => {
    const doctorToken = /** @type {HTMLTextAreaElement} */ (byId('doctor-token'));
    doctorToken.value = token;
    doctorToken.focus();
    /** @type {HTMLFormElement} */ (byId('doctor-form')).requestSubmit();
  });
  const label = element('label', { for: field.id }, `${title} `, element('span', { class: 'hint' }, `(${token.length} characters)`));
  return element('div', { class: 'field token-block' }, label, field, button);
}

/**
 * The route's answer: a countdown, its claims, the token's clear header as `inspectToken` reads it, and the kit token.
 * @param {TokenBody} body
 * @param {number} requestedAt `performance.now()` when the request was sent
 */
function showToken(body, requestedAt) {
  showNoToken();
  const header = inspectToken(body.token);
  const countdown = element('span', { id: 'countdown', role: 'timer' });
  // The server's lifetime, counted from when the request left: never longer than the token lives, whatever this
  // device's clock says (as @zego-token/client judges its cache).
  const lifetime = body.expiresAt - body.issuedAt;
  const tick = () => {
    const left = Math.max(0, lifetime - Math.ceil((performance.now() - requestedAt) / 1000));
    countdown.dataset['seconds'] = String(left);
    countdown.textContent = timeLeft(left);
    if (left === 0) clearInterval(countdownTimer);
  };
  tick();
  countdownTimer = setInterval(tick, 1000);
  const blocks = [
    element('h3', {}, body.roomId === undefined ? `An identity token for ${body.userId}` : `A token for ${body.userId} in room ${body.roomId}`),
    element('p', { class: 'countdown' }, 'Expires in ', countdown),
    claimList([
      ['App ID', 'appId', body.appId],
      ['User ID', 'userId', body.userId],
      ['Room ID', 'roomId', body.roomId],
      ['Version', 'version', body.version],
      ['Cipher (clear header)', 'mode', cipherName(header.mode)],
      ['Issued at', 'issuedAt', `${isoTime(body.issuedAt)} (${body.issuedAt})`],
      ['Expires at', 'expiresAt', `${isoTime(body.expiresAt)} (${body.expiresAt})`],
    ]),
    tokenBlock('Token', 'token', body.token),
  ];
  if (body.kitToken !== undefined) {
    const kit = inspectToken(body.kitToken).kit;
    blocks.push(
      tokenBlock('Kit token', 'kitToken', body.kitToken),
      element('p', {}, 'For UIKit Prebuilt: ', element('code', {}, 'ZegoUIKitPrebuilt.create(kitToken)'), '. What UIKit reads from its wrapper:'),
      claimList([
        ['App ID', 'kit.appId', kit?.appId],
        ['User ID', 'kit.userId', kit?.userId],
        ['Room ID', 'kit.roomId', kit === undefined ? undefined : kit.roomId === '' ? '(none)' : kit.roomId],
        ['User name', 'kit.userName', kit?.userName],
      ]),
    );
  }
  tokenResult.replaceChildren(...blocks);
}

/**
 * What went wrong, in words (the client's error codes: packages/client/README.md).
 * @param {unknown} error
 */
function tokenProblem(error) {
  if (!(error instanceof TokenSourceError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'unauthenticated':
      return signInKind === 'none'
        ? "401 unauthenticated: this server's authenticate() knows nobody yet (see 1. Sign in)."
        : '401 unauthenticated: nobody is signed in. Sign in first.';
    case 'invalid_room_id':
      return "400 invalid_room_id: ZEGO cannot take this room ID (it takes 1-128 characters: digits, English letters and ~!@#$%^&*()_+=-`;',.<>\\, no '/').";
    case 'forbidden':
      return '403 forbidden: the route refused this user this room.';
    default:
      return `${error.code}: ${error.message}`;
  }
}

const tokenForm = /** @type {HTMLFormElement} */ (byId('token-form'));
const roomField = /** @type {HTMLInputElement} */ (byId('room-id'));
const tokenStatus = byId('token-status');
tokenForm.addEventListener('change', () => {
  roomField.disabled = new FormData(tokenForm).get('route') === 'identity';
});
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const identity = new FormData(tokenForm).get('route') === 'identity';
  const roomId = roomField.value;
  if (!identity && roomId === '') {
    tokenStatus.textContent = 'Type a room ID, or choose the identity route.';
    return;
  }
  tokenStatus.textContent = 'Asking the token route…';
  const requestedAt = performance.now();
  // fresh: a new token for each click (the source would otherwise hand out its cached one while it is fresh).
  const answer = identity ? identitySource.get(undefined, { fresh: true }) : roomSource.get(roomId, { fresh: true });
  answer.then(
    (body) => {
      showToken(body, requestedAt);
      const where = body.roomId === undefined ? 'from the identity route' : `for room ${body.roomId}`;
      tokenStatus.textContent = `Got a token ${where}, for ${body.userId}, valid ${span(body.expiresAt - body.issuedAt)}.`;
    },
    (/** @type {unknown} */ error) => {
      showNoToken();
      tokenStatus.textContent = `No token: ${tokenProblem(error)}`;
    },
  );
});

// --- The doctor ------------------------------------------------------------------------------------------------------

const doctorForm = /** @type {HTMLFormElement} */ (byId('doctor-form'));
const doctorResult = byId('doctor-result');
const doctorClaims = byId('doctor-claims');

/**
 * What the doctor could read from the token (its claims with the secret, else its clear header).
 * @param {Awaited<ReturnType<typeof diagnoseToken>>['token']} read
 */
function readClaims(read) {
  if (read === undefined) return [];
  /** @type {Record<string, unknown>} */
  const claims = { ...read };
  const room = /** @type {{ roomId?: string } | undefined} */ (claims['room']);
  const expireTime = typeof claims['expireTime'] === 'number' ? claims['expireTime'] : undefined;
  /** @param {string} key */
  const text = (key) => (typeof claims[key] === 'string' || typeof claims[key] === 'number' ? String(claims[key]) : undefined);
  return [
    element('h4', {}, 'What it could read'),
    claimList([
      ['Version', 'version', text('version')],
      ['Cipher', 'mode', claims['mode'] === 'gcm' || claims['mode'] === 'cbc' ? cipherName(claims['mode']) : undefined],
      ['App ID', 'appId', text('appId')],
      ['User ID', 'userId', text('userId')],
      ['Room ID', 'roomId', room?.roomId],
      ['Expires at', 'expireTime', expireTime === undefined ? undefined : `${isoTime(expireTime)} (${expireTime})`],
      ['Kit wrapper', 'kit', read.kit === undefined ? undefined : `app ${read.kit.appId}, user ${read.kit.userId}, room ${read.kit.roomId || '(none)'}`],
    ]),
  ];
}

// Web Crypto, which the doctor decrypts with, exists only in secure contexts: https, or this machine (localhost,
// 127.0.0.1). Served over plain http to another address (HOST=0.0.0.0), the page says so instead of failing.
if (!window.isSecureContext) {
  doctorResult.before(
    element('p', { class: 'verdict not-ok' }, 'The doctor needs Web Crypto, which browsers give only to https pages and to this machine (localhost, 127.0.0.1): open the page that way to use it.'),
  );
}

// A verdict shown beside another token, secret, user or room than it was given would mislead: a change clears it.
doctorForm.addEventListener('input', () => {
  doctorResult.replaceChildren();
  doctorClaims.replaceChildren();
});

doctorForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(doctorForm);
  /** @param {string} name */
  const given = (name) => {
    const value = String(data.get(name) ?? '');
    return value === '' ? {} : { [name]: value };
  };
  // The token exactly as pasted: the doctor names the damage (spaces, quotes, a cut) and reads on.
  const token = String(data.get('token') ?? '');
  diagnoseToken(token, { ...given('secret'), ...given('userId'), ...given('roomId') }).then(
    (diagnosis) => {
      const errors = diagnosis.findings.filter((finding) => finding.severity === 'error').length;
      const summary = diagnosis.ok
        ? 'OK: a client would accept this token.'
        : `Not OK: ${errors} ${errors === 1 ? 'problem' : 'problems'} a client would fail on.`;
      const findings = diagnosis.findings.map((finding) =>
        element(
          'li',
          { class: `finding ${finding.severity}`, 'data-code': finding.code, 'data-severity': finding.severity },
          element('span', { class: 'severity' }, finding.severity),
          ' ',
          element('code', {}, finding.code),
          ': ',
          finding.message,
        ),
      );
      doctorResult.replaceChildren(
        element('p', { class: diagnosis.ok ? 'verdict ok' : 'verdict not-ok', 'data-ok': String(diagnosis.ok) }, summary),
        element('ul', { class: 'findings' }, ...findings),
      );
      doctorClaims.replaceChildren(...readClaims(diagnosis.token));
    },
    (/** @type {unknown} */ error) => {
      doctorResult.replaceChildren(element('p', { class: 'verdict not-ok' }, `The doctor could not run: ${error instanceof Error ? error.message : String(error)}`));
      doctorClaims.replaceChildren();
    },
  );
});
