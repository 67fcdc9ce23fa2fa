#!/usr/bin/env bash
# Build the one-folder Linux app into dist/safety-assess/ with PyInstaller (packaging/safety-assess.spec), then run
# its --self-test. Prints the build time and size. Windows and macOS: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
# PyInstaller reads and edits binaries with binutils; the app's Qt needs its runtime libraries to self-test.
ensure_debian_packages "$RUNTIME_PACKAGES binutils"
[ -x .venv/bin/pyinstaller ] || ensure_venv build
if [ "$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')" = /usr ]; then  # Debian's Python: its shared library
    ensure_debian_packages "lib$(.venv/bin/python -c 'import sys; print("python%d.%d" % sys.version_info[:2])')"
fi
began=$(date +%s)
rm -rf dist/safety-assess
.venv/bin/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build/pyinstaller \
    packaging/safety-assess.spec
cp packaging/linux/safety-assess.desktop resources/icons/png/safety-assess-256.png dist/safety-assess/
echo "built dist/safety-assess in $(($(date +%s) - began)) s: $(du -sh dist/safety-assess | cut -f1)" \
    "($(find dist/safety-assess -type f | wc -l) files)"
dist/safety-assess/safety-assess --self-test
