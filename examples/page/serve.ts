/**
 * The example page, shared by both example servers (the Express one, `pnpm start`, and the Koa one): what a person
 * opens at `/` to sign in, ask the token route for tokens and read them, and paste any token into the doctor.
 *
 * No build step: index.html, page.js and page.css are served as they are, and the two modules the page imports,
 * `@zego-token/core/web` and `@zego-token/client`, are the packages' own built ESM files (each one self-contained),
 * found the way Node finds them for the server (`resolve` is the server's `import.meta.resolve`) and served at fixed
 * URLs that the page's import map names. Everything is read once, at start-up.
 *
 * The page never receives the ServerSecret: nothing here is given it. Its doctor runs in the browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How the server signs people in, which decides what the page offers. */
export type PageSignIn =
  /** The Express example's demo sign-in: `POST /demo/login {userId, userName}`, then a session cookie. */
  | 'session'
  /** The Koa example's demo sign-in: `POST /demo/login/:userId?name=…` answers a JWT, sent as a bearer token. */
  | 'jwt'
  /** No demo sign-in: the app's own authentication decides, and the page says so. */
  | 'none';

export interface ExamplePageOptions {
  /** Whether the server runs on the demo app (no ZEGO_APP_ID and ZEGO_SERVER_SECRET). */
  demo: boolean;
  /** The app the tokens are for, as the page names it. */
  appId: number;
  signIn: PageSignIn;
  /** The server's `import.meta.resolve`: where its `@zego-token/core/web` and `@zego-token/client` are. */
  resolve: (specifier: string) => string;
}

/** One response of the page: served at `path` with `contentType` and {@link PAGE_HEADERS}. */
export interface PageFile {
  path: string;
  contentType: string;
  body: string;
}

/** The modules the page imports, by the names it imports them as, and the URLs the import map gives them. */
const MODULES = {
  '@zego-token/core/web': '/page/vendor/zego-token-core-web.js',
  '@zego-token/client': '/page/vendor/zego-token-client.js',
} as const;

const here = (file: string): string => readFileSync(new URL(file, import.meta.url), 'utf8');

/**
 * Keeps the parts of index.html marked `<!--if:NAME-->…<!--end-->` whose NAME is in `shown`, drops the others, so
 * that the page says only what is true of this server, even without JavaScript.
 */
function choose(html: string, shown: ReadonlySet<string>): string {
  return html.replace(/<!--if:([a-z-]+)-->\n?([\s\S]*?)<!--end-->\n?/g, (_, name: string, part: string) => (shown.has(name) ? part : ''));
}

/**
 * The page's files, read and prepared once, and the headers every one of them is served with.
 *
 * @throws Error when a module the page imports is not built (run `pnpm run build`, as `pnpm start` does).
 */
export function examplePage({ demo, appId, signIn, resolve }: ExamplePageOptions): { files: PageFile[]; headers: Record<string, string> } {
  const vendor = Object.entries(MODULES).map(([specifier, path]): PageFile => {
    let file: string;
    try {
      file = fileURLToPath(resolve(specifier));
    } catch (error) {
      throw new Error(`${specifier} is not built (pnpm run build)`, { cause: error });
    }
    return { path, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file, 'utf8') };
  });
  const importMap = JSON.stringify({ imports: MODULES });
  const shown = new Set([demo ? 'demo' : 'real', signIn === 'none' ? 'own-sign-in' : 'demo-sign-in']);
  // The demo sign-in with real credentials: the page warns whoever opens it, as the console warns whoever started it.
  if (!demo && signIn !== 'none') shown.add('real-demo-sign-in');
  const html = choose(here('index.html'), shown)
    .replace('{{IMPORT_MAP}}', () => importMap)
    .replace('{{SIGN_IN}}', () => signIn)
    .replaceAll('{{APP_ID}}', () => String(appId));
  // The import map is the page's one inline script: the policy allows it by its hash, and scripts from this origin.
  const importMapHash = createHash('sha256').update(importMap).digest('base64');
  const headers = {
    'Content-Security-Policy':
      `default-src 'none'; script-src 'self' 'sha256-${importMapHash}'; style-src 'self'; connect-src 'self'; ` +
      "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  return {
    files: [
      { path: '/', contentType: 'text/html; charset=utf-8', body: html },
      { path: '/page/page.js', contentType: 'text/javascript; charset=utf-8', body: here('page.js') },
      { path: '/page/page.css', contentType: 'text/css; charset=utf-8', body: here('page.css') },
      ...vendor,
    ],
    headers,
  };
}
