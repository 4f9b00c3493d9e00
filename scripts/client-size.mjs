// The size a browser app pays for @zego-token/client: its ESM build, minified (esbuild) and gzipped (node:zlib, level
// 9), from the packed tarball given (what npm ships). Prints it; exits 1 above the limit of 2.5 KB (2,500 bytes).
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

const LIMIT_BYTES = 2500;
const tarball = process.argv[2];
if (tarball === undefined) throw new Error('usage: node scripts/client-size.mjs zego-token-client-<version>.tgz');
const source = execFileSync('tar', ['-xOzf', tarball, 'package/dist/index.mjs'], { encoding: 'utf8' });
const minified = transformSync(source, { minify: true, format: 'esm', target: 'es2020' }).code;
const gzipped = gzipSync(minified, { level: 9 }).length;
const within = gzipped <= LIMIT_BYTES;
console.log(
  `@zego-token/client size: dist/index.mjs ${source.length} bytes, minified ${minified.length}, minified + gzipped ` +
    `${gzipped} bytes (limit ${LIMIT_BYTES}): ${within ? 'ok' : 'OVER THE LIMIT'}`,
);
process.exitCode = within ? 0 : 1;
