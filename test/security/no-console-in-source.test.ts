/**
 * Library code never writes to the console, and its documentation never shows it doing so: eslint's no-console sees
 * code only, so this reads the text, TSDoc examples included. Only the CLI (packages/core/src/cli) prints.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
const cli = join(packages, 'core/src/cli');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === cli ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('no console in library source', () => {
  it('no package source outside the CLI mentions console, in code or in its TSDoc examples', () => {
    const files = readdirSync(packages).flatMap((name) => sources(join(packages, name, 'src')));
    expect(files.length).to.be.greaterThan(20);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bconsole\./.test(line) ? [`${relative(packages, file)}:${i + 1}`] : [])),
    );
    expect(found).to.deep.equal([]);
  });
});
