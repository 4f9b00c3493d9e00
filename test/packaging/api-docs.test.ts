import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

describe('@zego-token/core API documentation', () => {
  it('documents every export with TSDoc', function () {
    this.timeout(60_000);
    const entry = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const exports = checker.getExportsOfModule(moduleSymbol);
    expect(exports.length).to.be.greaterThan(20);
    const undocumented = exports
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).to.deep.equal([]);
  });
});
