#!/usr/bin/env bash
# A pull request's plan of one environment. It does not take the state lock: a PR plan must never
# hold up a deploy, and this plan is never applied.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
source "$here/artifact.sh"
export TF_CLI_ARGS_plan="-lock=false"
npx cdktf diff "$ENVIRONMENT"
