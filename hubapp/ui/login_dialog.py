"""Who is working: the login box, or on a new database the box that makes the first admin;
an admin's login to a hub not set up asks its name, zone and target; and the box that sets a
new password."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from hubapp.domain.clock import machine_zone
from hubapp.domain.errors import DatabaseError, HubError
from hubapp.domain.records import HubSettingsRecord
from hubapp.domain.reference_rules import read_settings_numbers, validate_settings
from hubapp.store import settings, users
from hubapp.store.db import is_unwritable, only_reads
from hubapp.store.users import UserRecord
from hubapp.ui import colours, dialogs, labels, mnemonics, spoken, zone_field

if TYPE_CHECKING:
    from sqlite_utils import Database


class _PasswordForm(QDialog):
    """An intro, a form of fields, a message for what went wrong, OK and Cancel."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(420)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        colours.set_text_colour(self.message_label, colours.problem)
        self.message_label.hide()
        # Both name users, kept as typed: "<s>wang</s> is locked out…" read as rich text
        # was struck through.
        for label in (self.intro, self.message_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        dialogs.make_room(self)  # on an 800 px screen the intro lost its last lines

    def _password_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        dialogs.make_room(self)
        # The label takes no focus, and the focus stays put: a refused login said nothing
        # to a screen reader.
        spoken.announce(self.message_label, text)

    def keyPressEvent(self, event) -> None:
        # Enter in a field before another still empty goes on to it: it pressed OK, and what
        # OK checked wiped what was typed ("The two passwords differ." before the repeat was
        # typed; the current password, too short as a new one). With the rest typed, Enter
        # presses OK; a click on OK (or its Alt+letter) checks at once.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            fields = [self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                      for row in range(self.form.rowCount()) if self.form.isRowVisible(row)]
            here = self.focusWidget()
            empty = [edit for edit in fields[fields.index(here) + 1:] if not edit.text()] \
                if here in fields else []
            if empty:
                empty[0].setFocus(Qt.FocusReason.TabFocusReason)
                return
        super().keyPressEvent(event)


class LoginDialog(_PasswordForm):
    """Accepted with `user` set once the name and password are right (or the admin is made)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: UserRecord | None = None
        self.setObjectName("login_dialog")

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(users.MAX_NAME_LENGTH)
        self.password_edit = self._password_edit()
        self.repeat_edit = self._password_edit()
        # A new hub's reports were headed by the demo's park until someone found Settings.
        self.hub_edit = QLineEdit(self)
        self.hub_edit.setPlaceholderText(self.tr("e.g. Chongqing International Logistics Hub Park"))
        # Shown, not taken unsaid: a hub set up on a server kept in UTC had its every desk in
        # China refused departures for 8 hours a day. Made before the target, as it is shown:
        # Tab follows the order fields are made in.
        self.zone_edit = QLineEdit(machine_zone(), self)
        zone_field.offer_zones(self.zone_edit)
        # Typed, not offered: the demo's 20 stood over a new hub's first train as a target
        # nobody had set, 95 % missed.
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("trains a day, e.g. 8"))
        mnemonics.add_row(self.form, self.tr("&User name"), self.name_edit)
        mnemonics.add_row(self.form, self.tr("&Password"), self.password_edit)
        mnemonics.add_row(self.form, self.tr("&Repeat password"), self.repeat_edit)
        mnemonics.add_row(self.form, self.tr("&Hub name"), self.hub_edit)
        mnemonics.add_row(self.form, zone_field.title(), self.zone_edit)
        mnemonics.add_row(self.form, self.tr("&Daily train target"), self.target_edit)
        self.setting_up = False
        self._ask_for(users.needs_first_admin(db))
        self.name_edit.setFocus()

    def _show_rows(self, *shown: QLineEdit) -> None:
        for edit in (self.name_edit, self.password_edit, self.repeat_edit, self.hub_edit,
                     self.zone_edit, self.target_edit):
            self.form.setRowVisible(edit, edit in shown)

    def _hub_fields_said(self) -> str:
        """What the hub's rows are for, said wherever they are asked."""
        return self.tr(
            "The hub's name heads every report, service times are on the clock of its time "
            "zone (this computer's is filled in: choose the hub's if it differs), and the "
            "Dashboard measures the trains of each day against the daily train target "
            "(Edit ▸ Settings… changes all three, the name in English and Chinese). The "
            "routes and places Hub Desk comes with are the "
            "Chongqing hub's (routes from CNCQI): check them in Reference data ▸ Routes.")

    def _ask_for(self, first_admin: bool) -> None:
        """The first start's box that makes the admin, or the login box."""
        self.first_start = first_admin
        hub_rows = (self.repeat_edit, self.hub_edit, self.zone_edit, self.target_edit)
        self._show_rows(self.name_edit, self.password_edit, *(hub_rows if first_admin else ()))
        if first_admin:
            self.setWindowTitle(self.tr("Hub Desk: create the administrator"))
            self.intro.setText(self.tr(
                "This database has no users yet. Create the administrator, who adds the "
                "clerks and supervisors. The password needs at least {min} characters. "
                "{hub_fields}"
            ).format(min=users.MIN_PASSWORD_LENGTH, hub_fields=self._hub_fields_said()))
            self.ok_button.setText(self.tr("&Save and log in"))  # not C: Cancel has it
        else:
            self.setWindowTitle(self.tr("Hub Desk: log in"))
            self.intro.setText(self.tr("Who is working at this desk?"))
            self.ok_button.setText(self.tr("&Log in"))

    def _ask_to_set_up(self) -> None:
        """The admin logged in to a hub whose first admin a command made (`hubapp users
        add`), or that no one ever set up: its rows of the first start, once, before work."""
        self.setting_up = True
        self._show_rows(self.hub_edit, self.zone_edit, self.target_edit)
        self.setWindowTitle(self.tr("Hub Desk: set up the hub"))
        self.intro.setText(self.tr(
            "Set up the hub before you start: its name, time zone and daily train target "
            "have not been chosen yet. {hub_fields}").format(hub_fields=self._hub_fields_said()))
        self.message_label.hide()
        self.ok_button.setText(self.tr("&Save and log in"))
        self.hub_edit.setFocus()

    def accept(self) -> None:
        if self.setting_up:
            if self._hub_saved():
                super().accept()
            return
        name, password = self.name_edit.text(), self.password_edit.text()
        if self.first_start:
            # The name first: its mistake wiped both passwords and sent the cursor to them.
            try:
                users.check_name(name)
            except HubError as error:
                self._say(labels.message(error))
                self.name_edit.setFocus()
                self.name_edit.selectAll()
                return
        if not password:
            # OK (its click or Alt+letter; Enter goes on to the field itself) without a
            # password goes to it: a login with none counted as a wrong password, and five
            # locked the account.
            self.password_edit.setFocus()
            return
        try:
            if self.first_start:
                if password != self.repeat_edit.text():
                    self._say(self.tr("The two passwords differ."))
                    self.repeat_edit.clear()
                    self.repeat_edit.setFocus()
                    return
                hub_settings = self._hub_settings()
                if hub_settings is None:
                    return
                self.user = users.create_first_admin(self.db, name, password)
                settings.save(self.db, hub_settings, self.user)
            else:
                self.user = users.authenticate(self.db, name, password)
        except HubError as error:
            if self.first_start and not users.needs_first_admin(self.db):
                # Two desks started on one new hub: the other made the admin first, and
                # this box would refuse even that admin's name and password.
                self._ask_for(False)
                self._say(self.tr("An administrator was just created at another desk: log "
                                  "in with their name and password."))
            else:
                self._say(labels.message(error))
            self.password_edit.clear()
            self.repeat_edit.clear()
            self.password_edit.setFocus()
            return
        # Only an admin is asked: a clerk or supervisor of a hub in daily use that never
        # saved its settings (an older release's, or one whose admin a command made) works
        # on as it did, not shut out until the admin next logs in.
        # Nor where nothing can be saved (a file that only reads): the box's Save would be
        # refused, and Cancel leave the admin no way in where a clerk logs in.
        if self.user.role == users.ADMIN and not settings.is_set_up(self.db) \
                and not only_reads(self.db):
            self._ask_to_set_up()
            return
        super().accept()

    def _hub_saved(self) -> bool:
        """The hub's settings as typed saved by the admin logged in; False once what went
        wrong is said."""
        hub_settings = self._hub_settings()
        if hub_settings is None:
            return False
        try:
            settings.save(self.db, hub_settings, self.user)
        except DatabaseError as error:
            # A full or failing disk lets a login go ahead (users.authenticate): the hub is
            # asked about again at the next login, as it is not set up.
            if is_unwritable(error):
                return True
            self._say(labels.message(error))
            return False
        except HubError as error:  # deactivated or demoted at another desk meanwhile
            self._say(labels.message(error))
            return False
        return True

    def _hub_settings(self) -> HubSettingsRecord | None:
        """The hub's settings as typed, or None once what is missing, or the target Settings
        would refuse, is said: on a first start judged before the admin is made, as a
        refusal afterwards would leave an admin and no way back to this box."""
        hub = " ".join(self.hub_edit.text().split())
        if not hub:
            self._say(self.tr("Type the hub's name: it heads every report."))
            self.hub_edit.setFocus()
            return None
        if not self.target_edit.text().strip():
            self._say(self.tr("Type the daily train target: the Dashboard measures "
                              "each day's trains against it."))
            self.target_edit.setFocus()
            return None
        numbers, problems = read_settings_numbers(
            {"daily_train_target": self.target_edit.text()})
        # One name in both languages until Settings gives it a second; the hub's clock is
        # set, so that no server or desk in another zone then judges by its own.
        chosen = dataclasses.replace(settings.load(self.db), hub_name=hub, hub_name_zh=hub,
                                     time_zone=zone_field.typed_zone(self.zone_edit), **numbers)
        problems += validate_settings(chosen)
        if not problems:
            return chosen
        self._say(labels.message(problems[0]))
        wrong = self.zone_edit if problems[0].field == "time_zone" else self.target_edit
        wrong.setFocus()
        wrong.selectAll()
        return None


class PasswordDialog(_PasswordForm):
    """A new password typed twice, and the current one when `current` (one's own), handed to
    change(current, new); what it refuses (HubError) is said here for another try."""

    def __init__(self, title: str, text: str, change: Callable[[str, str], object], *,
                 current: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.setObjectName("password_dialog")
        self.setWindowTitle(title)
        self.intro.setText(text)
        self.current_edit = self._password_edit()
        self.new_edit = self._password_edit()
        self.repeat_edit = self._password_edit()
        if current:
            mnemonics.add_row(self.form, self.tr("&Current password"), self.current_edit)
        else:
            self.current_edit.hide()
        mnemonics.add_row(self.form, self.tr("&New password"), self.new_edit)
        mnemonics.add_row(self.form, self.tr("&Repeat new password"), self.repeat_edit)
        self.first_edit = self.current_edit if current else self.new_edit
        self.first_edit.setFocus()

    def accept(self) -> None:
        new = self.new_edit.text()
        if new != self.repeat_edit.text():
            self._say(self.tr("The two new passwords differ."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        try:
            self.change(self.current_edit.text(), new)
        except HubError as error:
            self._say(labels.message(error))
            for edit in (self.current_edit, self.new_edit, self.repeat_edit):
                edit.clear()
            self.first_edit.setFocus()
            return
        super().accept()
