import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

export default defineConfig([
  packageBuild,
  // The Web Crypto build, chosen by export conditions where node:crypto is absent (workerd, edge-light, browser): the
  // same handler, importing @zego-token/core/web wherever the node build imports @zego-token/core. That entry
  // exports every name the handler uses, with the same types; the Web Crypto build of `answer` returns a promise,
  // which the handler awaits either way. Its types are the node build's (the API is the same).
  {
    ...packageBuild,
    entry: { web: 'src/index.ts' },
    platform: 'neutral',
    fixedExtension: true,
    dts: false,
    clean: false,
    outputOptions: { paths: { '@zego-token/core': '@zego-token/core/web' } },
  },
]);
