/** Runs `fn` with every console method and both standard streams captured; returns what would have been written. */
export function captureOutput(fn: () => void): string[] {
  const written: string[] = [];
  const methods = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table'] as const;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on console as they were
  const originals = methods.map((name) => console[name]);
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const record = (...args: unknown[]): boolean => {
    written.push(args.map(String).join(' '));
    return true;
  };
  for (const name of methods) console[name] = record;
  process.stdout.write = record;
  process.stderr.write = record;
  try {
    fn();
  } finally {
    methods.forEach((name, i) => (console[name] = originals[i] as never));
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return written;
}
