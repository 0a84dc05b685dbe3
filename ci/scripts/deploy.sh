#!/usr/bin/env bash
# Plan, guard, apply exactly the guarded plan, with the environment's deploy identity. Main only.
#  1. main's stacks are synthesized and Terraform plans one of them into a saved plan.
#  2. The plan guard reads `terraform show -json` of that plan from a pipe: the JSON plan holds every
#     secret in plain text, so it never touches a disk.
#  3. `terraform apply` applies that plan and nothing else: if the state moved since the plan,
#     Terraform refuses the stale plan instead of applying something nobody guarded.
#  4. The state is settled: a refresh-only apply (only the state changes: it takes in the bindings the
#     apply made), then every null binding param of an app is set to "{}" and nothing else, pushed as
#     the next serial. Without it, provider 1.16.0 plans every adopted or newly bound app again at every
#     plan, a full push each time (docs/adoption-under-the-real-provider.md; cloudfoundry/terraform-provider-cloudfoundry#369). The
#     state is piped, never written to a disk; the settled copy lives in tmpfs with the plan.
# The saved plan itself also holds the secrets the plan read: plan-in-memory.sh keeps it in tmpfs.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
source "$here/plan-in-memory.sh"
source "$here/artifact.sh"
export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"
npm run -s synth
stack="cdktf.out/stacks/$ENVIRONMENT"
terraform -chdir="$stack" init -input=false
terraform -chdir="$stack" plan -input=false -out="$plans/plan"
terraform -chdir="$stack" show -json "$plans/plan" | npm run -s plan-guard -- "$ENVIRONMENT" -
terraform -chdir="$stack" apply -input=false "$plans/plan"
terraform -chdir="$stack" apply -refresh-only -auto-approve -input=false
terraform -chdir="$stack" state pull | npm run -s binding-params -- - "$plans/settled.tfstate"
if [ -f "$plans/settled.tfstate" ]; then terraform -chdir="$stack" state push "$plans/settled.tfstate"; fi
