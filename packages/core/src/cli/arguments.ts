/**
 * Reading a command's arguments without ever repeating one: what is on a command line may be a secret pasted in the
 * wrong place, so errors name a flag from the command's own table or an argument's position, never its text.
 */
import { parseArgs } from 'node:util';
import { ENVIRONMENT_VARIABLES } from '../lib/environment.js';
import { environmentVariable } from '../node/environment.js';
import { ZegoTokenError } from '../lib/errors.js';
import { closestOption } from '../lib/options.js';
import { UsageError } from './command.js';

/** One flag of a command: `--name VALUE` (string, repeatable when `multiple`) or `--name` (boolean). */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

/** A command's flags, by long name. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The values of `Flags` as given: absent flags are absent. */
export type FlagValues<Flags extends FlagSpecs> = {
  -readonly [Name in keyof Flags]?: Flags[Name]['type'] extends 'boolean'
    ? boolean
    : Flags[Name]['multiple'] extends true
      ? string[]
      : string;
};

/** Every command answers `--help` / `-h`. */
const HELP_FLAG = { help: { type: 'boolean', short: 'h' } } as const;

/** A command line after the command's name, read against its flags. */
export interface ParsedCommand<Flags extends FlagSpecs> {
  values: FlagValues<Flags & typeof HELP_FLAG>;
  positionals: string[];
}

/**
 * Reads `args` (what follows `zego-token COMMAND`) against `flags`, allowing at most `maxPositionals` other
 * arguments. Unknown flags, a missing or unexpected value, a flag given twice and extra arguments are usage errors
 * that give the argument's position (counting the command as argument 1), never its text; an unknown flag close to
 * one of the command's is answered with that one, as an unknown option is by the library ("did you mean --user?").
 */
export function parseCommand<const Flags extends FlagSpecs>(
  command: string,
  args: readonly string[],
  flags: Flags,
  maxPositionals: number,
): ParsedCommand<Flags> {
  const options: FlagSpecs = { ...flags, ...HELP_FLAG };
  // Not strict: parseArgs's own errors quote the argument; the checks below say the same without quoting it.
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<string>();
  let positionalCount = 0;
  for (const token of tokens) {
    const position = token.index + 2;
    if (token.kind === 'positional') {
      positionalCount += 1;
      if (positionalCount > maxPositionals) throw new UsageError(`unexpected argument ${position}`);
    } else if (token.kind === 'option') {
      const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      if (spec === undefined) {
        // The one rule for unknown options (lib/options.ts): name the one probably meant, one of the command's own.
        const meant = closestOption(token.name, Object.keys(options));
        const hint = meant === undefined ? ` (zego-token help ${command} lists them)` : `: did you mean --${meant}?`;
        throw new UsageError(`argument ${position} is not an option of ${command}${hint}`);
      }
      // From here on token.name is one of our own flags: safe to name.
      if (spec.type === 'string' && token.value === undefined) throw new UsageError(`--${token.name} needs a value`);
      if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`--${token.name} takes no value`);
      if (!spec.multiple && seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
      seen.add(token.name);
    }
  }
  // Every token was checked against its spec above, so the values have the declared types.
  return { values: values as ParsedCommand<Flags>['values'], positionals };
}

/** A whole number given as text (a flag or a variable, named by `name`), for the library to range-check. */
export function wholeNumber(text: string, name: string): number {
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`${name} must be a whole number`);
  return Number(text);
}

const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A duration given as text, in seconds: whole seconds (`3600`), or a whole number of seconds, minutes, hours or days
 * (`90s`, `30m`, `1h`, `2d`), for the library to range-check; `name` names the flag in the error.
 */
export function durationSeconds(text: string, name: string): number {
  const match = /^([0-9]+)([smhd]?)$/.exec(text);
  if (match === null) throw new UsageError(`${name} must be whole seconds, or a whole number with s, m, h or d (90s, 30m, 1h, 2d)`);
  return Number(match[1]) * DURATION_UNITS[match[2]!]!;
}

/** The app ID from `--app-id`, else from ZEGO_APP_ID (lib/environment.ts), else `undefined`. */
export function appIdFrom(flag: string | undefined): number | undefined {
  if (flag !== undefined) return wholeNumber(flag, '--app-id');
  const fromEnvironment = environmentVariable(ENVIRONMENT_VARIABLES.appId);
  return fromEnvironment === undefined ? undefined : wholeNumber(fromEnvironment, ENVIRONMENT_VARIABLES.appId);
}

/** A secret and where it came from, as errors and findings name it: the flag, or the environment variable. */
export interface SecretInput {
  readonly secret: string;
  readonly source: '--secret' | typeof ENVIRONMENT_VARIABLES.secret;
}

/** The secret from `--secret`, else from ZEGO_SERVER_SECRET (lib/environment.ts), else `undefined`. */
export function optionalSecretFrom(flag: string | undefined): SecretInput | undefined {
  if (flag === '') throw new UsageError('--secret is empty');
  if (flag !== undefined) return { secret: flag, source: '--secret' };
  const secret = environmentVariable(ENVIRONMENT_VARIABLES.secret);
  return secret === undefined ? undefined : { secret, source: ENVIRONMENT_VARIABLES.secret };
}

/** The secret from `--secret`, else from ZEGO_SERVER_SECRET (lib/environment.ts); the library validates it. */
export function secretFrom(flag: string | undefined): SecretInput {
  const secret = optionalSecretFrom(flag);
  if (secret === undefined) throw new UsageError(`no secret: set ${ENVIRONMENT_VARIABLES.secret} or pass --secret`);
  return secret;
}

/**
 * Runs `call` (a library function given options built from flags), so that its errors name the flags the user typed:
 * an error about `userId` (its `option`) says `--user must be…`, with its `reason` and without what was received ("0"
 * repeats the number typed, "a string" says nothing on a command line). The code is kept: it decides the exit code.
 * `flagOf` maps option names to flags; an option within one (`'payload.streamIdList[1]'`) takes the flag of the
 * longest name it starts with (`'payload.streamIdList'`: `--stream[1]`).
 */
export function withFlagNames<T>(flagOf: Readonly<Record<string, string>>, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof ZegoTokenError) || error.option === undefined) throw error;
    const { option, reason } = error;
    const named = Object.keys(flagOf)
      .filter((name) => option === name || option.startsWith(`${name}.`) || option.startsWith(`${name}[`))
      .sort((a, b) => b.length - a.length)[0];
    const flag = named === undefined ? option : `${flagOf[named]}${option.slice(named.length)}`;
    throw new ZegoTokenError(error.code, `${flag} ${reason}`, { option, reason });
  }
}
