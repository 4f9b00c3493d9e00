/**
 * What run.mjs and edge.mjs need to load packages as a runtime's bundler would: a package entry resolved with that
 * runtime's export conditions, and fetch-contract.ts as JavaScript (workerd and the edge runtime run no TypeScript).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** The conditions each host resolves exports with (wrangler's for workerd; Next.js's edge runtime's). */
export const CONDITIONS = {
  workerd: ['workerd', 'worker', 'browser', 'import', 'default'],
  edge: ['edge-light', 'worker', 'browser', 'require', 'default'],
};

/** The file `name`'s "." export points to under `conditions`, by Node's algorithm (first matching key, in order). */
export function resolveWithConditions(name, conditions) {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  let target = manifest.exports['.'];
  while (typeof target === 'object' && target !== null) {
    const key = Object.keys(target).find((k) => conditions.includes(k));
    if (key === undefined) throw new Error(`${name}: no export for ${conditions.join(', ')}`);
    target = target[key];
  }
  return join(dirname(manifestPath), target);
}

/** test/runtimes/fetch-contract.ts as an ES module ('esm') or a CommonJS body ('cjs'). */
export function contractAsJavaScript(format) {
  const source = readFileSync(new URL('./fetch-contract.ts', import.meta.url), 'utf8');
  const module = format === 'esm' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS;
  return ts.transpileModule(source, { compilerOptions: { module, target: ts.ScriptTarget.ES2022 } }).outputText;
}
