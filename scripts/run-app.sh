#!/usr/bin/env bash
# Install what the app needs (system libraries when run as root, pinned Python packages in .venv), then run it.
# Arguments are passed on: scripts/run-app.sh --data-dir /tmp/demo, scripts/run-app.sh checklist list
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
ensure_debian_packages "$RUNTIME_PACKAGES"
ensure_venv app
exec .venv/bin/safety-assess "$@"
