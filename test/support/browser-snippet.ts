/**
 * Runs a browser snippet of the guides (TypeScript that imports a browser-only package) in Node: transpiled to
 * CommonJS by TypeScript (types only are removed), then evaluated with the imports, `fetch` and `console` the test
 * hands it, so it talks to a real server of the test's and to the package's code the test chooses, without touching
 * this process's globals.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';

export interface BrowserScope {
  /** What each `import … from 'NAME'` of the snippet gets. */
  modules: Readonly<Record<string, unknown>>;
  /** The browser's `fetch`, as the snippet calls it. */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The browser's console. */
  console: Pick<Console, 'log' | 'error'>;
}

/** The exports of the snippet at `path` (from the repository's root), evaluated in `scope`. */
export function browserSnippet<Exports>(path: string, scope: BrowserScope): Exports {
  const source = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: path,
  });
  const module = { exports: {} as Exports };
  const require = (name: string): unknown => {
    if (!Object.hasOwn(scope.modules, name)) throw new Error(`${path} imports ${name}, which the test does not provide`);
    return scope.modules[name];
  };
  const evaluate = vm.runInThisContext(`(function (require, module, exports, fetch, console) {${outputText}\n})`, { filename: path }) as (
    ...args: unknown[]
  ) => void;
  evaluate(require, module, module.exports, scope.fetch, scope.console);
  return module.exports;
}
