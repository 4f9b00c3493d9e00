import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

/**
 * The notice MIT asks for, for the part of noble-hashes bundled into the web build: its copyright and permission
 * notice, read from the package's own LICENSE at build time (test/packaging checks the built files carry it whole).
 */
const NOBLE_HASHES_NOTICE = `/*! Includes MD5 from @noble/hashes (https://github.com/paulmillr/noble-hashes), under its license:

${readFileSync(
  new URL('./node_modules/@noble/hashes/LICENSE', import.meta.url),
  'utf8',
)
  .trim()
  .replaceAll('*/', '* /')}
*/`;

export default defineConfig([
  // The main entry and the drop-in for ZEGO's Node.js module (`@zego-token/core/server-assistant`), built together so
  // they share one copy of the code (one ZegoTokenError class) per module system.
  { ...packageBuild, entry: { index: 'src/index.ts', 'server-assistant': 'src/server-assistant/index.ts' } },
  // @zego-token/core/web: a build of its own (no chunk shared with the node entries), for any platform, so its files
  // hold only what src/web.ts reaches: Web APIs, no node: module.
  // The doctor's MD5 (Web Crypto has none) is noble-hashes', bundled into it: the package keeps no runtime dependency.
  {
    ...packageBuild,
    entry: { web: 'src/web.ts' },
    platform: 'neutral',
    fixedExtension: true,
    clean: false,
    inlineOnly: ['@noble/hashes'],
    banner: { js: NOBLE_HASHES_NOTICE },
  },
  // The zego-token command: one ESM file, run by bin/zego-token.mjs; its types are for the in-process tests.
  { ...packageBuild, entry: { cli: 'src/cli/main.ts' }, format: ['esm'], clean: false },
]);
