/** Where the CLI reads and writes: the process's streams, or a test's recorder (see `run` in main.ts). */
export interface CliIo {
  /** Writes one line (a newline is added) to standard output: the command's answer. */
  out(line: string): void;
  /** Writes one line (a newline is added) to standard error: diagnostics and errors. */
  err(line: string): void;
  /** Standard input, opened only when a command is given `-`; read in chunks, never whole. */
  stdin(): AsyncIterable<Uint8Array | string>;
}

/** The process's own standard streams. */
export function processIo(): CliIo {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    stdin: () => process.stdin,
  };
}
