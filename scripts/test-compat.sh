#!/usr/bin/env bash
# The adapters' test suites against the oldest supported majors: Express 4, Koa 2 and @koa/router 12 (the normal
# test run covers Express 5, Koa 3 and @koa/router 15). It swaps the versions in place and puts everything back,
# lockfile included, when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

manifests=(package.json pnpm-lock.yaml packages/express/package.json packages/koa/package.json)
backup=$(mktemp -d)
for file in "${manifests[@]}"; do mkdir -p "$backup/$(dirname "$file")" && cp "$file" "$backup/$file"; done
restore() {
  for file in "${manifests[@]}"; do cp "$backup/$file" "$file"; done
  pnpm install --frozen-lockfile --silent
}
trap restore EXIT

oldest_express=(express@~4.18.0 @types/express@^4.17)
oldest_koa=(koa@~2.13.0 @types/koa@^2.13 @koa/router@^12 @types/koa__router@^12)
pnpm add --silent -w -D "${oldest_express[@]}" "${oldest_koa[@]}"
pnpm add --silent --filter @zego-token/express -D "${oldest_express[@]}"
pnpm add --silent --filter @zego-token/koa -D "${oldest_koa[@]}"
pnpm run --silent build

versions() { node -e "for (const name of ['express', 'koa', '@koa/router']) process.stdout.write(name + ' ' + require(name + '/package.json').version + '  '); console.log()"; }
echo "compat matrix, test apps:          $(versions)"
echo "compat matrix, express adapter:    $(cd packages/express && node -e "console.log('express', require('express/package.json').version)")"
echo "compat matrix, koa adapter:        $(cd packages/koa && node -e "console.log('koa', require('koa/package.json').version, ' @koa/router', require('@koa/router/package.json').version)")"

npx mocha --no-config --node-option import=tsx --node-option no-experimental-require-module --timeout 20000 --reporter dot \
  test/http-contract.test.ts test/adapter-edges.test.ts test/auth-integration.test.ts test/hostile-input.test.ts test/token-issuer.test.ts
