/**
 * `@zego-token/core/web`'s diagnoseToken: Web Crypto's doctor says exactly what node:crypto's says, for every token
 * the doctor's other tests give it (each cause, field case, ZEGO generator's token, damaged and foreign token), and
 * refuses the same bad options with the same codes. One definition of the doctor runs on both platforms
 * (diagnosis/diagnose-token.ts): this holds the two drivers to it.
 */
import { expect } from 'chai';
import * as node from '@zego-token/core';
import * as web from '@zego-token/core/web';
import { causes, NOW } from '../support/doctor-causes.js';
import { APP_ID, fieldCases, generatorVariants, OTHER_SECRET, referenceVectors, SECRET } from '../support/fixtures.js';

/** [what, token, options]: every input the doctor's tests give it, with and without secrets. */
const inputs: Array<[string, string, node.DiagnoseTokenOptions]> = [
  ...causes.map(([what, token, options]): [string, string, node.DiagnoseTokenOptions] => [`cause: ${what}`, token, options]),
  ...fieldCases.map((c): [string, string, node.DiagnoseTokenOptions] => [
    `field case ${c.id}`,
    c.token,
    { secret: c.secret, appId: c.appId, now: c.now, roomId: c.roomId, userId: c.userId },
  ]),
  ...generatorVariants.flatMap((v): Array<[string, string, node.DiagnoseTokenOptions]> => [
    [`generator ${v.id}`, v.token, { secret: v.secret, now: v.header.expire - 60 }],
    [`generator ${v.id}, previous secret`, v.token, { secret: [OTHER_SECRET, v.secret], now: v.header.expire - 60 }],
    [`generator ${v.id}, no secret`, v.token, { now: v.header.expire - 60 }],
  ]),
  ...referenceVectors.flatMap((v): Array<[string, string, node.DiagnoseTokenOptions]> => [
    [`reference ${v.id}`, v.token, { secret: v.secret, appId: APP_ID, userId: 'someone else', roomId: 'elsewhere', now: v.expected.expireTime + 5 }],
    [`reference ${v.id}, quoted and percent-encoded`, `"${encodeURIComponent(v.token)}"`, { secret: v.secret }],
    [`reference ${v.id}, cut short`, v.token.slice(0, 40), { secret: v.secret }],
    [`reference ${v.id}, the wrong secret`, v.token, { secret: OTHER_SECRET, now: NOW }],
  ]),
];

describe('@zego-token/core/web diagnoseToken: the doctor on Web Crypto', () => {
  it('has inputs of every kind to compare (a cause per derivation, every field case and generator)', () => {
    expect(inputs.length).to.be.greaterThan(causes.length + fieldCases.length + generatorVariants.length);
  });

  for (const [what, token, options] of inputs) {
    it(`says what node:crypto's says: ${what}`, async () => {
      const expected = node.diagnoseToken(token, options);
      const promise = web.diagnoseToken(token, options);
      expect(promise).to.be.instanceOf(Promise);
      expect(await promise).to.deep.equal(expected);
    });
  }

  it('names the key derivations that need MD5, which Web Crypto does not have', async () => {
    const md5Causes = causes.filter(([what]) => /MD5/.test(what));
    expect(md5Causes).to.have.length.greaterThanOrEqual(2);
    for (const [, token, options] of md5Causes) {
      const { findings } = await web.diagnoseToken(token, options);
      expect(findings.find((f) => f.code === 'wrong_key_derivation')?.message).to.match(/MD5/);
    }
  });

  it('rejects the bad options node:crypto’s throws for, with the same code, and nothing about the token', async () => {
    const bad: unknown[] = [
      { secret: 42 },
      { secret: [] },
      { appId: 'one' },
      { userId: '' },
      { roomId: 42 },
      { now: null },
      { clockToleranceSeconds: Number.NaN },
      { secrets: SECRET },
      [],
    ];
    for (const options of bad) {
      const thrown = ((): unknown => {
        try {
          node.diagnoseToken('04AAAA', options as node.DiagnoseTokenOptions);
        } catch (error) {
          return error;
        }
        throw new Error(`node:crypto's doctor took ${JSON.stringify(options)}`);
      })() as node.ZegoTokenError;
      const rejected = await web.diagnoseToken('04AAAA', options as node.DiagnoseTokenOptions).then(
        () => {
          throw new Error(`Web Crypto's doctor took ${JSON.stringify(options)}`);
        },
        (error: unknown) => error as node.ZegoTokenError,
      );
      expect(rejected, JSON.stringify(options)).to.be.instanceOf(web.ZegoTokenError);
      expect([rejected.code, rejected.reason], JSON.stringify(options)).to.deep.equal([thrown.code, thrown.reason]);
    }
    // Never for the token: what cannot be read is a finding.
    for (const token of [undefined, 42, '', '#', '04' + 'A'.repeat(10_000)] as unknown[]) {
      const result = await web.diagnoseToken(token as string, { secret: SECRET });
      expect(result.ok).to.equal(false);
    }
  });
});
