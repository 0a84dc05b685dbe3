#!/usr/bin/env bash
# A pull request's synthesis, with no credentials: the stacks go to the synthesized output.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
npm run -s synth
cp -R cdktf.out/. ../synthesized/
