import { expect } from 'chai';
import {
  decodeToken,
  generateToken,
  generateToken03,
  generateToken04,
  inspectToken,
  verifyToken,
} from '@zego-token/core';
import { captureOutput } from '../support/capture-output.js';
import { APP_ID, OTHER_SECRET, referenceVectors, SECRET } from '../support/fixtures.js';
import { rawNonce, readRawToken } from '../support/format-decoder.js';

const COUNT = 5000;
const IV_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function mint(kind: 'gcm' | 'cbc' | '03'): string {
  return kind === '03'
    ? generateToken03({ appId: APP_ID, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60 })
    : generateToken04({ appId: APP_ID, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, mode: kind });
}

describe('randomness: IVs and nonces from node:crypto, never repeated', () => {
  for (const kind of ['gcm', 'cbc', '03'] as const) {
    it(`${kind}: ${COUNT} tokens, no two IVs or nonces alike`, () => {
      const ivs = new Set<string>();
      const nonces = new Set<string>();
      for (let i = 0; i < COUNT; i += 1) {
        const raw = readRawToken(mint(kind), SECRET);
        ivs.add(raw.iv.toString('hex'));
        nonces.add(rawNonce(raw.plaintext));
      }
      expect(ivs.size).to.equal(COUNT);
      expect(nonces.size).to.equal(COUNT);
    });
  }

  it('draws CBC IV characters uniformly from all 36 of [0-9a-z] (the Python seed used only 16)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i += 1) {
      for (const char of readRawToken(mint('cbc'), SECRET).iv.toString('latin1')) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
    }
    expect([...counts.keys()].sort().join('')).to.equal(IV_ALPHABET);
    // 80,000 characters, 2,222 expected per character. Uniform draws give a chi-squared of 35 ± 8.4 (35 degrees of
    // freedom; above 100 about once in 10^9 runs); bytes % 36 without rejection (first four characters 12.5% likelier)
    // gives about 156.
    const expected = 80_000 / 36;
    const chiSquared = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquared).to.be.below(100);
  });

  it('walks 04 nonces through int32 by a fixed odd step (no repeat for 2^32 tokens), and spreads 03 nonces over 2^53', () => {
    const nonces04 = Array.from({ length: 200 }, () => Number(rawNonce(readRawToken(mint('gcm'), SECRET).plaintext)));
    expect(nonces04.every((n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31)).to.equal(true);
    const steps = new Set(nonces04.slice(1).map((n, i) => (n - nonces04[i]! + 2 ** 32) % 2 ** 32));
    expect(steps.size).to.equal(1);
    expect([...steps][0]! % 2).to.equal(1);
    const nonces03 = Array.from({ length: 200 }, () => Number(rawNonce(readRawToken(mint('03'), SECRET).plaintext)));
    expect(nonces03.every((n) => Number.isSafeInteger(n) && n >= 0)).to.equal(true);
    expect(nonces03.some((n) => n > 2 ** 52)).to.equal(true);
  });

  it('never calls Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random was called');
    };
    try {
      for (let i = 0; i < 2000; i += 1) mint((['gcm', 'cbc', '03'] as const)[i % 3] ?? 'gcm');
      generateToken(APP_ID, 'r', 'u', { 1: 1, 2: 1 }, SECRET, 60);
    } finally {
      Math.random = original;
    }
  });
});

describe('hygiene: nothing printed, nothing secret in errors', () => {
  it('generating, decoding, verifying and failing print nothing', () => {
    const output = captureOutput(() => {
      for (const kind of ['gcm', 'cbc', '03'] as const) decodeToken(mint(kind), SECRET);
      for (const vector of referenceVectors) {
        inspectToken(vector.token);
        try {
          verifyToken(vector.token, OTHER_SECRET);
        } catch {
          // expected: wrong secret
        }
      }
      generateToken(0, '', '', {} as never, 'x', -1);
      try {
        generateToken04({ appId: 1, userId: 'u', secret: SECRET.slice(1), effectiveTimeInSeconds: 1 });
      } catch {
        // expected: bad secret
      }
    });
    expect(output).to.deep.equal([]);
  });

  it('never puts the secret, the plaintext or the IV in an error thrown while decoding a real token', () => {
    for (const vector of referenceVectors) {
      const raw = readRawToken(vector.token, vector.secret);
      for (const secret of [OTHER_SECRET, vector.secret]) {
        try {
          verifyToken(vector.token, secret, { now: 4_000_000_000, userId: 'someone-else' });
          expect.fail('an expired token must not verify');
        } catch (error) {
          const text = `${(error as Error).message}\n${(error as Error).stack ?? ''}`;
          for (const leak of [vector.secret, raw.plaintext, raw.iv.toString('hex'), raw.iv.toString('base64'), vector.expected.nonce]) {
            expect(text).to.not.include(leak);
          }
          if (raw.iv.length === 16) expect(text).to.not.include(raw.iv.toString('latin1'));
        }
      }
    }
  });
});
