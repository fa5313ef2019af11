"""Users and roles, kept by an admin: add, change role, reset password, deactivate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from hubapp.domain.errors import HubError
from hubapp.domain.records import ChangeRecord
from hubapp.store import users
from hubapp.store.users import ADMIN, CLERK, SUPERVISOR, UserRecord
from hubapp.ui import labels
from hubapp.ui.context import AppContext
from hubapp.ui.record_model import RECORD_ROLE, RecordTableModel, list_table


class UsersModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Role"), self.tr("Active")]

    def display(self, user: UserRecord, column: int) -> str:
        return [user.name, role_label(user.role),
                self.tr("yes") if user.active else self.tr("no")][column]


def role_label(role: str) -> str:
    return {CLERK: UsersScreen.tr("Clerk"), SUPERVISOR: UsersScreen.tr("Supervisor"),
            ADMIN: UsersScreen.tr("Admin")}[role]


class UsersScreen(QWidget):
    """Only an admin changes anything here; the store refuses anyone else as well."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("users_screen")
        self.model = UsersModel(self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox(self)
        for role in (CLERK, SUPERVISOR, ADMIN):
            self.role.addItem(role_label(role), role)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("New password"))
        self.add_button = QPushButton(self.tr("Add user"), self)
        self.role_button = QPushButton(self.tr("Set role"), self)
        self.password_button = QPushButton(self.tr("Set password"), self)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.single_user = QCheckBox(self.tr("Single-user mode (no login at start)"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form = QHBoxLayout()
        for widget in (self.name, self.role, self.password, self.add_button, self.role_button,
                       self.password_button, self.active_button):
            form.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.single_user)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(lambda: self._do(
            lambda: users.add_user(ctx.db, self._actor(), self.name.text(),
                                   self.role.currentData(), self.password.text()),
            self.tr("{name} added.")))
        self.role_button.clicked.connect(lambda: self._do(
            lambda: users.set_role(ctx.db, self._actor(), self.name.text(),
                                   self.role.currentData()),
            self.tr("{name} is now {role}.")))
        self.password_button.clicked.connect(lambda: self._do(
            lambda: users.set_password(ctx.db, self._actor(), self.name.text(),
                                       self.password.text()),
            self.tr("Password of {name} changed.")))
        self.active_button.clicked.connect(self._toggle_active)
        self.single_user.clicked.connect(lambda on: self._do(
            lambda: users.set_single_user_mode(ctx.db, self._actor(), on),
            self.tr("Single-user mode changed; it applies at the next start.")))
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.reload()

    def _actor(self) -> UserRecord:
        return UserRecord(self.ctx.user, self.ctx.role)

    def reload(self) -> None:
        self.model.set_rows(users.list_users(self.ctx.db))
        self.single_user.setChecked(users.single_user_mode(self.ctx.db))
        admin = self.ctx.role == ADMIN
        for widget in (self.name, self.role, self.password, self.add_button, self.role_button,
                       self.password_button, self.active_button, self.single_user):
            widget.setEnabled(admin)
        if not admin:
            self.message.setText(self.tr("Only an admin can change users."))

    def _picked(self, current, _previous) -> None:
        user: UserRecord | None = current.data(RECORD_ROLE) if current.isValid() else None
        if user is not None:
            self.name.setText(user.name)
            self.role.setCurrentIndex(self.role.findData(user.role))
            self.active_button.setText(self.tr("Deactivate") if user.active
                                       else self.tr("Activate"))

    def _toggle_active(self) -> None:
        name = self.name.text().strip()
        current = next((u for u in self.model.records() if u.name.casefold() == name.casefold()),
                       None)
        active = not current.active if current else False
        self._do(lambda: users.set_active(self.ctx.db, self._actor(), name, active),
                 self.tr("{name} activated.") if active else self.tr("{name} deactivated."))

    def _do(self, change, done: str) -> None:
        try:
            change()
        except HubError as error:
            self.message.setText(labels.message(error))
            return
        self.message.setText(done.format(name=self.name.text().strip(),
                                         role=role_label(self.role.currentData())))
        self.password.clear()
        self.reload()
        self.ctx.signals.data_changed.emit(ChangeRecord("users"), self)
