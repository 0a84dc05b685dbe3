# Sourced by the task scripts: the project installed clean, as on a fresh machine.
set -euo pipefail
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cd estate
npm ci --no-audit --no-fund
