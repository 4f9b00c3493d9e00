/**
 * Route benchmark: requests/s of the token route divided by requests/s of a bare route in the same app (same
 * getUserId, same headers, a constant JSON body of the same size). Keep-alive load at concurrency 32 from this
 * process, against the server in a child process; rounds interleave the two routes and the medians are compared.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { median } from './core.js';

export interface RouteResult {
  adapter: 'express' | 'koa';
  ratio: number;
  /** The floor route's req/s over the bare route's: the best ratio any node:crypto implementation can reach. */
  floorRatio: number;
  tokenRps: number;
  bareRps: number;
  floorRps: number;
  p50Ms: number;
  p99Ms: number;
}

async function startServer(adapter: string): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./route-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, adapter], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += chunk.toString();
    const port = /listening (\d+)/.exec(output)?.[1];
    if (port) return { child, port: Number(port) };
  }
  throw new Error(`the ${adapter} bench server did not start`);
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: 32, duration: seconds, headers: { 'x-user-id': 'alice' } });
}

export async function runRouteBench(
  adapter: 'express' | 'koa',
  { rounds = 3, seconds = 5, warmupSeconds = 3 } = {},
): Promise<RouteResult> {
  const { child, port } = await startServer(adapter);
  const token = `http://127.0.0.1:${port}/zego/token/lobby`;
  const bare = `http://127.0.0.1:${port}/bare/lobby`;
  const floor = `http://127.0.0.1:${port}/floor/lobby`;
  const runs = new Map<string, autocannon.Result[]>([[token, []], [bare, []], [floor, []]]);
  try {
    for (const url of runs.keys()) await load(url, warmupSeconds);
    for (let round = 0; round < rounds; round += 1) {
      // Rotate the order each round, so drift in machine speed cannot favour one route.
      const order = [token, bare, floor].map((_, i, all) => all[(i + round) % all.length]!);
      for (const url of order) {
        const result = await load(url, seconds);
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        runs.get(url)!.push(result);
      }
    }
    const rps = (url: string): number => median(runs.get(url)!.map((r) => r.requests.average));
    const tokenRuns = runs.get(token)!;
    const [tokenRps, bareRps, floorRps] = [rps(token), rps(bare), rps(floor)];
    return {
      adapter,
      ratio: tokenRps / bareRps,
      floorRatio: floorRps / bareRps,
      tokenRps,
      bareRps,
      floorRps,
      p50Ms: median(tokenRuns.map((r) => r.latency.p50)),
      p99Ms: median(tokenRuns.map((r) => r.latency.p99)),
    };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
