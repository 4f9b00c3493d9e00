import fastifyJwt from '@fastify/jwt';
import { zegoToken } from '@zego-token/fastify';
import Fastify from 'fastify';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string }; // what your login signs
    user: { sub: string }; // request.user, typed
  }
}

export const app = Fastify({ routerOptions: { maxParamLength: 384 } }); // room IDs up to 128 characters, percent-encoded
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
app.addHook('onRequest', async (request) => {
  await request.jwtVerify().catch(() => undefined); // anonymous without a valid token: the token route answers 401
});
await app.register(zegoToken, { getUserId: (request) => request.user?.sub }); // GET /zego/token/:roomId
