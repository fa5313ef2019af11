#!/usr/bin/env bash
# Sets up Hub Desk (system libraries, virtual environment) and starts it on a demo database.
set -euo pipefail
# The caller's relative names (HUBAPP_DEMO_DB, "-o today.pdf") are the caller's: the setup runs
# in the checkout, the app back where it was started (it finds its resources by itself).
caller="$PWD"
if [ -n "${HUBAPP_DEMO_DB:-}" ]; then HUBAPP_DEMO_DB="$(realpath -m -- "$HUBAPP_DEMO_DB")"; fi
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
cd "$caller"
exec "$VENV/bin/hubapp" --db "$DEMO_DB" "$@"
