/**
 * The core's layers are a lint rule (eslint.config.js): a folder of packages/core/src imports only the folders below
 * it, and only node/ and cli/ import `node:` modules. Each case lints an import added to a real file of a layer.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for `file` (a real file of the core) with `line` added at its top. */
async function layerErrors(file: string, line: string): Promise<string[]> {
  const filePath = `${root}packages/core/src/${file}`;
  const [result] = await eslint.lintText(`${line}\n${readFileSync(filePath, 'utf8')}`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: the core imports only down its layers', function () {
  this.timeout(120_000);

  const refused: Array<[string, string, string, RegExp]> = [
    ['lib/ importing route/', 'lib/utf8.ts', "import '../route/token-route.js';", /lib\/ may import only itself/],
    ['format/ importing tokens/ (even a type)', 'format/envelope.ts', "import type { Privilege } from '../tokens/privilege.js';", /format\/ may import only lib/],
    ['tokens/ importing route/', 'tokens/mint.ts', "import { DEFAULT_EFFECTIVE_TIME_IN_SECONDS } from '../route/issuer-config.js';", /tokens\/ may import only lib, format/],
    ['route/ importing node/', 'route/token-route.ts', "export { NODE_PLATFORM } from '../node/platform.js';", /route\/ may import only/],
    ['web/ importing node:crypto’s binding', 'web/tokens.ts', "import { NODE_CRYPTO } from '../node/crypto.js';", /web\/ may import only/],
    ['tokens/ importing a node: module', 'tokens/mint.ts', "import { randomInt } from 'node:crypto';", /node: modules belong in node\//],
    ['a layer importing an entry point', 'route/token-route.ts', "import '../index.js';", /entry points import the layers/],
    ['the Web Crypto entry importing node/', 'web.ts', "export { diagnoseToken } from './node/diagnose-token.js';", /never reach node:crypto/],
  ];
  for (const [what, file, line, message] of refused) {
    it(`refuses ${what}`, async () => {
      const errors = await layerErrors(file, line);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(message);
    });
  }

  it('takes imports down the layers, and every layer’s files as they are', async () => {
    for (const file of ['lib/options.ts', 'format/envelope.ts', 'tokens/generate.ts', 'route/token-issuer.ts', 'web/tokens.ts', 'node/tokens.ts', 'web.ts']) {
      expect(await layerErrors(file, ''), file).to.deep.equal([]);
    }
    expect(await layerErrors('tokens/mint.ts', "import type { Envelope } from '../format/envelope.js';")).to.deep.equal([]);
    expect(await layerErrors('node/tokens.ts', "import { randomInt } from 'node:crypto';")).to.deep.equal([]);
    expect(await layerErrors('cli/main.ts', "import { diagnose } from '../diagnosis/diagnose-token.js';")).to.deep.equal([]);
  });
});
