/**
 * Route benchmark: each adapter's token route beside its floor route and its bare route (route-server.ts), under
 * keep-alive load at concurrency 32 from this process against the server in a child process. In each round the token
 * and floor routes run back to back (alternating which goes first), and in every third the bare route after them; the
 * ratio is the median of the per-round ratios token / floor. Then 100,000 requests through the
 * token route, with the server's heap read after full GCs before and after.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { KeyKind } from './floor-node.js';
import { USER_HEADER, type Adapter } from './inputs.js';
import { median } from './measure.js';

export interface RouteSample {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RouteResult {
  adapter: Adapter;
  /** Median of per-round (token req/s / floor route req/s). */
  ratio: number;
  token: RouteSample;
  floor: RouteSample;
  bare: RouteSample;
  rounds: number;
  heapRequests: number;
  /** Heap growth of the server across `heapRequests` token requests, bytes after full GCs. */
  heapGrowth: number;
}

export interface RouteOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  heapRequests: number;
  floorKey: KeyKind;
}

async function startServer(adapter: Adapter, floorKey: KeyKind): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./route-server.ts', import.meta.url));
  const child = fork(script, [adapter, floorKey], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error(`the ${adapter} route server exited before listening`);
    }),
  ])) as [{ port: number }];
  return { child, port: message.port };
}

async function heapOf(child: ChildProcess): Promise<number> {
  child.send('heap');
  const [message] = (await once(child, 'message')) as [{ heapUsed: number }];
  return message.heapUsed;
}

function load(url: string, options: { duration: number } | { amount: number }): Promise<autocannon.Result> {
  return autocannon({ url, connections: 32, pipelining: 1, headers: { [USER_HEADER]: 'alice' }, ...options });
}

function checked(url: string, result: autocannon.Result): autocannon.Result {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

export async function runRouteBench(adapter: Adapter, options: RouteOptions): Promise<RouteResult> {
  const { child, port } = await startServer(adapter, options.floorKey);
  const urls = {
    token: `http://127.0.0.1:${port}/zego/token/lobby`,
    floor: `http://127.0.0.1:${port}/floor/lobby`,
    bare: `http://127.0.0.1:${port}/bare/lobby`,
  };
  type Route = keyof typeof urls;
  const routes = Object.keys(urls) as Route[];
  const runs: Record<Route, autocannon.Result[]> = { token: [], floor: [], bare: [] };
  try {
    for (const route of routes) checked(urls[route], await load(urls[route], { duration: options.warmupSeconds }));
    for (let round = 0; round < options.rounds; round += 1) {
      // The token and floor routes run back to back, each first in every other round, so the machine's speed
      // drifting favours neither and each round's ratio compares neighbours; the bare route (reported only) runs
      // after them in every third round.
      const order: Route[] = round % 2 ? ['floor', 'token'] : ['token', 'floor'];
      if (round % 3 === 0) order.push('bare');
      for (const route of order) runs[route].push(checked(urls[route], await load(urls[route], { duration: options.seconds })));
    }
    const sample = (route: Route): RouteSample => ({
      rps: median(runs[route].map((r) => r.requests.average)),
      p50Ms: median(runs[route].map((r) => r.latency.p50)),
      p99Ms: median(runs[route].map((r) => r.latency.p99)),
    });

    // The heap after the timed rounds (warm, no connection open), then after 100,000 more token requests.
    await sleep(200);
    const before = await heapOf(child);
    checked(urls.token, await load(urls.token, { amount: options.heapRequests }));
    await sleep(200);
    const after = await heapOf(child);

    return {
      adapter,
      ratio: median(runs.token.map((r, i) => r.requests.average / runs.floor[i]!.requests.average)),
      token: sample('token'),
      floor: sample('floor'),
      bare: sample('bare'),
      rounds: options.rounds,
      heapRequests: options.heapRequests,
      heapGrowth: after - before,
    };
  } finally {
    child.disconnect();
    if (child.exitCode === null) await once(child, 'exit');
  }
}
