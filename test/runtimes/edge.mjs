/**
 * The runtime matrix's entry for the edge runtime (the `edge-runtime` package's EdgeRuntime, as Vercel's edge
 * functions and Next.js middleware run code): a context with Web APIs only, into which the CommonJS build of
 * @zego-token/core/web and checks.js are loaded as scripts. Prints `ZEGO-MATRIX {json}` for run.mjs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EdgeRuntime } from 'edge-runtime';

const require = createRequire(import.meta.url);
const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const webBuild = readFileSync(require.resolve('@zego-token/core/web'), 'utf8');
const reference = JSON.parse(read('../fixtures/reference-tokens.json'));

// The CommonJS build needs only an `exports` object: it requires nothing.
const initialCode = `
  globalThis.__zegoWeb = (() => { const module = { exports: {} }; const exports = module.exports;
${webBuild}
  return module.exports; })();
${read('./checks.js')}`;
const runtime = new EdgeRuntime({ initialCode });
const outcome = await runtime.evaluate(`(async () => {
  const nodePath = 'unavailable (require is ' + typeof require + ', process is ' + typeof process + ')';
  const results = await runZegoChecks({ web: __zegoWeb, node: undefined, vectors: ${JSON.stringify(reference.vectors)} });
  const environment = { process: typeof process, Buffer: typeof Buffer, require: typeof require, nodePath };
  return JSON.stringify({ environment, results });
})()`);
console.log(`ZEGO-MATRIX ${outcome}`);
