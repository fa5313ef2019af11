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
