/**
 * pnpm bench: the core and route benchmarks, printed as one table with the machine they ran on.
 * Targets (issue 4, on a 2-core machine): core ratio <= 1.25 per format; Express route ratio >= 0.82; Koa >= 0.72;
 * a flat heap over 1,000,000 tokens.
 */
import { cpus } from 'node:os';
import { runCoreBench } from './core.js';
import { runRouteBench } from './routes.js';

const CORE_TARGET = 1.25;
const ROUTE_TARGETS = { express: 0.82, koa: 0.72 } as const;
const HEAP_TARGET_MB = 8;

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node.js ${process.version}\n`);

const core = runCoreBench();
console.log('| core | floor ns/token | ours ns/token | ratio (target <= 1.25) | tokens/s per core | decodes/s per core |');
console.log('|---|---|---|---|---|---|');
let met = true;
for (const f of core.formats) {
  met &&= f.ratio <= CORE_TARGET;
  console.log(
    `| ${f.name} | ${fmt(f.floorNs)} | ${fmt(f.oursNs)} | ${fmt(f.ratio, 3)} ${verdict(f.ratio <= CORE_TARGET)} | ${fmt(1e9 / f.oursNs)} | ${fmt(1e9 / f.decodeNs)} |`,
  );
}
met &&= core.heapGrowthMb < HEAP_TARGET_MB;
console.log(`\nHeap growth over ${fmt(core.heapTokens)} tokens (after GC): ${fmt(core.heapGrowthMb, 2)} MB ${verdict(core.heapGrowthMb < HEAP_TARGET_MB)}\n`);

console.log('| route (c=32, keep-alive) | token req/s | bare req/s | ratio (target) | floor route req/s | floor ratio | p50 ms | p99 ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const adapter of ['express', 'koa'] as const) {
  const r = await runRouteBench(adapter);
  const target = ROUTE_TARGETS[adapter];
  met &&= r.ratio >= target;
  console.log(
    `| ${adapter} | ${fmt(r.tokenRps)} | ${fmt(r.bareRps)} | ${fmt(r.ratio, 3)} (>= ${target}) ${verdict(r.ratio >= target)} | ${fmt(r.floorRps)} | ${fmt(r.floorRatio, 3)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} |`,
  );
}
console.log(`\n${met ? 'All targets met.' : 'Some targets MISSED.'}`);
process.exitCode = met ? 0 : 1;
