#!/usr/bin/env bash
# Builds the bundle and runs it as a desk would, headless: --version, demo, check, report daily;
# then against a throw-away PostgreSQL server on loopback: migrate-to, check, stats, report
# daily, and the window logging in with the password kept in the system keyring.
# Slow (a few minutes), so ./test.sh does not run it. It installs PostgreSQL, gnome-keyring and
# D-Bus when missing; where they cannot run, those steps say "skipped:" and pass.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/bootstrap.sh  # $VENV: its keyring stores the password the bundle must find
# What the server and keyring steps run on, installed when missing like ./test.sh does.
bootstrap poppler-utils postgresql gnome-keyring dbus
packaging/build.sh

bundle="$PWD/dist/hubapp/hubapp"
internal="$PWD/dist/hubapp/_internal"
work="$(mktemp -d)"
pg_bin="" pg_root="" bus_pid="" window_pid=""

as_postgres() {  # initdb refuses root: as root the server runs as Debian's postgres user
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
cleanup() {
    if [ -n "$window_pid" ]; then kill "$window_pid" 2>/dev/null || true; fi
    if [ -n "$pg_root" ]; then
        as_postgres "$pg_bin/pg_ctl" stop -m immediate -D "$pg_root/data" >/dev/null 2>&1 || true
        rm -rf "$pg_root"
    fi
    # gnome-keyring-daemon leaves with its session bus.
    if [ -n "$bus_pid" ]; then kill "$bus_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
passed() {
    echo "Smoke test passed; the bundle is $(du -sh "$(dirname "$bundle")" | cut -f1)"
    exit 0
}
# Away from the checkout, so nothing can come from the source tree instead of the bundle;
# HOME too, and no PG* password settings, so nothing but this script's own can log in.
cd "$work"
export HOME="$work" QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" \
       XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
       XDG_RUNTIME_DIR="$work/runtime"
unset PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE
mkdir -m 700 "$XDG_RUNTIME_DIR"

want="hubapp $(sed -n 's/^version = "\(.*\)"$/\1/p' "$OLDPWD/pyproject.toml")"
got="$("$bundle" --version)"
[ "$got" = "$want" ] || { echo "FAIL: --version said '$got', pyproject.toml says '$want'"; exit 1; }
echo "ok: $got"

"$bundle" demo --db demo.db --days 3 --end 2026-03-05
"$bundle" check --db demo.db >/dev/null
echo "ok: demo database made and checked"

is_pdf() { [ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ]; }
for lang in en zh; do
    "$bundle" report daily --date 2026-03-05 --db demo.db -o "daily-$lang.pdf" --lang "$lang"
    is_pdf "daily-$lang.pdf" || { echo "FAIL: report daily --lang $lang wrote no PDF"; exit 1; }
    echo "ok: report daily --lang $lang wrote a PDF of $(stat -c %s "daily-$lang.pdf") bytes"
done
# The Chinese report needs the bundle's translations and a system CJK font.
if command -v pdftotext >/dev/null; then
    pdftotext daily-zh.pdf - | grep -q "汇总" \
        || { echo "FAIL: the Chinese report has no Chinese text"; exit 1; }
    echo "ok: the Chinese report reads in Chinese"
else
    echo "skipped: reading the Chinese report (no pdftotext: Debian's poppler-utils)"
fi

# keyring finds its backends through its entry points, which need its metadata in the bundle
# (PyInstaller's own hook-keyring copies it); without them every desk says "no keyring".
grep -qs "^SecretService = keyring.backends.SecretService" \
    "$internal"/keyring-*.dist-info/entry_points.txt \
    || { echo "FAIL: the bundle lacks keyring's entry points (its dist-info)"; exit 1; }
echo "ok: keyring's backends are listed in the bundle's keyring metadata"

pg_ctl_path="$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)"
# A pg_ctl on PATH may be a link into Debian's folder, which holds psql and the rest.
pg_ctl_path="${pg_ctl_path:-$(readlink -f "$(command -v pg_ctl)" || true)}"
if [ -z "$pg_ctl_path" ]; then
    echo "skipped: the server steps (PostgreSQL is not installed: no pg_ctl in" \
         "/usr/lib/postgresql/*/bin or on PATH; ./test.sh installs Debian's postgresql)"
    passed
fi
pg_bin="$(dirname "$pg_ctl_path")"
pg_root="$(mktemp -d -t hubapp-pg-XXXXXX)"
mkdir "$pg_root/data" "$pg_root/run"  # run: the socket and the server's log
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pg_root/data" "$pg_root/run"
    chmod 755 "$pg_root"
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')"
# Trust on the socket (this script's own setup); a password over TCP, as desks log in, so that
# the window's step below can only connect with the password from the keyring.
as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U hubtest --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; echo "FAIL: initdb"; exit 1; }
# No durability needed: fsync off makes createdb and the commits quick.
options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_root/run"
options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
as_postgres "$pg_bin/pg_ctl" start -w -t 60 -D "$pg_root/data" -l "$pg_root/run/server.log" \
    -o "$options" >/dev/null \
    || { cat "$pg_root/run/server.log"; echo "FAIL: the PostgreSQL server did not start"; exit 1; }
psql_admin() {
    as_postgres "$pg_bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pg_root/run" -p "$port" \
        -U hubtest -d postgres "$@"
}
password="smoke-$RANDOM$RANDOM"
psql_admin -c "ALTER ROLE hubtest PASSWORD '$password'"
as_postgres "$pg_bin/createdb" -h "$pg_root/run" -p "$port" -U hubtest hub
url="postgresql://hubtest@127.0.0.1:$port/hub"
echo "ok: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# The commands read the password from a pgpass file, as README tells scripts to.
# PSYCOPG_IMPL=binary: psycopg would otherwise fall back to the system's libpq when the
# bundle lacked psycopg_binary, and pass here but fail on a desk without libpq.
printf '127.0.0.1:%s:hub:hubtest:%s\n' "$port" "$password" >pgpass
chmod 600 pgpass
on_server() { PGPASSFILE="$work/pgpass" PSYCOPG_IMPL=binary "$bundle" "$@"; }
on_server migrate-to "$url" --db demo.db
on_server check --db "$url" >/dev/null
echo "ok: migrate-to copied demo.db to the server (psycopg_binary) and check passed there"
stats=(stats --from 2026-03-03 --to 2026-03-05 --by route --format csv)
[ "$(on_server "${stats[@]}" --db "$url")" = "$("$bundle" "${stats[@]}" --db demo.db)" ] \
    || { echo "FAIL: stats on the server differ from the file's"; exit 1; }
echo "ok: stats on the server equal the file's"
on_server report daily --date 2026-03-05 --db "$url" -o daily-server.pdf --lang en
is_pdf daily-server.pdf || { echo "FAIL: report daily on the server wrote no PDF"; exit 1; }
echo "ok: report daily on the server wrote a PDF of $(stat -c %s daily-server.pdf) bytes"

# The window: a desk that chose the server and kept its password in the keyring (what Connect
# to server… does) starts, logs in with the keyring's password, and no other.
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-daemon >/dev/null; then
    echo "skipped: the window's keyring login (needs a Secret Service: Debian's gnome-keyring" \
         "and dbus)"
    passed
fi
bus="$(dbus-daemon --session --fork --print-address=1 --print-pid=1)"
export DBUS_SESSION_BUS_ADDRESS="${bus%%$'\n'*}"
bus_pid="${bus##*$'\n'}"
printf 'smoke' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# The checkout's code stores both the way the window does, so the entry's name cannot drift.
"$VENV/bin/python" - "$url" "$password" <<'EOF'
import sys

from hubapp.ui.app import make_application
from hubapp.ui.desk_database import keep_password, remember_target

url, password = sys.argv[1:]
make_application([])  # QSettings' organisation and application names
remember_target(url)
if not keep_password(url, password):
    sys.exit("FAIL: the keyring (gnome-keyring) took no password")
EOF
PSYCOPG_IMPL=binary "$bundle" >window.log 2>&1 &
window_pid=$!
for _ in $(seq 60); do
    logged_in="$(psql_admin -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'hub'
                                AND client_addr IS NOT NULL")"
    [ "$logged_in" = 0 ] && kill -0 "$window_pid" 2>/dev/null || break
    sleep 1
done
if [ "$logged_in" = 0 ]; then
    cat window.log; tail -n 5 "$pg_root/run/server.log"
    echo "FAIL: the window did not log in to the server with the keyring's password"
    exit 1
fi
kill "$window_pid"
wait "$window_pid" 2>/dev/null || true
window_pid=""
echo "ok: the window logged in to the server with the password from the keyring"
passed
