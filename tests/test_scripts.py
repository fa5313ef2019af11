"""The shell scripts people start by hand (run.sh, packaging/install.sh, packaging/bootstrap.sh),
run for real in a scratch copy of the checkout, with the programs they call faked where the real
ones would install or download."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A checkout with a built bundle whose command only says its version."""
    checkout = scratch_checkout(tmp_path)
    executable(checkout / "dist" / "hubapp" / "hubapp", '#!/bin/sh\necho "hubapp 1.2.3"\n')
    return checkout


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

