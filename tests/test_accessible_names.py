"""Every control a Tab reaches has a name a screen reader says: Orca and NVDA read an arrow
button with no text as just "button", and a box with only a placeholder as nothing at all."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget

from hubapp.ui.connect_dialog import ConnectDialog
from hubapp.ui.dialogs import shortcuts_dialog
from hubapp.ui.export_dialog import ExportDialog
from hubapp.ui.import_dialog import ImportDialog
from hubapp.ui.login_dialog import LoginDialog
from hubapp.ui.reference_screen import ReferenceFormDialog
from hubapp.ui.reports_screen import ReportsScreen
from hubapp.ui.settings_dialog import SettingsDialog


def name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name).strip()


def badly_named(window: QWidget) -> list[str]:
    """The widgets shown in window that Tab reaches and a screen reader has no name for, and
    buttons of the same name as another (two read "Choose…"). A widget with a focus proxy (a
    date box's line edit, a field's row) is left to the proxy, which is where the focus
    goes; a label a click selects, to its text."""
    reached = [widget for widget in window.findChildren(QWidget)
               if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
               and widget.focusProxy() is None]
    buttons = Counter(name(widget) for widget in reached if isinstance(widget, QAbstractButton))
    return [f"{type(widget).__name__} {widget.objectName()!r} in "
            f"{type(widget.parentWidget()).__name__} {widget.parentWidget().objectName()!r} "
            f"named {name(widget)!r} (tooltip {widget.toolTip()!r})"
            for widget in reached if not name(widget)
            or isinstance(widget, QAbstractButton) and buttons[name(widget)] > 1]


def each_page(tabs: QTabWidget):
    """Every page of tabs shown in turn, and in each every page of the tab widgets on it."""
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield
        for inner in tabs.widget(index).findChildren(QTabWidget):
            if inner.isVisible():
                yield from each_page(inner)


def test_every_control_of_every_screen_and_dialog_has_a_name(qtbot, main_window, app_ctx,
                                                             demo_db):
    offenders = []
    for _ in each_page(main_window.screens):
        offenders += badly_named(main_window)
    reports = main_window.show_screen(ReportsScreen)
    for index in range(reports.kind.count()):  # the period's own dates show for its kind
        reports.kind.setCurrentIndex(index)
        offenders += badly_named(reports)
    for dialog in (SettingsDialog(app_ctx), ConnectDialog(None), LoginDialog(demo_db),
                   ExportDialog(app_ctx), ImportDialog(app_ctx),
                   shortcuts_dialog(None, "Keyboard shortcuts", [("Ctrl+S", "Save")], ""),
                   *(ReferenceFormDialog(app_ctx, kind, None, new=True)
                     for kind in ("commodity", "place", "route"))):
        qtbot.addWidget(dialog)
        dialog.show()
        offenders += [f"{dialog.windowTitle()}: {widget}" for widget in badly_named(dialog)]
        dialog.close()
    assert not offenders, "\n".join(dict.fromkeys(offenders))
