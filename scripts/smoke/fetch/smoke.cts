// Type-checked against the .d.cts files, as a CommonJS TypeScript user sees them.
import { DEFAULT_TOKEN_PATH, zegoToken } from '@zego-token/fetch';

export = zegoToken({ appId: 1, secret: 'smoke000smoke000smoke000smoke000', path: DEFAULT_TOKEN_PATH, getUserId: () => 'u' });
