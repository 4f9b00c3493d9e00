/**
 * The runtime matrix: the same checks (checks.js) in Node, Bun, Deno, workerd with and without nodejs_compat, and
 * the edge runtime, each installed from the npm registry as a pinned devDependency. Prints a line per runtime with
 * the checks passed and the time taken; any failure, or a runtime that does not answer, exits non-zero.
 * Loopback only: workerd listens on 127.0.0.1. Run by scripts/runtime-matrix.sh (after the build) in CI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CONDITIONS, contractAsJavaScript, resolveWithConditions } from './packages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
// Bun and Deno are the tools/ package's and not hoisted to the root (their bins are made at install and run time).
const bin = (name) => join(root, 'tools/node_modules/.bin', name);
const require = createRequire(import.meta.url);
const tools = createRequire(join(root, 'tools/package.json'));
const RUNTIME_TIMEOUT_MS = 30_000;
const MARK = 'ZEGO-MATRIX ';

/** Runs `command`, collecting its output; rejects if it runs past the timeout. */
function run(command, args, { cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    // detached: a timeout kills the whole process group (npm's shims start the runtime as a grandchild).
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`timed out after ${RUNTIME_TIMEOUT_MS} ms\n${stderr}`));
    }, RUNTIME_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The report a harness printed after MARK. */
async function harness(command, args) {
  const { code, stdout, stderr } = await run(command, args);
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (code !== 0 || line === undefined) throw new Error(`exit ${code}\n${stdout}\n${stderr}`.trim());
  return JSON.parse(line.slice(MARK.length));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** workerd serving worker.mjs on a loopback port: the config lists every module by name, as a bundler would. */
async function workerd(nodejsCompat) {
  const dir = mkdtempSync(join(tmpdir(), 'zego-workerd-'));
  try {
    const fetchFile = resolveWithConditions('@zego-token/fetch', CONDITIONS.workerd);
    const files = {
      'worker.mjs': join(here, 'worker.mjs'),
      'checks.js': join(here, 'checks.js'),
      'reference-tokens.json': join(root, 'test/fixtures/reference-tokens.json'),
      'fetch-build.mjs': fetchFile,
    };
    for (const [name, path] of Object.entries(files)) copyFileSync(path, join(dir, name));
    writeFileSync(join(dir, 'fetch-contract.mjs'), contractAsJavaScript('esm'));
    writeFileSync(join(dir, 'fetch.mjs'), "export * from '../fetch-build.mjs';\n");
    // The package's ES modules under their package paths, as a bundler would lay them out: the node entry's chunks
    // resolve relative to it. "@zego-token/core" and "@zego-token/core/web" are modules that re-export the entries.
    const dist = dirname(require.resolve('@zego-token/core'));
    const packaged = readdirSync(dist).filter((file) => file.endsWith('.mjs'));
    mkdirSync(join(dir, 'dist'));
    for (const file of packaged) copyFileSync(join(dist, file), join(dir, 'dist', file));
    // workerd resolves every specifier against the importing module's name, as a path.
    writeFileSync(join(dir, 'core.mjs'), "export * from './core/dist/index.mjs';\n");
    writeFileSync(join(dir, 'core-web.mjs'), "export * from './dist/web.mjs';\n");
    const packageModules = packaged.map((file) => `    (name = "@zego-token/core/dist/${file}", esModule = embed "dist/${file}"),`).join('\n');
    const port = await freePort();
    writeFileSync(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "checks.js", esModule = embed "checks.js"),
    (name = "fetch-contract.mjs", esModule = embed "fetch-contract.mjs"),
    (name = "fetch-build.mjs", esModule = embed "fetch-build.mjs"),
    (name = "@zego-token/fetch", esModule = embed "fetch.mjs"),
    (name = "@zego-token/core/web", esModule = embed "core-web.mjs"),
    (name = "@zego-token/core", esModule = embed "core.mjs"),
${packageModules}
    (name = "reference-tokens.json", json = embed "reference-tokens.json"),
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = [${nodejsCompat ? '"nodejs_compat"' : ''}],
);
`,
    );
    // The binary itself, not the npm shim: a kill must reach the process that holds the socket and the pipes.
    const child = spawn(require('workerd').default, ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      const deadline = Date.now() + RUNTIME_TIMEOUT_MS;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`workerd exited ${child.exitCode}\n${stderr}`);
        let response;
        try {
          response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(RUNTIME_TIMEOUT_MS) });
        } catch (error) {
          // Not listening yet (or not ready to answer): try again shortly, until the deadline.
          if (Date.now() > deadline) throw new Error(`workerd did not answer\n${stderr}`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        if (!response.ok) throw new Error(`workerd answered ${response.status}: ${await response.text()}\n${stderr}`);
        const report = await response.json();
        report.environment.fetchBuild = fetchFile.split('/').slice(-2).join('/');
        return report;
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const versionOf = (name) => JSON.parse(readFileSync(tools.resolve(`${name}/package.json`), 'utf8')).version;
// Node.js 24 (the Active LTS), a pinned binary from scripts/node-lines.sh, which scripts/runtime-matrix.sh passes in.
const node24 = process.env.ZEGO_MATRIX_NODE24;
const node24Version = node24 ? execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim() : 'missing';
const harnessFile = join(here, 'harness.mjs');
const runtimes = [
  // tsx only for fetch-contract.ts (Bun and Deno run TypeScript themselves).
  { name: 'Node', version: process.version, nodePath: true, start: () => harness(process.execPath, ['--import', 'tsx', harnessFile]) },
  {
    name: 'Node 24',
    version: node24Version,
    nodePath: true,
    start: () => {
      if (!node24) throw new Error('ZEGO_MATRIX_NODE24 is not set: run the matrix through scripts/runtime-matrix.sh');
      return harness(node24, ['--import', 'tsx', harnessFile]);
    },
  },
  { name: 'Bun', version: versionOf('bun'), nodePath: true, start: () => harness(bin('bun'), [harnessFile]) },
  // Deno asks for permission to read variables: @zego-token/fetch's node:crypto build looks for ZEGO_APP_ID and
  // ZEGO_SERVER_SECRET in process.env (without the grant the handler rejects: a 500, never a token).
  {
    name: 'Deno',
    version: versionOf('deno'),
    nodePath: true,
    start: () => harness(bin('deno'), ['run', '--allow-read', '--allow-env=ZEGO_APP_ID,ZEGO_SERVER_SECRET', '--allow-net=127.0.0.1', '--unstable-sloppy-imports', '--no-prompt', harnessFile]),
  },
  { name: 'workerd + nodejs_compat', version: versionOf('workerd'), nodePath: true, start: () => workerd(true) },
  { name: 'workerd', version: versionOf('workerd'), start: () => workerd(false) },
  { name: 'edge-runtime', version: versionOf('edge-runtime'), start: () => harness(process.execPath, [join(here, 'edge.mjs')]) },
];

const started = performance.now();
let passed = 0;
let failed = 0;
const lines = [];
for (const runtime of runtimes) {
  const t0 = performance.now();
  let report;
  try {
    report = await runtime.start();
  } catch (error) {
    report = { environment: {}, results: [{ name: 'runtime answered', ok: false, detail: String(error?.stack ?? error) }] };
  }
  // Where node:crypto exists the node path must load and be checked: a runtime that silently fell back to the web
  // path alone would test less than it claims. Where it does not, it must really be missing.
  const hasNodePath = report.environment.nodePath === 'node:crypto';
  if (runtime.nodePath !== undefined || report.environment.nodePath !== undefined) {
    report.results.push({
      name: runtime.nodePath ? '@zego-token/core (node:crypto) loads' : '@zego-token/core cannot load (no node:crypto)',
      ok: hasNodePath === Boolean(runtime.nodePath),
      detail: report.environment.nodePath,
    });
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const ok = report.results.filter((r) => r.ok).length;
  passed += ok;
  failed += report.results.length - ok;
  const path = report.environment.nodePath === 'node:crypto' ? 'web + node paths' : 'web path only';
  const fetchBuild = `fetch: ${report.environment.fetchBuild ?? '?'}`;
  lines.push(
    `${runtime.name.padEnd(24)} ${runtime.version.padEnd(14)} ${String(ok).padStart(2)}/${String(report.results.length).padEnd(2)} checks passed  ${path.padEnd(16)} ${fetchBuild.padEnd(22)} ${seconds.padStart(5)} s`,
  );
  for (const result of report.results.filter((r) => !r.ok)) lines.push(`    FAILED ${result.name}: ${result.detail}`);
  if (report.environment.nodePath && report.environment.nodePath !== 'node:crypto') {
    lines.push(`    node path: ${report.environment.nodePath}`);
  }
}
console.log('runtime matrix: @zego-token/core/web everywhere, @zego-token/core where node:crypto exists, @zego-token/fetch as each runtime resolves it');
for (const line of lines) console.log(line);
console.log(`runtime matrix took ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`runtime matrix: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
