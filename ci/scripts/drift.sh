#!/usr/bin/env bash
# Scheduled, per environment: main's stacks as last deployed there, planned with the plan identity
# (never the lock, never applied). First the sanitized snapshot pull requests plan against is exported
# from that plan and the state (offline/snapshot.ts: no secret value leaves, placeholders instead), then
# the plan is refused when it is not empty, naming what was changed outside Terraform (plan/drift.ts).
# The JSON plan and the state hold secrets in plain text: both only ever go through pipes.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
source "$here/plan-in-memory.sh"
source "$here/artifact.sh"
export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"
npm run -s synth >/dev/null
stack="cdktf.out/stacks/$ENVIRONMENT"
terraform -chdir="$stack" init -input=false
terraform -chdir="$stack" plan -input=false -lock=false -out="$plans/plan"
terraform -chdir="$stack" show -json "$plans/plan" | npm run -s snapshot-export -- "$ENVIRONMENT" - --state <(terraform -chdir="$stack" state pull) --commit "$(git rev-parse HEAD)" --out ../snapshot/snapshot.json
terraform -chdir="$stack" show -json "$plans/plan" | npm run -s drift -- "$ENVIRONMENT" -
