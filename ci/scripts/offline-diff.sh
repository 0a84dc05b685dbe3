#!/usr/bin/env bash
# The reviewer's diff against the PR's base commit (github-pr-resource writes it to .git/resource).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
base=$(cat .git/resource/base_sha)
set +e
npm run -s diff -- --base "$base"
status=$?
set -e
# 2 means "changes", which is what a pull request is for.
[ "$status" -eq 0 ] || [ "$status" -eq 2 ]
