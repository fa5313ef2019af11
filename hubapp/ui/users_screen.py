"""Users and roles, kept by an admin: add, change role, reset password, deactivate, unlock."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from hubapp.domain import wording
from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
from hubapp.store import users
from hubapp.store.users import ADMIN, CLERK, SUPERVISOR, UserRecord
from hubapp.ui import colours, dialogs, focus, formatting, labels, mnemonics, spoken
from hubapp.ui.context import AppContext
from hubapp.ui.flow_layout import FilledRows
from hubapp.ui.record_model import RECORD_ROLE, RecordTableModel, current_is_picked, list_table
from hubapp.ui.when_shown import WhenShown


_MOST_MS = 3_600_000


class UsersModel(RecordTableModel):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        self.ctx = ctx  # whose hub's clock a lock-out ends by
        super().__init__(parent)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("Locked out")]

    def display(self, user: UserRecord, column: int) -> str:
        return [user.name, labels.role(user.role),
                self.tr("yes") if user.active else self.tr("no"), self._lock(user)][column]

    def _lock(self, user: UserRecord) -> str:
        if not user.locked():
            return ""
        return self.tr("until {time}").format(time=wording.on_hub_clock(
            user.locked_until, self.ctx.time_zone, self.ctx.today()))


def change_my_password(parent: QWidget, ctx: AppContext) -> bool:
    """The logged-in user's own password, given the current one; True once changed."""
    if not dialogs.ask_password(
            parent, QCoreApplication.translate("MainWindow", "Change my password"),
            QCoreApplication.translate(
                "MainWindow", "Type your current password, then the new one twice (at least "
                              "{min} characters).").format(min=users.MIN_PASSWORD_LENGTH),
            lambda current, new: users.change_own_password(ctx.db, ctx.actor(), current, new),
            current=True):
        return False
    ctx.signals.data_changed.emit(ChangeRecord("users"), parent)
    return True


class UsersScreen(QWidget):
    """Only an admin changes anything here, and nobody on a database that only reads; the
    store refuses anyone else as well."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("users_screen")
        self._build_list()
        self._build_fields()
        self._lay_out()
        self._connect()
        self._catching_up = WhenShown(self, self.reload)
        self.lock_ends.timeout.connect(self._catching_up.request)  # hidden: at its show
        ctx.signals.data_changed.connect(self._on_data_changed)
        self.reload()

    def _build_list(self) -> None:
        self.model = UsersModel(self.ctx, self)
        self.table = list_table(self)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        current_is_picked(self.table)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # An empty list says why, rather than look broken.
        self.empty_note = QLabel(self)
        self.empty_note.setWordWrap(True)
        # Names are kept as typed: "<s>wang</s>" read as rich text was struck through.
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        # The list reloads when the first lock-out runs out, so it never shows one that ended
        # (a timer that wakes a little early finds it still running and is set again).
        self.lock_ends = QTimer(self)
        self.lock_ends.setSingleShot(True)

    def _build_fields(self) -> None:
        self.name = QLineEdit(self)
        # One role box for a new user and one for the picked: shared, looking at an admin's
        # row and then adding someone made another admin.
        self.new_role, self.role = QComboBox(self), QComboBox(self)
        for box in (self.new_role, self.role):
            for role in (CLERK, SUPERVISOR, ADMIN):
                box.addItem(labels.role(role), role)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Typed twice, as everywhere else a password is set: a typo locked the new user out.
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("&Add user"), self)
        # These act on the user picked in the list, never on a typed name.
        self.role_button = QPushButton(self.tr("&Set role"), self)
        self.password_button = QPushButton(self.tr("Set pass&word…"), self)
        # Alt+T as Activate too: the key stays as the label turns.
        self.active_button = QPushButton(self.tr("Deac&tivate"), self)
        # Lets a locked-out user in again with their own password, which only they know.
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        # Enter presses the one with the focus, as in a dialog: outside one Qt leaves that to
        # Space, and the silence of Enter read as done.
        for button in (self.add_button, self.role_button, self.password_button,
                       self.active_button, self.unlock_button):
            button.setAutoDefault(True)
        self.single_user = QCheckBox(self.tr("Single-user &mode (no login at start)"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # as the empty note
        self._said_about: str | None = None  # the user picked when it was said

    def _lay_out(self) -> None:
        # Wrapping where the window is narrow: in one row, at 15 pt on a 150 % laptop, it
        # held the window to 914 px on a 911 px screen, Add user past its edge.
        new = FilledRows()
        new.setContentsMargins(0, 0, 0, 0)
        new.add_together(QLabel(self.tr("New user"), self),
                         mnemonics.buddy_label(self.tr("&Name"), self.name), self.name)
        # The role before the passwords: after them, Enter from the last added the user
        # before the role box was ever reached.
        # Not add_labelled: a field given a stretch stretches its group, and the role box
        # kept its width beside the fields in one row.
        new.add_together(mnemonics.buddy_label(self.tr("&Role"), self.new_role), self.new_role)
        new.add_labelled(self.tr("&Password"), self.password)
        new.add_labelled(self.tr("Repeat passw&ord"), self.password_again, self.add_button)
        picked = QHBoxLayout()
        picked.addWidget(QLabel(self.tr("Picked user"), self))
        picked.addWidget(mnemonics.buddy_label(self.tr("Ro&le"), self.role))
        for widget in (self.role, self.role_button, self.password_button, self.active_button,
                       self.unlock_button):
            picked.addWidget(widget)
        picked.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(picked)
        layout.addLayout(new)
        focus.tab_order(self.table, self.role, self.role_button, self.password_button,
                        self.active_button, self.unlock_button, self.name, self.new_role,
                        self.password, self.password_again, self.add_button, self.single_user)
        layout.addWidget(self.single_user)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._add)
        # Enter goes on to the next field, as a form is filled in, and adds from the last.
        self.name.returnPressed.connect(self.new_role.setFocus)
        self.new_role.installEventFilter(self)  # a role box has no returnPressed
        self.password.returnPressed.connect(self.password_again.setFocus)
        self.password_again.returnPressed.connect(self._add)
        # Enter on a user goes on to what acts on them, as Enter on a row opens it elsewhere.
        # One's own row has no role to set: on to Set password.
        self.table.activated.connect(lambda _index: (
            self.role if self.role.isEnabled() else self.password_button).setFocus())
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.role_button.clicked.connect(lambda: self._do(
            lambda user: users.set_role(self.ctx.db, self.ctx.actor(), user.name,
                                        self.role.currentData()),
            self.tr("{name} is now {role}.")))
        self.password_button.clicked.connect(self._set_password)
        self.active_button.clicked.connect(lambda: self._do(
            lambda user: users.set_active(self.ctx.db, self.ctx.actor(), user.name,
                                          not user.active),
            self.tr("{name} deactivated.") if self._selected().active else
            self.tr("{name} activated.")))
        # A deactivated user unlocked was said to be able to log in, and was refused.
        self.unlock_button.clicked.connect(lambda: self._do(
            lambda user: users.unlock(self.ctx.db, self.ctx.actor(), user.name),
            self.tr("{name} unlocked: they can log in with their password again.")
            if self._selected().active else
            self.tr("{name} unlocked: they can log in with their password once activated.")))
        self.single_user.clicked.connect(self._set_single_user)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.new_role and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.password.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _on_data_changed(self, change: ChangeRecord, initiator: object) -> None:
        # Another desk's change (or a restore): the list, the Activate/Deactivate label and
        # single-user mode as they are now. Its own changes reloaded already.
        if initiator is not self and change.what in ("users", "settings", "restore"):
            self._catching_up.request()

    def _selected(self) -> UserRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def reload(self, select: str | None = None) -> None:
        """The list anew, with the user named select (else the one picked before) picked."""
        picked = self._selected()
        select = select or (picked.name if picked else None)
        self.model.set_rows(users.list_users(self.ctx.db))
        self._wake_when_a_lock_ends()
        for row, user in enumerate(self.model.records()):
            if user.name == select:
                self.table.selectRow(row)
        single = users.single_user_mode(self.ctx.db)
        self.single_user.setChecked(single)
        self.empty_note.setText(self.tr(
            "No users yet: in single-user mode this desk starts without a login and works as "
            "“{name}”, an admin. To have people log in, add them here (an admin among them) "
            "and untick single-user mode.").format(name=self.ctx.user))
        self.empty_note.setVisible(single and not self.model.rowCount())
        may_change = self._may_change()
        for widget in (self.name, self.new_role, self.password, self.password_again,
                       self.add_button, self.single_user):
            widget.setEnabled(may_change)
        self._picked()
        if not may_change:
            self._say(labels.read_only_database() if self.ctx.read_only
                      else self.tr("Only an admin can change users."))

    def _may_change(self) -> bool:
        return self.ctx.role == ADMIN and not self.ctx.read_only

    def _wake_when_a_lock_ends(self) -> None:
        now = dt.datetime.now(dt.timezone.utc)
        ends = [user.locked_until for user in self.model.records() if user.locked(now)]
        if ends:
            # At most an hour: a lock stamped by a desk whose clock runs weeks fast is beyond
            # what a QTimer holds (2**31 ms), and the wake-up sets it again.
            self.lock_ends.start(min(math.ceil((min(ends) - now).total_seconds() * 1000),
                                     _MOST_MS))
        else:
            self.lock_ends.stop()

    def _picked(self) -> None:
        user = self._selected()
        # What was said about one user (a refusal above all) read as about the next; a
        # non-admin's only message, that they change nobody, is about everyone, as is that
        # of a database that only reads.
        if self._may_change() and (user and user.name) != self._said_about:
            self.message.clear()
        self.password_button.setEnabled(self._may_change() and user is not None)
        # One's own role and account are another admin's to change: offered, they were
        # refused at every click.
        own = self._may_change() and user is not None and self.ctx.is_logged_in_as(user)
        why_not = labels.message(users.own_account_refusal(user.name)) if own else ""
        for widget in (self.role, self.active_button):
            widget.setEnabled(self._may_change() and user is not None and not own)
        for widget in (self.role, self.role_button, self.active_button):
            widget.setToolTip(why_not)
        self.unlock_button.setEnabled(self._may_change() and user is not None
                                      and user.locked())
        # Nobody picked, no role: "Clerk" there read as the role of someone.
        self.role.setCurrentIndex(-1 if user is None else self.role.findData(user.role))
        self._role_chosen()
        if user is not None:
            self.active_button.setText(self.tr("Deac&tivate") if user.active
                                       else self.tr("Ac&tivate"))

    def _role_chosen(self) -> None:
        # Set role to the role the user had already changed nothing, yet said it did.
        user = self._selected()
        self.role_button.setEnabled(self.role.isEnabled() and user is not None
                                    and self.role.currentData() != user.role)

    def _add(self) -> None:
        try:
            # The name first: an empty one read "type 's password twice". Said as stored
            # ("Ｌｉ Ｎａ" is Li Na), as the list shows it.
            name = users.check_name(self.name.text())
            if self.password.text() != self.password_again.text():
                self._say(self.tr("The two passwords differ: type {name}'s password "
                                  "twice.").format(name=name), colours.problem)
                return
            user = users.add_user(self.ctx.db, self.ctx.actor(), name,
                                  self.new_role.currentData(), self.password.text())
        except HubError as error:
            self._say(labels.message(error), colours.problem)
            return
        self.name.clear()
        # The least role, as the box first offers: the last one added (an admin, say) was
        # given again to the next, unnoticed.
        self.new_role.setCurrentIndex(self.new_role.findData(CLERK))
        self._changed(self.tr("{name} added.").format(name=user.name), user.name)

    def _do(self, change: Callable[[UserRecord], object], done: str) -> None:
        """change(the picked user); done says what was done, with {name} and {role}."""
        user = self._selected()
        if self._try(lambda: change(user)):
            # The role in the sentence's words (lower case in English), not the list's label.
            role = users.role_term(self.role.currentData()).written(QCoreApplication.translate)
            self._changed(done.format(name=user.name, role=role), user.name)

    def _set_password(self) -> None:
        user = self._selected()
        if self.ctx.is_logged_in_as(user):  # one's own: the current one too
            if change_my_password(self, self.ctx):
                self._changed(self.tr("Password of {name} changed.").format(name=user.name),
                              user.name)
            return
        # A deactivated user logs in, and changes it, only once activated.
        said = self.tr(
            "A new password for {name}, at least {min} characters. They can change it "
            "themselves with File ▸ Change my password….") if user.active else self.tr(
            "A new password for {name}, at least {min} characters, for when they are "
            "activated: deactivated, they cannot log in.")
        if dialogs.ask_password(
                self, self.tr("Set password"),
                said.format(name=user.name, min=users.MIN_PASSWORD_LENGTH),
                lambda _current, new: users.set_password(self.ctx.db, self.ctx.actor(),
                                                         user.name, new), current=False):
            self._changed(self.tr("Password of {name} changed.").format(name=user.name),
                          user.name)

    def _set_single_user(self, on: bool) -> None:
        if not self._single_user_confirmed(on):
            self.single_user.setChecked(not on)  # the click changed the box, not the mode
            return
        if self._try(lambda: users.set_single_user_mode(self.ctx.db, self.ctx.actor(), on)):
            self._changed(self.tr("Single-user mode is on; it applies at the next start.")
                          if on else self.tr("Single-user mode is off: everyone logs in."))
        else:  # the click ticked or unticked the box: show the mode as it stayed
            self.single_user.setChecked(users.single_user_mode(self.ctx.db))

    def _single_user_confirmed(self, on: bool) -> bool:
        """Asked first either way: one click, yet it changes every desk on the hub."""
        title = self.tr("Single-user mode")
        if on:
            return dialogs.ask_yes_no(self, title, self.tr(
                "At the next start, every desk on this database opens without a login, as an "
                "admin named after the computer's account (here: {name}): anyone at any desk "
                "may then do anything, including restoring a backup and managing users.\n\n"
                "Turn single-user mode on?").format(name=users.SINGLE_USER.name))
        # Off, only an admin's password gets the mode or the users back: admins nobody at
        # this desk knew (made elsewhere, or come with a restore) shut everyone out of both.
        admins = [user.name for user in users.list_users(self.ctx.db)
                  if user.role == ADMIN and user.active]
        if not admins:
            return True  # the store refuses, and the message says to add an admin first
        return dialogs.ask_yes_no(self, title, self.tr(
            "From now on every desk on this database asks who is working. Only an admin can "
            "turn single-user mode on again or manage users; the active admins are: "
            "{admins}.\n\nTurn single-user mode off?").format(admins=formatting.listed(admins)))

    def _try(self, change: Callable[[], object]) -> bool:
        """change(), or False with what the store refused said below the list."""
        try:
            change()
        except HubError as error:
            self._say(labels.message(error), colours.problem)
            return False
        return True

    def _changed(self, done: str, name: str | None = None) -> None:
        self.password.clear()
        self.password_again.clear()
        self.reload(name)
        self._say(done)  # after the reload, which picks the user it is about
        self.ctx.signals.data_changed.emit(ChangeRecord("users"), self)

    def _say(self, text: str, colour: colours.Colour | None = None) -> None:
        """text below the list, in colour (a refusal's: colours.problem), about the user
        picked now."""
        self.message.setText(text)
        colours.set_text_colour(self.message, colour)
        spoken.announce(self.message, text)  # a line that takes no focus is not read out
        picked = self._selected()
        self._said_about = picked and picked.name
