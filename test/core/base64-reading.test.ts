/**
 * A token's base64 is read by two decoders: node:crypto's (Node's forgiving `Buffer` decoder, checked by the count
 * of bytes it reaches) and the Web one (`atob`, checked the same way). Both must accept exactly canonical padded
 * base64, the texts whose bytes encode back to them, and answer every other text alike.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { decodeToken, ErrorCode, generateToken03, generateToken04, ZegoTokenError } from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { referenceVectors, SECRET } from '../support/fixtures.js';

/** The oracle, independent of both readers: canonical base64 is what Node writes for the bytes it reads. */
const MALFORMED = `${ErrorCode.TOKEN_MALFORMED} malformed token: `;

const isCanonical = (base64: string): boolean => Buffer.from(base64, 'base64').toString('base64') === base64;

type Outcome = string;
function nodeOutcome(token: string): Outcome {
  try {
    return `decoded ${decodeToken(token, SECRET).userId}`;
  } catch (error) {
    if (!(error instanceof ZegoTokenError)) throw error;
    return `${error.code} ${error.message}`;
  }
}
async function webOutcome(token: string): Promise<Outcome> {
  try {
    return `decoded ${(await web.decodeToken(token, SECRET)).userId}`;
  } catch (error) {
    if (!(error instanceof web.ZegoTokenError)) throw error;
    return `${error.code} ${error.message}`;
  }
}

// User IDs of 1 to 3 characters give envelopes of every length mod 3: no padding, `=` and `==`.
const tokens = [1, 2, 3].flatMap((length) => {
  const userId = 'u'.repeat(length);
  return [
    generateToken04({ appId: 1, userId, secret: SECRET, effectiveTimeInSeconds: 3600, payload: { roomId: 'r' } }),
    generateToken04({ appId: 1, userId, secret: SECRET, effectiveTimeInSeconds: 3600, mode: 'cbc' }),
    generateToken03({ appId: 1, roomId: 'r', userId, secret: SECRET, effectiveTimeInSeconds: 3600 }),
  ];
});
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Every letter of the alphabet, and what a forgiving decoder skips or reads in place of one.
// Node's decoder reads a character beyond U+00FF by its low byte: U+0141 as `A`, U+012D as `-`, U+012F as `/`.
const STRAY = [...'=-_ \n\t\r!.*é', '\u0000', '\u0100', '\u0141', '\u012D', '\u012F', '\u4E41', '\u{1F600}'];
const LETTER = fc.constantFrom(...ALPHABET, ...STRAY);

const edit = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: LETTER }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...STRAY, 'A', '==', '====') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), text: fc.constant('') }),
  // The tail, where the padding and the unused bits are.
  fc.record({ kind: fc.constant('tail' as const), at: fc.integer({ min: 1, max: 4 }), text: LETTER }),
);

function applied(token: string, e: { kind: string; at: number; text: string }): string {
  const base64 = token.slice(2);
  if (e.kind === 'tail') {
    const at = base64.length - e.at;
    return token.slice(0, 2) + base64.slice(0, at) + e.text + base64.slice(at + 1);
  }
  const at = e.at % (base64.length + 1);
  const rest = e.kind === 'insert' ? base64.slice(at) : base64.slice(at + 1);
  return token.slice(0, 2) + base64.slice(0, at) + e.text + rest;
}

describe('base64 reading: node:crypto and Web decoders accept exactly canonical padded base64', () => {
  it('every real token reads back through both', async () => {
    for (const token of tokens) {
      expect(nodeOutcome(token)).to.match(/^decoded u+$/);
      expect(await webOutcome(token)).to.equal(nodeOutcome(token));
    }
    for (const { token, secret } of referenceVectors) {
      expect(decodeToken(token, secret).userId).to.equal((await web.decodeToken(token, secret)).userId);
    }
  });

  it('answers every edited token alike, and refuses every non-canonical one as base64 (3,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tokens), fc.array(edit, { minLength: 1, maxLength: 3 }), async (token, edits) => {
        const text = edits.reduce(applied, token);
        const outcome = nodeOutcome(text);
        expect(await webOutcome(text), JSON.stringify(text)).to.equal(outcome);
        if (!isCanonical(text.slice(2))) {
          expect(outcome, JSON.stringify(text)).to.satisfy((o: string) => /^(not canonical padded base64|cut short: |too long)/.test(o.replace(MALFORMED, '')) && o.startsWith(MALFORMED));
        }
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('refuses each unused-bit spelling of the last character, which Node and atob both read as the same bytes', async () => {
    for (const token of tokens) {
      const base64 = token.slice(2);
      const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
      if (padding === 0) continue;
      const at = base64.length - 1 - padding;
      let refused = 0;
      for (const letter of ALPHABET) {
        if (letter === base64[at]) continue;
        const text = token.slice(0, 2) + base64.slice(0, at) + letter + base64.slice(at + 1);
        const outcome = nodeOutcome(text);
        expect(await webOutcome(text)).to.equal(outcome);
        if (Buffer.from(text.slice(2), 'base64').equals(Buffer.from(base64, 'base64'))) {
          expect(outcome).to.equal(`${MALFORMED}not canonical padded base64`);
          refused += 1;
        }
      }
      // `==` leaves 4 unused bits (15 other spellings), `=` leaves 2 (3 others).
      expect(refused).to.equal(padding === 2 ? 15 : 3);
    }
  });

  it('refuses every character beyond ASCII, which Node reads by its low byte', async () => {
    const token = tokens[0]!;
    for (const at of [2, 10, token.length - 3]) {
      const letter = token.charCodeAt(at);
      for (const high of [0x100, 0x4e00, 0xff00]) {
        const text = token.slice(0, at) + String.fromCharCode(high + letter) + token.slice(at + 1);
        // The same bytes to Node's forgiving decoder: only the reader's own check refuses it.
        expect(Buffer.from(text.slice(2), 'base64').equals(Buffer.from(token.slice(2), 'base64'))).to.equal(true);
        const outcome = nodeOutcome(text);
        expect(outcome).to.equal(`${MALFORMED}not canonical padded base64`);
        expect(await webOutcome(text)).to.equal(outcome);
      }
    }
  });

  it('refuses the URL-safe alphabet, whitespace and missing padding, which forgiving decoders read', async () => {
    const token = tokens.find((t) => t.slice(2).endsWith('='))!;
    const base64 = token.slice(2);
    const plus = base64.indexOf('+') === -1 ? undefined : base64.replace('+', '-');
    const slash = base64.indexOf('/') === -1 ? undefined : base64.replace('/', '_');
    const variants = [
      plus,
      slash,
      base64.replace(/=+$/, ''),
      `${base64.slice(0, 8)} ${base64.slice(8)}`,
      `${base64.slice(0, 8)}\n${base64.slice(8)}`,
      `${base64}\n`,
    ].filter((v): v is string => v !== undefined);
    for (const variant of variants) {
      expect(Buffer.from(variant, 'base64').equals(Buffer.from(base64, 'base64')), variant).to.equal(true);
      const outcome = nodeOutcome(`04${variant}`);
      expect(outcome.startsWith(MALFORMED), variant).to.equal(true);
      expect(await webOutcome(`04${variant}`)).to.equal(outcome);
    }
  });
});
