#!/usr/bin/env bash
# Sets up Hub Desk with its test tools and runs the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/bootstrap.sh
bootstrap poppler-utils

export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
