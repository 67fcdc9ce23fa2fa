# Shared by scripts/run-app.sh and scripts/test.sh: system packages, Python, the virtual environment.
# shellcheck shell=bash

# Qt's xcb/offscreen platforms and fonts, on a lean Debian machine.
RUNTIME_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
  libglib2.0-0 libpulse0 fonts-dejavu-core"
# Tests also drive the real program on a virtual screen and check PDFs.
TEST_PACKAGES="xvfb xauth poppler-utils qpdf"

missing_debian_packages() {
    local wanted=$1 missing="" pkg
    command -v dpkg-query >/dev/null 2>&1 || return 0
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    echo "$missing"
}

ensure_debian_packages() {
    local missing
    missing=$(missing_debian_packages "$1")
    [ -z "${missing// /}" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Some system packages are missing. Install them with:" >&2
        echo "  sudo apt-get install$missing" >&2
    fi
}

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_python() {
    local python
    if ! python=$(find_python) || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
        ensure_debian_packages "python3 python3-venv"
        python=$(find_python) || { echo "Python 3.11 or newer is needed (set PYTHON=/path/to/python3)" >&2; exit 1; }
    fi
    echo "$python"
}

# ensure_venv LOCK: .venv with the locked packages of requirements/LOCK.txt and the app itself (editable).
ensure_venv() {
    local lock=requirements/$1.txt python want stamp=.venv/.installed-$1
    want=$(cat requirements/*.txt pyproject.toml | sha256sum | cut -c1-16)
    if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    python=$(ensure_python)
    [ -x .venv/bin/python ] || "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
    echo "$want" >"$stamp"
}
