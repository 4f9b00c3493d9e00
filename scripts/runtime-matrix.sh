#!/usr/bin/env bash
# The runtime matrix: @zego-token/core/web (and @zego-token/core where node:crypto exists) in Node (the machine's
# and the pinned Node 24 of scripts/node-lines.sh), Bun, Deno,
# workerd with and without nodejs_compat, and the edge runtime. The runtimes are devDependencies of tools/, pinned in
# pnpm-lock.yaml, installed by `pnpm install` from the npm registry (each ships its binary in a registry package;
# bun's postinstall, allowed in pnpm-workspace.yaml, only copies it into place). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm run --silent build >/dev/null
ZEGO_MATRIX_NODE24="$(bash scripts/node-lines.sh 24)/node" node test/runtimes/run.mjs
