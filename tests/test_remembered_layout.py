"""The window's size, splitters and column widths as the user left them: at the next start and
in the window a switch of user or database opens."""

from __future__ import annotations

import shutil


def test_switching_user_opens_the_new_window_as_the_current_one_is(
        qtbot, demo_template, tmp_path, monkeypatch):
    from hubapp.store import open_db, users
    from hubapp.ui import app, dialogs

    path = shutil.copyfile(demo_template, tmp_path / "hub.db")
    db = open_db(path)
    users.add_user(db, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
    users.add_user(db, users.SHELL_ADMIN, "clerk", users.CLERK, "correct horse 2")
    users.set_single_user_mode(db, users.SHELL_ADMIN, False)
    db.close()
    monkeypatch.setattr(dialogs, "log_in",
                        lambda parent, db: users.authenticate(db, "clerk", "correct horse 2"))
    opened = []
    try:
        # The last run ended small.
        last_run = app.open_window(open_db(path), path)
        opened.append(last_run)
        last_run.setGeometry(10, 20, 600, 450)
        last_run.close()
        qtbot.waitUntil(lambda: not last_run.isVisible())
        # Today the clerk made it taller.
        clerks = app.open_window(open_db(path), path)
        opened.append(clerks)
        clerks.setGeometry(40, 30, 790, 570)
        geometry = clerks.geometry()
        assert geometry.height() != last_run.height()
        monkeypatch.setattr(dialogs, "log_in",
                            lambda parent, db: users.authenticate(db, "boss", "correct horse 1"))

        clerks.switch_user_action.trigger()

        qtbot.waitUntil(lambda: not clerks.isVisible())
        boss = app.windows[-1]
        opened.append(boss)
        assert boss.ctx.user == "boss"
        # The height only: the test's small screen has the widths and places of windows
        # restored on it adjusted.
        assert boss.height() == geometry.height()
        boss.close()
        qtbot.waitUntil(lambda: not boss.isVisible())
        # And so at the next start: the boss's window did not save the last run's over it.
        next_start = app.open_window(open_db(path), path)
        opened.append(next_start)
        assert next_start.height() == geometry.height()
    finally:
        for window in opened:
            window.close()
            qtbot.waitUntil(lambda: not window.isVisible())
            assert window.ctx.tasks.wait()
            if window in app.windows:
                app.windows.remove(window)
            window.ctx.db.close()
