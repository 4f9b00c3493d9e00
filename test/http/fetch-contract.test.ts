/**
 * The runtime-neutral contract checks of the fetch handler (test/runtimes/fetch-contract.ts), here in Node; the
 * runtime matrix runs the same checks in the other runtimes.
 */
import { decodeToken } from '@zego-token/core';
import { zegoToken } from '@zego-token/fetch';
import { expect } from 'chai';
import { runFetchContract } from '../runtimes/fetch-contract.js';

describe('the fetch handler’s runtime-neutral contract checks, in Node', () => {
  it('all pass', async () => {
    const saved = [process.env['ZEGO_APP_ID'], process.env['ZEGO_SERVER_SECRET']];
    delete process.env['ZEGO_APP_ID'];
    delete process.env['ZEGO_SERVER_SECRET'];
    try {
      const results = await runFetchContract({ zegoToken: zegoToken as never, decodeToken });
      expect(results.length).to.be.at.least(10);
      expect(results.filter((r) => r.error !== undefined)).to.deep.equal([]);
    } finally {
      if (saved[0] !== undefined) process.env['ZEGO_APP_ID'] = saved[0];
      if (saved[1] !== undefined) process.env['ZEGO_SERVER_SECRET'] = saved[1];
    }
  });
});
