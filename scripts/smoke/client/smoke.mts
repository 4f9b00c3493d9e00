// Type-checked against the .d.mts files, as an ESM TypeScript user sees them (DOM and Node.js types both present,
// as in a browser app built with Node.js tools): the platform's fetch fits the source's, results narrow by code.
import {
  attachExpressEngine,
  createTokenSource,
  TokenSourceError,
  uikitRenewal,
  type ExpressEngineLike,
  type TokenBody,
  type TokenSource,
  type TokenSourceErrorCode,
} from '@zego-token/client';

const source: TokenSource = createTokenSource({
  url: (roomId) => `/api/rooms/${encodeURIComponent(roomId ?? '')}/token`,
  fetch,
  credentials: 'include',
  headers: async () => ({ authorization: `Bearer ${await Promise.resolve('jwt')}` }),
  renewAheadSeconds: 120,
  retries: 2,
});
export async function join(roomId: string, signal: AbortSignal): Promise<string> {
  try {
    const body: TokenBody = await source.get(roomId, { signal, fresh: false });
    return `${body.appId}:${body.userId}:${body.roomId ?? ''}:${body.kitToken ?? ''}`;
  } catch (error) {
    if (error instanceof TokenSourceError) {
      const code: TokenSourceErrorCode = error.code;
      return code === 'unauthenticated' ? 'sign in' : `${code} ${error.status ?? ''}`;
    }
    throw error;
  }
}
declare const engine: ExpressEngineLike;
export const detach: () => void = attachExpressEngine(engine, source, { onError: (error: unknown) => void error });
export const onTokenWillExpire: () => void = uikitRenewal({ renewToken: (): boolean => true }, source, 'lobby');
