# Sourced by run.sh and test.sh: installs what a fresh Debian 12 lacks, then
# makes (or refreshes) the project's virtual environment in .venv.
# Usage: bootstrap EXTRA_DEBIAN_PACKAGE... ; afterwards $VENV/bin has hubapp.

# Qt's runtime libraries (the xcb platform plugin's list, plus EGL/GL, fonts
# and D-Bus), a CJK font so Chinese shows as characters, and venv, which
# Debian ships separately from Python.
QT_DEBS=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
         libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0
         libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
         libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
         libxcb-xinerama0 libxcb-xkb1 fonts-noto-cjk)

VENV="${HUBAPP_VENV:-$PWD/.venv}"
# Absolute: run.sh starts the app back in the caller's folder.
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac

bootstrap() {
    local wanted=("${QT_DEBS[@]}" "$@") missing=() package
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
        wanted+=(python3-venv)
    fi
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$package")
    done
    if ((${#missing[@]})); then
        local sudo=""
        if [ "$(id -u)" != 0 ]; then
            if ! command -v sudo >/dev/null; then
                echo "These system packages are missing and there is no sudo to install them;" \
                    "as root, run:" >&2
                echo "  apt-get update && apt-get install -y --no-install-recommends" \
                    "${missing[*]}" >&2
                return 1
            fi
            sudo="sudo"
        fi
        echo "Installing system packages: ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Hub Desk needs Python 3.11 or newer; python3 here is" \
            "$(python3 --version 2>&1)." >&2
        return 1
    fi
    # Reinstall only when the project's dependencies changed, or the environment no longer
    # serves this checkout: its Python older than 3.11 or gone (an upgrade of the system
    # removed it), or Hub Desk installed from where the checkout was before it was moved
    # (its hubapp command then starts a python that is not there). Each of those failed at
    # every later run, the stamp being current, until .venv was deleted by hand.
    local stamp="$VENV/.hubapp-installed" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [ -e "$VENV" ] && ! "$VENV/bin/python" -c \
            'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        # Emptied only if it is a virtual environment: HUBAPP_VENV may name a folder by mistake.
        if [ ! -f "$VENV/pyvenv.cfg" ]; then
            echo "$VENV is not a virtual environment: set HUBAPP_VENV to a new folder" >&2
            return 1
        fi
        echo "Making the virtual environment in $VENV again: its Python is gone or too old"
        python3 -m venv --clear "$VENV"
        rm -f "$stamp"
    elif [ "$("$VENV/bin/python" -I -c 'import hubapp, os; print(os.path.realpath(
            hubapp.__file__))' 2>/dev/null)" != "$(realpath hubapp/__init__.py 2>/dev/null)" ]; then
        rm -f "$stamp"
    fi
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        # Made (again) unless it has its pip: a Ctrl+C in python3 -m venv left a python
        # without one, and every later run failed on "No module named pip".
        if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
            echo "Creating the virtual environment in $VENV"
            python3 -m venv "$VENV"
        fi
        echo "Installing Hub Desk and its dependencies into $VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e ".[test]"
        echo "$want" > "$stamp"
    fi
    # The .ts sources are committed; the .qm files Qt loads are built here.
    "$VENV/bin/python" packaging/release_translations.py
}
