// app/zego/token/[roomId]/route.ts
import { zegoToken } from '@zego-token/fetch';
import { currentUserId } from './auth.js'; // your auth: the signed-in user's ID, or null

export const GET = zegoToken({ getUserId: currentUserId });
