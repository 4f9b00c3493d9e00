/**
 * docs/MIGRATING.md, claim by claim: each test is named after what the page says, and reads the page where the claim
 * is a table or a code sample, so the page cannot drift from the code.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeToken, ErrorCode, generateToken as seedGenerateToken, generateToken03, generateToken04 as generateToken04FromOptions, ZegoTokenError } from '@zego-token/core';
import { generateToken, generateToken04, ServerAssistantError } from '@zego-token/core/server-assistant';
import { captureOutput } from '../support/capture-output.js';
import { APP_ID, referenceVectors, SECRET } from '../support/fixtures.js';
import { readRawToken } from '../support/format-decoder.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const page = readFileSync(new URL('../../docs/MIGRATING.md', import.meta.url), 'utf8');

/** The fenced code blocks of one language, in page order. */
function codeBlocks(language: string): string[] {
  return [...page.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

/** The rows of the markdown table whose header row starts with `| header`, as arrays of trimmed cells. */
function tableRows(header: string): string[][] {
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header}`));
  expect(start, `a table headed "${header}"`).to.be.above(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

/** Runs a CommonJS (or, with `esm`, an ES module) script from the repository root, as an app would. */
function runScript(source: string, env: Record<string, string>, esm = false): string {
  const args = esm ? ['--input-type=module', '-e', source] : ['-e', source];
  const clean = { ...process.env };
  delete clean['ZEGO_APP_ID'];
  delete clean['ZEGO_SERVER_SECRET'];
  return execFileSync(process.execPath, args, { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
}

function thrownBy(fn: () => unknown): ServerAssistantError {
  try {
    fn();
  } catch (error) {
    return error as ServerAssistantError;
  }
  return expect.fail('expected a throw');
}

describe('docs/MIGRATING.md', () => {
  describe('Node.js: change one line', () => {
    const [before, after] = codeBlocks('js');
    const lines = (text: string): string[] => text.split('\n');

    it('the caller before and after differ in the one line that loads the module, the line the diff shows', () => {
      expect(before).to.be.a('string');
      expect(after).to.be.a('string');
      const changed = lines(before!).map((line, i) => [line, lines(after!)[i]] as const).filter(([a, b]) => a !== b);
      expect(lines(before!)).to.have.length(lines(after!).length);
      expect(changed).to.deep.equal([
        ["const { generateToken04 } = require('./zegoServerAssistant');", "const { generateToken04 } = require('@zego-token/core/server-assistant');"],
      ]);
      const diff = codeBlocks('diff')[0]!.trim().split('\n');
      expect(diff).to.deep.equal([`-${changed[0]![0]}`, `+${changed[0]![1]}`]);
    });

    it('the caller after the change runs: it prints a token, and on bad input the errorCode and errorMessage it reads', function () {
      this.timeout(60_000); // three node processes, on a possibly busy machine
      const output = runScript(after!, { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET });
      const token = /^token: (\S+)\n$/.exec(output)?.[1];
      expect(token, output).to.be.a('string');
      expect(decodeToken(token!, SECRET)).to.include({ version: '04', mode: 'gcm', appId: APP_ID, userId: 'user1', payload: '' });
      // No secret in the environment: ZEGO's secretInvalid, read from the thrown error as ZEGO's callers read it.
      expect(runScript(after!, { ZEGO_APP_ID: String(APP_ID) })).to.match(
        new RegExp(`^errorCode: ${ErrorCode.SECRET_INVALID} errorMessage: secret must be .+\\n$`),
      );
      expect(runScript(after!, { ZEGO_APP_ID: '0', ZEGO_SERVER_SECRET: SECRET })).to.match(
        new RegExp(`^errorCode: ${ErrorCode.APP_ID_INVALID} errorMessage: appId must be .+\\n$`),
      );
    });

    it('in ESM the line is an import of the same names', function () {
      this.timeout(60_000);
      const esm = after!.replace(
        "const { generateToken04 } = require('@zego-token/core/server-assistant');",
        "import { generateToken04 } from '@zego-token/core/server-assistant';",
      );
      expect(page).to.include("`import { generateToken04 } from '@zego-token/core/server-assistant';`");
      const output = runScript(esm, { ZEGO_APP_ID: String(APP_ID), ZEGO_SERVER_SECRET: SECRET }, true);
      expect(decodeToken(/^token: (\S+)/.exec(output)![1]!, SECRET)).to.include({ userId: 'user1' });
    });
  });

  describe('What the drop-in exports', () => {
    it('the token03 generateToken turns { canLoginRoom, canPublishStream } into the privilege {"1": …, "2": …}', () => {
      const token = generateToken(APP_ID, 'demo', 'u', { canLoginRoom: true, canPublishStream: false }, SECRET, 60);
      expect(JSON.parse(readRawToken(token, SECRET).plaintext)).to.deep.include({ privilege: { 1: 1, 2: 0 } });
    });

    it('throws a ServerAssistantError with errorCode and errorMessage that is a ZegoTokenError with code equal to errorCode', () => {
      const error = thrownBy(() => generateToken04(APP_ID, '', SECRET, 60));
      expect(error).to.be.instanceOf(ServerAssistantError).and.instanceOf(ZegoTokenError);
      expect([error.errorCode, error.errorMessage]).to.deep.equal([error.code, error.message]);
      expect(error.errorCode).to.equal(ErrorCode.USER_ID_INVALID);
    });
  });

  describe('Error codes', () => {
    // For each code in the table, an argument that the table says the drop-in throws it for.
    const both = { canLoginRoom: true, canPublishStream: true };
    const cases: Record<number, () => unknown> = {
      1: () => generateToken04(2 ** 32, 'u', SECRET, 60),
      2: () => generateToken(APP_ID, 'r'.repeat(129), 'u', both, SECRET, 60),
      3: () => generateToken04(APP_ID, 'u'.repeat(65), SECRET, 60),
      4: () => generateToken(APP_ID, 'r', 'u', { canLoginRoom: true } as typeof both, SECRET, 60),
      5: () => generateToken04(APP_ID, 'u', SECRET.slice(1), 60),
      6: () => generateToken04(APP_ID, 'u', SECRET, 2 ** 31),
      7: () => generateToken04(APP_ID, 'u', SECRET, 60, {} as string),
    };

    it('the table’s codes are ErrorCode’s values, and the drop-in throws each for what the table says', () => {
      const rows = tableRows('code | ZEGO');
      expect(rows.map((row) => Number(row[0]))).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      for (const [code, , , ours] of rows) {
        const name = /^`(\w+)`$/.exec(ours!)![1] as keyof typeof ErrorCode;
        expect(ErrorCode[name], name).to.equal(Number(code));
        if (Number(code) === ErrorCode.SUCCESS) continue;
        expect(thrownBy(cases[Number(code)]!).errorCode, name).to.equal(Number(code));
      }
    });

    it('codes 8-12 are the ones the page names', () => {
      const names = /Codes 8-12 \(([^)]+)\)/.exec(page.replace(/\n/g, ' '))![1]!.split(', ').map((n) => n.replace(/`/g, ''));
      expect(names.map((name) => ErrorCode[name as keyof typeof ErrorCode])).to.deep.equal([8, 9, 10, 11, 12]);
    });
  });

  describe('What the drop-in does differently, on purpose', () => {
    it('nothing is printed', () => {
      const written = captureOutput(() => {
        generateToken04(APP_ID, 'u', SECRET, 60, '');
        generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, SECRET, 60);
      });
      expect(written).to.deep.equal([]);
    });

    it('errors are Errors, and JSON.stringify(error) still shows errorCode and errorMessage', () => {
      const error = thrownBy(() => generateToken04(0, 'u', SECRET, 60));
      expect(error).to.be.instanceOf(Error);
      expect(error.stack).to.be.a('string');
      expect(JSON.parse(JSON.stringify(error))).to.include({ errorCode: ErrorCode.APP_ID_INVALID, errorMessage: error.errorMessage });
    });

    it('inputs are checked strictly where ZEGO’s modules let a bad token through', () => {
      const strict: Array<[() => unknown, number]> = [
        [() => generateToken04(1.5, 'u', SECRET, 60), ErrorCode.APP_ID_INVALID],
        [() => generateToken04(APP_ID, 'u', `é${SECRET.slice(1)}`, 60), ErrorCode.SECRET_INVALID],
        [() => generateToken04(APP_ID, 'u', SECRET, -60), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
        [() => generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, SECRET, 0.5), ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID],
        [() => generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublish: false } as never, SECRET, 60), ErrorCode.PRIVILEGE_INVALID],
        [() => generateToken(APP_ID, 'r', 'u', { 1: 1, 2: 1 } as never, SECRET, 60), ErrorCode.PRIVILEGE_INVALID],
        [() => generateToken04(APP_ID, 'u', SECRET, 60, { room_id: 'r' } as never), ErrorCode.PAYLOAD_INVALID],
      ];
      for (const [fn, code] of strict) expect(thrownBy(fn).errorCode).to.equal(code);
      expect(JSON.parse(readRawToken(generateToken04(APP_ID, 'u', SECRET, 60, null), SECRET).plaintext)).to.include({ payload: '' });
    });
  });

  describe('Every function, from every language', () => {
    it('Python generate_token: the seed generateToken takes {1: 1, 2: 0}, returns errorMessage "" on success and returns, never throws, a code', () => {
      const ok = seedGenerateToken(APP_ID, 'r', 'u', { 1: 1, 2: 0 }, SECRET, 60);
      expect([ok.errorCode, ok.errorMessage]).to.deep.equal([ErrorCode.SUCCESS, '']);
      const decoded = decodeToken(ok.token, SECRET);
      expect(decoded.version === '03' && decoded.privilege).to.deep.equal({ login: true, publish: false });
      expect(seedGenerateToken(0, 'r', 'u', { 1: 1, 2: 0 }, SECRET, 60)).to.deep.equal({ token: '', errorCode: ErrorCode.APP_ID_INVALID, errorMessage: 'appId must be an integer from 1 to 4294967295. Received 0' });
    });

    it('Node.js token03: generateToken03 with { login: canLoginRoom, publish: canPublishStream } grants what the drop-in grants', () => {
      for (const canPublishStream of [true, false]) {
        const dropIn = decodeToken(generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream }, SECRET, 60), SECRET);
        const options = decodeToken(
          generateToken03({ appId: APP_ID, roomId: 'r', userId: 'u', privilege: { login: true, publish: canPublishStream }, secret: SECRET, effectiveTimeInSeconds: 60 }),
          SECRET,
        );
        expect(dropIn.version === '03' && dropIn.privilege).to.deep.equal(options.version === '03' && options.privilege);
      }
    });

    it('token04: GCM by default, the CBC form with mode: \'cbc\'', () => {
      const options = { appId: APP_ID, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60 };
      expect(decodeToken(generateToken04FromOptions(options), SECRET).mode).to.equal('gcm');
      expect(decodeToken(generateToken04FromOptions({ ...options, mode: 'cbc' }), SECRET).mode).to.equal('cbc');
    });
  });

  describe('Reading their tokens', () => {
    it('tokens made by ZEGO’s Python token03 and token04 and Node.js token03, token04-CBC and token04-GCM generators decode', () => {
      expect(new Set(referenceVectors.map((vector) => vector.source))).to.deep.equal(
        new Set(['python-token03', 'python-token04-cbc', 'node-token03', 'node-token04-cbc', 'node-token04-gcm']),
      );
      for (const vector of referenceVectors) {
        expect(decodeToken(vector.token, vector.secret), vector.id).to.include({ appId: vector.expected.appId, userId: vector.expected.userId });
      }
    });

    it('tokens we make have the keys of ZEGO’s Node.js modules in their order, and the independent decoder opens them', () => {
      const v04 = JSON.parse(readRawToken(generateToken04(APP_ID, 'u', SECRET, 60), SECRET).plaintext) as object;
      expect(Object.keys(v04)).to.deep.equal(['app_id', 'user_id', 'nonce', 'ctime', 'expire', 'payload']);
      const v03 = JSON.parse(readRawToken(generateToken(APP_ID, 'r', 'u', { canLoginRoom: true, canPublishStream: true }, SECRET, 60), SECRET).plaintext) as object;
      expect(Object.keys(v03)).to.deep.equal(['app_id', 'room_id', 'user_id', 'privilege', 'create_time', 'expire_time', 'nonce']);
    });
  });
});
