"""Backups of one database made at the same moment by several desks or commands."""

import datetime as dt

from hubapp.store import backup


def test_two_backups_in_the_same_second_are_both_made(demo_db_path, tmp_path, monkeypatch):
    """A desk starting as the nightly `hubapp backup` ran: both wrote the same NAME.partial,
    each removed the other's as a killed backup's, and both failed, saying the hub's database
    was missing or empty."""
    folder, now = tmp_path / "backups", dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.timezone.utc)
    real_copy, copies, second = backup.write_copy, [], []

    def copying(*args, **kwargs) -> None:
        copies.append(args[1])
        real_copy(*args, **kwargs)
        if len(copies) == 1:  # the other desk's, made while this one's copy waits for its name
            second.append(backup.automatic_backup(demo_db_path, folder, now=now))

    monkeypatch.setattr(backup, "write_copy", copying)
    first = backup.automatic_backup(demo_db_path, folder, now=now)
    assert first == second[0] and first.exists()
    backup.verify(first)
    assert [path.name for path in folder.iterdir()] == [first.name]  # no copy left unnamed


def test_what_a_killed_backup_to_a_named_file_left_goes_once_stale(demo_db_path, tmp_path):
    """Each nightly `hubapp backup -o nightly.db` killed left a copy the size of the hub under
    a name of its own, for good: only backups into a folder swept them."""
    import os
    import time

    from hubapp.store.whole_file import STALE_SECONDS

    target = tmp_path / "nightly.db"
    killed = tmp_path / "nightly.db.0a1b2c3d.partial"
    running = tmp_path / "nightly.db.4e5f6a7b.partial"  # another run's, still being written
    others = tmp_path / "nightly.db.notes.partial"
    for path in (killed, running, others):
        path.write_bytes(b"SQLite format 3\x00part of a copy")
    old = time.time() - STALE_SECONDS - 60
    for path in (killed, others):
        os.utime(path, (old, old))
    backup.backup_to(demo_db_path, target)
    backup.verify(target)
    assert sorted(path.name for path in tmp_path.iterdir() if "nightly" in path.name) == sorted([
        target.name, others.name, running.name])
