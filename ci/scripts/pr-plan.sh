#!/usr/bin/env bash
# A pull request's plans, run by main's copy of this script with no credential at all: the pull
# request's synthesized stacks are its only content read here, each only with the sha256 the stack
# check accepted in this build, each through the strict JSON reader, and planned offline by real
# Terraform against the environment's sanitized snapshot (npm run pr-plan). The comment is written
# first as a fallback, so that every push gets one, and ends with each planned stack's sha256: a
# deploy prints the sha256 of the stack it applies. Exit 1 when any environment's plan is refused or
# missing; the comment says which.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
comment=../comment
echo "<!-- notify-estate pr-plan -->
The pull-request plans did not finish: see the pr-plan step's log of this build." > "$comment/comment.md"
head=""
if regular_file ../pull-request-head/sha; then head=$(head -c 40 ../pull-request-head/sha | tr -cd '0-9a-f'); fi
project npm run -s synth >/dev/null
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
status=0
results=()
hashes=""
for env in preview staging production; do
  stack="../synthesized/stacks/$env/cdk.tf.json"
  accepted="../checked/$env.sha256"
  if ! regular_file "$stack" || ! regular_file "$accepted"; then
    status=1
    continue
  fi
  mkdir "$copies/$env"
  cp "$stack" "$copies/$env/cdk.tf.json"
  sha=$(sha256sum < "$copies/$env/cdk.tf.json" | cut -c1-64)
  if [ "$sha" != "$(head -c 64 "$accepted")" ]; then
    echo "refused: the stack of $env (sha256 $sha) is not the one the stack check accepted in this build" >&2
    status=1
    continue
  fi
  project npm run -s pr-plan -- "$env" "$copies/$env/cdk.tf.json" \
    --snapshot "../snapshot-$env/snapshot.json" --reference "cdktf.out/stacks/$env/cdk.tf.json" \
    --result "$comment/$env.json" || status=1
  if [ -f "$comment/$env.json" ]; then results+=("$comment/$env.json"); fi
  hashes+="| $env | \`$sha\` |"$'\n'
done
if [ "${#results[@]}" -gt 0 ]; then
  project npm run -s pr-comment -- "${results[@]}" --commit "${head:-unknown}" --out "$comment/comment.md" >/dev/null
fi
if [ -n "$hashes" ]; then
  table=$'\n'"sha256 of each stack planned here (cdk.tf.json). A deploy prints the sha256 of the stack it applies before it plans: the same tree synthesizes the same stack."$'\n\n'"| environment | stack sha256 |"$'\n'"|---|---|"$'\n'"$hashes"
  # GitHub refuses a comment over 65,536 characters: pr-comment cuts to that, and the table is
  # added only where it fits (it is in this log either way).
  printf '%s' "$table"
  if [ $(($(wc -c < "$comment/comment.md") + ${#table})) -le 65536 ]; then printf '%s' "$table" >> "$comment/comment.md"; fi
fi
exit $status
