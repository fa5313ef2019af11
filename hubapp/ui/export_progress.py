"""An export's progress bar and its Cancel button, shown only while it runs: the Audit log's
and All movements', beside the line that says what the last export wrote."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from hubapp.ui.tasks import Task


class ExportProgress(QWidget):
    """follow(task) shows it until the task ends; Cancel asks the task to stop, and the
    export, written beside its name until its end, then leaves no file."""

    def __init__(self, cancel_text: str, parent: QWidget) -> None:
        """cancel_text: the button's words, with an Alt+letter its screen leaves free."""
        super().__init__(parent)
        self.task: Task | None = None
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(cancel_text, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def follow(self, task: Task) -> None:
        self.task = task
        self.bar.setRange(0, 0)  # busy until the rows are counted
        self.cancel_button.setEnabled(True)
        self.show()
        task.progress.connect(self._on_progress)
        task.finished.connect(self._ended)
        task.failed.connect(self._ended)
        task.cancelled.connect(self._ended)

    def cancel(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _ended(self, *_result: object) -> None:
        self.task = None
        self.hide()
