/**
 * Pasted tokens are read in time linear in their size, and kit wrappers are bounded: the repair step once re-ran a
 * whitespace-trimming regex per stripped quote pair (quotes around spaces: cubic, hours at the CLI's 128 KiB), and a
 * 45 MB kit wrapper was decoded whole. Linearity is tested as an algorithm's property, comparing 32 KiB with 128 KiB
 * (4 times the input: about 4 times the work; a quadratic step makes it 16), not against a tight clock; one generous
 * bound says a 128 KiB paste answers well under a second.
 */
import { expect } from 'chai';
import { diagnoseToken, generateToken04, inspectToken } from '@zego-token/core';
import { cliInProcess } from '../support/cli.js';
import { APP_ID, OTHER_SECRET, SECRET } from '../support/fixtures.js';

const KIB = 1024;
const token = generateToken04({ appId: APP_ID, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 3600 });

/** Pastes of `size` characters that made (or could make) a reader re-scan: quotes, spaces, escapes, separators. */
const pastes: Record<string, (size: number) => string> = {
  'quotes around a run of spaces, nested': (size) => '" '.repeat(size / 8) + ' '.repeat(size / 2) + ' "'.repeat(size / 8),
  'double quotes only': (size) => '"'.repeat(size),
  "single quotes around one letter": (size) => `${"'".repeat(size / 2)}x${"'".repeat(size / 2)}`,
  'every kind of quote with spaces': (size) => '"\'` '.repeat(size / 8) + "` '\"".repeat(size / 8),
  'a JSON string of escaped quotes': (size) => `"${'\\"'.repeat(size / 2 - 1)}"`,
  'quotes around a token, around spaces': (size) => `${'"'.repeat(size / 4)}${' '.repeat(size / 4)}${token}${' '.repeat(size / 4)}${'"'.repeat(size / 4)}`,
  'percent signs': (size) => '%'.repeat(size),
  'percent-encoded quotes': (size) => '%22'.repeat(size / 3),
  'a kit token with a long wrapper': (size) => `${token}#${'A'.repeat(size)}`,
  'fields joined by colons': (size) => `1234567:${'u:'.repeat(size / 2)}`,
  'a JWT-shaped run of dots': (size) => `eyJ${'.'.repeat(size)}`,
};
const options = { secret: [SECRET, OTHER_SECRET], appId: APP_ID, userId: 'alice', roomId: 'lobby' };

/** The least time, over a few runs, of `repeat` diagnoses of `input`, in milliseconds. */
function leastTime(input: string, repeat: number): number {
  let least = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    for (let i = 0; i < repeat; i += 1) diagnoseToken(input, options);
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

describe('reading pasted tokens in linear time, with a bounded kit wrapper', function () {
  this.timeout(120_000);

  for (const [what, paste] of Object.entries(pastes)) {
    it(`${what}: 128 KiB answers well under a second, and 4 times the input takes about 4 times as long`, () => {
      const large = paste(128 * KIB);
      const start = performance.now();
      const diagnosis = diagnoseToken(large, options);
      expect(performance.now() - start, 'one 128 KiB diagnosis, in ms').to.be.below(2000);
      expect(diagnosis.ok).to.equal(false);
      // Enough repeats that the small input's batch takes a few milliseconds: timer noise stays small beside it.
      const small = paste(32 * KIB);
      const once = Math.max(leastTime(small, 1), 0.01);
      const repeat = Math.min(200, Math.ceil(5 / once));
      const ratio = leastTime(large, repeat) / leastTime(small, repeat);
      expect(ratio, `time(128 KiB) / time(32 KiB), ${repeat} diagnoses each`).to.be.below(10);
    });
  }

  it('refuses a 45 MB kit wrapper unread, at once', () => {
    const huge = `${token}#${'QUFB'.repeat((45 * KIB * KIB) / 4)}`;
    const start = performance.now();
    const diagnosis = diagnoseToken(huge, { secret: SECRET });
    expect(diagnosis.findings.map((f) => f.code)).to.deep.equal(['kit_token', 'malformed']);
    expect(diagnosis.findings[1]!.message).to.match(/longer than 8192 characters/);
    expect(() => inspectToken(huge)).to.throw(/longer than 8192 characters/);
    expect(performance.now() - start, 'in ms').to.be.below(2000);
  });

  it('answers 128 KiB of quotes and spaces on stdin (the CLI’s limit) at once, with one finding', async () => {
    const paste = pastes['quotes around a run of spaces, nested']!(128 * KIB - 8);
    const start = performance.now();
    const run = await cliInProcess(['doctor', '-', '--secret', SECRET], {}, async function* () {
      await Promise.resolve();
      yield paste;
    });
    expect(performance.now() - start, 'in ms').to.be.below(2000);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.match(/^error +empty_token: /);
  });
});
