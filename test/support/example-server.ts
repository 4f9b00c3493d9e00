/**
 * The example servers (examples/*), run as a user runs them: `tsx server.ts` in the example's folder, as a child
 * process, with an environment of the test's choosing and nothing inherited that would change what it does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type ExampleName = 'express-server' | 'koa-server';

/** The demo app's ServerSecret, as the examples hard-code it (the tokens of demo mode decode with it). */
export const DEMO_SECRET = 'demo0000demo0000demo0000demo0000';

/** Variables the examples read; the test's own environment never leaks into a run. */
const EXAMPLE_VARIABLES = ['ZEGO_APP_ID', 'ZEGO_SERVER_SECRET', 'ZEGO_DEMO_SIGN_IN', 'HOST', 'PORT', 'SESSION_SECRET'];

export interface ExampleProcess {
  child: ChildProcess;
  /** Everything it has printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves with the first match once the output has one; rejects (with the output) on exit or after 15 s. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
}

export interface RunningExample extends ExampleProcess {
  /** The URL the example says it listens on. */
  url: string;
  port: number;
}

/** Spawns an example with `env` over a clean environment (`PORT` 0, a free port, unless given). */
export function spawnExample(name: ExampleName, env: Record<string, string> = {}): ExampleProcess {
  const cwd = fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const variable of EXAMPLE_VARIABLES) delete clean[variable];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd,
    env: { ...clean, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`${name} never printed ${String(pattern)}${child.exitCode === null ? '' : ' (it exited)'}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { child, output: () => output, waitFor, exited, stop };
}

/** Spawns an example and waits until it says where it listens. */
export async function startExample(name: ExampleName, env: Record<string, string> = {}): Promise<RunningExample> {
  const example = spawnExample(name, env);
  try {
    const [, url] = await example.waitFor(/listening on (http:\/\/\S+)\n/);
    return { ...example, url: url!, port: Number(new URL(url!).port) };
  } catch (error) {
    await example.stop();
    throw error;
  }
}

/** Whether this machine lets a server listen on `host` (::1 needs IPv6; 127.0.0.2 is loopback on Linux, not macOS). */
export async function canListenOn(host: string): Promise<boolean> {
  const server = createServer();
  try {
    server.listen(0, host);
    await once(server, 'listening');
    server.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a TCP connection to `host`:`port` is accepted. Refused is `false`; any other failure (a timeout, an
 * unreachable address) throws, so that a check of "nobody listens there" cannot pass for the wrong reason.
 */
export function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`connecting to ${host}:${port} timed out`));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve(false) : reject(error)));
  });
}
