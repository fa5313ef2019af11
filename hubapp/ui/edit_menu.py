"""The window's Edit menu: its Undo, Redo, Cut, Copy and Paste on the widget the focus is in,
as that widget's keys (KeyEdits), or where those have none on the screen's own edits (the
daily log's grid and undo history, an EditHome)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMenu,
    QPlainTextEdit, QTextEdit, QWidget,
)


class EditTarget(Protocol):
    """What the menu's Undo, Redo, Cut, Copy and Paste act on."""

    def offered(self, text_to_paste: bool) -> tuple[bool, bool, bool]:
        """Whether Cut, Copy and Paste would act."""

    def steps(self) -> tuple[bool, bool] | None:
        """Whether Undo and Redo would act; None where it has none of its own."""

    def step_names(self) -> tuple[str, str]:
        """What Undo and Redo would take back and do again; "" unnamed."""

    def cut(self) -> None: ...

    def copy(self) -> None: ...

    def paste(self) -> None: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class EditHome(EditTarget, Protocol):
    """The target of the menu opened from none of the fields, texts and lists it presses the
    keys of, and of Undo's and Redo's keys once it is gone."""

    steps_changed: SignalInstance  # what steps() or step_names() says has changed

    def steps(self) -> tuple[bool, bool]: ...

    def offer_edits_to(self, widget: QWidget | None) -> bool:
        """The menu opens from widget, or is gone (None): whether its edits are the home's.
        The home's own items in it (the grid's Clear cells, Delete rows, Fill down) are on
        where they would act, and off where they are not its."""


def edit_action(parent: QObject, text: str,
                keys: QKeySequence.StandardKey | str, act: Callable[[], None]) -> QAction:
    """An item of a menu of edits, off until offered. Its key is shown, not taken: in the
    grid keyPressEvent has it as before (in an open cell the cell's Ctrl+Delete is its own),
    and a shortcut of the window's Edit menu would take Ctrl+C from another screen's table
    or field. In the context of the menus it is in, it acts only from the open menu."""
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setShortcutVisibleInContextMenu(True)
    action.setEnabled(False)
    action.triggered.connect(lambda _checked=False: act())
    return action


def undo_keys() -> list[QKeySequence]:
    return [QKeySequence(QKeySequence.StandardKey.Undo)]


def redo_keys() -> list[QKeySequence]:
    # Both spellings: Windows users press Ctrl+Y, Linux and WPS users Ctrl+Shift+Z.
    return [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]


class EditMenu(QObject):
    """Undo, Redo, Cut, Copy and Paste at the top of menu, the window's Edit menu in its menu
    bar: read as it opens for the widget the keys go to (once open, the focus is the menu
    bar's), and the home's again once it is gone."""

    def __init__(self, menu: QMenu, home: EditHome) -> None:
        super().__init__(menu)
        self._menu, self._home = menu, home
        self._edits: EditTarget = home  # Cut, Copy and Paste's
        self._steps: EditTarget = home  # Undo and Redo's
        self.undo_action = self._step_action(self.tr("&Undo"), undo_keys(),
                                             lambda: self._steps.undo())
        self.redo_action = self._step_action(self.tr("&Redo"), redo_keys(),
                                             lambda: self._steps.redo())
        self.cut_action = edit_action(self, self.tr("Cu&t"), QKeySequence.StandardKey.Cut,
                                      lambda: self._edits.cut())
        self.copy_action = edit_action(self, self.tr("&Copy"), QKeySequence.StandardKey.Copy,
                                       lambda: self._edits.copy())
        self.paste_action = edit_action(self, self.tr("&Paste"),
                                        QKeySequence.StandardKey.Paste,
                                        lambda: self._edits.paste())
        self.clipboard_actions = [self.cut_action, self.copy_action, self.paste_action]
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addActions(self.clipboard_actions)
        menu.aboutToShow.connect(self._offer)
        # Undo and Redo have keys, which are the home's steps again once the menu is gone;
        # queued: Qt hides a menu before it triggers the item chosen, a field's undo.
        menu.aboutToHide.connect(self._edits_back, Qt.ConnectionType.QueuedConnection)
        # Kept, not asked of the menu at each change of focus: the menu's going changes the
        # focus, and asked then, it was already gone.
        self._bar = menu.parentWidget()  # the menu bar, made by its addMenu
        self._keys_left: QWidget | None = None  # what the menu bar last took the focus from
        # A field's selection as the menu bar took the focus from it (the field, its
        # selection): Qt's field drops it then, before the bar has the focus.
        self._selection_left: tuple[QWidget, tuple[int, int] | None] | None = None
        self._field: QWidget | None = None  # the field the focus is in, watched for that
        QApplication.instance().focusChanged.connect(self._note_keys_left)
        home.steps_changed.connect(self._show_steps)
        self._show_steps()

    def _step_action(self, text: str, keys: list[QKeySequence],
                     step: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)  # the window's: Ctrl+Z undoes from every screen
        action.triggered.connect(lambda _checked=False: step())
        return action

    def _note_keys_left(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is self._bar:
            self._keys_left = old
        if self._field is not None and shiboken6.isValid(self._field):
            self._field.removeEventFilter(self)
        self._field = new if new is not None and _line_edit(new) is not None else None
        if self._field is not None:
            self._field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the field has it: the field's own handling drops the selection.
        if event.type() == QEvent.Type.FocusOut \
                and event.reason() == Qt.FocusReason.MenuBarFocusReason:
            self._selection_left = (watched, _selection(_line_edit(watched)))
        return False

    def _offer(self) -> None:
        """Reached from another menu by Left or Right, or clicked after an Escape, the bar
        has the focus already, and the keys go back to the widget it took them from, with
        the text that was selected there: Alt+F then Right left Edit ▸ Copy off."""
        focused = QApplication.focusWidget()
        if focused is not self._bar:
            self.offer_edits_to(focused)
            return
        left = self._keys_left if shiboken6.isValid(self._keys_left) else None
        kept = self._selection_left
        self.offer_edits_to(left, kept[1] if kept is not None and kept[0] is left else None)

    def _edits_back(self) -> None:
        if not self._menu.isVisible():  # opened again since, for a field maybe
            self.offer_edits_to(None)

    def offer_edits_to(self, widget: QWidget | None,
                       selection: tuple[int, int] | None = None) -> None:
        """The edits for widget, the focus's as a menu of them opens (selection: the text
        its field had selected, where the field has dropped it). Outside the home Cut,
        Copy and Paste are that widget's, as its keys are, and the home's own items off:
        Edit ▸ Paste from Remarks wrote the note into every field of the box picked. Undo
        and Redo in a field or a text are that one's own typing's, as Ctrl+Z and Ctrl+Y are
        there (from Remarks they took back a paste in the grid, out of sight, and left the
        typing); elsewhere the home's steps. None: the home's, as the keys are once the menu
        is gone, and as its right-click's menu offers them."""
        self._edits = self._home if self._home.offer_edits_to(widget) \
            else KeyEdits(widget, selection)
        self._steps = self._edits if self._edits.steps() is not None else self._home
        # The formats only: the text itself, fetched from the spreadsheet that copied it,
        # can be megabytes.
        mime = QGuiApplication.clipboard().mimeData()
        for action, on in zip(self.clipboard_actions,
                              self._edits.offered(mime is not None and mime.hasText())):
            action.setEnabled(on)
        self._show_steps()

    def _show_steps(self) -> None:
        # Named here, not by an undo stack's own actions: those put the step after the
        # whole translated word, its access key and all ("撤销(U) 粘贴 3 行").
        undone, redone = self._steps.step_names()
        self.undo_action.setText(self.tr("&Undo {what}").format(what=undone) if undone
                                 else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {what}").format(what=redone) if redone
                                 else self.tr("&Redo"))
        # A field made read-only under the open menu (a day closed at another desk) has
        # none: the home's, off there too.
        steps = self._steps.steps() or self._home.steps()
        self.undo_action.setEnabled(steps[0])
        self.redo_action.setEnabled(steps[1])


_COPIES = "hubapp_copies"  # a widget's property: see copies_itself


def copies_itself(widget: QWidget, copies: bool) -> None:
    """widget's Ctrl+C copies what it shows, as no field or list of Qt's does (a chart its
    picture): the Edit menu's Copy is on there while copies, and presses the key."""
    widget.setProperty(_COPIES, copies)


def _line_edit(widget: QWidget) -> QLineEdit | None:
    line = widget.lineEdit() if isinstance(widget, (QAbstractSpinBox, QComboBox)) else widget
    return line if isinstance(line, QLineEdit) else None


def _selection(line: QLineEdit | None) -> tuple[int, int] | None:
    """Where the text selected in line starts, and how long it is; None: none selected."""
    return (line.selectionStart(), line.selectionLength()) \
        if line is not None and line.hasSelectedText() else None


def _text_edits(picked: bool, writable: bool, text_to_paste: bool) -> tuple[bool, bool, bool]:
    return picked and writable, picked, text_to_paste and writable


class KeyEdits:
    """The menu's edits as their keys pressed in the widget the focus was in as the menu
    opened, through its filters as if typed there (a date box's paste of 2026/3/4 and a
    closed day's refusal of an edit are in those): an EditTarget."""

    def __init__(self, widget: QWidget, selection: tuple[int, int] | None = None) -> None:
        """selection: what the field had selected, where it has dropped it already."""
        self.widget = widget
        # Opened by Alt and a letter, the menu bar takes the focus, and a field loses its
        # selection with it (Qt's own): Copy copied nothing. It is picked again for the key.
        self._selection = selection or _selection(_line_edit(widget))

    def offered(self, text_to_paste: bool) -> tuple[bool, bool, bool]:
        """A field's or a text's on its selected text and the clipboard's, a list's Copy on
        the row picked, the Copy of a widget that copies_itself; nothing elsewhere."""
        line = _line_edit(self.widget)
        if line is not None:
            # A password's field copies nothing out, as Qt's own keys do there.
            picked = self._selection is not None \
                and line.echoMode() == QLineEdit.EchoMode.Normal
            return _text_edits(picked, not line.isReadOnly(), text_to_paste)
        if isinstance(self.widget, (QPlainTextEdit, QTextEdit)):
            # Its selection outlasts the focus the menu bar takes: read now, as it stands.
            return _text_edits(self.widget.textCursor().hasSelection(),
                               not self.widget.isReadOnly(), text_to_paste)
        if isinstance(self.widget, QAbstractItemView):
            return False, self.widget.currentIndex().isValid(), False
        return False, bool(self.widget.property(_COPIES)), False

    def steps(self) -> tuple[bool, bool] | None:
        """The typing in a field or a text; None where none is typed, a read-only one's
        included."""
        line = _line_edit(self.widget)
        if line is not None:
            return None if line.isReadOnly() \
                else (line.isUndoAvailable(), line.isRedoAvailable())
        if isinstance(self.widget, (QPlainTextEdit, QTextEdit)) and not self.widget.isReadOnly():
            document = self.widget.document()
            return document.isUndoAvailable(), document.isRedoAvailable()
        return None

    def step_names(self) -> tuple[str, str]:
        return "", ""

    def cut(self) -> None:
        self._press(QKeySequence.StandardKey.Cut)

    def copy(self) -> None:
        self._press(QKeySequence.StandardKey.Copy)

    def paste(self) -> None:
        self._press(QKeySequence.StandardKey.Paste)

    def undo(self) -> None:
        self._press(QKeySequence.StandardKey.Undo)

    def redo(self) -> None:
        self._press(QKeySequence.StandardKey.Redo)

    def _press(self, keys: QKeySequence.StandardKey) -> None:
        line = _line_edit(self.widget)
        if line is not None and self._selection is not None:
            line.setSelection(*self._selection)
        combination = QKeySequence(keys)[0]
        QApplication.sendEvent(self.widget, QKeyEvent(
            QEvent.Type.KeyPress, combination.key(), combination.keyboardModifiers()))
