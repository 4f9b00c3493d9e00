import { variableFromSource } from '../lib/environment.js';
import type { IssuerPlatform } from '../route/issuer-config.js';
import { WEB_CRYPTO } from './crypto.js';

/**
 * Web Crypto, and no `process.env` (Web runtimes have none): configuration is passed, or comes from a host's source
 * such as a Worker's `env` when an adapter hands one over.
 */
export const WEB_PLATFORM: IssuerPlatform<Promise<string>> = {
  crypto: WEB_CRYPTO,
  environment: { variable: (name, source) => variableFromSource(source, name), processEnv: false },
};
