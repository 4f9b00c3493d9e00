// Type-checked against the .d.cts files, as a CommonJS TypeScript user sees them.
import Router from '@koa/router';
import { zegoToken } from '@zego-token/koa';

const router = new Router();
router.get('/zego/token/:roomId', zegoToken({ appId: 1, secret: 'smoke000smoke000smoke000smoke000', getUserId: (ctx) => Promise.resolve(ctx.get('x-user') || null) }));
export = router;
