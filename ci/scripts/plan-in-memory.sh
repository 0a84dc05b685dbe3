# Sourced by the scripts that save a plan: a saved plan holds, in plain text, every secret the plan
# read, so it lives in memory (tmpfs) only and is removed however the script ends. $plans is the
# directory to save it in.
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" != tmpfs ]; then
  echo "refused: /dev/shm is not a tmpfs here, and a saved plan (it holds secrets) must never reach a disk" >&2
  exit 1
fi
plans=$(mktemp -d /dev/shm/notify-plan.XXXXXX)
trap 'rm -rf "$plans"' EXIT
