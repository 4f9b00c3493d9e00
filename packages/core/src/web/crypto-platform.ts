import { WEB_CRYPTO } from '../format/crypto-web.js';
import { variableFromSource } from '../lib/environment-source.js';
import type { IssuerPlatform } from '../route/issuer-config.js';

/**
 * Web Crypto, and no `process.env` (Web runtimes have none): configuration is passed, or comes from a host's source
 * such as a Worker's `env` when an adapter hands one over.
 */
export const WEB_PLATFORM: IssuerPlatform<Promise<string>> = {
  crypto: WEB_CRYPTO,
  environment: {
    appId: (source) => variableFromSource(source, 'ZEGO_APP_ID'),
    secret: (source) => variableFromSource(source, 'ZEGO_SERVER_SECRET'),
    processEnv: false,
  },
};
