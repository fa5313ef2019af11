#!/usr/bin/env bash
# Sets up Hub Desk (system libraries, virtual environment) and starts it on a demo database.
set -euo pipefail
# First: over ssh it made the environment and two years of demo traffic (minutes on a fresh
# checkout) before saying so.
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: start ./run.sh from a desktop session." >&2
    exit 1
fi
# The caller's relative names (HUBAPP_DEMO_DB, "-o today.pdf") are the caller's: the setup runs
# in the checkout, the app back where it was started (it finds its resources by itself).
caller="$PWD"
if [ -n "${HUBAPP_DEMO_DB:-}" ]; then HUBAPP_DEMO_DB="$(realpath -m -- "$HUBAPP_DEMO_DB")"; fi
cd "$(dirname "$0")"
source packaging/bootstrap.sh
bootstrap

# A database of the caller's own (./run.sh --db hub.db) is opened instead of the demo: two
# --db would be refused.
own_db=""
for arg in "$@"; do case "$arg" in --db | --db=*) own_db=1 ;; esac; done
DEMO_DB="${HUBAPP_DEMO_DB:-$PWD/.demo/hubdesk-demo.db}"
if [ -z "$own_db" ] && [ ! -s "$DEMO_DB" ]; then
    mkdir -p "$(dirname "$DEMO_DB")"
    echo "Making a demo database with two years of traffic: $DEMO_DB"
    "$VENV/bin/hubapp" demo --db "$DEMO_DB" --days 760
fi
cd "$caller"
if [ -n "$own_db" ]; then exec "$VENV/bin/hubapp" "$@"; fi
exec "$VENV/bin/hubapp" --db "$DEMO_DB" "$@"
