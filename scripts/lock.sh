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
freeze "$work/build" "[build]" >"$work/build.txt"
freeze "$work/test" "[test,build]" >"$work/test.txt"
{
    echo "# Exact versions of everything the app needs (and the build backend for the editable install)."
    echo "# Regenerate with scripts/lock.sh after changing pyproject.toml."
    cat "$work/app.txt"
} >requirements/app.txt
{
    echo "# Exact versions of the app's packages plus the packaging tools (PyInstaller), for packaging/build.sh."
    echo "-r app.txt"
    grep -vxFf "$work/app.txt" "$work/build.txt"
    # setuptools, which PyInstaller needs, is left out by pip freeze
    "$work/build/bin/pip" list --format=freeze 2>/dev/null | grep '^setuptools=='
} >requirements/build.txt
{
    echo "# Exact versions of the app's packages, the packaging tools (the tests build the app) and the test and lint tools."
    echo "-r build.txt"
    grep -vxFf "$work/build.txt" "$work/test.txt" | grep -vxFf "$work/app.txt"
} >requirements/test.txt
echo "requirements/app.txt, build.txt and test.txt updated"
