# Sourced by the task scripts: the project installed clean, as on a fresh machine. Install scripts
# are skipped: nothing here needs them, and a dependency's install script must never run where a
# credential is in the environment.
set -euo pipefail
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cd estate
npm ci --ignore-scripts --no-audit --no-fund
