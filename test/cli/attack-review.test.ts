/**
 * Hostile review of issue 9, CLI side: what `verify` prints must let a person tell one user from another.
 */
import { generateToken04 } from '@zego-token/core';
import { expect } from 'chai';
import { cliInProcess } from '../support/cli.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

const env = { ZEGO_SERVER_SECRET: SECRET, ZEGO_APP_ID: String(APP_ID) };

function tokenFor(userId: string): string {
  return generateToken04({ appId: APP_ID, userId, secret: SECRET, effectiveTimeInSeconds: 3600, payload: { roomId: 'lobby' } });
}

describe('attack review of issue 9: zego-token output', () => {
  // Invisible format characters (zero-width space, BOM, soft hyphen, word joiner, tag characters) and the line and
  // paragraph separators are printed raw: "admin" + U+200B prints exactly like "admin" on a terminal.
  for (const [name, invisible] of [
    ['a zero-width space (U+200B)', '\u200b'],
    ['a zero-width no-break space (U+FEFF)', '\ufeff'],
    ['a soft hyphen (U+00AD)', '\u00ad'],
    ['a word joiner (U+2060)', '\u2060'],
    ['a tag character (U+E0041)', '\u{e0041}'],
    ['a line separator (U+2028)', '\u2028'],
  ] as const) {
    it(`verify does not print a user ID with ${name} exactly as it prints "admin"`, async () => {
      const genuine = await cliInProcess(['verify', tokenFor('admin')], env);
      const spoof = await cliInProcess(['verify', tokenFor(`admin${invisible}`)], env);
      expect(genuine.status).to.equal(0);
      expect(spoof.status).to.equal(0);
      const shown = (run: { stdout: string }): string => run.stdout.replace(/until .*$/s, '');
      // What a person sees: the line with the invisible character removed must differ from the genuine one.
      const visible = shown(spoof).replaceAll(invisible, '');
      expect(shown(spoof), 'an invisible character printed raw').to.not.include(invisible);
      expect(visible).to.not.equal(shown(genuine));
    });
  }
});
