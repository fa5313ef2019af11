#!/usr/bin/env bash
# Installs the built bundle (dist/hubapp/) with its menu entry and icons.
# Usage: sudo packaging/install.sh [PREFIX]   for every user of this machine (default /usr/local)
#        packaging/install.sh ~/.local        for yourself only, without root
# The bundle goes to PREFIX/lib/hubapp, the command to PREFIX/bin/hubapp; every path it puts is
# listed in PREFIX/lib/hubapp/INSTALLED_FILES, which packaging/uninstall.sh [PREFIX] removes.
set -euo pipefail
# What it installs is every user's to read and run, whatever the installer's umask.
umask 022
# Absolute before the cd: a relative PREFIX is the caller's, not the checkout's, and the
# command's symlink must not point relative to PREFIX/bin.
prefix="$(realpath -m -- "${1:-/usr/local}")"
cd "$(dirname "$0")/.."
source packaging/desktop_caches.sh
[ -x dist/hubapp/hubapp ] || { echo "No bundle: run packaging/build.sh first" >&2; exit 1; }
launcher="$prefix/bin/hubapp"
case "$launcher" in
    # The menu entry names it by its path in quotes, inside which these would need escaping.
    *[[:cntrl:]\"\`\$\\%\|\&]*)
        echo "Choose a prefix without any of \" \` \$ \\ % | &: $prefix" >&2
        exit 1 ;;
esac
# Another program's hubapp there (pip install --user's, in ~/.local/bin) was replaced without a
# word, and uninstall.sh then removed it: only this bundle's own link is replaced.
if [ -e "$launcher" ] || [ -L "$launcher" ]; then
    # As paths, not as spelled: an older install.sh wrote the prefix as given (PREFIX//lib).
    if [ ! -L "$launcher" ] || [ "$(cd "$prefix/bin" && realpath -m -- "$(readlink -- \
            "$launcher")")" != "$(realpath -m -- "$prefix/lib/hubapp/hubapp")" ]; then
        echo "$launcher is there already and is not this bundle's: remove it (or give another" \
             "prefix) first" >&2
        exit 1
    fi
fi
# Said before anything is copied, where cp said only "Permission denied".
existing="$prefix"
while [ ! -e "$existing" ]; do existing="$(dirname "$existing")"; done
[ -w "$existing" ] || {
    echo "Cannot write to $existing: run with sudo, or give a prefix of your own such as" \
         "~/.local (packaging/install.sh ~/.local)" >&2
    exit 1
}

rm -rf "$prefix/lib/hubapp"
mkdir -p "$prefix/lib" "$prefix/bin"
# Not the build's owner or modes (cp -a): its builder could then change the program every user
# runs, root included, and a build under umask 077 would start for no one else.
cp -r --no-preserve=ownership dist/hubapp "$prefix/lib/hubapp"
chmod -R u=rwX,go=rX "$prefix/lib/hubapp"
# root:root as the rest of the system, even where a set-group-ID folder would hand down its group.
if [ "$(id -u)" = 0 ]; then chown -R -h root:root "$prefix/lib/hubapp"; fi
ln -sfn "$prefix/lib/hubapp/hubapp" "$launcher"
installed=(lib/hubapp bin/hubapp)

put() {  # put FILE PATH: FILE at PREFIX/PATH, listed for uninstall.sh
    install -Dm644 "$1" "$prefix/$2"
    installed+=("$2")
}
# By its path: GLib hides an entry whose command is not on the session's PATH, which lacks
# ~/.local/bin until the next login after it is made, and /opt/… for good.
put <(sed "s|^Exec=hubapp\$|TryExec=$launcher\nExec=\"$launcher\"|" packaging/hubapp.desktop) \
    share/applications/hubapp.desktop
put packaging/io.github.hubdesk.HubDesk.metainfo.xml \
    share/metainfo/io.github.hubdesk.HubDesk.metainfo.xml
put resources/icons/hubapp.svg share/icons/hicolor/scalable/apps/hubapp.svg
for png in resources/icons/hubapp-*.png; do
    size="${png##*-}"; size="${size%.png}"
    put "$png" "share/icons/hicolor/${size}x${size}/apps/hubapp.png"
done
printf '%s\n' "${installed[@]}" > "$prefix/lib/hubapp/INSTALLED_FILES"
refresh_desktop_caches "$prefix/share"
version="$("$launcher" --version)" || {
    echo "The installed $launcher does not start (its --version failed): see above" >&2
    exit 1
}
echo "Installed Hub Desk ${version#hubapp } into $prefix"
