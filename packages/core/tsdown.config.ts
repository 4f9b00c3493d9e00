import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig([
  packageBuild,
  // The zego-token command: one ESM file, run by node, with no types of its own.
  { ...packageBuild, entry: { cli: 'src/cli/main.ts' }, format: ['esm'], dts: false, clean: false },
]);
