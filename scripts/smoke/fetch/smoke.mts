// Type-checked against the .d.mts files, as an ESM TypeScript user sees them: a Worker and a Next.js route handler.
import { zegoToken, type ZegoTokenHandler, type ZegoTokenOptions } from '@zego-token/fetch';

interface Env {
  ZEGO_APP_ID: string;
  ZEGO_SERVER_SECRET: string;
}
const options: ZegoTokenOptions = {
  getUserId: (request) => request.headers.get('x-user-id'),
  privilege: ({ roomId, request }) => (roomId.startsWith('vip') && !request.headers.has('x-vip') ? false : { publish: true }),
};
const handler: ZegoTokenHandler = zegoToken(options);
export default { fetch: (request: Request, env: Env): Promise<Response> => handler(request, env) };
export const GET = (request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> => handler(request, context);
