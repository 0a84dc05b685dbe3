#!/usr/bin/env bash
# Every environment's stack, synthesized with no credential and no parameter (ci/tasks/synth.yml):
# each cdk.tf.json, a regular file, goes to the synthesized output and nothing else does; the sha256
# of each is printed.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
project npm run -s synth
for env in preview staging production; do
  stack="cdktf.out/stacks/$env/cdk.tf.json"
  regular_file "$stack"
  mkdir -p "../synthesized/stacks/$env"
  cp "$stack" "../synthesized/stacks/$env/cdk.tf.json"
  echo "stack $env sha256 $(sha256sum < "$stack" | cut -c1-64)"
done
