#!/usr/bin/env bash
# Main's stack check of the synthesized stack of each environment in ENVIRONMENTS, with no
# credential (ci/tasks/stack-check.yml). Each stack is copied first: the bytes the check reads are
# the bytes whose sha256 goes to checked/<env>.sha256, which every later reader compares. Exit 1 when
# any stack is refused (and checked/comment.md says which, for the pull request), 2 on usage.
here=$(cd "$(dirname "$0")" && pwd)
read -r -a envs <<< "${ENVIRONMENTS:-}"
unset ENVIRONMENTS
if [ "${#envs[@]}" -eq 0 ]; then
  echo "refused: ENVIRONMENTS names no environment (preview, staging, production)" >&2
  exit 2
fi
source "$here/common.sh"
for env in "${envs[@]}"; do ENVIRONMENT_NAME=$env; environment_argument ENVIRONMENT_NAME >/dev/null; done
unset ENVIRONMENT_NAME
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
refused=()
for env in "${envs[@]}"; do
  stack="../synthesized/stacks/$env/cdk.tf.json"
  if ! regular_file "$stack"; then
    refused+=("$env")
    continue
  fi
  mkdir "$copies/$env"
  cp "$stack" "$copies/$env/cdk.tf.json"
  status=0
  project npm run -s stack-check -- "$env" "$copies/$env/cdk.tf.json" || status=$?
  if [ "$status" -eq 0 ]; then
    sha=$(sha256sum < "$copies/$env/cdk.tf.json" | cut -c1-64)
    printf '%s\n' "$sha" > "../checked/$env.sha256"
    echo "stack-check: $env accepted, stack sha256 $sha"
  else
    echo "stack-check: $env REFUSED (exit $status)" >&2
    refused+=("$env")
  fi
done
if [ "${#refused[@]}" -gt 0 ]; then
  printf '%s\n' "<!-- notify-estate pr-plan -->" \
    "The stack check refused the synthesized stack of: ${refused[*]}. Nothing was planned. The stack-check step's log of this build says why." > ../checked/comment.md
  exit 1
fi
