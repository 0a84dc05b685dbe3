#!/usr/bin/env bash
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
npm test
