import { zegoToken } from '@zego-token/fetch';
import { currentUserId } from './auth.js'; // your auth: the signed-in user's ID, or null

export const server = Bun.serve({ port: 3000, fetch: zegoToken({ getUserId: currentUserId }) });
