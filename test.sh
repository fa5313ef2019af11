#!/usr/bin/env bash
# Sets up Hub Desk with its test tools and runs the whole test suite headless.
# Arguments go to pytest, which runs in the checkout: test paths are relative to it
# (./test.sh tests/test_cli.py -x), wherever test.sh is started from.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/bootstrap.sh
# pdftotext reads reports back; the two validators check the .desktop entry and metainfo;
# postgresql gives the tests a throw-away server (tests/pg.py) and pg_dump/pg_restore.
bootstrap poppler-utils desktop-file-utils appstream postgresql

export QT_QPA_PLATFORM=offscreen
# A test file to a worker on each core: the suite takes half the time on two (a file's tests
# share its module fixtures and run in its order). Arguments given later win (-n 0).
exec "$VENV/bin/python" -m pytest -n auto --dist loadfile "$@"
