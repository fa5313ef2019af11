#!/usr/bin/env bash
# Removes what packaging/install.sh put into PREFIX, as its PREFIX/lib/hubapp/INSTALLED_FILES
# lists, and nothing else: never the hub's data, which is each user's ~/.local/share/hubapp
# (the database and its backups), inside a ~/.local install's share/ beside the menu entry.
# Usage: sudo packaging/uninstall.sh [PREFIX]   (default /usr/local)
#        packaging/uninstall.sh ~/.local
set -euo pipefail
prefix="$(realpath -m -- "${1:-/usr/local}")"
cd "$(dirname "$0")/.."
source packaging/desktop_caches.sh
manifest="$prefix/lib/hubapp/INSTALLED_FILES"
[ -f "$manifest" ] || {
    echo "No $manifest: Hub Desk was not installed there, or by an install.sh older than" \
         "uninstall.sh (install it again, then uninstall)" >&2
    exit 1
}
[ -w "$prefix/lib" ] || {
    echo "Cannot write to $prefix/lib: run with sudo" >&2
    exit 1
}
mapfile -t installed < "$manifest"
for path in "${installed[@]}"; do
    # Every path checked before any is removed: one that leads out of PREFIX is no install.sh's.
    case "/$path/" in
        //* | */./* | */../*)
            echo "$manifest lists '$path', which install.sh never puts: nothing removed" >&2
            exit 1 ;;
    esac
done
for path in "${installed[@]}"; do
    rm -rf -- "$prefix/$path"
done
refresh_desktop_caches "$prefix/share"
echo "Removed Hub Desk from $prefix; each user's hub data (~/.local/share/hubapp) is kept"
