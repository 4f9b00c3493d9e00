/**
 * The runtime matrix's Worker for workerd (with and without nodejs_compat; config written by run.mjs): GET / runs the
 * checks and answers with their results as JSON.
 */
import './checks.js';
import * as web from '@zego-token/core/web';
import reference from 'reference-tokens.json';

export default {
  async fetch() {
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
    return Response.json({ environment, results });
  },
};
