/**
 * The browser test's page (bundled by run.ts with esbuild): the real Express Web SDK and ZIM from npm, renewed by the
 * built `@zego-token/client` from a real token route on the page's own origin. Everything the page sees goes to
 * run.ts through `report` (a function Playwright exposes), stamped with the page's clock; run.ts checks and logs it.
 *
 * Two spies, test instrumentation only: each SDK instance's `renewToken` is wrapped to record what it was given (then
 * the SDK's own method runs), and the source handed to the binding records each `get` it receives, which for ZIM is
 * how its `tokenWillExpire` is seen (ZIM keeps one handler per event: a second handler would replace the binding's).
 *
 * ZIM offline: its `renewToken` checks the token, then asks ZEGO's server (`/sw/renew_token`) and re-arms its timer
 * only on the server's answer; here that rejects with 6000104 (network error). So after its first renewal the page
 * logs ZIM out and in again (offline) with the renewed token, the closest real proof that ZIM arms from it; and two
 * controls show that ZIM's check refuses what is not a good 04 token before any network.
 */
import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { ZIM } from 'zego-zim-web';
import { attachExpressEngine, attachZim, createTokenSource, type TokenSource } from '@zego-token/client';

/** What the page tells run.ts. `token` is compared there with what the route served, never printed. */
export interface PageEvent {
  sdk: 'express' | 'zim' | 'uikit';
  kind:
    | 'login token'
    | 'tokenWillExpire'
    | 'source.get'
    | 'renewToken'
    | 'renewToken settled'
    | 'onError'
    | 'login settled'
    | 'sdk event'
    | 'control';
  at?: number;
  token?: string;
  detail?: unknown;
}

declare const report: (event: PageEvent) => Promise<void>;
const send = (event: PageEvent): void => void report({ ...event, at: Date.now() });
const describe = (error: unknown): unknown =>
  error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : error;

/** The source, with each `get` recorded before it runs. */
function observed(sdk: PageEvent['sdk'], source: TokenSource): TokenSource {
  return {
    get: (roomId, options) => {
      send({ sdk, kind: 'source.get', detail: { roomId, fresh: options?.fresh === true } });
      return source.get(roomId, options);
    },
    dispose: () => source.dispose(),
  };
}

async function express(): Promise<void> {
  // Signed in by the session cookie that came with the page (same origin: fetch sends it by default).
  const source = createTokenSource({ url: '/zego/token/:roomId' });
  const { token, appId, userId } = await source.get('lobby');
  send({ sdk: 'express', kind: 'login token', token });
  // A server address of the form ZEGO's console gives; the browser resolves no host but the test's (run.ts).
  const zg = new ZegoExpressEngine(appId, `wss://webliveroom${appId}-api.coolzcloud.com/ws`);
  const renewToken = zg.renewToken.bind(zg);
  zg.renewToken = (newToken: string, roomID?: string): boolean => {
    const accepted = renewToken(newToken, roomID);
    send({ sdk: 'express', kind: 'renewToken', token: newToken, detail: { roomID, accepted } });
    return accepted;
  };
  zg.on('tokenWillExpire', (roomID: string) => send({ sdk: 'express', kind: 'tokenWillExpire', detail: { roomID } }));
  zg.on('roomStateChanged', (roomID: string, reason: string, errorCode: number) =>
    send({ sdk: 'express', kind: 'sdk event', detail: { event: 'roomStateChanged', roomID, reason, errorCode } }),
  );
  attachExpressEngine(zg, observed('express', source), {
    onError: (error) => send({ sdk: 'express', kind: 'onError', detail: describe(error) }),
  });
  zg.loginRoom('lobby', token, { userID: userId, userName: userId }).then(
    (result) => send({ sdk: 'express', kind: 'login settled', detail: { result } }),
    (error: unknown) => send({ sdk: 'express', kind: 'login settled', detail: { error: describe(error) } }),
  );
}

async function zim(): Promise<void> {
  // Signed in by a bearer token, on the identity route (ZIM tokens name no room).
  const source = createTokenSource({ url: '/zego/token', headers: { authorization: 'Bearer bob' } });
  const { token, appId, userId } = await source.get();
  send({ sdk: 'zim', kind: 'login token', token });
  const instance = ZIM.create({ appID: appId });
  if (instance === null) throw new Error('ZIM.create returned null');
  // Offline login: ZIM runs its own token timers with no server. (ZIM's declarations make every field required.)
  const config = { userName: userId, token, isOfflineLogin: true, customStatus: '', customStatusDuration: 0 };
  const login = (loginToken: string, what: string): Promise<void> =>
    instance.login(userId, { ...config, token: loginToken }).then(
      () => send({ sdk: 'zim', kind: 'login settled', detail: { what, result: 'logged in (offline)' } }),
      (error: unknown) => send({ sdk: 'zim', kind: 'login settled', detail: { what, error: describe(error) } }),
    );
  const renewToken = instance.renewToken.bind(instance);
  let relogged = false;
  instance.renewToken = (newToken: string) => {
    send({ sdk: 'zim', kind: 'renewToken', token: newToken });
    const renewed = renewToken(newToken);
    renewed.then(
      (result) => send({ sdk: 'zim', kind: 'renewToken settled', detail: { result: { token: result.token === newToken ? 'the new token' : 'another' } } }),
      async (error: unknown) => {
        send({ sdk: 'zim', kind: 'renewToken settled', detail: { error: describe(error) } });
        // ZIM re-arms its timer only when ZEGO's server confirms a renewal (/sw/renew_token), out of reach here. The
        // closest proof that it arms from the renewed token: an offline login again, with that token.
        if (relogged) return;
        relogged = true;
        instance.logout();
        await login(newToken, 'again, with the renewed token');
      },
    );
    return renewed;
  };
  instance.on('connectionStateChanged', (_zim, data) => send({ sdk: 'zim', kind: 'sdk event', detail: { ...data, event: 'connectionStateChanged' } }));
  instance.on('error', (_zim, error) => send({ sdk: 'zim', kind: 'sdk event', detail: { ...error, event: 'error' } }));
  attachZim(instance, observed('zim', source), {
    onError: (error) => send({ sdk: 'zim', kind: 'onError', detail: describe(error) }),
  });
  await login(token, 'with the first token');
  // Controls, with ZIM's own renewToken: it checks a token before sending it, so a renewal our token survives to
  // the network is one whose token ZIM took. Our token as version 03, and no token at all, are refused at once.
  for (const [what, bad] of [['our token, marked version 03', `03${token.slice(2)}`], ['a string that is no token', 'not-a-zego-token']]) {
    renewToken(bad!).then(
      () => send({ sdk: 'zim', kind: 'control', detail: { what, result: 'accepted' } }),
      (error: unknown) => send({ sdk: 'zim', kind: 'control', detail: { what, error: describe(error) } }),
    );
  }
}

for (const [sdk, run] of [['express', express], ['zim', zim]] as const) {
  run().catch((error: unknown) => send({ sdk, kind: 'onError', detail: { setup: describe(error) } }));
}
