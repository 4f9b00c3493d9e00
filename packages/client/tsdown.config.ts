import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.base.ts';

// Platform neutral: the same files run in browsers, React Native and Node.js (anything with `fetch`). ES2020 syntax,
// which every current browser, Hermes (through Metro) and Node.js 20 read as is.
export default defineConfig({ ...packageBuild, platform: 'neutral', target: 'es2020', fixedExtension: true });
