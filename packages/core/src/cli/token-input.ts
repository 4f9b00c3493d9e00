import { MAX_TOKEN_CHARS } from '../format/envelope.js';
import { TokenError, UsageError } from './command.js';
import type { CliIo } from './io.js';

/**
 * The most `-` reads from stdin: 128 KiB. The longest token the format allows is {@link MAX_TOKEN_CHARS} (87,422)
 * characters, all ASCII (its lengths are 16-bit), so this leaves room for whitespace and refuses, without holding
 * it, a stream that cannot be one token (a file piped by mistake, or an endless one).
 */
export const STDIN_LIMIT_BYTES: number = 128 * 1024;

/** The token given as an argument, or read from stdin for `-`; whitespace around it is not part of it. */
export async function readToken(argument: string | undefined, io: CliIo): Promise<string> {
  // Tokens never contain whitespace: a trailing newline or space from a file or a paste is not part of one.
  return (await readTokenText(argument, io)).trim();
}

/**
 * The text given for TOKEN as it is, for the doctor, which reports whitespace as damage: only the one line break
 * that ends what `-` reads from stdin (`echo "$TOKEN" |`) is taken off.
 */
export async function readTokenText(argument: string | undefined, io: CliIo): Promise<string> {
  if (argument === undefined) throw new UsageError('missing TOKEN (or "-" to read it from stdin)');
  return argument === '-' ? (await readStdin(io)).replace(/\r?\n$/, '') : argument;
}

/** Stdin in chunks, up to the limit: beyond it, stop reading (the stream is closed) and say so. */
async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of io.stdin()) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    length += bytes.length;
    if (length > STDIN_LIMIT_BYTES) {
      throw new TokenError(
        `stdin holds more than ${STDIN_LIMIT_BYTES / 1024} KiB, and a token is at most ${MAX_TOKEN_CHARS} characters`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
