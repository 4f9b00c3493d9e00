// Type-checked against the .d.mts files, as an ESM TypeScript user sees them.
import { zegoTokenRouter, type ZegoTokenOptions } from '@zego-token/koa';
import Koa from 'koa';

const options: ZegoTokenOptions = {
  appId: 1,
  secret: 'smoke000smoke000smoke000smoke000',
  getUserId: (ctx) => (ctx.state as { user?: { sub?: string } }).user?.sub,
  privilege: ({ roomId }) => Promise.resolve(roomId.startsWith('vip') ? false : { publish: true }),
};
new Koa().use(zegoTokenRouter(options).routes());
