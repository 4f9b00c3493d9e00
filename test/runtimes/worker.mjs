/**
 * The runtime matrix's Worker for workerd (with and without nodejs_compat; config and module names written by
 * run.mjs, @zego-token/fetch resolved with wrangler's export conditions): GET / runs the checks and answers with
 * their results as JSON.
 */
import './checks.js';
import * as web from '@zego-token/core/web';
import * as fetchAdapter from '@zego-token/fetch';
import reference from 'reference-tokens.json';
import { runFetchContract } from './fetch-contract.mjs';

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
    const fetch = { zegoToken: fetchAdapter.zegoToken, runFetchContract };
    const results = await globalThis.runZegoChecks({ web, node, vectors: reference.vectors, fetch });
    const environment = { process: typeof process, Buffer: typeof Buffer, nodePath };
    return Response.json({ environment, results });
  },
};
