#!/usr/bin/env bash
# A pull request's plans, run by main's copy of this script with no credential at all: the
# pull request's synthesized stacks are its only content read here, each through the strict JSON
# reader, and planned offline by real Terraform against the environment's sanitized snapshot
# (npm run pr-plan). The comment is written first as a fallback, so that every push gets one.
# Exit 1 when any environment's plan is refused or missing; the comment says which.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
comment=../comment
echo "<!-- notify-estate pr-plan -->
The pull-request plans did not finish: see the pr-plan step's log of this build." > "$comment/comment.md"
head=$(head -c 40 ../pull-request/.git/resource/head_sha | tr -cd '0-9a-f')
npm run -s synth >/dev/null
status=0
for env in preview staging production; do
  npm run -s pr-plan -- "$env" "../synthesized/stacks/$env/cdk.tf.json" \
    --snapshot "../snapshot-$env/snapshot.json" --reference "cdktf.out/stacks/$env/cdk.tf.json" \
    --result "$comment/$env.json" || status=1
done
npm run -s pr-comment -- "$comment/preview.json" "$comment/staging.json" "$comment/production.json" --commit "${head:-unknown}" --out "$comment/comment.md" >/dev/null
exit $status
