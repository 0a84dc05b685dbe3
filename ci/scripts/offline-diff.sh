#!/usr/bin/env bash
# The reviewer's diff against the PR's base commit (github-pr-resource writes it to .git/resource).
# Exit 0 when it ran, whatever changed (changes are what a pull request is for); 1 or 2 is a failure.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
npm run -s diff -- --base "$(cat .git/resource/base_sha)"
