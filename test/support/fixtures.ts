import { readFileSync } from 'node:fs';

/** One token from the public reference generators, copied from shared/vectors/reference-tokens.json. */
export interface ReferenceVector {
  id: string;
  source: string;
  secret: string;
  token: string;
  plaintext: string;
  expected: {
    version: '03' | '04';
    mode?: 'cbc' | 'gcm';
    appId: number;
    roomId?: string;
    userId: string;
    privilege?: { '1': 0 | 1; '2': 0 | 1 };
    createTime: number;
    expireTime: number;
    nonce: string;
    payload?: string;
  };
}

export const referenceVectors: ReferenceVector[] = (
  JSON.parse(readFileSync(new URL('../fixtures/reference-tokens.json', import.meta.url), 'utf8')) as {
    vectors: ReferenceVector[];
  }
).vectors;

/** One token made by running one of ZEGO's own generators, copied from shared/vectors/generator-variants.json. */
export interface GeneratorVariant {
  id: string;
  generator: string;
  source: string;
  inputs: Record<string, unknown>;
  secret: string;
  /** The token as the generator returned it (a kit token for UIKit's kit generators). */
  token: string;
  /** Exactly what the generator encrypted ('' when it encrypted nothing). */
  plaintext: string;
  header: { version: '03' | '04'; mode: 'CBC' | 'GCM'; expire: number; ivHex: string };
  notes: string;
}

export const generatorVariants: GeneratorVariant[] = JSON.parse(
  readFileSync(new URL('../fixtures/generator-variants.json', import.meta.url), 'utf8'),
) as GeneratorVariant[];

/**
 * One field case, copied from shared/vectors/field-cases.json: a token made by running a public project's own
 * generator, the inputs the client had, and what a correct doctor says of it.
 */
export interface FieldCase {
  id: string;
  source: string;
  description: string;
  token: string;
  appId: number;
  secret: string;
  /** The time to judge it at, in epoch seconds (the system clock when absent). */
  now?: number;
  roomId?: string;
  userId?: string;
  expect: { findings: string[]; not?: string[]; ok?: boolean; claimsShown?: string[] };
}

export const fieldCases: FieldCase[] = (
  JSON.parse(readFileSync(new URL('../fixtures/field-cases.json', import.meta.url), 'utf8')) as { cases: FieldCase[] }
).cases;

/** The field case `id` (`'F01'`…); throws for one that is not there. */
export function fieldCase(id: string): FieldCase {
  const found = fieldCases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no field case ${id}`);
  return found;
}

/** A secret of the right shape for tests; never a real one. */
export const SECRET = '0123456789abcdef0123456789abcdef';
export const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
export const APP_ID = 1234567890;
