"""The shell scripts people start by hand (run.sh, packaging/install.sh and uninstall.sh,
packaging/bootstrap.sh), run for real in a scratch copy of the checkout, with the programs they
call faked where the real ones would install or download."""

import hashlib
import os
import shlex
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOBODY = 65534  # Debian's nobody and nogroup


def scratch_checkout(tmp_path: Path) -> Path:
    """The scripts and what they install, without the rest of the project."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "packaging", checkout / "packaging",
                    ignore=shutil.ignore_patterns("windows", "__pycache__"))
    shutil.copytree(ROOT / "resources" / "icons", checkout / "resources" / "icons")
    for script in ("run.sh", "test.sh", "pyproject.toml"):
        shutil.copy2(ROOT / script, checkout / script)
    return checkout


def executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


def run(command: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True,
                          text=True, timeout=60, env={**os.environ, **env})


def with_bundle(checkout: Path) -> Path:
    """The checkout with a built bundle whose command only says its version."""
    executable(checkout / "dist" / "hubapp" / "hubapp", '#!/bin/sh\necho "hubapp 1.2.3"\n')
    return checkout


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return with_bundle(scratch_checkout(tmp_path))


def install(checkout: Path, prefix: Path) -> None:
    result = run([checkout / "packaging" / "install.sh", prefix], checkout)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Installed Hub Desk 1.2.3 into {prefix}\n"


def contents(folder: Path) -> dict[str, bytes | str]:
    """Every file under folder by its path, with what it holds (a link: where it points)."""
    return {path.relative_to(folder).as_posix():
            os.readlink(path) if path.is_symlink() else path.read_bytes()
            for path in folder.rglob("*") if path.is_symlink() or not path.is_dir()}


def test_install_puts_a_relative_prefix_where_it_was_asked_from(bundled, tmp_path):
    # The script cd'ed to the checkout first: the bundle went into it, the command's symlink
    # pointed nowhere, and it said "Installed Hub Desk  into stage".
    caller = tmp_path / "caller"
    caller.mkdir()
    result = run([bundled / "packaging" / "install.sh", "stage"], caller)
    assert result.returncode == 0, result.stderr
    prefix = caller / "stage"
    assert result.stdout == f"Installed Hub Desk 1.2.3 into {prefix}\n"
    assert not (bundled / "stage").exists()
    command = prefix / "bin" / "hubapp"
    assert os.readlink(command) == str(prefix / "lib" / "hubapp" / "hubapp")
    assert subprocess.run([command, "--version"], capture_output=True, text=True,
                          check=True).stdout == "hubapp 1.2.3\n"
    assert (prefix / "share" / "applications" / "hubapp.desktop").is_file()


def test_install_fails_when_the_installed_command_does_not_start(bundled, tmp_path):
    executable(bundled / "dist" / "hubapp" / "hubapp",
               "#!/bin/sh\necho 'error while loading shared libraries' >&2\nexit 127\n")
    prefix = tmp_path / "prefix"
    result = run([bundled / "packaging" / "install.sh", prefix], tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error while loading shared libraries\n"
        f"The installed {prefix}/bin/hubapp does not start (its --version failed): see above\n")


def test_install_is_every_users_to_run_and_only_roots_to_change(bundled, tmp_path):
    # cp -a kept the build's owner, who could then change what every user runs, and the modes of
    # a build under umask 077, with which the program started for root only.
    bundle = bundled / "dist" / "hubapp"
    library = bundle / "_internal" / "libpython3.11.so.1.0"
    library.parent.mkdir()
    library.write_bytes(b"\x7fELF")
    for path, mode in ((bundle, 0o700), (library.parent, 0o700), (bundle / "hubapp", 0o700),
                       (library, 0o600)):
        path.chmod(mode)
        if os.getuid() == 0:  # built by another user
            os.chown(path, NOBODY, NOBODY)
    prefix = tmp_path / "prefix"
    install(bundled, prefix)
    program = prefix / "lib" / "hubapp"
    found = {path.relative_to(program).as_posix(): path.lstat()
             for path in (program, *program.rglob("*"))}
    assert {path: stat.S_IMODE(status.st_mode) for path, status in found.items()} == {
        ".": 0o755, "hubapp": 0o755, "_internal": 0o755, "_internal/libpython3.11.so.1.0": 0o644,
        "INSTALLED_FILES": 0o644}
    # As root the builder (nobody) keeps nothing; as anyone else the installer owns the copy.
    assert {(status.st_uid, status.st_gid) for status in found.values()} == {
        (os.getuid(), os.getgid())}


def entry_value(entry: Path, key: str) -> str:
    lines = entry.read_text(encoding="utf-8").splitlines()
    return next(line.split("=", 1)[1] for line in lines if line.startswith(f"{key}="))


def test_menu_entry_starts_the_installed_command_without_it_on_path(bundled, tmp_path):
    # Exec=hubapp: GLib hid the entry of a ~/.local install until the next login put
    # ~/.local/bin on PATH, and that of an /opt one for good.
    prefix = tmp_path / "hub desk"  # a space, which the entry must quote
    install(bundled, prefix)
    entry = prefix / "share" / "applications" / "hubapp.desktop"
    launcher = prefix / "bin" / "hubapp"
    template = (ROOT / "packaging" / "hubapp.desktop").read_text(encoding="utf-8")
    assert entry.read_text(encoding="utf-8") == template.replace(
        "\nExec=hubapp\n", f'\nTryExec={launcher}\nExec="{launcher}"\n')
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", entry], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout
    # As a menu whose session's PATH lacks PREFIX/bin starts it.
    result = run([*shlex.split(entry_value(entry, "Exec")), "--version"], tmp_path,
                 PATH="/usr/bin:/bin")
    assert (result.returncode, result.stdout) == (0, "hubapp 1.2.3\n")


def test_install_refuses_a_prefix_the_menu_entry_could_not_name_unescaped(bundled, tmp_path):
    prefix = tmp_path / "hub$desk"
    result = run([bundled / "packaging" / "install.sh", prefix], tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith("Choose a prefix without any of ")
    assert not prefix.exists()


def test_where_they_may_not_write_install_and_uninstall_say_to_use_sudo():
    # install.sh said only cp's "Permission denied", halfway, naming neither sudo nor ~/.local.
    # Root may write anywhere, so as root the scripts run as the user nobody, from a folder that
    # user can read (pytest's is root's alone).
    as_user = (["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
               if os.getuid() == 0 else [])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o755)
        checkout = with_bundle(scratch_checkout(folder))
        locked = folder / "locked"
        locked.mkdir(mode=0o555)
        installing = run([*as_user, checkout / "packaging" / "install.sh", locked / "hubdesk"],
                         folder)
        assert list(locked.iterdir()) == []

        prefix = folder / "prefix"
        install(checkout, prefix)
        (prefix / "lib").chmod(0o555)
        before = contents(prefix)
        removing = run([*as_user, checkout / "packaging" / "uninstall.sh", prefix], folder)
        assert contents(prefix) == before
        (prefix / "lib").chmod(0o755)
    assert (installing.returncode, installing.stdout) == (1, "")
    assert installing.stderr == (f"Cannot write to {locked}: run with sudo, or give a prefix of"
                                 f" your own such as ~/.local (packaging/install.sh ~/.local)\n")
    assert (removing.returncode, removing.stdout) == (1, "")
    assert removing.stderr == f"Cannot write to {prefix}/lib: run with sudo\n"


def test_install_never_replaces_another_programs_hubapp(bundled, tmp_path):
    """pip install --user's ~/.local/bin/hubapp was replaced by the bundle's link without a
    word, and uninstall.sh then removed it. Its own link is replaced: a second install."""
    prefix = tmp_path / ".local"
    other = executable(prefix / "bin" / "hubapp", "#!/bin/sh\necho pip's hubapp\n")
    before = contents(prefix)
    result = run([bundled / "packaging" / "install.sh", prefix], bundled)
    assert result.returncode == 1 and result.stderr == (
        f"{other} is there already and is not this bundle's: remove it (or give another prefix)"
        " first\n")
    assert contents(prefix) == before
    other.unlink()
    install(bundled, prefix)
    install(bundled, prefix)
    # Its own link as an older install.sh spelled it, with the prefix as given, or relative.
    launcher = prefix / "bin" / "hubapp"
    for spelled in (f"{prefix}//lib/hubapp/hubapp", "../lib/hubapp/hubapp"):
        launcher.unlink()
        launcher.symlink_to(spelled)
        install(bundled, prefix)
    # And through a PREFIX/lib that is a link to elsewhere.
    elsewhere = tmp_path / "elsewhere"
    shutil.move(prefix / "lib", elsewhere)
    (prefix / "lib").symlink_to(elsewhere)
    install(bundled, prefix)


def test_uninstall_removes_what_install_put_and_never_the_hubs_data(bundled, tmp_path):
    # README said to delete the hubapp files under PREFIX/share: for a ~/.local install
    # ~/.local/share/hubapp, the user's data folder, with the database and its backups.
    prefix = tmp_path / ".local"
    data = prefix / "share" / "hubapp"
    (data / "backups").mkdir(parents=True)
    (data / "hubdesk.db").write_bytes(b"SQLite format 3\x00the hub")
    (data / "backups" / "hubdesk-2026-03-05.db").write_bytes(b"SQLite format 3\x00a backup")
    (prefix / "share" / "applications").mkdir()
    (prefix / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    before = contents(prefix)
    install(bundled, prefix)

    listed = (prefix / "lib" / "hubapp" / "INSTALLED_FILES").read_text().splitlines()
    icons = [f"share/icons/hicolor/{size}x{size}/apps/hubapp.png"
             for size in (16, 32, 48, 64, 128, 256)]
    assert sorted(listed) == sorted(["lib/hubapp", "bin/hubapp",
                                     "share/applications/hubapp.desktop",
                                     "share/metainfo/io.github.hubdesk.HubDesk.metainfo.xml",
                                     "share/icons/hicolor/scalable/apps/hubapp.svg", *icons])
    # Nothing it does not list: no desktop or icon cache of its own in a user's ~/.local/share.
    added = contents(prefix).keys() - before.keys()
    assert {path for path in added
            if not any(path == name or path.startswith(f"{name}/") for name in listed)} == set()

    result = run([bundled / "packaging" / "uninstall.sh", prefix], tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"Removed Hub Desk from {prefix}; each user's hub data"
                             f" (~/.local/share/hubapp) is kept\n")
    assert contents(prefix) == before


def test_install_and_uninstall_refresh_an_icon_cache_that_is_there(bundled, tmp_path):
    tool = shutil.which("gtk-update-icon-cache")
    if tool is None:
        pytest.skip("gtk-update-icon-cache is not installed (Debian: gtk-update-icon-cache)")
    prefix = tmp_path / "usr"
    hicolor = prefix / "share" / "icons" / "hicolor"
    (hicolor / "48x48" / "apps").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "hubapp-48.png",
                hicolor / "48x48" / "apps" / "other.png")
    subprocess.run([tool, "-qtf", hicolor], check=True)  # another program's icon and its cache
    cache = hicolor / "icon-theme.cache"
    install(bundled, prefix)
    assert b"hubapp" in cache.read_bytes()
    assert run([bundled / "packaging" / "uninstall.sh", prefix], tmp_path).returncode == 0
    assert b"hubapp" not in cache.read_bytes()


def test_uninstall_without_a_list_or_with_a_path_out_of_the_prefix_removes_nothing(bundled,
                                                                                   tmp_path):
    prefix = tmp_path / "prefix"
    uninstall = [bundled / "packaging" / "uninstall.sh", prefix]
    result = run(uninstall, tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"No {prefix}/lib/hubapp/INSTALLED_FILES: ")

    install(bundled, prefix)
    (tmp_path / "outside.txt").write_text("not Hub Desk's")
    listed = prefix / "lib" / "hubapp" / "INSTALLED_FILES"
    listed.write_text("bin/hubapp\n../outside.txt\n")
    before = contents(tmp_path)
    result = run(uninstall, tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"{listed} lists '../outside.txt', which install.sh never puts:"
                             f" nothing removed\n")
    assert contents(tmp_path) == before


# As run.sh and test.sh run it.
BOOTSTRAP = "set -euo pipefail; source packaging/bootstrap.sh; bootstrap"


def debian_ready(tmp_path: Path) -> dict[str, str]:
    """PATH where dpkg-query says every package bootstrap wants is installed."""
    fakes = tmp_path / "fakes"
    executable(fakes / "dpkg-query", "#!/bin/sh\nprintf 'install ok installed'\n")
    return {"PATH": f"{fakes}{os.pathsep}{os.environ['PATH']}"}


@pytest.fixture
def set_up(tmp_path: Path) -> dict[str, str]:
    """What bootstrap would find on a machine it set up before: the Debian packages (dpkg-query
    says so) and a virtual environment made for this pyproject.toml, whose hubapp logs where
    and how it was started (and makes the demo file it is asked for)."""
    venv = tmp_path / "venv"
    executable(venv / "bin" / "python", "#!/bin/sh\nexit 0\n")
    executable(venv / "bin" / "hubapp", '#!/bin/sh\necho "$PWD|$*" >> "$HUBAPP_LOG"\n'
                                        '[ "$1" != demo ] || echo demo > "$3"\n')
    (venv / ".hubapp-installed").write_text(
        hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() + "\n")
    return {**debian_ready(tmp_path), "HUBAPP_VENV": str(venv),
            "HUBAPP_LOG": str(tmp_path / "hubapp.log"), "QT_QPA_PLATFORM": "offscreen"}


def test_run_keeps_the_callers_relative_names_the_callers(tmp_path, set_up):
    # run.sh cd'ed into the checkout: my-demo.db and today.pdf landed there.
    checkout, caller = scratch_checkout(tmp_path), tmp_path / "caller"
    caller.mkdir()
    result = run([checkout / "run.sh", "report", "daily", "-o", "today.pdf"], caller,
                 HUBAPP_DEMO_DB="my-demo.db", **set_up)
    assert result.returncode == 0, result.stderr
    demo = caller / "my-demo.db"
    assert demo.is_file() and not (checkout / "my-demo.db").exists()
    assert Path(set_up["HUBAPP_LOG"]).read_text().splitlines() == [
        f"{checkout}|demo --db {demo} --days 760",
        f"{caller}|--db {demo} report daily -o today.pdf"]


def test_run_opens_a_database_the_caller_names_instead_of_the_demo(tmp_path, set_up):
    # "./run.sh --db hub.db" was refused as --db given twice, after making the demo.
    checkout, caller = scratch_checkout(tmp_path), tmp_path / "caller"
    caller.mkdir()
    for args in (["--db", "hub.db"], ["--db=hub.db", "--lang", "zh"]):
        result = run([checkout / "run.sh", *args], caller, **set_up)
        assert result.returncode == 0, result.stderr
    assert not (checkout / ".demo").exists()
    assert Path(set_up["HUBAPP_LOG"]).read_text().splitlines() == [
        f"{caller}|--db hub.db", f"{caller}|--db=hub.db --lang zh"]


def test_run_without_a_display_says_so_before_setting_anything_up(tmp_path, set_up):
    # Over ssh it made the environment and two years of demo traffic first, minutes.
    checkout = scratch_checkout(tmp_path)
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    fakes = tmp_path / "fakes"
    executable(fakes / "dpkg-query", "#!/bin/sh\necho asked >> \"$HUBAPP_LOG\"\nexit 1\n")
    result = subprocess.run([checkout / "run.sh"], cwd=checkout, capture_output=True, text=True,
                            timeout=60, env={**env, "PATH": f"{fakes}{os.pathsep}{env['PATH']}",
                                             "HUBAPP_VENV": set_up["HUBAPP_VENV"],
                                             "HUBAPP_LOG": set_up["HUBAPP_LOG"]})
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "No display found: start ./run.sh from a desktop session.\n"
    assert not Path(set_up["HUBAPP_LOG"]).exists() and not (checkout / ".demo").exists()


def test_run_takes_a_relative_venv_as_the_checkouts(tmp_path, set_up):
    # The app started back in the caller's folder looked for myvenv/bin/hubapp there.
    checkout, caller = scratch_checkout(tmp_path), tmp_path / "caller"
    caller.mkdir()
    shutil.move(set_up["HUBAPP_VENV"], checkout / "myvenv")
    result = run([checkout / "run.sh"], caller, **{**set_up, "HUBAPP_VENV": "myvenv"})
    assert result.returncode == 0, result.stderr
    assert Path(set_up["HUBAPP_LOG"]).read_text().splitlines()[-1] == (
        f"{caller}|--db {checkout}/.demo/hubdesk-demo.db")


# A project pip installs offline: no dependencies, and a build backend of its own that needs
# nothing installed to write its wheel.
SCRATCH_PROJECT = """\
[build-system]
requires = []
build-backend = "backend"
backend-path = ["."]

[project]
name = "scratch"
version = "0"

[project.optional-dependencies]
test = []
"""
SCRATCH_BACKEND = """\
import zipfile

INFO = "scratch-0.dist-info/"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {INFO + "METADATA": "Metadata-Version: 2.1\\nName: scratch\\nVersion: 0\\n"
                                "Provides-Extra: test\\n",
             INFO + "WHEEL": "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"}
    name = "scratch-0-py3-none-any.whl"
    with zipfile.ZipFile(f"{wheel_directory}/{name}", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
        listed = [*files, INFO + "RECORD"]
        wheel.writestr(INFO + "RECORD", "".join(f"{path},,\\n" for path in listed))
    return name


build_editable = build_wheel
"""


def test_bootstrap_makes_again_a_virtual_environment_cut_short(tmp_path):
    # A Ctrl+C in "python3 -m venv" left bin/python without pip; bootstrap saw bin/python and
    # failed on "No module named pip" at every run after.
    checkout = scratch_checkout(tmp_path)
    (checkout / "pyproject.toml").write_text(SCRATCH_PROJECT)
    (checkout / "backend.py").write_text(SCRATCH_BACKEND)
    subprocess.run(["python3", "-m", "venv", "--without-pip", checkout / ".venv"], check=True)
    offline = {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1",
               "PIP_FIND_LINKS": str(tmp_path), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = run(["bash", "-c", BOOTSTRAP], checkout, **debian_ready(tmp_path), **offline)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"Creating the virtual environment in {checkout / '.venv'}",
        f"Installing Hub Desk and its dependencies into {checkout / '.venv'}"]
    subprocess.run([checkout / ".venv" / "bin" / "python", "-m", "pip", "show", "scratch"],
                   capture_output=True, check=True, env={**os.environ, **offline})


def _offline_checkout(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A checkout of the scratch project, installable editable with no network: its hubapp
    is found through a .pth naming the checkout, as pip's editable install of Hub Desk is."""
    checkout = scratch_checkout(tmp_path)
    (checkout / "pyproject.toml").write_text(SCRATCH_PROJECT)
    (checkout / "backend.py").write_text(SCRATCH_BACKEND.replace(
        'files = {INFO + "METADATA"',
        'files = {"scratch.pth": __import__("os").getcwd() + "\\n", INFO + "METADATA"'))
    (checkout / "hubapp").mkdir()
    (checkout / "hubapp" / "__init__.py").write_text("")
    offline = {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1",
               "PIP_FIND_LINKS": str(tmp_path), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return checkout, {**debian_ready(tmp_path), **offline}


def _installed_from(checkout: Path, env: dict[str, str]) -> str:
    return subprocess.run([checkout / ".venv" / "bin" / "python", "-I", "-c",
                           "import hubapp; print(hubapp.__file__)"], capture_output=True,
                          text=True, check=True, env={**os.environ, **env}).stdout.strip()


def test_bootstrap_makes_again_an_environment_whose_python_is_gone(tmp_path):
    """A system upgrade removed the Python it was made with (or it was made with 3.9):
    every run then failed on its missing bin/python, the stamp being current."""
    checkout, env = _offline_checkout(tmp_path)
    assert run(["bash", "-c", BOOTSTRAP], checkout, **env).returncode == 0
    python = checkout / ".venv" / "bin" / "python"
    python.unlink()
    python.symlink_to(tmp_path / "python3.11-removed")
    result = run(["bash", "-c", BOOTSTRAP], checkout, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"Making the virtual environment in {checkout / '.venv'} again: its Python is gone or "
        "too old", f"Installing Hub Desk and its dependencies into {checkout / '.venv'}"]
    assert _installed_from(checkout, env) == str(checkout / "hubapp" / "__init__.py")


def test_bootstrap_never_empties_a_folder_that_is_no_environment(tmp_path):
    """HUBAPP_VENV naming a folder of one's own by mistake: it was emptied to make one."""
    checkout, env = _offline_checkout(tmp_path)
    mine = tmp_path / "mytools"
    (mine / "notes").mkdir(parents=True)
    (mine / "notes" / "todo.txt").write_text("keep me")
    before = contents(mine)
    result = run(["bash", "-c", BOOTSTRAP], checkout, **env, HUBAPP_VENV=str(mine))
    assert result.returncode == 1
    assert result.stderr == f"{mine} is not a virtual environment: set HUBAPP_VENV to a new " \
                            "folder\n"
    assert contents(mine) == before


def test_bootstrap_installs_again_a_checkout_that_was_moved(tmp_path):
    """Its hubapp command started the python of the folder it was moved from: "not found",
    at every run."""
    checkout, env = _offline_checkout(tmp_path)
    assert run(["bash", "-c", BOOTSTRAP], checkout, **env).returncode == 0
    moved = checkout.rename(tmp_path / "moved")
    result = run(["bash", "-c", BOOTSTRAP], moved, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"Installing Hub Desk and its dependencies into {moved / '.venv'}"]
    assert _installed_from(moved, env) == str(moved / "hubapp" / "__init__.py")
    again = run(["bash", "-c", BOOTSTRAP], moved, **env)  # and only once
    assert again.returncode == 0 and again.stdout == ""


def test_bootstrap_without_root_or_sudo_names_the_command_to_run_as_root(tmp_path):
    # It died on "sudo: command not found".
    checkout, tools = scratch_checkout(tmp_path), tmp_path / "tools"
    executable(tools / "id", "#!/bin/sh\necho 1000\n")
    executable(tools / "dpkg-query", "#!/bin/sh\nexit 1\n")  # nothing is installed
    (tools / "grep").symlink_to(shutil.which("grep"))
    # Nothing else on PATH: no sudo, and no python3, so python3-venv is missing too.
    result = run([shutil.which("bash"), "-c", BOOTSTRAP + " poppler-utils"], checkout,
                 PATH=str(tools))
    assert result.returncode == 1 and result.stdout == ""
    qt_debs = subprocess.run(["bash", "-c", 'source packaging/bootstrap.sh; echo "${QT_DEBS[*]}"'],
                             cwd=checkout, capture_output=True, text=True, check=True).stdout
    missing = f"{qt_debs.strip()} poppler-utils python3-venv"
    assert result.stderr == (
        "These system packages are missing and there is no sudo to install them; as root, run:\n"
        f"  apt-get update && apt-get install -y --no-install-recommends {missing}\n")
