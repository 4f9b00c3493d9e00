// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The core's layers, lowest first: a folder of packages/core/src may import only the folders listed for it (and
 * itself). Web Crypto's binding never reaches node:crypto's, and only node/ and cli/ import `node:` modules.
 */
const CORE_LAYERS = {
  lib: [],
  format: ['lib'],
  tokens: ['lib', 'format'],
  diagnosis: ['lib', 'format', 'tokens'],
  route: ['lib', 'format', 'tokens'],
  web: ['lib', 'format', 'tokens', 'diagnosis', 'route'],
  node: ['lib', 'format', 'tokens', 'diagnosis', 'route'],
  'server-assistant': ['lib', 'format', 'tokens', 'node'],
  cli: ['lib', 'format', 'tokens', 'diagnosis', 'route', 'node'],
};
const NODE_MODULES_ALLOWED = new Set(['node', 'cli']);
const FOLDERS = Object.keys(CORE_LAYERS);

/** One config object per layer: `no-restricted-imports` refusing every folder not below it. */
const coreLayerRules = Object.entries(CORE_LAYERS).map(([layer, below]) => {
  const above = FOLDERS.filter((folder) => folder !== layer && !below.includes(folder));
  const patterns = [
    {
      regex: `^\\.\\./(${above.join('|')})/`,
      message: `${layer}/ may import only ${below.length === 0 ? 'itself' : below.join(', ')} (the core's layers: eslint.config.js)`,
    },
    // The entry points sit above every layer.
    { regex: '^\\.\\./(index|web|common)\\.js$', message: 'the entry points import the layers, never the reverse' },
  ];
  if (!NODE_MODULES_ALLOWED.has(layer)) {
    patterns.push({ regex: '^node:', message: `${layer}/ runs where only Web APIs exist: node: modules belong in node/ (or cli/)` });
  }
  return { files: [`packages/core/src/${layer}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts', 'packages/*/*.ts'] } },
    },
  },
  {
    rules: {
      // Express tells error handlers by their four parameters, used or not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS files are CommonJS on purpose (the packaging smoke test requires the packages).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.commonjs },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Library code never writes to the console: tokens, IVs and secrets must never reach a log.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/core/src/cli/**'], // the command-line tool prints by design
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'IVs and nonces come from the platform CSPRNG (see format/random.ts).' },
      ],
    },
  },
  ...coreLayerRules,
  {
    // The entries: what both export (common.ts) and the Web Crypto entry never reach node:crypto's binding.
    files: ['packages/core/src/common.ts', 'packages/core/src/web.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./(node|cli|server-assistant)/|^node:', message: 'the Web Crypto entry and the shared exports never reach node:crypto' }] },
      ],
    },
  },
  {
    files: ['packages/core/src/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\./web/', message: 'the main entry binds node:crypto, never Web Crypto' }] }] },
  },
  {
    // The example page's module runs in the browser, as it is (examples/page/serve.ts serves it).
    files: ['examples/page/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's expect(...).to.be.true style reads as an unused expression.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
