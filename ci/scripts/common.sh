# Sourced by the task scripts that run the project's code, none of which holds a credential: the
# project installed clean, as on a fresh machine. Install scripts are skipped: nothing here needs
# them, and a dependency's install script must never run where anything is worth taking.
# The project's code runs through `project`, whose environment holds PATH, HOME and the two
# settings below and nothing else: no parameter of the task, so nothing that says which job it is in.
# The environment a task is about is an argument to the command: `environment_argument NAME`
# prints the value of the variable NAME when it is an environment's name, and refuses (exit 2)
# otherwise.
set -euo pipefail
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
project() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 "$@"
}
environment_argument() {
  local value="${!1:-}"
  case "$value" in
    preview | staging | production) printf '%s' "$value" ;;
    *)
      echo "refused: $1 is \"$value\", not preview, staging or production" >&2
      exit 2
      ;;
  esac
}
# A file another task of this build wrote, read only when it is a regular file (not a link to one).
regular_file() {
  if [ -L "$1" ] || [ ! -f "$1" ]; then
    echo "refused: $1 is not a regular file of this build" >&2
    return 1
  fi
}
cd estate
project npm ci --ignore-scripts --no-audit --no-fund
