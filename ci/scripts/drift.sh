#!/usr/bin/env bash
# Main's snapshot export and drift verdict on the hourly drift plan, with no credential
# (ci/tasks/drift.yml). First the sanitized snapshot pull requests plan against is exported from the
# plan and the state (offline/snapshot.ts: no secret value leaves, placeholders instead), then the
# plan is refused when it is not empty, naming what was changed outside Terraform (plan/drift.ts).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
env=$(environment_argument ENVIRONMENT)
unset ENVIRONMENT
regular_file ../plan/plan.json
regular_file ../plan/state.json
state=../plan/state.json
if [ ! -s "$state" ]; then state=none; fi
commit=()
if regular_file ../estate-head/sha; then commit=(--commit "$(head -c 40 ../estate-head/sha | tr -cd '0-9a-f')"); fi
project npm run -s snapshot-export -- "$env" ../plan/plan.json --state "$state" "${commit[@]}" --out ../snapshot/snapshot.json
project npm run -s drift -- "$env" ../plan/plan.json
