import { repairToken } from '../diagnosis/repair-token.js';
import type { DiagnosisFinding } from '../diagnosis/findings.js';
import { MAX_TOKEN_CHARS } from '../format/envelope.js';
import { ZegoTokenError } from '../lib/errors.js';
import { TokenError, UsageError } from './command.js';
import type { CliIo } from './io.js';

/**
 * The most `-` reads from stdin: 128 KiB. The longest token the format allows is {@link MAX_TOKEN_CHARS} (87,422)
 * characters, all ASCII (its lengths are 16-bit), so this leaves room for whitespace and refuses, without holding
 * it, a stream that cannot be one token (a file piped by mistake, or an endless one).
 */
export const STDIN_LIMIT_BYTES: number = 128 * 1024;

/** A token as given, repaired: the text every command reads, and the damage undone (each a doctor's finding). */
export interface RepairedInput {
  readonly text: string;
  readonly damage: readonly DiagnosisFinding[];
}

/**
 * The token given as an argument, or read from stdin for `-`, through the doctor's one repair step
 * (diagnosis/repair-token.ts): whitespace, quotes, percent-encoding, '+' turned into spaces and stripped '=' padding
 * undone, and said. So `decode`, `inspect`, `verify` and `doctor` read every paste alike.
 */
export async function readRepairedToken(argument: string | undefined, io: CliIo): Promise<RepairedInput> {
  const { text, findings } = repairToken(await readTokenText(argument, io));
  return { text, damage: findings };
}

/** `damaged in transit (url_encoded, quoted), and once repaired ` for a repaired token; `''` for an intact one. */
export function damagePrefix(damage: readonly DiagnosisFinding[]): string {
  return damage.length === 0 ? '' : `damaged in transit (${damage.map((f) => f.code).join(', ')}), and once repaired `;
}

/**
 * Runs `read` on a repaired token: an error it throws about the token (exit 1) says the damage first. Errors about
 * the arguments (exit 2) pass as they are.
 */
export function readingRepaired<T>(damage: readonly DiagnosisFinding[], read: () => T): T {
  try {
    return read();
  } catch (error) {
    const prefix = damagePrefix(damage);
    if (prefix === '') throw error;
    if (error instanceof TokenError) throw new TokenError(`${prefix}${error.message}`);
    if (error instanceof ZegoTokenError && error.option === undefined) {
      throw new ZegoTokenError(error.code, `${prefix}${error.message}`, { reason: error.reason });
    }
    throw error;
  }
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
