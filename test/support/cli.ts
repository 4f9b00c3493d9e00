/**
 * Running the zego-token command in tests: as users run it (the built bin, in a child process), or in-process through
 * the built dist/cli.mjs's `run`, for the many runs of a fuzz.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run, type CliIo } from '../../packages/core/dist/cli.mjs';

export const BIN: string = fileURLToPath(new URL('../../packages/core/bin/zego-token.mjs', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A clean copy of the test run's environment: no ZEGO_* leaking in. */
function baseEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ZEGO_')));
}

/** Runs the bin with exactly the ZEGO_* variables given, and `input` on stdin. */
export function cli(args: readonly string[], env: Record<string, string> = {}, input?: string | Buffer): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...baseEnvironment(), ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `run` in this process, with exactly the ZEGO_* variables given and `stdin` as standard input. */
export async function cliInProcess(
  args: readonly string[],
  env: Record<string, string> = {},
  stdin: () => AsyncIterable<Uint8Array | string> = async function* () {},
): Promise<CliRun> {
  const saved = process.env;
  process.env = { ...baseEnvironment(), ...env };
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (line) => void (stdout += `${line}\n`),
    err: (line) => void (stderr += `${line}\n`),
    stdin,
  };
  try {
    const status = await run(args, io);
    return { status, stdout, stderr };
  } finally {
    process.env = saved;
  }
}
