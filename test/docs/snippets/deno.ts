import { zegoToken } from '@zego-token/fetch';
import { currentUserId } from './auth.js'; // your auth: the signed-in user's ID, or null

export const server = Deno.serve({ port: 3000 }, zegoToken({ getUserId: currentUserId }));
