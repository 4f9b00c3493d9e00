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

/** A secret of the right shape for tests; never a real one. */
export const SECRET = '0123456789abcdef0123456789abcdef';
export const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
export const APP_ID = 1234567890;
