import type { UserConfig } from 'tsdown';

/** Every package builds the same way: ESM + CommonJS + types, for Node 18+. */
export const packageBuild: UserConfig = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node18',
  dts: true,
  sourcemap: false,
  clean: true,
  // Plugin timings depend on how busy the machine is: a warning about them on a loaded CI box says nothing of ours.
  checks: { pluginTimings: false },
};
