"""The Audit log says what a command did as a person says it: an import, a restore, a rebuild
of the sums, the boxes a save added or removed, a lock-out by wrong passwords."""

import dataclasses
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import zoneinfo

import pytest

from hubapp.store import audit, backup, services, transaction, users
from hubapp.store.users import UserRecord

from conftest import DEMO_END, shown_audit


def _listed(qtbot, qapp, app_ctx, language, row=0):
    """The Changes and details of the row's entry, as the Audit log shows them in language."""
    from hubapp.ui.translations import install_translations

    install_translations(qapp, language)
    try:
        screen = shown_audit(qtbot, app_ctx)
        screen.table.selectRow(row)
        return (screen.model.index(row, 1).data(), screen.model.index(row, 4).data(),
                screen.details.toPlainText().splitlines()[2:])
    finally:
        install_translations(qapp, "en")


def test_a_restore_names_its_backup_when_it_was_taken_and_what_it_replaced(
        qtbot, qapp, app_ctx, tmp_path):
    """Its entry said "database b.db" and nothing else: not when the backup was taken, that
    the changes made since were thrown away, nor where the copy still holding them is."""
    saved = backup.backup_to(app_ctx.db_path, tmp_path / "b.db")
    taken = dt.datetime(2026, 11, 30, 18, 5, 9, tzinfo=dt.timezone.utc)
    os.utime(saved, (taken.timestamp(), taken.timestamp()))
    summary = services.list_day(app_ctx.db, DEMO_END)[0]
    services.save_service(app_ctx.db, dataclasses.replace(summary.service, notes="late loco"),
                          services.list_moves(app_ctx.db, summary.service.id),
                          UserRecord("wang.li", "admin"))
    users.add_user(app_ctx.db, users.SHELL_ADMIN, "zhao", users.CLERK, "password-1")
    kept = backup.restore(saved, app_ctx.db_path, users.SHELL_ADMIN)
    hub = taken.astimezone(zoneinfo.ZoneInfo(app_ctx.time_zone)).strftime("%Y-%m-%d %H:%M:%S")

    who, changes, details = _listed(qtbot, qapp, app_ctx, "en")
    assert (who, changes) == ("command line", (
        f"restored from b.db, taken {hub}; replaced 2 changes made after it; the data before "
        f"the restore is kept as {kept.name}"))
    assert details == [f"restored from {saved}, taken {hub}",
                       "replaced 2 changes made after it",
                       f"the data before the restore is kept as {kept}"]
    _who, chinese, _details = _listed(qtbot, qapp, app_ctx, "zh")
    assert chinese == (f"从 b.db 恢复，备份于 {hub}；替换了其后的 2 项更改；恢复前的数据保存为 "
                       f"{kept.name}")
    # What it replaced is in the copy it names.
    with sqlite3.connect(kept) as conn:
        assert [row[0] for row in conn.execute(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 2")] == ["create", "update"]
    conn.close()


def test_a_second_restore_of_one_backup_counts_only_the_changes_it_threw_away(
        app_ctx, tmp_path):
    """Counted as the gap between audit ids, it said "replaced 12 changes": the data replaced
    held 2 entries newer than the backup, the other 10 gone with the first restore."""

    def one_change(note):
        summary = services.list_day(app_ctx.db, DEMO_END)[0]
        services.save_service(app_ctx.db, dataclasses.replace(summary.service, notes=note),
                              services.list_moves(app_ctx.db, summary.service.id),
                              UserRecord("wang.li", "admin"))

    saved = backup.backup_to(app_ctx.db_path, tmp_path / "b.db")
    for n in range(10):
        one_change(f"change {n}")
    backup.restore(saved, app_ctx.db_path, users.SHELL_ADMIN)
    assert audit.entries(app_ctx.db, action="restore")[0].after["replaced"] == 10
    one_change("after the first restore")
    kept = backup.restore(saved, app_ctx.db_path, users.SHELL_ADMIN)
    assert audit.entries(app_ctx.db, action="restore")[0].after["replaced"] == 2
    with sqlite3.connect(kept) as conn:  # the first restore's entry and the one save
        assert [row[0] for row in conn.execute(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 2")] == ["update", "restore"]
    conn.close()


def test_a_repair_names_the_days_whose_sums_it_put_right(qtbot, qapp, app_ctx):
    """hubapp check --repair's entry read "rebuild sums" alone, where the check had said which
    days' dwell and roll-up differed from their containers."""
    with sqlite3.connect(app_ctx.db_path) as conn:
        dwell_day, status, first_day = conn.execute(
            "SELECT m.date, s.status, (SELECT MIN(date) FROM daily_rollup) FROM container_move m"
            " JOIN service s ON s.id = m.service_id WHERE m.id ="
            " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)").fetchone()
        conn.execute("UPDATE container_move SET dwell_min = dwell_min + 7 WHERE id ="
                     " (SELECT MAX(id) FROM container_move WHERE dwell_min IS NOT NULL)")
        conn.execute("UPDATE daily_rollup SET teu = teu + 1 WHERE date = ?", [first_day])
    conn.close()
    repaired = subprocess.run([sys.executable, "-m", "hubapp", "check", "--db",
                               str(app_ctx.db_path), "--repair"],
                              capture_output=True, text=True, timeout=120)
    assert repaired.returncode == 0, repaired.stderr
    assert status == "planned"  # which no roll-up counts: its day's is as it was
    roll_up = first_day

    who, changes, details = _listed(qtbot, qapp, app_ctx, "en")
    assert (who, changes) == ("command line", f"dwell times: {dwell_day}; roll-up: {roll_up}")
    assert details == [f"dwell times: {dwell_day}", f"roll-up: {roll_up}"]
    _who, chinese, _details = _listed(qtbot, qapp, app_ctx, "zh")
    assert chinese == f"堆存时间：{dwell_day}；汇总统计表：{roll_up}"


def test_an_import_reads_as_one_line_and_moved_boxes_without_an_arrow_to_nothing(
        qtbot, qapp, app_ctx, tmp_path):
    """"file: — → day.csv; services: — → 1; containers: — → 38" read as counts that went
    from nothing, and "containers removed: TCLU3240111 → —" as a box that went to nothing."""
    from hubapp.interchange import export_file, import_file

    loading_list = tmp_path / "day.csv"
    export_file(app_ctx.db, loading_list, DEMO_END, DEMO_END)
    gone = services.list_day(app_ctx.db, DEMO_END)[0].service
    moves = services.list_moves(app_ctx.db, gone.id)
    services.delete_service(app_ctx.db, gone.id, UserRecord("wang.li", "admin"))
    import_file(app_ctx.db, loading_list, UserRecord("li.na", "admin"), skip_duplicates=True)
    teu = sum(move.teu for move in moves)
    assert len(moves) > 1 and teu.is_integer()

    who, changes, details = _listed(qtbot, qapp, app_ctx, "en")
    said = (f"imported 1 service, {len(moves)} containers, {int(teu)} TEU ({DEMO_END}) "
            f"from day.csv")
    assert (who, changes) == ("li.na", f"{said}; service nos.: {gone.service_no}")
    assert details == [said, f"service nos.: {gone.service_no}"]
    _who, chinese, _details = _listed(qtbot, qapp, app_ctx, "zh")
    assert chinese == (f"从 day.csv 导入 1 班、{len(moves)} 箱、{int(teu)} 标箱（{DEMO_END}）；"
                       f"班次号：{gone.service_no}")

    service = next(summary.service for summary in services.list_day(app_ctx.db, DEMO_END)
                   if summary.service.service_no == gone.service_no)
    kept = services.list_moves(app_ctx.db, service.id)
    services.save_service(app_ctx.db, service, kept[:-1], UserRecord("wang.li", "admin"))
    _who, changes, details = _listed(qtbot, qapp, app_ctx, "en")
    removed = kept[-1].container
    assert f"containers removed: {removed}" in changes and "→ —" not in changes
    # The details list it with its fields below the heading, as before.
    assert details[-2] == "containers removed:" and details[-1].startswith(f"    {removed}  ")
    _who, chinese, _details = _listed(qtbot, qapp, app_ctx, "zh")
    assert f"移除箱：{removed}" in chinese and "→ —" not in chinese


@pytest.fixture
def clerk(app_ctx):
    users.add_user(app_ctx.db, users.SHELL_ADMIN, "wang", users.CLERK, "password-1")
    return "wang"


def test_a_lock_out_is_listed_as_failed_logins_not_as_the_account_locked(
        qtbot, qapp, app_ctx, clerk):
    """Who read "wang" beside "lock out user wang", as if the clerk had done it; an entry an
    earlier release wrote so reads as the failed logins too."""
    with transaction(app_ctx.db):  # as earlier releases wrote a lock-out
        audit.record(app_ctx.db, clerk, "lock out", "user", clerk, None,
                     {"until": "2026-11-01T08:05:00+00:00"})
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(users.AuthError):
            users.authenticate(app_ctx.db, clerk, "guess")
    # Filtered by the writer shown: "failed logins" found only the new one, and "wang" the
    # old one, listed as "failed logins", wang offered in the User list for it.
    assert [entry.action for entry in audit.entries(app_ctx.db, user="failed logins")] == [
        "lock out", "lock out"]
    assert audit.entries(app_ctx.db, user=clerk) == []
    assert "failed logins" in audit.user_names(app_ctx.db)
    assert clerk not in audit.user_names(app_ctx.db)

    for row in (0, 1):
        who, _changes, _details = _listed(qtbot, qapp, app_ctx, "en", row)
        assert who == "failed logins"
        who, _changes, _details = _listed(qtbot, qapp, app_ctx, "zh", row)
        assert who == "登录失败"
