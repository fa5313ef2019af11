#!/usr/bin/env bash
# Builds Hub Desk as a one-folder bundle in dist/hubapp/ (Linux; start it as dist/hubapp/hubapp).
# Sets up the project's virtual environment first, then adds PyInstaller (the `packaging` extra).
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/bootstrap.sh
bootstrap

stamp="$VENV/.hubapp-packaging-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "Installing PyInstaller into $VENV"
    "$VENV/bin/python" -m pip install -q -e ".[test,packaging]"
    echo "$want" > "$stamp"
fi

QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/hubapp.spec
echo "Built dist/hubapp/ ($(du -sh dist/hubapp | cut -f1)); start it with dist/hubapp/hubapp"
