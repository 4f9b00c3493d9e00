/**
 * The environment variables the library reads, in one place: `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET`, as ZEGO's
 * console names the two values. Read only where an option is not given, and only at construction.
 */

import { variableFromSource, type EnvironmentSource } from './environment-source.js';

/** Variables given by the host (a Worker's `env`): consulted before `process.env`. */
export type { EnvironmentSource };

/** A variable's value, or `undefined` when it is unset or empty (an empty variable is as good as none). */
function variable(name: string, source: EnvironmentSource | undefined): string | undefined {
  const given = variableFromSource(source, name);
  if (given !== undefined) return given;
  // `process` is absent where only Web APIs exist (workerd, edge runtimes): there, nothing comes from the environment.
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The raw `ZEGO_APP_ID`, unparsed: callers decide how to report a bad one. */
export function appIdFromEnvironment(source?: EnvironmentSource): string | undefined {
  return variable('ZEGO_APP_ID', source);
}

/** `ZEGO_SERVER_SECRET`, unvalidated. */
export function secretFromEnvironment(source?: EnvironmentSource): string | undefined {
  return variable('ZEGO_SERVER_SECRET', source);
}
