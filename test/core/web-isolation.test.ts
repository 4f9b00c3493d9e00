/**
 * `@zego-token/core/web` must run where only Web APIs exist: nothing it imports may touch a `node:` module, `Buffer`
 * or `process`. Checked three ways: the source import graph, the built files, and a run in a bare context.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import * as node from '@zego-token/core';
import { SECRET } from '../support/fixtures.js';
import { readRawToken } from '../support/format-decoder.js';

const coreDir = fileURLToPath(new URL('../../packages/core/', import.meta.url));
/** The libraries bundled into the web build (the package has no runtime dependency): the built files are checked below. */
const BUNDLED = ['@noble/hashes/legacy.js'];
const NODE_ONLY = new Set(['Buffer', 'process', 'require', 'global', '__dirname', '__filename']);

/** The identifiers of `source` that name Node-only globals, as code (comments and strings do not count). */
function nodeOnlyIdentifiers(source: string): string[] {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    // `x.process`, `{ process: … }` and a method `process() {…}` name properties, not the global.
    const isProperty =
      (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) ||
      (ts.isPropertyAssignment(node.parent) && node.parent.name === node) ||
      (ts.isMethodDeclaration(node.parent) && node.parent.name === node);
    if (ts.isIdentifier(node) && !isProperty && NODE_ONLY.has(node.text)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, true), visit);
  return [...found];
}

/** What a built file loads: import/export-from declarations, import() and require() calls. */
function loads(code: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) found.push(node.moduleSpecifier.getText());
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found.push(node.getText());
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(ts.createSourceFile('built.js', code, ts.ScriptTarget.Latest, true), visit);
  return found;
}

/** Every source file `entry` reaches through imports and re-exports that survive compilation (not `import type`). */
function valueImportGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (graph.has(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const specifiers: string[] = [];
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
        specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
      } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) {
        specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
      }
    }
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return graph;
}

describe('@zego-token/core/web uses Web APIs only', () => {
  it('imports, from src/web.ts down, no node: module and no file that names Buffer, process or require', () => {
    const graph = valueImportGraph(resolve(coreDir, 'src/web.ts'));
    expect(graph.size).to.be.greaterThan(10);
    for (const [file, specifiers] of graph) {
      const relative = file.slice(coreDir.length);
      expect(specifiers.filter((s) => !s.startsWith('.') && !BUNDLED.includes(s)), relative).to.deep.equal([]);
      expect(nodeOnlyIdentifiers(readFileSync(file, 'utf8')), relative).to.deep.equal([]);
      expect(relative).to.not.match(/^src\/(node|cli)\//);
    }
    // The check can fail: the node entry's graph does reach node:crypto and process.
    const nodeGraph = valueImportGraph(resolve(coreDir, 'src/index.ts'));
    expect([...nodeGraph.values()].flat()).to.include('node:crypto');
    expect([...nodeGraph.keys()].flatMap((file) => nodeOnlyIdentifiers(readFileSync(file, 'utf8')))).to.include.members(['Buffer', 'process']);
  });

  it('carries the whole license of what is bundled into it (MIT asks for its notice in every copy)', () => {
    const license = readFileSync(createRequire(resolve(coreDir, 'package.json')).resolve('@noble/hashes/legacy.js').replace(/legacy\.js$/, 'LICENSE'), 'utf8').trim();
    expect(license).to.match(/^The MIT License[\s\S]*Paul Miller[\s\S]*Permission is hereby granted/);
    for (const built of ['dist/web.mjs', 'dist/web.cjs']) {
      expect(readFileSync(resolve(coreDir, built), 'utf8').slice(0, 2000), built).to.include(license);
    }
  });

  for (const built of ['dist/web.mjs', 'dist/web.cjs']) {
    it(`${built} is self-contained: no import, no require, no Buffer or process`, () => {
      const code = readFileSync(resolve(coreDir, built), 'utf8');
      expect(loads(code)).to.deep.equal([]);
      expect(nodeOnlyIdentifiers(code)).to.deep.equal([]);
      // The checks can fail: the node entries' build (index and its shared chunks) loads node:crypto and names Buffer.
      const extension = built.slice(built.lastIndexOf('.'));
      const nodeBuild = readdirSync(resolve(coreDir, 'dist'))
        .filter((file) => file.endsWith(extension) && !file.startsWith('web.') && !file.startsWith('cli.'))
        .map((file) => readFileSync(resolve(coreDir, 'dist', file), 'utf8'))
        .join('\n');
      expect(loads(nodeBuild).join()).to.include('node:crypto');
      expect(nodeOnlyIdentifiers(nodeBuild)).to.include('Buffer');
    });
  }

  it('runs in a context that has Web Crypto and the encoding APIs but no Buffer, process or require', async () => {
    // A fresh V8 context: only the language's built-ins, plus what a Web-only runtime provides.
    const context = vm.createContext({
      crypto: globalThis.crypto,
      TextEncoder,
      TextDecoder,
      atob,
      btoa,
      module: { exports: {} as Record<string, unknown> },
    });
    vm.runInContext(`var exports = module.exports;\n${readFileSync(resolve(coreDir, 'dist/web.cjs'), 'utf8')}`, context);
    expect(vm.runInContext('[typeof Buffer, typeof process, typeof require]', context)).to.deep.equal(['undefined', 'undefined', 'undefined']);
    const bare = (context['module'] as { exports: typeof import('@zego-token/core/web') }).exports;
    for (const mode of ['gcm', 'cbc'] as const) {
      const token = await bare.generateToken04({ appId: 1, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, mode, payload: { roomId: 'r' } });
      expect(node.decodeToken(token, SECRET)).to.include({ mode, userId: 'u' });
      expect(readRawToken(token, SECRET).modeByte).to.equal(mode === 'gcm' ? 1 : undefined); // 04 CBC has none
      expect(await bare.decodeToken(node.generateToken04({ appId: 2, userId: 'v', secret: SECRET, effectiveTimeInSeconds: 60, mode }), SECRET)).to.include({ appId: 2, mode });
    }
    const v03 = await bare.generateToken03({ appId: 3, roomId: 'r', userId: 'w', secret: SECRET, effectiveTimeInSeconds: 60 });
    expect(node.verifyToken(v03, SECRET, { roomId: 'r' })).to.include({ version: '03', userId: 'w' });
    const issued = await bare.createTokenIssuer({ appId: 4, secret: SECRET }).issue({ userId: 'x', roomId: 'lobby', request: null });
    expect(issued.status).to.equal(200);
  });

  it('loads through require() and import() without touching Web Crypto until asked to', async () => {
    const require = createRequire(import.meta.url);
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto') as PropertyDescriptor;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const fresh = `${resolve(coreDir, 'dist/web.mjs')}?no-crypto`;
      const loaded = (await import(fresh)) as typeof import('@zego-token/core/web');
      expect(loaded.generateToken04).to.be.a('function');
      expect(require('@zego-token/core/web')).to.have.property('decodeToken');
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
  });
});
