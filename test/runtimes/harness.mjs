/**
 * The runtime matrix's entry in Node, Bun and Deno: the checks on @zego-token/core/web, and on @zego-token/core
 * where it loads (node:crypto). Prints one line, `ZEGO-MATRIX {json}`, for run.mjs.
 */
import './checks.js';
import * as web from '@zego-token/core/web';
import reference from '../fixtures/reference-tokens.json' with { type: 'json' };

let node;
let nodePath;
try {
  node = await import('@zego-token/core');
  nodePath = 'node:crypto';
} catch (error) {
  nodePath = `unavailable (${String(error).split('\n')[0]})`;
}
const results = await globalThis.runZegoChecks({ web, node, vectors: reference.vectors });
const environment = { process: typeof process, Buffer: typeof Buffer, nodePath };
console.log(`ZEGO-MATRIX ${JSON.stringify({ environment, results })}`);
