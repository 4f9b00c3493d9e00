/**
 * The core on node:crypto beside its floor (floor-node.ts): the public generators with a room payload, the issuer's
 * per-request path, decoding and verifying. The options are the caller's input, built once like the floor's key:
 * building them is not the library's cost. A heap check runs a million tokens through the public functions.
 */
import {
  createTokenIssuer,
  decodeToken,
  generateToken03,
  generateToken04,
  verifyToken,
  type TokenResponse,
  type TokenResponseBody,
} from '@zego-token/core';
import { floorDecode, floorToken, floorVerify } from './floor-node.js';
import { compare, type Comparison, type CompareOptions, type Step } from './measure.js';
import { APP_ID, GENERATOR_OPTIONS, ISSUE_REQUEST, ISSUER_OPTIONS, ROOM_ID, SECRET, USER_ID, type Format } from './inputs.js';

const issuer = createTokenIssuer(ISSUER_OPTIONS);

function issued(response: TokenResponse | Promise<TokenResponse>): string {
  if (response instanceof Promise || response.status !== 200) throw new Error('the issuer should answer 200 synchronously');
  return (response.body as TokenResponseBody).token;
}

/** The public generation paths, by what they mint. */
export const generators: Record<'04-GCM' | '04-CBC' | '03' | 'issuer', Step> = {
  '04-GCM': () => generateToken04(GENERATOR_OPTIONS['04-GCM']),
  '04-CBC': () => generateToken04(GENERATOR_OPTIONS['04-CBC']),
  '03': () => generateToken03(GENERATOR_OPTIONS['03']),
  issuer: () => issued(issuer.issue(ISSUE_REQUEST)),
};

export interface CoreRow {
  name: string;
  kind: 'generate' | 'decode';
  comparison: Comparison;
}

const modeOf = (format: Format): 'gcm' | 'cbc' => (format === '04-GCM' ? 'gcm' : 'cbc');

export function runCoreBench(measure: CompareOptions): CoreRow[] {
  const rows: CoreRow[] = [];
  const generate = (name: string, floor: Step, ours: Step): void => {
    rows.push({ name, kind: 'generate', comparison: compare(floor, ours, measure) });
  };
  generate('generateToken04 GCM, room payload', () => floorToken('04-GCM'), generators['04-GCM']);
  generate('generateToken04 CBC, room payload', () => floorToken('04-CBC'), generators['04-CBC']);
  generate('generateToken03', () => floorToken('03'), generators['03']);
  generate('createTokenIssuer().issue() (04-GCM, room)', () => floorToken('04-GCM'), generators.issuer);

  const expect = { appId: APP_ID, userId: USER_ID, roomId: ROOM_ID };
  for (const format of ['04-GCM', '04-CBC', '03'] as const) {
    const token = generators[format]();
    const mode = modeOf(format);
    const floor: Step = () => floorDecode(token, mode).user_id;
    const ours: Step = () => decodeToken(token, SECRET).userId;
    rows.push({ name: `decodeToken ${format}`, kind: 'decode', comparison: compare(floor, ours, measure) });
  }
  for (const format of ['04-GCM', '04-CBC', '03'] as const) {
    const token = generators[format]();
    const mode = modeOf(format);
    const floor: Step = () => floorVerify(token, mode);
    const ours: Step = () => verifyToken(token, SECRET, expect).userId;
    rows.push({ name: `verifyToken ${format}`, kind: 'decode', comparison: compare(floor, ours, measure) });
  }
  return rows;
}

/** Heap growth in bytes, after full GCs, across `count` tokens: each minted by the public paths in turn, then read back. */
export function coreHeapGrowth(count: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const mint = Object.values(generators);
  const expect = { appId: APP_ID, userId: USER_ID, roomId: ROOM_ID };
  const cycle = (i: number): void => {
    const token = mint[i % mint.length]!();
    // Half are decoded, half verified: every public function's allocations are in the count.
    const claims = i % 2 ? decodeToken(token, SECRET) : verifyToken(token, SECRET, expect);
    if (claims.userId !== USER_ID) throw new Error('a token did not read back');
  };
  for (let i = 0; i < 20_000; i += 1) cycle(i);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i += 1) cycle(i);
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}
