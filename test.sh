#!/usr/bin/env bash
# Sets up Hub Desk with its test tools and runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/bootstrap.sh
# pdftotext reads reports back; the two validators check the .desktop entry and metainfo.
bootstrap poppler-utils desktop-file-utils appstream

export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
