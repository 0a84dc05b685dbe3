#!/usr/bin/env bash
# Main's plan guard on the deploy's saved plan, with no credential (ci/tasks/plan-guard.yml). It
# reads the plan's JSON (the deploy-plan task wrote both in this build); when the guard passes, the
# sha256 of the saved plan goes to verdict/tfplan.sha256, and the deploy-apply task applies only a
# plan with that hash. The JSON must be byte for byte the same after the guard as before.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
env=$(environment_argument ENVIRONMENT)
unset ENVIRONMENT
regular_file ../plan/tfplan
regular_file ../plan/plan.json
plan_sha=$(sha256sum < ../plan/tfplan | cut -c1-64)
json_sha=$(sha256sum < ../plan/plan.json | cut -c1-64)
project npm run -s plan-guard -- "$env" ../plan/plan.json
if [ "$(sha256sum < ../plan/plan.json | cut -c1-64)" != "$json_sha" ]; then
  echo "refused: the plan's JSON changed while the guard read it" >&2
  exit 1
fi
printf '%s\n' "$plan_sha" > ../verdict/tfplan.sha256
echo "plan guard ($env) accepted the saved plan sha256 $plan_sha (its JSON sha256 $json_sha)"
