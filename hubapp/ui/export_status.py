"""What a screen's export is doing and did, for the Audit log and All movements: one line that
says "Exporting…", then what was written, why nothing was (in red), or that it was cancelled,
kept until the next export; beside it, while one runs, its progress bar and Cancel button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget,
)

from hubapp.domain.errors import HubError
from hubapp.ui import colours, labels, spoken
from hubapp.ui.tasks import Task


class ExportStatus(QWidget):
    """run(task, button, written) follows an export to its end; Cancel asks the task to stop,
    and the export, written beside its name until its end, then leaves no file."""

    def __init__(self, cancel_text: str, parent: QWidget) -> None:
        """cancel_text: the button's words, with an Alt+letter its screen leaves free."""
        super().__init__(parent)
        self.task: Task | None = None
        self.said = QLabel(self)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.said.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A deep folder's path must not widen the window: it is cut, whole in the tooltip.
        self.said.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(cancel_text, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.said, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self._show_running(False)

    def run(self, task: Task, button: QAbstractButton, written: Callable[[int], str]) -> None:
        """Follows task, which button started, until it ends; written(count) says what a
        finished one wrote. The button waits meanwhile: one file at a time, told when written.
        Why one failed stays in the line until the next export, as File ▸ Export… keeps it
        in its dialog: a message box took the reason away with its OK."""
        self.task = task
        button.setEnabled(False)
        self._say(self.tr("Exporting…"))
        self.bar.setRange(0, 0)  # busy until the rows are counted
        self.cancel_button.setEnabled(True)
        self._show_running(True)
        task.progress.connect(self._on_progress)
        task.finished.connect(lambda count: self._ended(button, written(count)))
        task.failed.connect(lambda error: self._ended(
            button, labels.message(error) if isinstance(error, HubError) else
            self.tr("The export failed unexpectedly. Details are in the log."), failed=True))
        task.cancelled.connect(lambda: self._ended(button, self.tr(
            "Export cancelled; no file was written.")))

    def cancel(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _ended(self, button: QAbstractButton, text: str, failed: bool = False) -> None:
        self.task = None
        self._show_running(False)
        button.setEnabled(True)
        self._say(text, failed)
        # The line takes no focus, and a screen reader does not read a label's new words:
        # how a minute's export ended would go unheard.
        spoken.announce(self.said, text)

    def _say(self, text: str, failed: bool = False) -> None:
        self.said.setText(text)
        self.said.setToolTip(text)
        colours.set_text_colour(self.said, colours.problem if failed else None)

    def _show_running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
