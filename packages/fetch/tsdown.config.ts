import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig([
  packageBuild,
  // The Web Crypto build (src/web.ts over @zego-token/core/web), chosen by export conditions where node:crypto is
  // absent (workerd, edge-light, browser). Its types are the node build's: the API is the same.
  { ...packageBuild, entry: { web: 'src/web.ts' }, platform: 'neutral', fixedExtension: true, dts: false, clean: false },
]);
