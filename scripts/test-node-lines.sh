#!/usr/bin/env bash
# The README's test command (`npx -y pnpm@10 install-test`) on the machine's Node.js and on every pinned line of
# scripts/node-lines.sh (22, 24, 26), one after another, then one summary line per Node line with its counts.
# Every line runs even when one fails; the exit status is non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."

lines=("" $(bash scripts/node-lines.sh)) # "" is the machine's own Node
summary=()
failed_lines=0
total_passed=0
total_failed=0
for major in "${lines[@]}"; do
  path=$PATH
  if [ -n "$major" ]; then
    bin=$(bash scripts/node-lines.sh "$major") || { summary+=("node $major: not installed"); failed_lines=$((failed_lines + 1)); continue; }
    path="$bin:$PATH"
  fi
  version=$(PATH=$path node --version)
  echo "=== the test suite on Node.js $version ==="
  log=$(mktemp)
  started=$SECONDS
  PATH=$path npx -y pnpm@10 install-test 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  # mocha's closing counts, read without the colours it may print
  count() { sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -aE "^ +[0-9]+ $1" | tail -n 1 | grep -oE '[0-9]+' | head -n 1; }
  passing=$(count passing); failing=$(count failing); pending=$(count pending)
  passing=${passing:-0} failing=${failing:-0} pending=${pending:-0}
  # A run that stopped before mocha's report (a failed install or build), or that ran no test, counts as failed.
  [ "$passing" -gt 0 ] || { [ "$status" -ne 0 ] || status=1; }
  if [ "$status" -ne 0 ]; then
    failed_lines=$((failed_lines + 1))
    [ "$failing" -eq 0 ] && failing=1
  fi
  total_passed=$((total_passed + passing))
  total_failed=$((total_failed + failing))
  summary+=("$(printf 'Node.js %-9s %5d passing  %3d failing  %3d pending  %4d s  exit %d' "$version" "$passing" "$failing" "$pending" $((SECONDS - started)) "$status")")
  rm -f "$log"
done

echo
echo "test suite by Node.js line:"
for line in "${summary[@]}"; do echo "  $line"; done
echo "node-lines: $total_passed passed, $total_failed failed"
[ "$failed_lines" -eq 0 ]
