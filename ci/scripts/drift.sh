#!/usr/bin/env bash
# Scheduled, per environment: main's stacks as last deployed there, planned with the read-only plan
# identity (never the lock, never applied), and refused when the plan is not empty, naming what was
# changed outside Terraform (tools/drift.ts).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
source "$here/plan-in-memory.sh"
source "$here/artifact.sh"
export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"
npm run -s synth >/dev/null
stack="cdktf.out/stacks/$ENVIRONMENT"
terraform -chdir="$stack" init -input=false
terraform -chdir="$stack" plan -input=false -lock=false -out="$plans/plan"
terraform -chdir="$stack" show -json "$plans/plan" | npm run -s drift -- "$ENVIRONMENT" -
