/**
 * `@zego-token/client` as published: ESM and CommonJS with types, no dependencies, the shared version, every export
 * documented, and built files that run on any platform with `fetch` (they load no module and name no Node.js or
 * DOM global). The size limit is checked by scripts/check-packages.sh, on the file npm ships.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import * as esm from '@zego-token/client';

const require = createRequire(import.meta.url);
const packageDir = new URL('../../packages/client/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as Record<string, unknown>;

describe('@zego-token/client as published', () => {
  it('declares ESM and CommonJS entry points with their own types, no dependency of any kind, no side effects', () => {
    expect(manifest['exports']).to.deep.equal({
      '.': {
        import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './package.json': './package.json',
    });
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) expect(manifest).to.not.have.property(field);
    expect(manifest['sideEffects']).to.equal(false);
    expect(manifest['type']).to.equal('module');
  });

  it('shares the version of the other @zego-token packages (changesets: one fixed group)', () => {
    const core = JSON.parse(readFileSync(new URL('../core/package.json', packageDir), 'utf8')) as { version: string };
    expect(manifest['version']).to.equal(core.version);
  });

  it('exports the same API from require() and import', () => {
    const cjs = require('@zego-token/client') as typeof esm;
    expect(Object.keys(cjs).sort()).to.deep.equal(Object.keys(esm).sort());
    expect(Object.keys(esm).sort()).to.deep.equal(['TokenSourceError', 'attachExpressEngine', 'attachZim', 'createTokenSource', 'uikitRenewal']);
  });

  for (const file of ['dist/index.mjs', 'dist/index.cjs']) {
    it(`${file} loads no module and names no Node.js or DOM global: it runs wherever fetch does`, () => {
      // Minified, comments gone: what is left is code.
      const code = transformSync(readFileSync(new URL(file, packageDir), 'utf8'), { minify: true }).code;
      expect(code).to.not.match(/\brequire\s*\(|\bimport\s*[("'{*\w]|\bfrom\s*["']/);
      expect(code).to.not.match(/\b(process|Buffer|global|window|document|navigator|localStorage|XMLHttpRequest|setImmediate|console)\b/);
      expect(code).to.not.include('node:');
    });
  }

  it('documents every export with TSDoc', function () {
    this.timeout(60_000);
    const entry = fileURLToPath(new URL('src/index.ts', packageDir));
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
    expect(exports.length).to.be.at.least(15);
    const undocumented = exports
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).to.deep.equal([]);
  });
});
