/** The environment on node:crypto's platform: a host's source first, then `process.env` (lib/environment.ts names both). */
import { variableFromSource, type EnvironmentSource, type EnvironmentVariable } from '../lib/environment.js';

/**
 * A variable's value from `source`, else from `process.env`; `undefined` when unset or empty (an empty variable is as
 * good as none).
 */
export function environmentVariable(name: EnvironmentVariable, source?: EnvironmentSource): string | undefined {
  const given = variableFromSource(source, name);
  if (given !== undefined) return given;
  // `process` is absent where only Web APIs exist (workerd without nodejs_compat): there, nothing comes from it.
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}
