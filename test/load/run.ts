/**
 * pnpm test:load: each adapter's server in a child process, 10,000 requests at concurrency 64 from random users for
 * random valid rooms. Passes only if every response is 200, every token decodes to the user and room that asked for
 * it, no IV or nonce repeats, and the server's heap after GC grows less than 8 MB from warm-up to the end.
 */
import { decodeToken, isZegoRoomId, type TokenResponseBody } from '@zego-token/core';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const SECRET = 'load0000load0000load0000load0000';
const REQUESTS = 10_000;
const WARMUP = 1_000;
const CONCURRENCY = 64;
const HEAP_LIMIT_MB = 8;
const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 20_000;
// Every printable ASCII character the core takes in a room ID (its one rule, isZegoRoomId): ZEGO's set, less '/'.
const ROOM_CHARS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => isZegoRoomId(`r${c}`))
  .join('');

/**
 * A random room ID of ZEGO's characters, 1 to 128 of them. It starts with a letter: a room of dots alone would be a
 * URL dot-segment, which the client resolves away.
 */
function randomRoom(): string {
  let room = 'r';
  for (let i = randomInt(0, 128); i > 0; i -= 1) room += ROOM_CHARS[randomInt(ROOM_CHARS.length)];
  return room;
}

/** Percent-encodes every character but letters and digits, so the path reaches the server exactly. */
const encodeRoom = (room: string): string =>
  room.replace(/[^0-9A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

interface Tally {
  ok: number;
  failures: string[];
  ivs: Set<string>;
  nonces: Set<string>;
}

async function ask(base: string, tally: Tally): Promise<void> {
  const userId = `user-${randomInt(1_000_000_000)}`;
  const roomId = randomRoom();
  const response = await fetch(`${base}/zego/token/${encodeRoom(roomId)}`, {
    headers: { 'x-user-id': userId },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), // a stalled server fails the run instead of hanging it
  });
  const text = await response.text();
  if (response.status !== 200) {
    tally.failures.push(`${response.status} for room ${JSON.stringify(roomId)}: ${text.slice(0, 120)}`);
    return;
  }
  const body = JSON.parse(text) as TokenResponseBody;
  const decoded = decodeToken(body.token, SECRET);
  const room = decoded.version === '04' ? decoded.room?.roomId : decoded.roomId;
  if (decoded.userId !== userId || room !== roomId || body.userId !== userId || body.roomId !== roomId) {
    tally.failures.push(`token for ${decoded.userId}/${room} answered ${userId}/${roomId}`);
    return;
  }
  const envelope = Buffer.from(body.token.slice(2), 'base64');
  tally.ivs.add(envelope.subarray(10, 10 + envelope.readUInt16BE(8)).toString('hex'));
  tally.nonces.add(decoded.nonce);
  tally.ok += 1;
}

/** `total` requests from `CONCURRENCY` concurrent workers over fetch's keep-alive connection pool. */
async function fire(base: string, total: number, tally: Tally): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        await ask(base, tally);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function heapMb(base: string): Promise<number> {
  const { heapUsed } = (await (await fetch(`${base}/__heap`)).json()) as { heapUsed: number };
  return heapUsed / 1024 / 1024;
}

async function loadTest(adapter: string): Promise<boolean> {
  const server = fileURLToPath(new URL('./server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', server, adapter], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const started = await Promise.race([
      once(child.stdout, 'data').then(([chunk]) => /listening (\d+)/.exec(String(chunk))?.[1]),
      once(child, 'exit').then(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), START_TIMEOUT_MS).unref()),
    ]);
    if (!started) throw new Error(`the ${adapter} load server did not start`);
    const base = `http://127.0.0.1:${started}`;

    const warmup: Tally = { ok: 0, failures: [], ivs: new Set(), nonces: new Set() };
    await fire(base, WARMUP, warmup);
    if (warmup.ok !== WARMUP) throw new Error(`warm-up: ${warmup.failures.slice(0, 3).join('; ')}`);
    const heapBefore = await heapMb(base);
    const tally: Tally = { ok: 0, failures: [], ivs: new Set(), nonces: new Set() };
    const seconds = await fire(base, REQUESTS, tally);
    const heapAfter = await heapMb(base);
    const growth = heapAfter - heapBefore;

    const passed =
      tally.ok === REQUESTS && tally.ivs.size === REQUESTS && tally.nonces.size === REQUESTS && growth < HEAP_LIMIT_MB;
    console.log(
      `${adapter}: ${REQUESTS} requests at concurrency ${CONCURRENCY} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(REQUESTS / seconds)} req/s); 200 and decoded to the asking user and room: ${tally.ok}; ` +
        `unique IVs: ${tally.ivs.size}; unique nonces: ${tally.nonces.size}; ` +
        `heap after GC ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB (growth ${growth.toFixed(2)} MB, limit ${HEAP_LIMIT_MB}) ` +
        `→ ${passed ? 'ok' : 'FAILED'}`,
    );
    for (const failure of tally.failures.slice(0, 10)) console.log(`  ${failure}`);
    return passed;
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

const adapters = ['express', 'koa', 'fastify', 'fetch'];
let failed = 0;
for (const adapter of adapters) if (!(await loadTest(adapter))) failed += 1;
console.log(`load test: ${adapters.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
