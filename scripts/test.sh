#!/usr/bin/env bash
# Install everything the tests need (system packages when run as root, pinned Python packages in .venv),
# then run the linter, the type checker and every test (unit, GUI offscreen, end-to-end); then the storage,
# import and district tests again on a throwaway local PostgreSQL server; then build the packaged app and self-test it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
ensure_debian_packages "$RUNTIME_PACKAGES $TEST_PACKAGES"
ensure_venv test
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== import contracts"
.venv/bin/lint-imports --no-cache
# Given arguments choose the tests to run: then only those run, on SQLite, as pytest is given them.
if [ $# -gt 0 ]; then
    echo "== pytest"
    exec .venv/bin/python -m pytest "$@"
fi
# The whole run: tests in parallel on every core (pytest-xdist; each worker has its own temporary folders and, on
# PostgreSQL, its own databases). TEST_WORKERS=0 runs them in this one process.
parallel=(-n "${TEST_WORKERS:-auto}")
echo "== pytest"
.venv/bin/python -m pytest "${parallel[@]}"
echo "== pytest on PostgreSQL"
start_test_postgres
if [ -n "${SAFETY_ASSESS_TEST_POSTGRES:-}" ]; then
    .venv/bin/python -m pytest "${parallel[@]}" --postgres \
        tests/unit/storage tests/unit/bundles tests/unit/services tests/e2e/test_district_cli.py tests/gui/district \
        tests/e2e/test_device_cli.py tests/e2e/test_photo_upload_cli.py tests/e2e/test_team_cli.py \
        tests/e2e/test_team_merge_cli.py tests/gui/team tests/gui/test_photo_upload.py tests/gui/test_settings_devices.py \
        tests/e2e/test_drill_cli.py tests/gui/drills tests/e2e/test_late_work_cli.py tests/e2e/test_team_instances_cli.py \
        tests/e2e/test_team_pack_ids_cli.py tests/gui/walkthrough/test_shared_thumbnails.py tests/e2e/test_check_cli.py \
        tests/gui/spot_checks tests/e2e/test_targets_cli.py
fi
echo "== packaged app"
bash packaging/build.sh
