#!/usr/bin/env bash
# A pull request's plan of one environment, run by main's copy of this script with the read-only plan
# identity. The pull request's program never runs here: the synth task ran it without credentials.
# Only its stack's cdk.tf.json is taken, into an empty directory (no .terraform/, no override files,
# no CLI config of the pull request's), and only after main's tools have compared it with main's own
# synthesis of the same environment (tools/trusted-stack.ts): same providers, provider settings and
# backend, no resource or data source type main does not use, no nonsensitive(), no provisioners.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
npm run -s synth >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "../synthesized/stacks/$ENVIRONMENT/cdk.tf.json" "$work/cdk.tf.json"
npm run -s trusted-stack -- "$ENVIRONMENT" "$work/cdk.tf.json" "cdktf.out/stacks/$ENVIRONMENT/cdk.tf.json"
source "$here/artifact.sh"
# Terraform may install only the two providers the stacks use (aws from the image's mirror).
export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"
terraform -chdir="$work" init -input=false
# Never the state lock: a pull request's plan must not hold up a deploy (and this identity cannot
# write the lock file). No -out: nothing of this plan is saved.
terraform -chdir="$work" plan -input=false -lock=false
