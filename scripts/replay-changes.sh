#!/usr/bin/env bash
# Replays the everyday changes in __tests__/changes/replay/*.patch, one at a time, each on a scratch clone
# of <ref> (default HEAD), as the team makes them: apply the config edit, `npx jest -u`, then `npm test`.
# Prints one row per change: the config lines it took and what `npm test` said after the snapshot update.
# A change is meant to end green with `npx jest -u` alone (docs/changes.md). Slow (one full test run per
# change, one at a time): run it before a release of the tests, not on every commit.
#   scripts/replay-changes.sh [ref] [patch...]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-HEAD}
shift || true
patches=("$@")
[ ${#patches[@]} -eq 0 ] && patches=("$root"/__tests__/changes/replay/*.patch)
export CHECKPOINT_DISABLE=1
printf '%-45s %-9s %-8s %s\n' change "lines" result "failures after jest -u"
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  tmp=$(mktemp -d /tmp/notify-replay-XXXXXX)
  git clone -q "$root" "$tmp/repo" && git -C "$tmp/repo" checkout -q "$ref"
  cp -al "$root/node_modules" "$tmp/repo/"
  cd "$tmp/repo"
  if ! git apply "$patch"; then
    printf '%-45s %-9s %-8s %s\n' "$name" "-" STALE "the patch no longer applies to $ref: rewrite it"
    cd "$root"; rm -rf "$tmp"; continue
  fi
  lines=$(git diff --numstat | awk '{a+=$1; d+=$2} END {printf "+%d/-%d", a, d}')
  npx jest -u >"$tmp/jest-u.log" 2>&1
  npm test >"$tmp/test.log" 2>&1
  status=$?
  tests=$(grep -E '^Tests:' "$tmp/test.log" | tail -1 | sed 's/^Tests: *//')
  suites=$(grep -E '^Test Suites:' "$tmp/test.log" | tail -1 | sed 's/^Test Suites: *//')
  tsc=$(grep -cE 'error TS[0-9]+' "$tmp/test.log")
  failed=$(grep -E '^\s+● ' "$tmp/test.log" | sed 's/^\s*● //' | sort -u | head -40)
  printf '%-45s %-9s %-8s %s\n' "$name" "$lines" "$([ $status -eq 0 ] && echo green || echo RED)" "tests: $tests; suites: $suites; tsc errors: $tsc"
  [ -n "$failed" ] && echo "$failed" | sed 's/^/      /'
  [ -n "${KEEP_REPLAY:-}" ] && echo "      kept: $tmp" || { cd "$root"; rm -rf "$tmp"; }
  cd "$root"
done
