#!/usr/bin/env bash
# Main's binding-params on the state the apply left, with no credential (ci/tasks/binding-params.yml):
# every null binding param of an app set to "{}" and nothing else, to settled/settled.tfstate, written
# only when something changes. Without it, provider 1.16.0 plans every adopted or newly bound app
# again at every plan, a full push each time (docs/adoption-under-the-real-provider.md;
# cloudfoundry/terraform-provider-cloudfoundry#369).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
regular_file ../state/state.json
project npm run -s binding-params -- ../state/state.json ../settled/settled.tfstate
