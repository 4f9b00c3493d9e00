import type { IssuerPlatform } from '../route/issuer-config.js';
import { NODE_CRYPTO } from './crypto.js';
import { environmentVariable } from './environment.js';

/** node:crypto, and ZEGO_APP_ID / ZEGO_SERVER_SECRET from a host's source, then `process.env`, for options not given. */
export const NODE_PLATFORM: IssuerPlatform<string> = {
  crypto: NODE_CRYPTO,
  environment: { variable: environmentVariable, processEnv: true },
};
