import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { referenceVectors, SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

// The CommonJS build looks node:crypto's functions up on the module object at each call, so replacing
// randomFillSync there shows which bytes the IVs and nonces are made of.
const require = createRequire(import.meta.url);
const crypto = require('node:crypto') as typeof import('node:crypto');
const core = require('@zego-token/core') as typeof import('@zego-token/core');

describe('random source', () => {
  it('makes every IV and nonce from node:crypto randomFillSync output', () => {
    const original = crypto.randomFillSync;
    let calls = 0;
    // A pattern no CSPRNG would produce: every byte 0x01. CBC IV characters are then all '1', GCM nonces all 0x01,
    // 03 nonces 0x01010101010101 & (2^53 - 1). (04 nonces step from a start drawn once, perhaps before this test.)
    crypto.randomFillSync = ((buffer: Buffer) => {
      calls += 1;
      return buffer.fill(1);
    }) as typeof crypto.randomFillSync;
    try {
      // Spend whatever real random bytes an earlier test left in the pool: at most 4 KiB, 12 bytes a token.
      const gcmIv = (): Buffer =>
        readRawToken(core.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }), SECRET).iv;
      for (let i = 0; i < 400 && !gcmIv().equals(Buffer.alloc(12, 1)); i += 1);
      calls = 0;
      for (let i = 0; i < 300; i += 1) {
        const gcm = readRawToken(core.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }), SECRET);
        expect(gcm.iv.equals(Buffer.alloc(12, 1))).to.equal(true);
        const cbc = readRawToken(core.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9, mode: 'cbc' }), SECRET);
        expect(cbc.iv.toString('latin1')).to.equal('1'.repeat(16));
        const v03 = readRawToken(core.generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 9 }), SECRET);
        expect(rawNonce(v03.plaintext)).to.equal(String(0x01010101010101 % 2 ** 53));
      }
    } finally {
      crypto.randomFillSync = original;
    }
    // Pooled: 300 × (12 + 16 + 16 + 7) bytes (GCM nonce, CBC IV, 03 IV, 03 nonce) from 4 KiB fills, not a call per token.
    expect(calls).to.be.within(3, 5);
  });

  it('draws the 04 nonce walk (start and stride) from randomFillSync, in a fresh process', () => {
    // Every random byte 0x01: start 0x01010101, stride 0x01010101 (already odd), so nonces 2, 3, 4 × 0x01010101.
    const script = `
      const crypto = require('node:crypto');
      crypto.randomFillSync = (buffer) => buffer.fill(1);
      const { generateToken04, decodeToken } = require('@zego-token/core');
      const secret = ${JSON.stringify(SECRET)};
      const nonces = [1, 2, 3].map(() => decodeToken(generateToken04({ appId: 1, userId: 'u', secret, effectiveTimeInSeconds: 9 }), secret).nonce);
      process.stdout.write(nonces.join(' '));`;
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(output).to.equal([2, 3, 4].map((k) => String((k * 0x01010101) | 0)).join(' '));
  });

  it('recognises its errors across the CommonJS and ESM builds with instanceof', async () => {
    const esm = await import('@zego-token/core');
    expect(esm.ZegoTokenError).to.not.equal(core.ZegoTokenError);
    let fromCjs: unknown;
    try {
      core.decodeToken(referenceVectors[0]!.token, 'x');
    } catch (error) {
      fromCjs = error;
    }
    expect(fromCjs).to.be.instanceOf(core.ZegoTokenError);
    expect(fromCjs).to.be.instanceOf(esm.ZegoTokenError);
    expect(new Error('other')).to.not.be.instanceOf(esm.ZegoTokenError);
    expect({ name: 'ZegoTokenError', code: 8 }).to.not.be.instanceOf(esm.ZegoTokenError);
  });
});
