"""What the bundle and the desktop integration rely on (packaging/ builds the bundle itself)."""

import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from importlib.metadata import version
from pathlib import Path

import matplotlib
import pytest

from hubapp import resources
from hubapp.ui.app import LOG_KEPT_BYTES

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
METAINFO = PACKAGING / "io.github.hubdesk.HubDesk.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)


def pyproject_version() -> str:
    return pyproject()["project"]["version"]


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # ./test.sh installs both (packaging/bootstrap.sh); a bare pytest may not
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return path


def test_version_printed_is_pyprojects():
    result = subprocess.run([sys.executable, "-m", "hubapp", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout == f"hubapp {pyproject_version()}\n"


def test_desktop_entry_is_valid():
    result = subprocess.run([validator("desktop-file-validate"), PACKAGING / "hubapp.desktop"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_metainfo_is_valid():
    result = subprocess.run([validator("appstreamcli"), "validate", "--no-net", METAINFO],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_metainfo_is_bilingual_and_shows_existing_screenshots():
    component = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        languages = {element.get(XML_LANG) for element in component.findall(tag)}
        assert languages == {None, "zh-CN"}, tag
    paragraphs = component.findall("description/p")
    assert [p.get(XML_LANG) for p in paragraphs] == [None, "zh-CN"]
    images = [image.text for image in component.iter("image")]
    assert len(images) == 4
    for url in images:
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    assert component.find("releases/release").get("version") == pyproject_version()
    assert component.find("launchable").text == "hubapp.desktop"


def test_screenshots_keep_to_settings_of_their_own(tmp_path):
    """packaging/make_screenshots.py cleared the settings the application names, this user's
    own: the desk's database, backup folder and language were gone after it."""
    own = tmp_path / "home" / ".config" / "Hub Desk" / "hubapp.conf"
    own.parent.mkdir(parents=True)
    own.write_text("[General]\nlanguage=zh\n\n[database]\ntarget=/srv/hub/hubdesk.db\n\n"
                   "[backup]\nfolder=/mnt/share/backups\n", encoding="utf-8")
    before = own.read_bytes()
    scratch = tmp_path / "scratch"
    # As main() does, then what its windows do: write their size and place.
    shoot = (
        "import runpy, sys; from pathlib import Path; from PySide6.QtCore import QSettings;"
        "shots = runpy.run_path(sys.argv[1]);"
        "shots['use_scratch_settings'](Path(sys.argv[2])); shots['make_application']([]);"
        "settings = QSettings(); settings.setValue('main_window/geometry', 'shot');"
        "settings.sync(); print(settings.value('language'), settings.fileName(), sep='\\n')")
    result = subprocess.run(
        [sys.executable, "-c", shoot, PACKAGING / "make_screenshots.py", scratch],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, HOME=str(tmp_path / "home"),
                 XDG_CONFIG_HOME=str(tmp_path / "home" / ".config")))

    assert result.returncode == 0, result.stderr
    language, written = result.stdout.splitlines()
    assert language == "None"  # the window starts as on a new desk
    assert Path(written).is_relative_to(scratch) and Path(written).is_file()
    assert own.read_bytes() == before


def test_the_screenshots_stand_ins_take_what_the_dialogs_they_replace_take(
        qapp, tmp_path, monkeypatch):
    """make_screenshots.py --all stopped at the merge picker, whose stand-in did not take
    the terms the dialog had come to take: no picture after it, none in Chinese."""
    import importlib.util
    import inspect

    from hubapp.ui import dialogs

    # The dialogs as the app has them: the tests' own stand in for them here (conftest).
    spec = importlib.util.find_spec("hubapp.ui.dialogs")
    own = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(own)
    before = dict(vars(dialogs))
    for name, value in before.items():
        monkeypatch.setattr(dialogs, name, value)  # put back after the test
    shots = runpy.run_path(str(PACKAGING / "make_screenshots.py"))
    shots["Camera"](tmp_path, "en", ()).install()
    replaced = {name for name, value in vars(dialogs).items() if value is not before.get(name)}
    assert {"pick_item", "ask_reference_record", "ask_yes_no", "log_in"} <= replaced
    for name in replaced:
        taken = inspect.signature(getattr(own, name)).parameters.values()
        # Every argument the app may pass: each positional one, each keyword one by name.
        args = [None for p in taken if p.kind is p.POSITIONAL_OR_KEYWORD]
        kwargs = {p.name: None for p in taken if p.kind is p.KEYWORD_ONLY}
        inspect.signature(getattr(dialogs, name)).bind(*args, **kwargs)  # or a TypeError


def test_the_screenshots_script_says_how_it_is_called_and_writes_nothing(tmp_path):
    # --help was taken for the folder: one named "--help" filled with pictures.
    result = subprocess.run([sys.executable, PACKAGING / "make_screenshots.py", "--help"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("usage: make_screenshots.py")
    assert "--all" in result.stdout and list(tmp_path.iterdir()) == []
    wrong = subprocess.run([sys.executable, PACKAGING / "make_screenshots.py", "a", "b"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 2 and "unrecognized arguments: b" in wrong.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_version_known_to_fail_is_allowed():
    from packaging.requirements import Requirement

    config = pyproject()
    allowed = {requirement.name: requirement.specifier
               for requirement in map(Requirement, config["project"]["dependencies"]
                                      + config["build-system"]["requires"])}
    # 6.6.0 refuses QTimer.singleShot(0, receiver, callable): each start raised two crash
    # dialogs and never began the automatic backups.
    assert "6.6.0" not in allowed["PySide6-Essentials"]
    assert "6.12.0" not in allowed["PySide6-Essentials"]
    # Before 77 setuptools refuses `license = "MIT"`, so the wheel could not be built.
    assert "76.1.0" not in allowed["setuptools"]


def test_resources_folder_in_a_checkout():
    folder = resources.folder()
    assert (folder / "translations" / "hubapp_zh_CN.ts").is_file()
    assert (folder / "icons" / "hubapp.svg").is_file()


def test_resources_folder_in_a_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.folder() == tmp_path / "resources"


# What a fresh clone holds: no .qm, which the wheel's build makes.
FRESH_CLONE = {"pyproject.toml": None, "README.md": None, "ARCHITECTURE.md": None,
               "LICENSE": None, "MANIFEST.in": None, "run.sh": None, "test.sh": None,
               "hubapp": ("__pycache__",), "packaging": ("__pycache__",),
               "resources": ("*.qm",), "tests": ("__pycache__", ".*")}
# license = "MIT" (an SPDX expression) needs setuptools 77, which the test extra brings; a
# virtual environment made before leaves the build to pip's isolated one, from the index.
OWN_SETUPTOOLS = int(version("setuptools").split(".")[0]) >= 77


def files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory) -> Path:
    """A copy of the checkout as a fresh clone has it."""
    clone = tmp_path_factory.mktemp("clone")
    for name, left_out in FRESH_CLONE.items():
        if left_out is None:
            shutil.copy2(ROOT / name, clone / name)
        else:
            shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns(*left_out))
    return clone


@pytest.fixture(scope="module")
def source_package(fresh_clone, tmp_path_factory) -> Path:
    """The folder the source package built from a fresh clone unpacks into."""
    if not OWN_SETUPTOOLS:
        pytest.skip("this environment's setuptools is too old to build the source package")
    unpacked = tmp_path_factory.mktemp("sdist")
    made = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'packaging'); "
         "import build_backend; print(build_backend.build_sdist(sys.argv[1]))", unpacked],
        cwd=fresh_clone, capture_output=True, text=True, check=True).stdout.split()[-1]
    with tarfile.open(unpacked / made) as sdist:
        sdist.extractall(unpacked, filter="data")
    return unpacked / made.removesuffix(".tar.gz")


@pytest.fixture(scope="module")
def wheel(request, tmp_path_factory) -> Path:
    """The wheel pip builds by way of the source package, as `pip install hubapp-*.tar.gz` and
    `python -m build` build it (one without the build backend and the .ts sources could not be
    built), where an earlier build left a module since removed: the old cli.py."""
    source = request.getfixturevalue("source_package" if OWN_SETUPTOOLS else "fresh_clone")
    stale = source / "build" / "lib" / "hubapp" / "cli.py"
    stale.parent.mkdir(parents=True)
    stale.write_text("def main(): ...\n")
    built = tmp_path_factory.mktemp("wheel")
    isolation = ["--no-build-isolation"] if OWN_SETUPTOOLS else []
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-w", built, "."],
        cwd=source, capture_output=True, text=True,
        env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    if result.returncode and "No matching distribution found" in result.stderr:
        pytest.skip(f"no package index to build the wheel with:\n{result.stderr}")
    assert result.returncode == 0, result.stdout + result.stderr
    return next(built.glob("hubapp-*.whl"))


def test_a_wheel_from_a_fresh_clone_ships_the_translations_icons_and_samples(wheel):
    """It held only the Python files: installed, Chinese desks saw English, English plurals
    read "35 container(s)", the window had no icon and Help pointed at no samples."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    shipped = "hubapp/shipped/"
    assert {f"{shipped}translations/hubapp_en.qm", f"{shipped}translations/hubapp_zh_CN.qm",
            f"{shipped}samples/loading-list-2026-03-05.csv",
            *(f"{shipped}icons/hubapp-{size}.png" for size in ICON_SIZES)} <= names
    assert f"hubapp-{pyproject_version()}.dist-info/licenses/LICENSE" in names
    # pyproject.toml lists hubapp's packages by hand; setuptools also copied in what an earlier
    # build left in build/lib.
    assert {name for name in names if name.endswith(".py")} == \
        {path.relative_to(ROOT).as_posix() for path in (ROOT / "hubapp").rglob("*.py")}


def test_the_source_package_holds_its_tests_whole(fresh_clone, source_package):
    """It held tests/test_*.py but not conftest.py, pg.py and data/: they failed on import."""
    assert files_in(fresh_clone) <= files_in(source_package)


def test_an_installed_wheel_finds_what_it_ships_and_speaks_chinese(wheel, tmp_path):
    target, elsewhere = tmp_path / "site-packages", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                    "--target", target, wheel], capture_output=True, check=True,
                   env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    env = dict(os.environ, PYTHONPATH=str(target), LANG="zh_CN.UTF-8")
    code = "from hubapp import resources; print(resources.folder())"
    found = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(found) == target / "hubapp" / "shipped"
    assert sorted(path.name for path in Path(found).glob("icons/hubapp-*.png")) == \
        sorted(f"hubapp-{size}.png" for size in ICON_SIZES)
    result = subprocess.run([sys.executable, "-m", "hubapp", "--help"], cwd=elsewhere,
                            env=env, capture_output=True, text=True, check=True)
    assert result.stdout.startswith("用法：hubapp"), result.stdout


def test_a_translation_missing_at_start_is_said_in_the_log(tmp_path):
    """It was said on stderr before the log was set up: a start from the menu lost it."""
    code = """if True:
        import sys
        from hubapp.ui import app, dialogs, translations
        translations.FOLDER = sys.argv[1]
        dialogs.ask_first_start = lambda *_: None  # quit at the first question
        sys.exit(app.run_gui(None))
    """
    home = {name: str(tmp_path / name.lower())
            for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    # A dialog an error opens would wait for a click for ever.
    result = subprocess.run([sys.executable, "-c", code, tmp_path / "none"],
                            env=dict(os.environ, **home), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    log = (tmp_path / "xdg_state_home" / "hubapp" / "log" / "hubapp.log").read_text()
    assert f"Translation hubapp_en not found in {tmp_path / 'none'}; showing English" in log
    assert "Translation" not in result.stderr


def _state_home(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A fresh desk's folders, and where its log is."""
    home = {name: str(tmp_path / name.lower())
            for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    return home, tmp_path / "xdg_state_home" / "hubapp" / "log" / "hubapp.log"


def test_what_a_start_refused_is_in_the_log_too(tmp_path):
    """A damaged database at start: a box said why, and IT, asking for the log after it was
    clicked away, found it empty."""
    damaged = tmp_path / "hub.db"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    code = """if True:
        import sys
        from hubapp.ui import app, dialogs
        dialogs._show = lambda box: 0  # the box as shown and closed, not waited on
        sys.exit(app.run_gui(sys.argv[1]))
    """
    home, log = _state_home(tmp_path)
    result = subprocess.run([sys.executable, "-c", code, damaged], env=dict(os.environ, **home),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert (f"ERROR hubapp.ui.dialogs: Hub Desk cannot open the database: {damaged} is not a "
            "Hub Desk database") in log.read_text(), log.read_text()


def test_a_crash_below_python_leaves_its_stack_in_the_log(tmp_path):
    """Killed by a segmentation fault (or Qt aborting), it left nothing there."""
    code = """if True:
        import os, signal
        from hubapp.ui import app
        app._log_to_file()
        os.kill(os.getpid(), signal.SIGSEGV)
    """
    home, log = _state_home(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, **home),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGSEGV
    assert "Fatal Python error: Segmentation fault" in log.read_text()


def test_a_long_log_is_set_aside_at_a_start_and_a_short_one_kept(tmp_path):
    """A desk on for years grew its log without end."""
    code = """if True:
        import logging, sys
        from hubapp.ui import app
        app._log_to_file()
        logging.getLogger("hubapp").warning(sys.argv[1])
    """
    home, log = _state_home(tmp_path)
    log.parent.mkdir(parents=True)
    old_run = "an old run\n" * (LOG_KEPT_BYTES // 10)  # 11 bytes each: just over
    log.write_text(old_run)
    for start in ("first start", "second start"):
        subprocess.run([sys.executable, "-c", code, start], env=dict(os.environ, **home),
                       check=True, timeout=120)
    assert log.with_name("hubapp.log.1").read_text() == old_run
    kept = log.read_text()
    assert "first start" in kept and "second start" in kept and "an old run" not in kept


# Runs in the child: a start (argv[1] says which); the first, as it is about to set the long
# log aside, starts the second and goes on once the second has ended or waits for the lock.
STARTS_AT_ONCE = """if True:
    import fcntl, logging, os, subprocess, sys
    from hubapp.ui import app
    which, real_replace, real_flock = sys.argv[1], os.replace, fcntl.flock

    def replace(source, target, *args, **kwargs):
        if which == "first" and os.path.basename(source) == "hubapp.log":
            second = subprocess.Popen([sys.executable, "-c", sys.argv[2], "second"],
                                      stdout=subprocess.PIPE, text=True)
            second.stdout.readline()  # "waiting", or nothing once it has ended
            finished.append(second)
        real_replace(source, target, *args, **kwargs)

    def flock(*args):
        if which == "second":
            print("waiting", flush=True)
        real_flock(*args)

    finished = []
    os.replace, fcntl.flock = replace, flock
    app._log_to_file()
    logging.getLogger("hubapp").warning("%s start", which)
    for second in finished:
        second.stdout.read()
        sys.exit(second.wait())
"""


def test_a_long_log_is_set_aside_once_when_two_windows_start_at_once(tmp_path):
    """Both found it long: the second set the first's new log aside over the one set aside,
    and the last run's story was lost."""
    home, log = _state_home(tmp_path)
    log.parent.mkdir(parents=True)
    old_run = "an old run\n" * (LOG_KEPT_BYTES // 10)
    log.write_text(old_run)
    subprocess.run([sys.executable, "-c", STARTS_AT_ONCE, "first", STARTS_AT_ONCE],
                   env=dict(os.environ, **home), check=True, timeout=120)
    assert log.with_name("hubapp.log.1").read_text() == old_run
    kept = log.read_text()
    assert "first start" in kept and "second start" in kept and "an old run" not in kept


def test_resources_module_is_qt_free():
    code = "import sys, hubapp.resources; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout == "False\n"


def test_icons_are_rendered_at_every_size(qapp):
    from PySide6.QtGui import QImage

    from hubapp.ui.app import make_application

    for size in ICON_SIZES:
        image = QImage(str(resources.folder() / "icons" / f"hubapp-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    sizes = {(s.width(), s.height()) for s in make_application([]).windowIcon().availableSizes()}
    assert sizes == {(size, size) for size in ICON_SIZES}


def test_no_warning_when_a_chinese_font_is_installed(qapp):
    from hubapp.ui import fonts

    assert fonts.has_chinese_font(), "packaging/bootstrap.sh installs fonts-noto-cjk"
    fonts.warn_if_no_chinese_font("zh")  # the autouse fixture fails any dialog


def _no_chinese_font(tmp_path: Path) -> Path:
    """A fontconfig file for a fresh Qt that sees only matplotlib's DejaVu fonts: no font
    covers Chinese."""
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><dir>{dejavu}</dir>"
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    return config


def test_one_warning_when_chinese_is_chosen_without_a_chinese_font(tmp_path):
    config = _no_chinese_font(tmp_path)
    code = """if True:
        from PySide6.QtWidgets import QApplication
        from hubapp.ui import dialogs, fonts
        app = QApplication([])
        warnings = []
        dialogs.show_warning = lambda parent, title, text: warnings.append(text)
        fonts.warn_if_no_chinese_font("en")
        print(len(warnings))
        fonts.warn_if_no_chinese_font("zh")
        print(len(warnings), "fonts-noto-cjk" in warnings[-1])
    """
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert result.stdout.split("\n") == ["0", "1 True", ""], result.stderr


def test_a_chinese_report_is_refused_without_a_chinese_font(tmp_path, demo_db_path):
    """It was written as empty boxes: "Report written", exit 0."""
    env = dict(os.environ, FONTCONFIG_FILE=str(_no_chinese_font(tmp_path)))
    env.pop("QT_QPA_PLATFORM", None)  # as a script runs it: the report finds its own

    def report(*more: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "hubapp", "report", "daily", "--db",
                               str(demo_db_path), "--date", "2026-03-05", *more],
                              capture_output=True, text=True, env=env, timeout=120)

    chinese = report("-o", str(tmp_path / "zh.pdf"), "--lang", "zh")
    assert chinese.returncode == 1 and "fonts-noto-cjk" in chinese.stderr, chinese.stderr
    assert "--lang en" in chinese.stderr and not (tmp_path / "zh.pdf").exists()
    english = report("-o", str(tmp_path / "en.pdf"), "--lang", "en")
    assert english.returncode == 0, english.stderr


def test_the_bundle_carries_the_terms_of_what_it_ships_besides_hub_desk():
    """It carried Hub Desk's MIT notice alone: no word of Qt's LGPL, psycopg's, or any other."""
    notices = runpy.run_path(str(ROOT / "packaging" / "notices.py"))
    needed = {distribution.metadata["Name"].lower().replace("_", "-")
              for distribution in notices["needed"]()}
    # psycopg[binary]'s extra too: libpq and OpenSSL are inside it.
    assert {"pyside6-essentials", "shiboken6", "matplotlib", "psycopg", "psycopg-binary",
            "openpyxl"} <= needed and "pytest" not in needed
    text = notices["notices"](notices["needed"]())
    assert re.search(r"^PySide6_Essentials [\d.]+: LGPL-3\.0-only", text, re.MULTILINE)
    assert notices["QT_SOURCE"] in text
    assert "License agreement for matplotlib" in text  # a wheel's own licence file, whole
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "notices.write(" in (ROOT / "packaging" / "hubapp.spec").read_text()


def test_every_runtime_dependency_is_one_the_app_imports():
    # python-stdnum was one: only tests/test_iso6346.py imports it, to cross-check the check
    # digit, yet every install and the bundle carried it.
    import ast
    import re
    from importlib.metadata import packages_distributions

    def normal(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    wanted = {normal(re.match(r"[\w.-]+", spec)[0])
              for spec in pyproject()["project"]["dependencies"]}
    imported = set()
    for path in (ROOT / "hubapp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    distributions = packages_distributions()
    used = {normal(name) for module in imported for name in distributions.get(module, ())}
    # zoneinfo reads the hub's time zone from tzdata where the system has no zone files
    # (Windows): a dependency no module of the app imports.
    assert wanted - used - {"tzdata"} == set()


@pytest.mark.parametrize("platform", ["offscreen", ""])
def test_the_screenshots_are_taken_on_a_laptop_screen_where_offscreen_is_named(
        tmp_path, platform):
    """With QT_QPA_PLATFORM=offscreen already set, as on a machine without a display, the
    pictures were taken on offscreen's own 800 × 600 screen: the README's were 796 px wide."""
    shoot = ("import runpy, sys; from PySide6.QtGui import QGuiApplication;"
             "shots = runpy.run_path(sys.argv[1]); shots['make_application']([]);"
             "size = QGuiApplication.primaryScreen().size();"
             "print(size.width(), size.height())")
    result = subprocess.run(
        [sys.executable, "-c", shoot, PACKAGING / "make_screenshots.py"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM=platform, HOME=str(tmp_path),
                 XDG_CONFIG_HOME=str(tmp_path / ".config")))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1366", "768"]


def test_the_log_names_the_hub_a_start_opened(tmp_path):
    """What a start logs after is about one hub: IT reading a desk's log found the errors,
    not which database they came from."""
    code = """if True:
        import sys
        from hubapp.store import open_db, users
        from hubapp.ui import app, dialogs
        db = open_db(sys.argv[1])
        users.create_first_admin(db, "Li Na", "correct horse 1")
        db.close()
        dialogs.log_in = lambda *_: None  # the login cancelled: no window to wait on
        sys.exit(app.run_gui(sys.argv[1]))
    """
    hub = tmp_path / "hub.db"
    home, log = _state_home(tmp_path)
    result = subprocess.run([sys.executable, "-c", code, hub], env=dict(os.environ, **home),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"INFO hubapp.ui.app: Started on {hub}\n" in log.read_text(), log.read_text()
