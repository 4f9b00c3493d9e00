#!/usr/bin/env bash
# The adapters' test suites against the oldest supported majors: Express 4, Koa 2 and @koa/router 12 (the normal
# test run covers Express 5, Koa 3 and @koa/router 15). It swaps exact versions into the workspace and, however it
# ends, puts the manifests, lockfile, installed packages and builds back.
set -euo pipefail
cd "$(dirname "$0")/.."

oldest_express=(express@4.18.3 @types/express@4.17.21)
oldest_koa=(koa@2.13.4 @types/koa@2.13.12 @koa/router@12.0.2 @types/koa__router@12.0.4)

manifests=(tools/package.json pnpm-lock.yaml packages/express/package.json packages/koa/package.json)
backup=$(mktemp -d)
for file in "${manifests[@]}"; do mkdir -p "$backup/$(dirname "$file")" && cp "$file" "$backup/$file"; done
restore() {
  local status=$?
  set +e # put back every file, whatever else fails
  for file in "${manifests[@]}"; do cp "$backup/$file" "$file"; done
  pnpm install --frozen-lockfile --silent && pnpm run --silent build >/dev/null || status=1
  exit "$status"
}
trap restore EXIT

pnpm add --silent --filter @zego-token/tools -D "${oldest_express[@]}" "${oldest_koa[@]}"
pnpm add --silent --filter @zego-token/express -D "${oldest_express[@]}"
pnpm add --silent --filter @zego-token/koa -D "${oldest_koa[@]}"
pnpm run --silent build >/dev/null

version() { (cd "$1" && node -p "require('$2/package.json').version"); }
echo "compat matrix: test apps on express $(version . express), koa $(version . koa), @koa/router $(version . @koa/router);" \
  "express adapter on express $(version packages/express express); koa adapter on koa $(version packages/koa koa)," \
  "@koa/router $(version packages/koa @koa/router)"

npx mocha --no-config --node-option import=tsx --node-option no-experimental-require-module --timeout 20000 --reporter dot \
  test/http/http-contract.test.ts test/http/adapter-shape.test.ts test/http/exact-routing.test.ts test/http/express.test.ts \
  test/http/koa.test.ts test/http/resolver-results.test.ts test/http/hostile-input.test.ts test/http/identity-route.test.ts
