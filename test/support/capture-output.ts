const METHODS = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table'] as const;

/** Replaces every console method and both standard streams with a recorder, until `restore()`. */
function intercept(): { written: string[]; restore: () => void } {
  const written: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on console as they were
  const originals = METHODS.map((name) => console[name]);
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const record = (...args: unknown[]): boolean => {
    written.push(args.map(String).join(' '));
    return true;
  };
  for (const name of METHODS) console[name] = record;
  process.stdout.write = record;
  process.stderr.write = record;
  return {
    written,
    restore: () => {
      METHODS.forEach((name, i) => (console[name] = originals[i] as never));
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    },
  };
}

/** Runs `fn` with every console method and both standard streams captured; returns what would have been written. */
export function captureOutput(fn: () => void): string[] {
  const { written, restore } = intercept();
  try {
    fn();
  } finally {
    restore();
  }
  return written;
}

/** {@link captureOutput} for async work: output is captured until the promise settles. */
export async function captureOutputAsync(fn: () => Promise<void>): Promise<string[]> {
  const { written, restore } = intercept();
  try {
    await fn();
  } finally {
    restore();
  }
  return written;
}
