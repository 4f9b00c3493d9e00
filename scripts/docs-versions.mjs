// Writes each package's current version into the tarball names the docs give (`zego-token-core-0.1.0.tgz`), so the
// install instructions stay true after `pnpm version-packages`; test/packaging/tarball-names.test.ts holds them to it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** The tarball names in a text, and the pattern that finds them: `zego-token-<package>-<version>.tgz`. */
export const TARBALL_NAME = /zego-token-([a-z]+)-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\.tgz/g;

export function currentVersion(name) {
  return JSON.parse(readFileSync(new URL(`../packages/${name}/package.json`, import.meta.url), 'utf8')).version;
}

export function markdownFiles() {
  return execFileSync('git', ['ls-files', '*.md'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' }).split('\n').filter(Boolean);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url);
  for (const file of markdownFiles()) {
    const path = new URL(file, root);
    const text = readFileSync(path, 'utf8');
    const updated = text.replace(TARBALL_NAME, (name, pkg) => `zego-token-${pkg}-${currentVersion(pkg)}.tgz`);
    if (updated !== text) writeFileSync(path, updated);
  }
}
