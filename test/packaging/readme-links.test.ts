/**
 * Links in the documentation. A package README is also the package's page on npm, where a relative link that leaves
 * the package directory (`../../README.md#…`, `../../docs/…`) leads nowhere: none may. Every relative link of the
 * repository's own pages (the root's Markdown files, `docs/`, `bench/`) must reach a file that exists and, when it
 * names one, a heading of that file (anchors as GitHub writes them).
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'README.md')));

/** The text a reader sees as prose: fenced code blocks and inline code removed (a `](` in code is not a link). */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every link target of a Markdown page: inline links and images, reference definitions and `<a href>`. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const targets: string[] = [];
  for (const [, target = ''] of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(target);
  for (const [, target = ''] of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(target);
  for (const [, , target = ''] of text.matchAll(/<a\s(?:[^>]*\s)?href\s*=\s*(["'])(.*?)\1/gi)) targets.push(target);
  return targets;
}

const isAbsolute = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** The anchors of a page's headings, as GitHub makes them (github-slugger), plus explicit `<a name|id>` anchors. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading = ''] of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = heading.replace(/<[^>]+>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const [, , name = ''] of markdown.matchAll(/<a\s(?:[^>]*\s)?(?:name|id)\s*=\s*(["'])(.*?)\1/gi)) anchors.add(name);
  return anchors;
}

/** Where a relative link from `page` (a path from the root) leads: the file and its anchor, if any. */
function resolveLink(page: string, target: string): { file: string; anchor: string | undefined } {
  const [path = '', anchor] = target.split('#', 2) as [string, string | undefined];
  const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(path));
  return { file, anchor: anchor === undefined || anchor === '' ? undefined : decodeURIComponent(anchor) };
}

/** Why a relative link does not work: no file, or no such heading in it; undefined when it works. */
function brokenLink(page: string, target: string): string | undefined {
  const { file, anchor } = resolveLink(page, target);
  if (!existsSync(file)) return `${page}: ${target}: no file ${relative(root, file)}`;
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `${page}: ${target}: an anchor into a file that is not Markdown`;
  if (!headingAnchors(readFileSync(file, 'utf8')).has(anchor)) return `${page}: ${target}: no heading #${anchor} in ${relative(root, file)}`;
  return undefined;
}

/** The relative links of a package README that leave its package directory. */
function linksLeavingPackage(markdown: string, packageDir: string): string[] {
  const page = join(packageDir, 'README.md');
  return linkTargets(markdown)
    .filter((target) => !isAbsolute(target) && !target.startsWith('#'))
    .filter((target) => {
      const { file } = resolveLink(page, target);
      return !`${file}${sep}`.startsWith(`${join(root, packageDir)}${sep}`);
    });
}

/** The repository's own pages: the root's Markdown files, and every Markdown file under docs/ and bench/. */
function repositoryPages(): string[] {
  const pages = readdirSync(root).filter((name) => name.endsWith('.md'));
  for (const folder of ['docs', 'bench']) {
    pages.push(...readdirSync(join(root, folder)).filter((name) => name.endsWith('.md')).map((name) => `${folder}/${name}`));
  }
  return pages;
}

describe('documentation links', () => {
  it('finds links the way a reader follows them (so the checks below can fail)', () => {
    const sample = [
      'See [the README](../../README.md#install), <a href="../../docs/x.md">x</a> and [a section](#api).',
      '[ref]: ../core/README.md',
      '`[not a link](../../in-code.md)`',
      '```md',
      '[also not](../../in-a-block.md)',
      '```',
      '[npm](https://www.npmjs.com/package/@zego-token/core#options)',
    ].join('\n');
    expect(linkTargets(sample)).to.have.members([
      '../../README.md#install',
      '#api',
      '../core/README.md',
      'https://www.npmjs.com/package/@zego-token/core#options',
      '../../docs/x.md',
    ]);
    expect(linksLeavingPackage(sample, 'packages/express')).to.have.members(['../../README.md#install', '../core/README.md', '../../docs/x.md']);
    expect([...headingAnchors('# A `b`: C (d)\n## `@zego-token/core/web`: Web Crypto\n## A b: C (d)\n')]).to.deep.equal([
      'a-b-c-d',
      'zego-tokencoreweb-web-crypto',
      'a-b-c-d-1',
    ]);
    expect(brokenLink('README.md', 'docs/runtimes.md#no-such-heading')).to.be.a('string');
    expect(brokenLink('README.md', 'docs/no-such-page.md')).to.be.a('string');
  });

  it('package READMEs stand alone on npm: no relative link leaves the package directory', () => {
    expect(PACKAGES).to.include.members(['core', 'express', 'koa', 'fastify', 'fetch', 'client']);
    for (const name of PACKAGES) {
      const readme = readFileSync(join(root, 'packages', name, 'README.md'), 'utf8');
      expect(linksLeavingPackage(readme, `packages/${name}`), `packages/${name}/README.md`).to.deep.equal([]);
    }
  });

  it('package READMEs: links inside the package reach an existing file and heading; npm links name our packages', () => {
    for (const name of PACKAGES) {
      const page = `packages/${name}/README.md`;
      const targets = linkTargets(readFileSync(join(root, page), 'utf8'));
      const broken = targets.filter((target) => !isAbsolute(target)).map((target) => brokenLink(page, target)).filter(Boolean);
      expect(broken, page).to.deep.equal([]);
      for (const target of targets.filter((each) => each.includes('npmjs.com/package/'))) {
        expect(target, page).to.match(new RegExp(`^https://www\\.npmjs\\.com/package/@zego-token/(${PACKAGES.join('|')})(#[\\w-]+)?$`));
        const [, linked = '', anchor] = /@zego-token\/([\w-]+)(?:#([\w-]+))?$/.exec(target)!;
        if (anchor !== undefined) expect(brokenLink(`packages/${linked}/README.md`, `#${anchor}`), `${page}: ${target}`).to.equal(undefined);
      }
    }
  });

  it('every relative link of the README, CONTRIBUTING, docs/ and bench/ reaches an existing file and heading', () => {
    const pages = repositoryPages();
    expect(pages).to.include.members(['README.md', 'CONTRIBUTING.md', 'docs/http-contract.md', 'docs/runtimes.md', 'bench/README.md']);
    const broken: string[] = [];
    for (const page of pages) {
      for (const target of linkTargets(readFileSync(join(root, page), 'utf8'))) {
        if (isAbsolute(target)) continue;
        const problem = brokenLink(page, target);
        if (problem !== undefined) broken.push(problem);
      }
    }
    expect(broken).to.deep.equal([]);
  });
});
