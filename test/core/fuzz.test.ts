import { expect } from 'chai';
import fc from 'fast-check';
import {
  decodeToken,
  generateToken03,
  generateToken04,
  inspectToken,
  verifyToken,
  ZegoTokenError,
} from '@zego-token/core';
import { referenceVectors, SECRET } from '../support/fixtures.js';

// Fixed seeds: the same 1,000s of cases on every run, so a failure can always be replayed.
const runs = (numRuns: number, seed: number): fc.Parameters<unknown> => ({ numRuns, seed });

/** Decoding may return claims or throw a ZegoTokenError; anything else (TypeError, RangeError, …) is a bug. */
function decodeOutcome(token: string, secret: string): 'decoded' | 'rejected' {
  try {
    decodeToken(token, secret);
    return 'decoded';
  } catch (error) {
    if (!(error instanceof ZegoTokenError)) throw error;
    return 'rejected';
  }
}

const gcmTokens = [
  ...referenceVectors.filter((v) => v.expected.mode === 'gcm').map((v) => ({ token: v.token, secret: v.secret })),
  { token: generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, payload: { roomId: 'r' } }), secret: SECRET },
];
const cbcTokens = [
  ...referenceVectors.filter((v) => v.expected.mode !== 'gcm').map((v) => ({ token: v.token, secret: v.secret })),
  { token: generateToken03({ appId: 1, roomId: 'r', userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60 }), secret: SECRET },
  { token: generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, mode: 'cbc' }), secret: SECRET },
];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'extend'; extra: Uint8Array }
  | { kind: 'replace-char'; at: number; char: string };

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('replace-char' as const),
    at: fc.nat(),
    char: fc.constantFrom(...'ABCxyz0189+/=-_ .!\n\u0000é'),
  }),
);

/** Applies a mutation to the envelope bytes (or, for replace-char, to the text); never returns the input unchanged. */
function mutate(token: string, m: Mutation, protect: (byteIndex: number) => boolean = () => false): string | undefined {
  const bytes = Buffer.from(token.slice(2), 'base64');
  switch (m.kind) {
    case 'flip': {
      const at = m.at % bytes.length;
      if (protect(at)) return undefined;
      bytes[at]! ^= 1 << m.bit;
      return token.slice(0, 2) + bytes.toString('base64');
    }
    case 'truncate':
      return token.slice(0, 2) + bytes.subarray(0, m.keep % bytes.length).toString('base64');
    case 'extend':
      return token.slice(0, 2) + Buffer.concat([bytes, m.extra]).toString('base64');
    case 'replace-char': {
      const at = m.at % token.length;
      if (token[at] === m.char) return undefined;
      // Only base64 padding bits may change without changing the bytes: those must still be refused as non-canonical.
      return token.slice(0, at) + m.char + token.slice(at + 1);
    }
  }
}

describe('fuzzed decoding (fast-check)', () => {
  it('rejects every bit-flipped, truncated, extended or re-charactered GCM token (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...gcmTokens), mutation, ({ token, secret }, m) => {
        const mutated = mutate(token, m);
        if (mutated === undefined) return;
        expect(decodeOutcome(mutated, secret)).to.equal('rejected');
        expect(() => verifyToken(mutated, secret, { now: 0 })).to.throw(ZegoTokenError);
      }),
      runs(1000, 20261129),
    );
  });

  it('detects every single-bit flip anywhere in a GCM token (every bit of two tokens)', () => {
    for (const { token, secret } of [gcmTokens[0]!, gcmTokens[gcmTokens.length - 1]!]) {
      const bytes = Buffer.from(token.slice(2), 'base64');
      for (let at = 0; at < bytes.length; at += 1) {
        for (let bit = 0; bit < 8; bit += 1) {
          bytes[at]! ^= 1 << bit;
          const flipped = token.slice(0, 2) + bytes.toString('base64');
          expect(decodeOutcome(flipped, secret), `byte ${at} bit ${bit}`).to.equal('rejected');
          expect(() => verifyToken(flipped, secret, { now: 0 }), `byte ${at} bit ${bit}`).to.throw(ZegoTokenError);
          bytes[at]! ^= 1 << bit;
        }
      }
    }
  });

  it('rejects every mutated CBC (03 and legacy 04) token outside its IV (1,000 cases)', () => {
    // CBC has no integrity: flipping an IV bit flips the same bit of the first plaintext block, which can still be
    // valid JSON. Everything else (header, lengths, ciphertext, padding) must be caught.
    const inIv = (at: number): boolean => at >= 10 && at < 26;
    fc.assert(
      fc.property(fc.constantFrom(...cbcTokens), mutation, ({ token, secret }, m) => {
        const mutated = mutate(token, m, inIv);
        if (mutated === undefined) return;
        expect(decodeOutcome(mutated, secret)).to.equal('rejected');
      }),
      runs(1000, 20261130),
    );
  });

  it('never throws anything but ZegoTokenError when a CBC IV is altered (500 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cbcTokens), fc.integer({ min: 10, max: 25 }), fc.integer({ min: 0, max: 7 }), ({ token, secret }, at, bit) => {
        const bytes = Buffer.from(token.slice(2), 'base64');
        bytes[at]! ^= 1 << bit;
        decodeOutcome(token.slice(0, 2) + bytes.toString('base64'), secret);
      }),
      runs(500, 7),
    );
  });

  it('only ever answers arbitrary strings with a ZegoTokenError, in all three readers (1,500 cases)', () => {
    const candidate = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.base64String({ maxLength: 400 }).map((b) => `04${b}`),
      fc.base64String({ maxLength: 400 }).map((b) => `03${b}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `04${Buffer.from(b).toString('base64')}`),
    );
    fc.assert(
      fc.property(candidate, (text) => {
        expect(decodeOutcome(text, SECRET)).to.equal('rejected');
        expect(() => verifyToken(text, SECRET)).to.throw(ZegoTokenError);
        try {
          inspectToken(text);
        } catch (error) {
          expect(error).to.be.instanceOf(ZegoTokenError);
        }
      }),
      runs(1500, 42),
    );
  });
});
