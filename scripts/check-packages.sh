#!/usr/bin/env bash
# Packaging checks: publint and arethetypeswrong on every package, then the packed tarballs installed into fresh
# projects (one per adapter, as apps have one framework, and the client alone) and used from ESM and CommonJS,
# JavaScript and TypeScript (strict, with every library's types checked), plus the zego-token bin and the client's
# minified and gzipped size (at most 2.5 KB).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tarballs exactly as `pnpm pack:all` (and so `pnpm release`) makes them.
for tarball in $(bash scripts/pack-all.sh "$work"); do
  name=$(tar -xOzf "$tarball" package/package.json | node -p "JSON.parse(require('fs').readFileSync(0, 'utf8')).name")
  pnpm exec publint --strict "packages/${name#@zego-token/}"
  pnpm exec attw --format ascii "$tarball"
done

smoke() { # smoke PACKAGE NPM-PACKAGES...: the package's tarball, with the core's beside an adapter's
  local project="$work/$1"
  local tarballs=("$work/zego-token-$1-"*.tgz)
  [ "$1" = client ] || tarballs+=("$work/zego-token-core-"*.tgz) # the client depends on nothing
  mkdir -p "$project"
  cp "scripts/smoke/$1"/* "$project"
  (
    cd "$project"
    npm init -y >/dev/null
    npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" "${@:2}"
    node smoke.mjs
    node smoke.cjs
    npx tsc -p tsconfig.json
    echo "smoke ($1): TypeScript, ESM and CommonJS, strict, libraries checked: ok"
  )
}
smoke express express@5 typescript@~6.0.3 @types/express@5 @types/node@20
smoke koa koa@3 @koa/router@15 typescript@~6.0.3 @types/koa@3 @types/node@20
smoke fastify fastify@5 typescript@~6.0.3 @types/node@20
smoke fetch typescript@~6.0.3 @types/node@20
smoke client typescript@~6.0.3 @types/node@20
node scripts/client-size.mjs "$work/zego-token-client-"*.tgz

version=$(cd "$work/express" && npx --no-install zego-token --version)
[ "$version" = "$(node -p "require('$root/packages/core/package.json').version")" ]
claims=$(cd "$work/express" && export ZEGO_SERVER_SECRET=smoke000smoke000smoke000smoke000 &&
  npx --no-install zego-token generate --app-id 7 --user bin-user --room r | npx --no-install zego-token decode - 2>/dev/null)
[ "$(node -p "JSON.parse(process.argv[1]).userId" "$claims")" = bin-user ]
echo "smoke: the installed zego-token bin ($version) generates a token and decodes it from stdin: ok"
