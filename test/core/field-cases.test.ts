/**
 * The field cases (test/fixtures/field-cases.json, copied from shared/vectors): tokens made by running public projects'
 * own code, each with what a correct doctor says. Every entry is a test: every code in `findings` reported, none in
 * `not`, `ok` as given, judged at the case's `now` with its secret, app ID, room and user.
 *
 * Some entries expect codes the doctor learns in another change (the writing limits of issue 18: `expiry_after_2038`,
 * `lifetime_too_long`). A code is checked once DIAGNOSIS_SEVERITIES, the list of the doctor's codes, has it, and so is
 * `ok` of an entry whose verdict rests on it: the tests turn strict by themselves when that change is merged.
 */
import { expect } from 'chai';
import { DIAGNOSIS_SEVERITIES, diagnoseToken, type DiagnoseTokenOptions } from '@zego-token/core';
import { cliInProcess } from '../support/cli.js';
import { fieldCases, type FieldCase } from '../support/fixtures.js';

const cases = fieldCases;
/** The codes of the other half of issue 18, which the field cases expect before that change is merged. */
const LIMIT_CODES = ['expiry_after_2038', 'lifetime_too_long'];
const known = (code: string): boolean => Object.hasOwn(DIAGNOSIS_SEVERITIES, code);
const optionsOf = (c: FieldCase): DiagnoseTokenOptions => ({ secret: c.secret, appId: c.appId, now: c.now, roomId: c.roomId, userId: c.userId });

describe('the field cases: public projects’ tokens, diagnosed as a correct doctor does', () => {
  it('are all here, and expect no code but the doctor’s and the writing limits’', () => {
    expect(cases.map((c) => c.id)).to.deep.equal(['F01', 'F02', 'F03', 'F04a', 'F04b', 'F05', 'F06a', 'F06b', 'F07']);
    for (const c of cases) {
      for (const code of [...c.expect.findings, ...(c.expect.not ?? [])]) expect(known(code) || LIMIT_CODES.includes(code), `${c.id} ${code}`).to.equal(true);
    }
  });

  for (const c of cases) {
    it(`${c.id}: ${c.description}`, () => {
      const diagnosis = diagnoseToken(c.token, optionsOf(c));
      const codes = diagnosis.findings.map((f) => f.code);
      const expected = c.expect.findings.filter(known);
      expect(codes, c.id).to.include.members(expected);
      for (const code of c.expect.not ?? []) expect(codes, c.id).to.not.include(code);
      if (c.expect.ok !== undefined && expected.length === c.expect.findings.length) expect(diagnosis.ok, c.id).to.equal(c.expect.ok);
      for (const claim of c.expect.claimsShown ?? []) expect(diagnosis.token, c.id).to.have.property(claim);
    });
  }

  it('says the same from the command line: `zego-token doctor … --json` is diagnoseToken, and its exit code the verdict', async function () {
    this.timeout(30_000);
    for (const c of cases.filter((entry) => entry.now === undefined)) {
      const args = ['doctor', c.token, '--secret', c.secret, '--app-id', String(c.appId), '--json'];
      if (c.roomId !== undefined) args.push('--room', c.roomId);
      const run = await cliInProcess(args);
      expect(JSON.parse(run.stdout), c.id).to.deep.equal(diagnoseToken(c.token, optionsOf(c)));
      expect(run.status, c.id).to.equal(diagnoseToken(c.token, optionsOf(c)).ok ? 0 : 1);
    }
  });
});
