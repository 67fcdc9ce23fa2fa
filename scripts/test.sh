#!/usr/bin/env bash
# Install everything the tests need (system packages when run as root, pinned Python packages in .venv),
# then run the linter, the type checker and every test (unit, GUI offscreen, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
ensure_debian_packages "$RUNTIME_PACKAGES $TEST_PACKAGES"
ensure_venv test
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
