import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as esm from '@zego-token/core';
import { referenceVectors } from '../support/fixtures.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(
  readFileSync(new URL('../../packages/core/package.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('@zego-token/core as published', () => {
  it('declares ESM and CommonJS entry points (the core, its server-assistant drop-in and its Web Crypto build) with their own types, Node 18+, no side effects, no dependencies', () => {
    expect(manifest['exports']).to.deep.equal({
      '.': {
        import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './server-assistant': {
        import: { types: './dist/server-assistant.d.mts', default: './dist/server-assistant.mjs' },
        require: { types: './dist/server-assistant.d.cts', default: './dist/server-assistant.cjs' },
      },
      './web': {
        import: { types: './dist/web.d.mts', default: './dist/web.mjs' },
        require: { types: './dist/web.d.cts', default: './dist/web.cjs' },
      },
      './package.json': './package.json',
    });
    // For TypeScript's older `moduleResolution: "node"` (node10), which ignores `exports`: a folder stub per subpath.
    for (const subpath of ['server-assistant', 'web']) {
      const stub = JSON.parse(readFileSync(new URL(`../../packages/core/${subpath}/package.json`, import.meta.url), 'utf8')) as unknown;
      expect(stub).to.deep.include({ main: `../dist/${subpath}.cjs`, types: `../dist/${subpath}.d.cts` });
      expect(manifest['files']).to.include(subpath);
    }
    expect(manifest['engines']).to.deep.equal({ node: '>=18.11' }); // util.parseArgs, stable from 18.11, for the CLI
    expect(manifest['sideEffects']).to.equal(false);
    expect(manifest).to.not.have.property('dependencies');
  });

  it('carries the metadata npm shows, in every package', () => {
    for (const name of ['core', 'express', 'koa', 'fastify', 'fetch', 'client']) {
      const pkg = JSON.parse(readFileSync(new URL(`../../packages/${name}/package.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
      expect(pkg['name']).to.equal(`@zego-token/${name}`);
      expect(pkg['description'], name).to.be.a('string').with.length.above(30);
      expect(pkg['keywords'], name).to.include.members(['zego', 'zegocloud', 'token']);
      expect(pkg['license'], name).to.equal('MIT');
      expect(pkg['files'], name).to.include.members(['dist', 'README.md', 'LICENSE']);
    }
  });

  it('exports the same API from require() and import', () => {
    const cjs = require('@zego-token/core') as typeof esm;
    expect(Object.keys(cjs).sort()).to.deep.equal(Object.keys(esm).sort());
    const vector = referenceVectors[referenceVectors.length - 1]!;
    expect(cjs.decodeToken(vector.token, vector.secret)).to.deep.equal(esm.decodeToken(vector.token, vector.secret));
  });

  it('works from plain Node.js scripts in both module systems', () => {
    const vector = referenceVectors[0]!;
    const script = (load: string): string =>
      `${load}; const d = decodeToken(${JSON.stringify(vector.token)}, ${JSON.stringify(vector.secret)});` +
      `try { decodeToken('x', d.userId.padEnd(32, '0')) } catch (e) { process.stdout.write(d.nonce + ' ' + (e instanceof ZegoTokenError) + ' ' + e.code) }`;
    const run = (args: string[]): string => execFileSync(process.execPath, args, { encoding: 'utf8' });
    const expected = `${vector.expected.nonce} true 8`;
    expect(run(['-e', script("const { decodeToken, ZegoTokenError } = require('@zego-token/core')")])).to.equal(expected);
    expect(
      run(['--input-type=module', '-e', script("import { decodeToken, ZegoTokenError } from '@zego-token/core'")]),
    ).to.equal(expected);
  });

  it('resolves @zego-token/core/server-assistant from require() and import, to the same API, with types for each', async function () {
    this.timeout(60_000);
    const esmAssistant = await import('@zego-token/core/server-assistant');
    const cjsAssistant = require('@zego-token/core/server-assistant') as typeof esmAssistant;
    expect(Object.keys(cjsAssistant).sort()).to.deep.equal(Object.keys(esmAssistant).sort());
    expect(require.resolve('@zego-token/core/server-assistant')).to.match(/dist[\\/]server-assistant\.cjs$/);
    // What a TypeScript user sees, in both module systems: the drop-in's signatures, from the package's own types.
    for (const extension of ['mts', 'cts']) {
      const file = fileURLToPath(new URL(`../fixtures/server-assistant-types.${extension}`, import.meta.url));
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics, extension).to.deep.equal([]);
      const declarations = program.getSourceFiles().map((source) => source.fileName).filter((name) => name.includes('server-assistant.d.'));
      expect(declarations, extension).to.have.length(1);
      expect(declarations[0]).to.match(extension === 'mts' ? /server-assistant\.d\.mts$/ : /server-assistant\.d\.cts$/);
    }
  });
});
