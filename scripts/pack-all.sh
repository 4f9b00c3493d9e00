#!/usr/bin/env bash
# Builds every published package (each packages/* whose package.json is not private) and packs it as npm would
# publish it: tarballs named zego-token-<package>-<version>.tgz in the folder given (default: tarballs/), one path a
# line on stdout. Until the packages are on npm, this is how to use them: `npm i ./tarballs/zego-token-core-….tgz …`.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$(mkdir -p "${1:-tarballs}" && cd "${1:-tarballs}" && pwd)

# Only what building the packages needs (a filtered install: none of the test tools), then the build.
pnpm install --frozen-lockfile --silent --filter './packages/*'
pnpm run --silent build >/dev/null
for dir in packages/*/; do
  [ "$(node -p "Boolean(require('./${dir}package.json').private)")" = false ] || continue
  (cd "$dir" && pnpm pack --pack-destination "$dest" | tail -n 1)
done
