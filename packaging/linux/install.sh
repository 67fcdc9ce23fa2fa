#!/usr/bin/env bash
# Install the built one-folder app (dist/safety-assess) for the current user: the app in ~/.local/opt, the command
# in ~/.local/bin, the menu entry and icons in ~/.local/share. Run again to update; remove with --uninstall.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
app=$HOME/.local/opt/safety-assess
if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app" "$HOME/.local/bin/safety-assess" "$prefix/applications/safety-assess.desktop"
    find "$prefix/icons/hicolor" -name safety-assess.png -delete 2>/dev/null || true
    echo "Safety Assess removed (your data folder was kept)"
    exit 0
fi
[ -x dist/safety-assess/safety-assess ] || { echo "build it first: bash packaging/build.sh" >&2; exit 1; }
mkdir -p "$app" "$HOME/.local/bin" "$prefix/applications"
rm -rf "$app.new" && cp -a dist/safety-assess "$app.new" && rm -rf "$app" && mv "$app.new" "$app"
ln -sf "$app/safety-assess" "$HOME/.local/bin/safety-assess"
for png in resources/icons/png/safety-assess-*.png; do
    size=${png##*-}; size=${size%.png}
    mkdir -p "$prefix/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$prefix/icons/hicolor/${size}x${size}/apps/safety-assess.png"
done
sed "s|^Exec=.*|Exec=$app/safety-assess|" packaging/linux/safety-assess.desktop >"$prefix/applications/safety-assess.desktop"
echo "Safety Assess installed: $app (menu entry and ~/.local/bin/safety-assess)"
