// Type-checked against the .d.mts files, as an ESM TypeScript user sees them: `request.user` comes from the app's own
// declaration (as @fastify/jwt and @fastify/passport users write it), with no cast in getUserId.
import { zegoToken } from '@zego-token/fastify';
import Fastify from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    account?: { id: string };
  }
}

const app = Fastify();
await app.register(zegoToken, {
  appId: 1,
  secret: 'smoke000smoke000smoke000smoke000',
  prefix: '/api',
  getUserId: (request) => request.account?.id,
  privilege: ({ request }) => (request.account === undefined ? false : { publish: true }),
});
