/**
 * The runtime matrix's entry for the edge runtime (the `edge-runtime` package's EdgeRuntime, as Vercel's edge
 * functions and Next.js middleware run code): a context with Web APIs only, into which the CommonJS builds of
 * @zego-token/core/web and of @zego-token/fetch (chosen by the edge-light export condition), fetch-contract.ts and
 * checks.js are loaded as scripts. Prints `ZEGO-MATRIX {json}` for run.mjs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EdgeRuntime } from 'edge-runtime';
import { CONDITIONS, contractAsJavaScript, resolveWithConditions } from './packages.mjs';

const require = createRequire(import.meta.url);
const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const reference = JSON.parse(read('../fixtures/reference-tokens.json'));
const fetchFile = resolveWithConditions('@zego-token/fetch', CONDITIONS.edge);

/** A CommonJS body as a script defining `globalThis[name]`; `require` knows only the modules loaded before it. */
const asScript = (name, body) => `
  globalThis.${name} = (() => {
    const module = { exports: {} };
    const exports = module.exports;
    const require = (id) => {
      if (id === '@zego-token/core/web') return globalThis.__zegoWeb;
      throw new Error('not loadable here: ' + id);
    };
${body}
    return module.exports;
  })();`;

const initialCode = [
  asScript('__zegoWeb', readFileSync(require.resolve('@zego-token/core/web'), 'utf8')),
  asScript('__zegoFetch', readFileSync(fetchFile, 'utf8')),
  asScript('__zegoContract', contractAsJavaScript('cjs')),
  read('./checks.js'),
].join('\n');
const runtime = new EdgeRuntime({ initialCode });
const outcome = await runtime.evaluate(`(async () => {
  const nodePath = 'unavailable (require is ' + typeof require + ', process is ' + typeof process + ')';
  const fetch = { zegoToken: __zegoFetch.zegoToken, runFetchContract: __zegoContract.runFetchContract };
  const results = await runZegoChecks({ web: __zegoWeb, node: undefined, vectors: ${JSON.stringify(reference.vectors)}, fetch });
  const environment = { process: typeof process, Buffer: typeof Buffer, require: typeof require, nodePath };
  return JSON.stringify({ environment, results });
})()`);
const report = JSON.parse(outcome);
report.environment.fetchBuild = fetchFile.split('/').slice(-2).join('/');
console.log(`ZEGO-MATRIX ${JSON.stringify(report)}`);
