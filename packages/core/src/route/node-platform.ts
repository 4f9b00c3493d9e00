import { NODE_CRYPTO } from '../format/crypto-node.js';
import { appIdFromEnvironment, secretFromEnvironment } from '../lib/environment.js';
import type { IssuerPlatform } from './issuer-config.js';

/** node:crypto, and ZEGO_APP_ID / ZEGO_SERVER_SECRET from a host's source, then `process.env`, for options not given. */
export const NODE_PLATFORM: IssuerPlatform<string> = {
  crypto: NODE_CRYPTO,
  environment: { appId: appIdFromEnvironment, secret: secretFromEnvironment, processEnv: true },
};
