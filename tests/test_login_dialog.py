"""The login box and the first-start admin box, typed into like a user would."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hubapp.store import open_db, settings, users
from hubapp.ui import app as app_module, dialogs
from hubapp.ui.login_dialog import LoginDialog, PasswordDialog

from conftest import readable, shown_text

PASSWORD = "cassava flour"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "hub.db")
    yield db
    db.close()


def _dialog(qtbot, db):
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot, dialog, name, password, repeat=None):
    for edit, text in ((dialog.name_edit, name), (dialog.password_edit, password),
                       (dialog.repeat_edit, repeat)):
        if text is not None:
            edit.clear()
            qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_first_start_makes_the_admin(qtbot, db):
    dialog = _dialog(qtbot, db)
    assert dialog.repeat_edit.isVisible() and "no users yet" in dialog.intro.text()
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD + "x")
    assert dialog.isVisible() and dialog.message_label.text() == "The two passwords differ."
    assert users.list_users(db) == []
    # The hub's name: its reports were headed by the demo's park until Settings was found.
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.message_label.text() == "Type the hub's name: it heads every report."
    assert users.list_users(db) == [] and dialog.focusWidget() is dialog.hub_edit
    qtbot.keyClicks(dialog.hub_edit, "  Xi'an  International Port ")
    qtbot.keyClicks(dialog.target_edit, "8")
    _type(qtbot, dialog, "Li Na", "short", "short")
    assert "at least 8 characters" in dialog.message_label.text()
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert (dialog.user.name, dialog.user.role) == ("Li Na", users.ADMIN)
    assert [u.name for u in users.list_users(db)] == ["Li Na"]
    hub = settings.load(db)
    assert (hub.hub_name, hub.hub_name_zh) == ("Xi'an International Port",) * 2
    assert hub.daily_train_target == 8


@pytest.mark.parametrize(("tz", "kept"), [
    ("Asia/Shanghai", "Asia/Shanghai"), (":America/New_York", "America/New_York"),
    ("CST-8", ""),  # a zone the standard library cannot name: the hub is left without one
])
def test_a_new_hub_keeps_its_first_desks_time_zone(qtbot, db, monkeypatch, tz, kept):
    """Its service times were judged in each computer's zone: a server kept in UTC, or a
    laptop on another zone's time, found the hub's trains still to come."""
    monkeypatch.setenv("TZ", tz)
    dialog = _dialog(qtbot, db)
    qtbot.keyClicks(dialog.hub_edit, "Xi'an International Port")
    qtbot.keyClicks(dialog.target_edit, "8")
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.load(db).time_zone == kept


def test_the_first_start_shows_this_computers_zone_and_stores_the_one_picked(
        qtbot, db, monkeypatch):
    """A hub set up on a server kept in UTC took Etc/UTC unsaid: every desk in China was then
    refused departures for 8 hours a day as "later than now". The zone is shown, offered
    from the list as Settings offers it, and judged as Settings judges it."""
    monkeypatch.setenv("TZ", "Etc/UTC")
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # a completer offers only to a field with the focus
        dialog.show()
        dialog.activateWindow()
    assert dialog.zone_edit.isVisible() and dialog.zone_edit.text() == "Etc/UTC"
    qtbot.keyClicks(dialog.hub_edit, "Chongqing Hub")
    qtbot.keyClicks(dialog.target_edit, "8")
    dialog.zone_edit.selectAll()
    qtbot.keyClicks(dialog.zone_edit, "Asia/Shangai")
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.isVisible() and dialog.message_label.text() == (
        "'Asia/Shangai' is not a time zone: choose one from the list, like Asia/Shanghai, or "
        "leave it empty for this computer's")
    assert dialog.focusWidget() is dialog.zone_edit and users.list_users(db) == []

    dialog.zone_edit.clear()
    qtbot.keyClicks(dialog.zone_edit, "shangh")
    popup = dialog.zone_edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.zone_edit.text() == "Asia/Shanghai"
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.load(db).time_zone == "Asia/Shanghai"


def test_the_first_start_asks_the_daily_train_target_as_settings_judges_it(qtbot, db):
    """A new hub started with the demo's target of 20 trains a day, drawn over its first
    train as a target nobody had set."""
    dialog = _dialog(qtbot, db)
    assert dialog.target_edit.isVisible() and dialog.target_edit.text() == ""
    qtbot.keyClicks(dialog.hub_edit, "Nanning Rail Port")
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.message_label.text() == (
        "Type the daily train target: the Dashboard measures each day's trains against it.")
    assert dialog.focusWidget() is dialog.target_edit and users.list_users(db) == []
    for typed, said in (("600", "Expected a whole number from 1 to 500, not 600"),
                        ("2.5", "Expected a whole number from 1 to 500, not 2.5")):
        dialog.target_edit.clear()
        qtbot.keyClicks(dialog.target_edit, typed)
        _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
        assert dialog.isVisible() and dialog.message_label.text() == said
        assert dialog.focusWidget() is dialog.target_edit
        assert dialog.target_edit.selectedText() == typed
        assert users.list_users(db) == [] and settings.load(db).hub_name != "Nanning Rail Port"
    qtbot.keyClicks(dialog.target_edit, "6")  # typed over the wrong one
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.load(db).daily_train_target == 6


def test_the_first_start_says_the_shipped_routes_are_chongqing_s(qtbot, db):
    """Every shipped route starts at CNCQI, and nothing at a new hub's first start said so."""
    from hubapp.store import reference

    dialog = _dialog(qtbot, db)
    assert "the Chongqing hub's (routes from CNCQI): check them in Reference data ▸ Routes" \
        in dialog.intro.text()
    assert {route.origin for route in reference.list_routes(db)} == {"CNCQI"}


def test_what_went_wrong_can_be_read_on_a_dark_desktop(dark_desktop, qtbot, db):
    """Its dark red nearly vanished on a dark theme's window."""
    dialog = _dialog(qtbot, db)
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD + "x")
    assert dialog.message_label.isVisible() and readable(dialog.message_label)


def test_an_admin_made_at_another_desk_meanwhile_turns_the_box_into_the_login(
        qtbot, db, tmp_path):
    # Two desks started on one new hub: the second box stayed "create the administrator"
    # and refused even the first admin's own name and password.
    other_desk = open_db(tmp_path / "hub.db")
    try:
        first, second = _dialog(qtbot, other_desk), _dialog(qtbot, db)
        qtbot.keyClicks(first.hub_edit, "Hub")
        qtbot.keyClicks(first.target_edit, "4")
        _type(qtbot, first, "anna", PASSWORD, PASSWORD)
        assert first.result() == QDialog.DialogCode.Accepted
    finally:
        other_desk.close()
    qtbot.keyClicks(second.hub_edit, "Hub")
    qtbot.keyClicks(second.target_edit, "4")
    _type(qtbot, second, "anna", PASSWORD, PASSWORD)
    assert second.isVisible() and second.message_label.text() == (
        "An administrator was just created at another desk: log in with their name and "
        "password.")
    assert second.windowTitle() == "Hub Desk: log in" and second.name_edit.text() == "anna"
    assert not second.repeat_edit.isVisible() and not second.hub_edit.isVisible()
    assert not second.target_edit.isVisible()
    assert second.ok_button.text() == "&Log in"
    _type(qtbot, second, "anna", PASSWORD)
    assert second.result() == QDialog.DialogCode.Accepted and second.user.name == "anna"
    assert [u.name for u in users.list_users(db)] == ["anna"]


def test_an_admin_a_command_made_sets_the_hub_up_at_their_first_login(qtbot, db):
    """`hubapp users add … --role admin` made a new hub's first admin: the first start's box
    never came, and the hub ran on the demo park's name, a target of 20 and no zone."""
    users.add_user(db, users.SHELL_ADMIN, "Li Na", users.ADMIN, PASSWORD)
    assert not settings.is_set_up(db)
    dialog = _dialog(qtbot, db)
    assert dialog.windowTitle() == "Hub Desk: log in" and not dialog.hub_edit.isVisible()
    _type(qtbot, dialog, "Li Na", PASSWORD)
    assert dialog.isVisible() and dialog.windowTitle() == "Hub Desk: set up the hub"
    assert "have not been chosen yet" in dialog.intro.text()
    assert not dialog.name_edit.isVisible() and not dialog.password_edit.isVisible()
    assert all(edit.isVisible() for edit in (dialog.hub_edit, dialog.zone_edit,
                                              dialog.target_edit))
    assert dialog.focusWidget() is dialog.hub_edit and dialog.target_edit.text() == ""
    assert dialog.ok_button.text() == "&Save and log in"
    qtbot.keyClicks(dialog.hub_edit, "Nanning Rail Port")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message_label.text() == (
        "Type the daily train target: the Dashboard measures each day's trains against it.")
    assert not settings.is_set_up(db)
    dialog.zone_edit.clear()
    qtbot.keyClicks(dialog.zone_edit, "asia/shanghai")
    qtbot.keyClicks(dialog.target_edit, "6")
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.user.name, dialog.user.role) == ("Li Na", users.ADMIN)
    hub = settings.load(db)
    assert (hub.hub_name, hub.hub_name_zh, hub.time_zone, hub.daily_train_target) == (
        "Nanning Rail Port", "Nanning Rail Port", "Asia/Shanghai", 6)
    # Asked once: the next login is the login alone.
    again = _dialog(qtbot, db)
    _type(qtbot, again, "Li Na", PASSWORD)
    assert again.result() == QDialog.DialogCode.Accepted


def test_a_hub_in_use_never_set_up_lets_its_clerks_in_and_asks_its_admin_once(qtbot, demo_db):
    """An older release's hub that never saved its settings has services and no name: its
    clerks work on, not shut out until the admin logs in, and the admin is asked."""
    for name, role in (("Li Na", users.ADMIN), ("wang", users.CLERK)):
        users.add_user(demo_db, users.SHELL_ADMIN, name, role, PASSWORD)
    users.set_single_user_mode(demo_db, users.SHELL_ADMIN, False)
    demo_db.execute("DELETE FROM hub_setting WHERE key IN ('hub_name', 'hub_name_zh')")
    clerk = _dialog(qtbot, demo_db)
    _type(qtbot, clerk, "wang", PASSWORD)
    assert clerk.result() == QDialog.DialogCode.Accepted and clerk.user.name == "wang"
    assert not settings.is_set_up(demo_db)
    admin = _dialog(qtbot, demo_db)
    _type(qtbot, admin, "Li Na", PASSWORD)
    assert admin.isVisible() and admin.windowTitle() == "Hub Desk: set up the hub"


def test_a_demo_with_logins_is_a_hub_set_up(qtbot, demo_db):
    """The demo's park is its name: its training copy's admin is not asked to set it up."""
    users.add_user(demo_db, users.SHELL_ADMIN, "boss", users.ADMIN, PASSWORD)
    users.set_single_user_mode(demo_db, users.SHELL_ADMIN, False)
    dialog = _dialog(qtbot, demo_db)
    _type(qtbot, dialog, "boss", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.load(demo_db).hub_name == "Chongqing International Logistics Hub Park"


def test_login_with_wrong_then_right_password(qtbot, db):
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    users.add_user(db, admin, "wang", users.CLERK, PASSWORD)
    dialog = _dialog(qtbot, db)
    assert not dialog.repeat_edit.isVisible()
    _type(qtbot, dialog, "wang", "cassava flower")
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Wrong user name or password"
    assert dialog.password_edit.text() == "" and dialog.name_edit.text() == "wang"
    _type(qtbot, dialog, "wang", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.user.name, dialog.user.role) == ("wang", users.CLERK)


def test_five_wrong_passwords_lock_the_user_out(qtbot, db):
    users.create_first_admin(db, "Li Na", PASSWORD)
    dialog = _dialog(qtbot, db)
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        _type(qtbot, dialog, "Li Na", "guess guess")
        assert dialog.message_label.text() == "Wrong user name or password"
    # The fifth says so: it said "Wrong", and the right password typed next failed too.
    _type(qtbot, dialog, "Li Na", "guess guess")
    # The hub's only admin, with nobody to ask: "or ask an admin" sent her looking.
    assert dialog.message_label.text() == \
        "Li Na is locked out after 5 wrong passwords; try again in 5 min"
    _type(qtbot, dialog, "Li Na", PASSWORD)
    assert dialog.isVisible() and dialog.user is None
    assert "locked out after 5 wrong passwords" in dialog.message_label.text()
    # Five minutes later the right password works again.
    later = dt.datetime.now(dt.timezone.utc) + users.LOCK_OUT + dt.timedelta(seconds=1)
    assert users.authenticate(db, "Li Na", PASSWORD, now=later).role == users.ADMIN


def test_a_name_in_the_boxes_is_shown_as_typed_not_read_as_markup(qtbot, db):
    """"<s>wang</s> is locked out…" showed wang struck through."""
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    users.add_user(db, admin, "<s>wang</s>", users.CLERK, PASSWORD)
    dialog = _dialog(qtbot, db)
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        _type(qtbot, dialog, "<s>wang</s>", "guess guess")
    assert shown_text(dialog.message_label) == \
        "<s>wang</s> is locked out after 5 wrong passwords; try again in 5 min or ask an admin"
    # As the Users screen's Set password… asks it.
    asked = PasswordDialog("Set password", "A new password for <s>wang</s>.",
                           lambda _current, _new: None, current=False)
    qtbot.addWidget(asked)
    assert shown_text(asked.intro) == "A new password for <s>wang</s>."


def _changing_my_password(qtbot, db, name: str) -> PasswordDialog:
    """Change my password, shown, as the first admin, name, asks it."""
    admin = users.create_first_admin(db, name, PASSWORD)
    dialog = PasswordDialog("Change my password", "", lambda current, new: (
        users.change_own_password(db, admin, current, new)), current=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_change_my_password_refuses_spaces_and_ones_own_name(qtbot, db):
    dialog = _changing_my_password(qtbot, db, "Li Na Zhang")
    for new, said in (("LI NA ZHANG", "A password must not be the user's name"),
                      (" " * 8, "A password needs more than spaces")):
        for edit, text in ((dialog.current_edit, PASSWORD), (dialog.new_edit, new),
                           (dialog.repeat_edit, new)):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.message_label.text() == said
    assert users.authenticate(db, "Li Na Zhang", PASSWORD).name == "Li Na Zhang"


def test_enter_after_the_name_goes_to_the_password_and_counts_no_attempt(qtbot, db):
    """Typed as a name then Enter, it was a login without a password: a wrong password,
    and five of them locked the account."""
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    users.add_user(db, admin, "wang", users.CLERK, PASSWORD)
    dialog = _dialog(qtbot, db)
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        dialog.name_edit.clear()
        dialog.name_edit.setFocus()
        qtbot.keyClicks(dialog.name_edit, "wang")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.focusWidget() is dialog.password_edit
        assert dialog.message_label.isHidden()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.name == "wang"


def _enter_in_each(qtbot, dialog, typed) -> None:
    """Each field typed into and left by Enter, as people fill a form: Enter goes on to the
    next field, still empty, and only the last one's presses OK."""
    for edit, text in typed:
        assert dialog.focusWidget() is edit and dialog.message_label.isHidden()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_first_start_box_filled_by_enter_asks_nothing_before_the_last_field(qtbot, db):
    """Enter after the password said "The two passwords differ." before it could be
    repeated."""
    dialog = _dialog(qtbot, db)
    _enter_in_each(qtbot, dialog, ((dialog.name_edit, "Li Na"), (dialog.password_edit, PASSWORD),
                                   (dialog.repeat_edit, PASSWORD), (dialog.hub_edit, "Lotus Hub"),
                                   (dialog.target_edit, "12")))
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.name == "Li Na"


def test_the_change_password_box_filled_by_enter_keeps_the_current_password(qtbot, db):
    """Enter after the current password refused it as too short a new one, and wiped it."""
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    dialog = PasswordDialog("Change password", "", lambda current, new: users.change_own_password(
        db, admin, current, new), current=True)
    qtbot.addWidget(dialog)
    dialog.show()
    _enter_in_each(qtbot, dialog, ((dialog.current_edit, PASSWORD),
                                   (dialog.new_edit, "tapioca starch"),
                                   (dialog.repeat_edit, "tapioca starch")))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert users.authenticate(db, "Li Na", "tapioca starch").name == "Li Na"


def test_cancelling_the_login_opens_no_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "hub.db"
    db = open_db(path)
    users.create_first_admin(db, "Li Na", PASSWORD)
    db.close()
    asked = []
    monkeypatch.setattr(dialogs, "log_in", lambda parent, db: asked.append(db) or None)
    monkeypatch.setattr(app_module, "_log_to_file", lambda: None)
    monkeypatch.setattr(app_module.sys, "excepthook", app_module.sys.excepthook)
    monkeypatch.setattr(app_module, "MainWindow", lambda *a: pytest.fail("window opened"))
    assert app_module.run_gui(path) == 0
    assert len(asked) == 1


@pytest.mark.parametrize("name, said", [
    ("", "A user name must be 1–40 characters"),
    ("command line", "command line is the name Hub Desk writes in the audit log for the "
                     "command line; choose another")])
def test_a_wrong_name_for_the_first_admin_goes_back_to_the_name_and_keeps_the_passwords(
        qtbot, db, name, said):
    """It cleared both passwords, typed twice, and put the cursor in Password, though the
    name was what was wrong."""
    dialog = _dialog(qtbot, db)
    qtbot.keyClicks(dialog.hub_edit, "Lotus Hub")
    qtbot.keyClicks(dialog.target_edit, "12")
    _type(qtbot, dialog, name, PASSWORD, PASSWORD)
    assert dialog.isVisible() and dialog.message_label.text() == said
    assert dialog.focusWidget() is dialog.name_edit
    assert dialog.name_edit.selectedText() == name
    assert dialog.password_edit.text() == dialog.repeat_edit.text() == PASSWORD
    qtbot.keyClicks(dialog.name_edit, "Li Na")  # typed over the wrong one
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.name == "Li Na"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_first_start_box_shows_its_whole_intro_and_message_at_a_large_font(
        qapp, qtbot, db, language):
    # On an 800 px screen at 14 pt the intro lost its last lines, the Chongqing routes note.
    from hubapp.ui.translations import install_translations

    from conftest import app_font_of

    install_translations(qapp, language)
    try:
        with app_font_of(qapp, 14):
            dialog = _dialog(qtbot, db)
            qtbot.waitExposed(dialog)
            _type(qtbot, dialog, "wang", PASSWORD, PASSWORD)  # no hub name: a message too
            for label in (dialog.intro, dialog.message_label):
                assert label.isVisible()
                assert label.height() >= label.heightForWidth(label.width()), label.text()
    finally:
        install_translations(qapp, "en")


def test_tab_visits_the_first_start_box_s_fields_as_they_are_shown(qtbot, db):
    """The time zone, added under the hub's name, was reached by Tab after the daily train
    target below it, while Enter went down the rows."""
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    visited = [dialog.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        visited.append(dialog.focusWidget())
    assert visited == [dialog.name_edit, dialog.password_edit, dialog.repeat_edit,
                       dialog.hub_edit, dialog.zone_edit, dialog.target_edit]


@pytest.mark.sqlite_only
def test_an_admin_of_a_hub_not_set_up_logs_in_to_a_file_that_only_reads(qtbot, tmp_path,
                                                                       unwritable):
    """A login goes ahead where nothing can be saved, but the admin of a hub not set up was
    held in the set-up box, whose Save was refused: Cancel the only way out, where a clerk
    logged in."""
    path = tmp_path / "hub.db"
    db = open_db(path)
    users.add_user(db, users.SHELL_ADMIN, "boss", users.ADMIN, "correct horse 1")
    db.close()
    unwritable(path)
    db = open_db(path)
    try:
        dialog = LoginDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.name_edit, "boss")
        qtbot.keyClicks(dialog.password_edit, "correct horse 1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.name == "boss"
    finally:
        db.close()


def test_ok_clicked_without_a_password_goes_to_it_and_counts_no_attempt(qtbot, db):
    """As Enter does: a click on Log in with no password counted as a wrong one, and five
    locked the account."""
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    users.add_user(db, admin, "wang", users.CLERK, PASSWORD)
    dialog = _dialog(qtbot, db)
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        _type(qtbot, dialog, "wang", "")
        assert dialog.isVisible() and dialog.focusWidget() is dialog.password_edit
        assert dialog.message_label.isHidden()
    assert db.execute("SELECT failed_attempts FROM app_user WHERE name = 'wang'"
                      ).fetchone() == (0,)
    _type(qtbot, dialog, "wang", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.name == "wang"


def test_a_refused_login_puts_the_cursor_back_in_the_password_to_type_again(qtbot, db):
    admin = users.create_first_admin(db, "Li Na", PASSWORD)
    users.add_user(db, admin, "wang", users.CLERK, PASSWORD)
    dialog = _dialog(qtbot, db)
    _type(qtbot, dialog, "wang", "guess guess")
    assert dialog.message_label.text() == "Wrong user name or password"
    assert dialog.focusWidget() is dialog.password_edit and dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_two_passwords_that_differ_keep_the_first_and_ask_the_repeat_again(qtbot, db):
    dialog = _dialog(qtbot, db)
    _type(qtbot, dialog, "Li Na", PASSWORD, PASSWORD + "x")
    assert dialog.message_label.text() == "The two passwords differ."
    assert dialog.password_edit.text() == PASSWORD and dialog.repeat_edit.text() == ""
    assert dialog.focusWidget() is dialog.repeat_edit


def test_the_set_up_box_does_not_keep_an_earlier_wrong_password_s_message(qtbot, db):
    users.add_user(db, users.SHELL_ADMIN, "Li Na", users.ADMIN, PASSWORD)
    dialog = _dialog(qtbot, db)
    _type(qtbot, dialog, "Li Na", "guess guess")
    assert dialog.message_label.isVisible()
    _type(qtbot, dialog, "Li Na", PASSWORD)
    assert dialog.windowTitle() == "Hub Desk: set up the hub"
    assert dialog.message_label.isHidden()


def test_an_admin_deactivated_meanwhile_is_told_in_the_set_up_box_and_nothing_is_saved(
        qtbot, db):
    users.add_user(db, users.SHELL_ADMIN, "Li Na", users.ADMIN, PASSWORD)
    users.add_user(db, users.SHELL_ADMIN, "zhao", users.ADMIN, PASSWORD)
    dialog = _dialog(qtbot, db)
    _type(qtbot, dialog, "Li Na", PASSWORD)
    assert dialog.windowTitle() == "Hub Desk: set up the hub"
    users.set_active(db, users.SHELL_ADMIN, "Li Na", False)  # at another desk
    qtbot.keyClicks(dialog.hub_edit, "Nanning Rail Port")
    qtbot.keyClicks(dialog.target_edit, "6")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "deactivated your account Li Na" in \
        dialog.message_label.text()
    assert not settings.is_set_up(db)


def test_a_refused_new_password_clears_every_box_and_starts_again_at_the_first(qtbot, db):
    dialog = _changing_my_password(qtbot, db, "Li Na")
    for edit, text in ((dialog.current_edit, "guess guess"), (dialog.new_edit, "tapioca starch"),
                       (dialog.repeat_edit, "tapioca starch")):
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "current password is wrong" in dialog.message_label.text()
    assert dialog.current_edit.text() == dialog.new_edit.text() == dialog.repeat_edit.text() == ""
    assert dialog.focusWidget() is dialog.current_edit


def test_a_user_name_stops_at_the_longest_an_account_can_have(qtbot, db):
    dialog = _dialog(qtbot, db)
    qtbot.keyClicks(dialog.name_edit, "x" * (users.MAX_NAME_LENGTH + 5))
    assert dialog.name_edit.text() == "x" * users.MAX_NAME_LENGTH
