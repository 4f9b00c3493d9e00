// Type-checked against the .d.cts files, as a CommonJS TypeScript user sees them.
import { DEFAULT_TOKEN_PATH, zegoToken } from '@zego-token/fastify';
import Fastify from 'fastify';

const app = Fastify();
app.register(zegoToken, { appId: 1, secret: 'smoke000smoke000smoke000smoke000', path: DEFAULT_TOKEN_PATH, getUserId: (request) => request.headers['x-user'] as string });
export = app;
