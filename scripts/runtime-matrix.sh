#!/usr/bin/env bash
# The runtime matrix: @zego-token/core/web (and @zego-token/core where node:crypto exists) in Node, Bun, Deno,
# workerd with and without nodejs_compat, and the edge runtime. The runtimes are root devDependencies pinned in
# pnpm-lock.yaml, installed by `pnpm install` from the npm registry (each ships its binary in a registry package;
# bun's postinstall, allowed in pnpm-workspace.yaml, only copies it into place). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm run --silent build >/dev/null
node test/runtimes/run.mjs
