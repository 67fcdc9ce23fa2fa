#!/usr/bin/env bash
# Re-resolve the pinned package sets in requirements/ from pyproject.toml, in throwaway environments.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-python3}
freeze() {  # freeze VENV EXTRA
    "$python" -m venv "$1"
    "$1/bin/pip" install --quiet hatchling editables
    "$1/bin/pip" install --quiet --no-build-isolation -e ".$2"
    "$1/bin/pip" freeze --exclude-editable | grep -v '^safety-assess'
}
freeze "$work/app" "" >"$work/app.txt"
freeze "$work/test" "[test]" >"$work/test.txt"
{
    echo "# Exact versions of everything the app needs (and the build backend for the editable install)."
    echo "# Regenerate with scripts/lock.sh after changing pyproject.toml."
    cat "$work/app.txt"
} >requirements/app.txt
{
    echo "# Exact versions of the app's packages plus the test and lint tools."
    echo "-r app.txt"
    grep -vxFf "$work/app.txt" "$work/test.txt"
} >requirements/test.txt
echo "requirements/app.txt and requirements/test.txt updated"
