/**
 * Timing, runtime-neutral (Node, Bun and Deno run it): `performance.now()` and nothing of `node:`. A comparison
 * interleaves the floor and ours in rounds, alternating which goes first so drift in machine speed favours neither,
 * and reports the median of the per-round ratios with the median time of each side.
 */

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Every measured function returns a string (a token, or a decoded field): summing lengths keeps the calls live. */
export type Step = () => string;
export type AsyncStep = () => Promise<string>;

let sink = 0;
/** Read by the caller once, after everything: makes the results observable so no engine may drop the calls. */
export const sinkValue = (): number => sink;

/** Nanoseconds per call of `step`, over `iterations` calls. */
export function nsPerCall(step: Step, iterations: number): number {
  let length = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) length += step().length;
  const elapsed = performance.now() - start;
  sink += length;
  return (elapsed * 1e6) / iterations;
}

/** Nanoseconds per call of an async `step`, awaited one at a time (a request's latency, not a batch's throughput). */
export async function nsPerCallAsync(step: AsyncStep, iterations: number): Promise<number> {
  let length = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) length += (await step()).length;
  const elapsed = performance.now() - start;
  sink += length;
  return (elapsed * 1e6) / iterations;
}

export interface Comparison {
  /** Median ns per call of the floor. */
  floorNs: number;
  /** Median ns per call of ours. */
  oursNs: number;
  /** Median of the per-round ratios ours / floor. */
  ratio: number;
  rounds: number;
}

export interface CompareOptions {
  rounds: number;
  iterations: number;
}

function summarise(floors: number[], ours: number[]): Comparison {
  return {
    floorNs: median(floors),
    oursNs: median(ours),
    ratio: median(ours.map((value, i) => value / floors[i]!)),
    rounds: floors.length,
  };
}

// Where the runtime lets us (Node with --expose-gc, as `pnpm bench` runs), each timed block starts from a collected
// young generation: a collection is paid by whichever block's allocation triggers it, so without this one side's
// blocks would pay for the other side's garbage too.
const collect = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
const settle = (): void => {
  collect?.({ type: 'minor' });
};

/** {@link nsPerCall} from a collected young generation (see `settle`). */
function block(step: Step, iterations: number): number {
  settle();
  return nsPerCall(step, iterations);
}

/** Interleaved rounds of `floor` and `ours`, after a warm-up of each that lets the JIT settle. */
export function compare(floor: Step, ours: Step, { rounds, iterations }: CompareOptions): Comparison {
  nsPerCall(floor, iterations);
  nsPerCall(ours, iterations);
  const floors: number[] = [];
  const oursNs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2) {
      floors.push(block(floor, iterations));
      oursNs.push(block(ours, iterations));
    } else {
      oursNs.push(block(ours, iterations));
      floors.push(block(floor, iterations));
    }
  }
  return summarise(floors, oursNs);
}

/** {@link compare} for async steps. */
export async function compareAsync(floor: AsyncStep, ours: AsyncStep, { rounds, iterations }: CompareOptions): Promise<Comparison> {
  await nsPerCallAsync(floor, iterations);
  await nsPerCallAsync(ours, iterations);
  const floors: number[] = [];
  const oursNs: number[] = [];
  const timed = (step: AsyncStep): Promise<number> => {
    settle();
    return nsPerCallAsync(step, iterations);
  };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2) {
      floors.push(await timed(floor));
      oursNs.push(await timed(ours));
    } else {
      oursNs.push(await timed(ours));
      floors.push(await timed(floor));
    }
  }
  return summarise(floors, oursNs);
}
