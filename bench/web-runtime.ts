/**
 * The Web Crypto rows in another runtime: `bun bench/web-runtime.ts ROUNDS ITERATIONS`, or
 * `deno run --allow-read --allow-env bench/web-runtime.ts ROUNDS ITERATIONS`. Prints one JSON line for pnpm bench.
 */
import { sinkValue } from './measure.js';
import { runWebBench } from './web.js';

interface RuntimeGlobals {
  Bun?: { version: string };
  Deno?: { version: { deno: string }; args: string[] };
  process?: { argv: string[] };
}
const runtime = globalThis as unknown as RuntimeGlobals;
const name = runtime.Bun ? `Bun ${runtime.Bun.version}` : runtime.Deno ? `Deno ${runtime.Deno.version.deno}` : 'unknown';
const args = runtime.Deno?.args ?? runtime.process?.argv.slice(2) ?? [];
const [rounds = 11, iterations = 2_000] = args.map(Number);

const rows = await runWebBench({ rounds, iterations });
if (sinkValue() === 0) throw new Error('nothing was measured');
console.log(JSON.stringify({ runtime: name, rows }));
