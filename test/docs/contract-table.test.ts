/**
 * The HTTP contract table is shown where each reader arrives: the README (the front page), docs/http-contract.md (the
 * reference) and the core's README (npm, which cannot link into the repository). One table: the three must not drift.
 */
import { FORBIDDEN_RESPONSE, INVALID_ROOM_ID_RESPONSE, UNAUTHENTICATED_RESPONSE, type TokenErrorBody } from '@zego-token/core';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';

const HEADER = '| case | status | body |';

/** The lines of the table headed by {@link HEADER}, header included; fails when the page has none or more than one. */
function contractTable(page: string): string {
  const lines = readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8').split('\n');
  const starts = lines.flatMap((line, index) => (line === HEADER ? [index] : []));
  expect(starts, `${page}: one contract table`).to.have.length(1);
  const table: string[] = [];
  for (const line of lines.slice(starts[0])) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  return table.join('\n');
}

describe('the HTTP contract table', () => {
  it('is the same in the README, docs/http-contract.md and packages/core/README.md', () => {
    const reference = contractTable('docs/http-contract.md');
    // A header, its rule, and the 200s (room, identity, with a kit token), 401, 400, 403 and server-error rows.
    expect(reference.split('\n')).to.have.length(9);
    expect(reference).to.include('`kitToken` after `token`');
    // Each client error's row gives the status and code the core answers with.
    for (const response of [UNAUTHENTICATED_RESPONSE, INVALID_ROOM_ID_RESPONSE, FORBIDDEN_RESPONSE]) {
      const { code } = (response.body as TokenErrorBody).error;
      expect(reference).to.include(`| ${response.status} | \`{ error: { code: '${code}', message } }\` |`);
    }
    expect(contractTable('README.md')).to.equal(reference);
    expect(contractTable('packages/core/README.md')).to.equal(reference);
  });
});
