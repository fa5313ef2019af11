#!/usr/bin/env bash
# Sets up Hub Desk with its test tools and runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/bootstrap.sh
# pdftotext reads reports back; the two validators check the .desktop entry and metainfo;
# postgresql gives the tests a throw-away server (tests/pg.py) and pg_dump/pg_restore.
bootstrap poppler-utils desktop-file-utils appstream postgresql

export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
