"""An admin keeps the users from the window; anyone else only looks."""

import sqlite3

from PySide6.QtCore import Qt

from hubapp.store import users
from hubapp.ui.users_screen import UsersScreen


def _screen(qtbot, ctx):
    screen = UsersScreen(ctx)
    qtbot.addWidget(screen)
    return screen


def test_admin_adds_a_clerk_then_changes_and_deactivates_them(qtbot, app_ctx, demo_db_path,
                                                              qtmodeltester):
    screen = _screen(qtbot, app_ctx)  # app_ctx works as the single-user admin
    qtbot.keyClicks(screen.name, "zhao.min")
    screen.role.setCurrentIndex(screen.role.findData("clerk"))
    qtbot.keyClicks(screen.password, "short")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert "at least" in screen.message.text()  # too short: refused, nothing added
    assert screen.model.rowCount() == 0
    screen.password.clear()
    qtbot.keyClicks(screen.password, "cassava-2026")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(screen.model)
    assert [screen.model.index(0, c).data() for c in range(3)] == ["zhao.min", "Clerk", "yes"]
    assert users.authenticate(app_ctx.db, "zhao.min", "cassava-2026").role == "clerk"

    screen.table.selectRow(0)
    screen.role.setCurrentIndex(screen.role.findData("supervisor"))
    qtbot.mouseClick(screen.role_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT role, active FROM app_user WHERE name = 'zhao.min'"
                            ).fetchone() == ("supervisor", 0)


def test_a_clerk_cannot_manage_users(qtbot, app_ctx):
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    screen = _screen(qtbot, app_ctx)
    assert not screen.add_button.isEnabled() and not screen.single_user.isEnabled()
    assert "Only an admin" in screen.message.text()
