"""Is the database on a network drive? SQLite's locks are not reliable there.

WAL needs shared memory between the processes using the file, which network
file systems do not provide; two desks writing over NFS or SMB can corrupt it.
Also what a file written whole (backup, export, report) may take the place of.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
from pathlib import Path

from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError
from hubapp.store.engine import is_server

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph",
    "glusterfs", "fuse.sshfs", "sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.rclone",
    "fuse.s3fs", "davfs", "fuse.davfs2", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW's DRIVE_REMOTE
# /proc/mounts writes a space, tab, newline or backslash in a mount point as \ooo.
_OCTAL = re.compile(r"\\([0-7]{3})")


def logs_of(path: Path | str, *suffixes: str) -> list[Path]:
    """SQLite's files of the database path ("-wal", "-shm", "-journal"), where SQLite keeps
    them: beside the file a link names."""
    real = Path(path).resolve()
    return [Path(f"{real}{suffix}") for suffix in suffixes]


def can_save_to(path: Path | str) -> bool:
    """Can SQLite write to the file? An existing file it can only read opens without a word,
    and every save then fails."""
    return read_only_part(path) is None


def read_only_part(path: Path | str) -> Path | None:
    """What keeps SQLite from writing to the file, if anything: its folder (for the -wal and
    -shm), the file itself, or a -wal or -shm already there. A desk that could only read the
    file leaves those read-only; made writable, the file opened as such and every save failed."""
    path = Path(path)
    if not os.access(path.parent, os.W_OK):
        return path.parent
    return next((part for part in (path, *logs_of(path, "-wal", "-shm"))
                 if part.exists() and not os.access(part, os.W_OK)), None)


def write_refused(path: Path) -> OSError | None:
    """Why the file path cannot be written, as the system says it, or None if nothing
    refuses it: its folder made if missing, a byte written beside it (only writing finds a
    full disk or a used-up quota), the file itself writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent) as probe:
            probe.write(b"\0")
            probe.flush()
    except OSError as error:
        return error
    if path.exists() and not os.access(path, os.W_OK):
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return None


def is_network_path(path: Path, mounts_file: Path = Path("/proc/mounts")) -> bool:
    """True if path (or the folder it would be made in) lies on a network file system."""
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_is_network(path)
    return filesystem_type(path, mounts_file) in NETWORK_FILESYSTEMS


def filesystem_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The type of the longest mount point holding path, from a /proc/mounts-style file."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None  # not Linux, or /proc not mounted: nothing to go on
    resolved = _existing(path).resolve()
    best, best_type = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = _OCTAL.sub(lambda match: chr(int(match.group(1), 8)), fields[1])
        if _is_under(resolved, Path(mount)) and len(mount) >= len(best):
            best, best_type = mount, fields[2]
    return best_type


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _is_under(path: Path, mount: Path) -> bool:
    return path == mount or mount in path.parents


def _windows_is_network(path: Path) -> bool:
    text = str(path)
    if text.upper().startswith("\\\\?\\UNC\\") or (
            text.startswith("\\\\") and not text.startswith("\\\\?\\")):
        return True  # \\server\share
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == _DRIVE_REMOTE


def is_database_file(path: Path | str, database: Path | str | None) -> bool:
    """Whether path is the database file or its -wal or -shm, under any name or link. Such a
    file is never an output, nor opened with Python's own file calls: closing any handle on
    it drops every SQLite lock this process holds on it."""
    if database is None or is_server(database) or not Path(path).exists():
        return False
    return any(Path(f"{database}{suffix}").exists()
               and os.path.samefile(path, f"{database}{suffix}") for suffix in ("", "-wal", "-shm"))


def refuse_all_but_a_file(path: Path) -> None:
    """Raise InputError if path, or what a link at path names, is there but is not a file: a
    device, a pipe or a folder. What is written whole takes its name in one rename, which
    puts a file in a device's place instead of writing to it: a report through a link to
    /dev/null, run as root, replaced /dev/null."""
    if path.exists() and not path.is_file():
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "{path} is not a file: choose another file name"), path=str(path))
