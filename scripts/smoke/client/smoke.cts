// Type-checked against the .d.cts files, as a CommonJS TypeScript user sees them.
import { attachZim, createTokenSource, type ZimLike } from '@zego-token/client';

declare const zim: ZimLike | null;
export = attachZim(zim, createTokenSource({ url: '/zego/token' }), { onError: undefined });
