#!/usr/bin/env bash
# Plan, guard, apply exactly the guarded plan.
#  1. `cdktf diff` synthesizes and runs `terraform plan -out plan` in cdktf.out/stacks/<env> (taking
#     the S3 state lock); the saved plan is what the next steps judge and apply.
#  2. The plan guard refuses destroyed or replaced queues and apps and instances below a floor.
#  3. `terraform apply plan` applies that plan and nothing else: if the state moved since the plan,
#     Terraform refuses the stale plan instead of applying something nobody guarded.
# `cdktf deploy <env>` still works for people: it plans and applies in one interactive step.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
source "$here/artifact.sh"
stack="cdktf.out/stacks/$ENVIRONMENT"
npx cdktf diff "$ENVIRONMENT"
terraform -chdir="$stack" show -json plan > "$stack/plan.json"
npm run -s plan-guard -- "$ENVIRONMENT" "$stack/plan.json"
terraform -chdir="$stack" apply -input=false plan
