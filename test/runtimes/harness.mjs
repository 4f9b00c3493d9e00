/**
 * The runtime matrix's entry in Node (with tsx, for fetch-contract.ts), Bun and Deno: the checks on
 * @zego-token/core/web, on @zego-token/core where it loads (node:crypto), and on @zego-token/fetch as the runtime
 * resolves it. Prints one line, `ZEGO-MATRIX {json}`, for run.mjs.
 */
import './checks.js';
import * as web from '@zego-token/core/web';
import * as fetchAdapter from '@zego-token/fetch';
import reference from '../fixtures/reference-tokens.json' with { type: 'json' };
import { runFetchContract } from './fetch-contract.ts';
import { runServeSnippet } from './serve-snippet.mjs';

let node;
let nodePath;
try {
  node = await import('@zego-token/core');
  nodePath = 'node:crypto';
} catch (error) {
  nodePath = `unavailable (${String(error).split('\n')[0]})`;
}
const fetch = { zegoToken: fetchAdapter.zegoToken, runFetchContract };
const results = await globalThis.runZegoChecks({ web, node, vectors: reference.vectors, fetch });
// Bun and Deno only: their serve one-liners from the README, as written.
results.push(...(await runServeSnippet()));
const fetchBuild = import.meta.resolve('@zego-token/fetch').split('/').slice(-2).join('/');
const environment = { process: typeof process, Buffer: typeof Buffer, nodePath, fetchBuild };
console.log(`ZEGO-MATRIX ${JSON.stringify({ environment, results })}`);
