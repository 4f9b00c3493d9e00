/**
 * Reading a token after decryption must run where only Web APIs exist (a Web Crypto decoder calls the same code):
 * the reading path imports nothing from `node:` and uses no `Buffer`, however deep its imports go.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../packages/core/src/', import.meta.url));
const READING_PATH = ['format/envelope-reader.ts', 'format/kit-token.ts', 'tokens/read-claims.ts'];
const IMPORT = /^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms;

/** Every source file `entry` imports, itself included, following relative imports. */
function importClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, specifier = ''] of readFileSync(entry, 'utf8').matchAll(IMPORT)) {
    if (specifier.startsWith('.')) importClosure(resolve(dirname(entry), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('the reading path (envelope, kit wrapper, claims) is Web-safe', () => {
  const files = new Set(READING_PATH.flatMap((file) => [...importClosure(resolve(SRC, file))]));

  it('imports nothing from node: and no package, however deep', () => {
    expect(files.size).to.be.greaterThan(READING_PATH.length);
    for (const file of files) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(([, specifier]) => specifier);
      expect(specifiers.filter((s) => !s?.startsWith('.')), file).to.deep.equal([]);
    }
  });

  it('uses no Buffer in the functions that read a token', () => {
    for (const file of READING_PATH) expect(readFileSync(resolve(SRC, file), 'utf8'), file).to.not.match(/\bBuffer\b/);
  });
});
