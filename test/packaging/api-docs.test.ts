import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

describe('@zego-token/core API documentation', () => {
  // Each entry point of the package, with the fewest exports it must have (so an empty entry cannot pass).
  const entries: Array<[string, number]> = [
    ['src/index.ts', 20],
    ['src/server-assistant/index.ts', 5],
    ['src/web.ts', 20],
  ];
  for (const [path, minimum] of entries) {
    it(`documents every export of ${path} with TSDoc`, function () {
      this.timeout(60_000);
      const entry = fileURLToPath(new URL(`../../packages/core/${path}`, import.meta.url));
      const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
      const checker = program.getTypeChecker();
      const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      const exports = checker.getExportsOfModule(moduleSymbol);
      expect(exports.length).to.be.at.least(minimum);
      const undocumented = exports
        .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
        .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
        .map((symbol) => symbol.getName());
      expect(undocumented).to.deep.equal([]);
    });
  }
});
