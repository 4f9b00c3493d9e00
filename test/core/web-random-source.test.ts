import { expect } from 'chai';
import * as web from '@zego-token/core/web';
import { SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

describe('@zego-token/core/web random source', () => {
  it('makes every IV and nonce from crypto.getRandomValues output, pooled', async () => {
    const webCrypto = globalThis.crypto;
    let calls = 0;
    // A pattern no CSPRNG would produce: every byte 0x01. CBC IV characters are then all '1', GCM nonces all 0x01,
    // 03 nonces 0x01010101010101 & (2^53 - 1).
    Object.defineProperty(webCrypto, 'getRandomValues', {
      configurable: true,
      value: <T extends ArrayBufferView | null>(array: T): T => {
        calls += 1;
        const bytes = new Uint8Array((array as ArrayBufferView).buffer, (array as ArrayBufferView).byteOffset, (array as ArrayBufferView).byteLength);
        bytes.fill(1);
        return array;
      },
    });
    const generate = (mode: 'gcm' | 'cbc'): Promise<string> =>
      web.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, mode });
    try {
      // Spend whatever real random bytes an earlier test left in the pool: at most 4 KiB, 12 bytes a token.
      for (let i = 0; i < 400 && !readRawToken(await generate('gcm'), SECRET).iv.equals(Buffer.alloc(12, 1)); i += 1);
      calls = 0;
      for (let i = 0; i < 300; i += 1) {
        expect(readRawToken(await generate('gcm'), SECRET).iv.equals(Buffer.alloc(12, 1))).to.equal(true);
        expect(readRawToken(await generate('cbc'), SECRET).iv.toString('latin1')).to.equal('1'.repeat(16));
        const v03 = readRawToken(await web.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }), SECRET);
        expect(v03.iv.toString('latin1')).to.equal('1'.repeat(16));
        expect(rawNonce(v03.plaintext)).to.equal(String(0x01010101010101 % 2 ** 53));
      }
    } finally {
      delete (webCrypto as unknown as Record<string, unknown>)['getRandomValues'];
    }
    // Pooled: 300 × (12 + 16 + 16 + 7) bytes from 4 KiB fills not a call per token.
    expect(calls).to.be.within(3, 5);
    expect(typeof globalThis.crypto.getRandomValues).to.equal('function');
  });
});
