#!/usr/bin/env bash
# Sets up Hub Desk (system libraries, virtual environment) and starts it on a demo database.
set -euo pipefail
cd "$(dirname "$0")"
source packaging/bootstrap.sh
bootstrap

DEMO_DB="${HUBAPP_DEMO_DB:-$PWD/.demo/hubdesk-demo.db}"
if [ ! -s "$DEMO_DB" ]; then
    mkdir -p "$(dirname "$DEMO_DB")"
    echo "Making a demo database with two years of traffic: $DEMO_DB"
    "$VENV/bin/hubapp" demo --db "$DEMO_DB" --days 760
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: start ./run.sh from a desktop session." >&2
    exit 1
fi
exec "$VENV/bin/hubapp" --db "$DEMO_DB" "$@"
