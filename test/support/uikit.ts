/**
 * UIKit Prebuilt's own code, run in Node: `@zegocloud/zego-uikit-prebuilt` (a devDependency of tools/, never copied)
 * is a browser bundle that touches the DOM as it loads (a `<style>` element, `navigator.userAgent`, listeners on
 * `window`). It is evaluated once in a `node:vm` context of its own, whose globals are the few it reads: the
 * platform's `btoa`, `atob`, `URL`, `TextEncoder`, `TextDecoder` and `Blob` (Node's are the WHATWG ones a browser
 * has: `btoa` encodes Latin-1 code units and throws InvalidCharacterError above U+00FF), a `document` that answers
 * everything with inert stand-ins, and timers, listeners and a console that do nothing. Nothing leaks into the test
 * process's own globals. Only pure functions (`generateKitTokenForProduction`, `generateKitTokenForTest`) are called:
 * nothing that would need a real page.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/** The static functions of `ZegoUIKitPrebuilt` the tests call, as UIKit 2.18.4 declares them (index.d.ts). */
export interface UIKitPrebuilt {
  readonly GroupCall: string;
  generateKitTokenForProduction(appID: number, token: string, roomID: string | undefined, userID: string, userName?: string): string;
  generateKitTokenForTest(appID: number, serverSecret: string, roomID: string, userID: string, userName?: string, ExpireTime?: number): string;
}

/** The version the tests were measured against: the devDependency is pinned to it. */
export const UIKIT_VERSION = '2.18.4';

const require = createRequire(import.meta.url);

/** A stand-in for any DOM object: every property, call and construction gives another; it is never a thenable. */
function inert(): unknown {
  return new Proxy(function () {}, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : inert()),
    set: () => true,
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

let loaded: UIKitPrebuilt | undefined;

/** `ZegoUIKitPrebuilt` from the installed bundle, loaded once (about half a second). */
export function uikit(): UIKitPrebuilt {
  if (loaded !== undefined) return loaded;
  const main = require.resolve('@zegocloud/zego-uikit-prebuilt');
  const { version } = require('@zegocloud/zego-uikit-prebuilt/package.json') as { version: string };
  if (version !== UIKIT_VERSION) throw new Error(`expected @zegocloud/zego-uikit-prebuilt ${UIKIT_VERSION}, found ${version}`);
  const nothing = (): void => undefined;
  const context = vm.createContext({
    btoa,
    atob,
    URL,
    TextEncoder,
    TextDecoder,
    Blob,
    console: { log: nothing, info: nothing, warn: nothing, error: nothing, debug: nothing },
    setTimeout: () => 0,
    setInterval: () => 0,
    clearTimeout: nothing,
    clearInterval: nothing,
    addEventListener: nothing,
    removeEventListener: nothing,
    navigator: { userAgent: 'node', language: 'en' },
    location: { href: 'http://localhost/', origin: 'http://localhost', protocol: 'http:', search: '' },
    document: new Proxy<Record<PropertyKey, unknown>>({ baseURI: 'http://localhost/' }, {
      get: (target, key) => (key in target ? target[key] : inert()),
    }),
  });
  vm.runInContext('globalThis.window = globalThis.self = globalThis;', context);
  // The bundle is UMD: given `module`, it exports through it.
  const module = { exports: {} as { ZegoUIKitPrebuilt?: UIKitPrebuilt } };
  const wrapped = vm.runInContext(`(function (module, exports) {${readFileSync(main, 'utf8')}\n})`, context, { filename: main }) as (
    module: unknown,
    exports: unknown,
  ) => void;
  wrapped(module, module.exports);
  const prebuilt = module.exports.ZegoUIKitPrebuilt;
  if (typeof prebuilt?.generateKitTokenForProduction !== 'function') throw new Error('ZegoUIKitPrebuilt.generateKitTokenForProduction not found');
  loaded = prebuilt;
  return prebuilt;
}
