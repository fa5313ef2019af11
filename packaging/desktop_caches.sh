# Sourced by install.sh and uninstall.sh.
# Usage: refresh_desktop_caches SHARE   (PREFIX/share), after its entry or icons changed.

# Menus see the change at once through these caches, but only those already there are refreshed:
# one made in a folder that no package manager keeps up to date (~/.local/share, /usr/local/share)
# would hide the icons other programs put there later without refreshing it.
refresh_desktop_caches() {
    local share="$1"
    if [ -e "$share/applications/mimeinfo.cache" ] \
        && command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications"
    fi
    if [ -e "$share/icons/hicolor/icon-theme.cache" ] \
        && command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -qtf "$share/icons/hicolor" 2>/dev/null
    fi
}
