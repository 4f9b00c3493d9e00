/**
 * The tarballs the docs tell a reader to install (`npm i …/tarballs/zego-token-core-0.1.0.tgz`) are the ones
 * `pnpm pack:all` writes today: each names a package of this repository at its current version.
 * `pnpm version-packages` rewrites them (scripts/docs-versions.mjs) when the versions move.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without types
import { currentVersion, markdownFiles, TARBALL_NAME } from '../../scripts/docs-versions.mjs';

describe('the tarball names in the docs', () => {
  it('name a package of this repository at its current version, in every markdown file', () => {
    let named = 0;
    for (const file of (markdownFiles as () => string[])()) {
      for (const [name, pkg, version] of readFileSync(file, 'utf8').matchAll(TARBALL_NAME as RegExp)) {
        named += 1;
        expect(existsSync(`packages/${pkg}/package.json`), `${file}: ${name}`).to.equal(true);
        expect(version, `${file}: ${name}`).to.equal((currentVersion as (name: string) => string)(pkg!));
      }
    }
    expect(named, 'the README and the package READMEs give tarball names').to.be.above(0);
  });
});
