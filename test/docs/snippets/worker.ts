// src/index.ts
import { zegoToken } from '@zego-token/fetch';
import { jwtVerify } from 'jose';

interface Env {
  ZEGO_APP_ID: string; // wrangler.toml [vars]
  ZEGO_SERVER_SECRET: string; // wrangler secret put ZEGO_SERVER_SECRET
  SESSION_KEY: string; // wrangler secret put SESSION_KEY: the key your login signs sessions with
}

// Your auth: the user of a valid bearer token, or null (401).
async function userIdOf(request: Request, env: Env): Promise<string | null> {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (!token) return null;
  const verified = await jwtVerify(token, new TextEncoder().encode(env.SESSION_KEY)).catch(() => null);
  return verified?.payload.sub ?? null;
}

export default {
  fetch: zegoToken<Env>({ getUserId: userIdOf }),
};
