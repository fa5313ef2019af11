"""The folders this desk last exported to, imported from and saved reports and charts in,
kept in QSettings, so a file dialog opens where the clerk's files are, also after a
restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

GROUP = "folders"


def last_folder(kind: str) -> Path:
    """The folder last used for kind ("export", "import", "report", "chart"); one since
    moved or deleted gives way to the user's documents folder, or home where there is none."""
    remembered = QSettings().value(f"{GROUP}/{kind}", "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(kind: str, chosen: Path) -> None:
    """Keeps the folder of the file chosen for kind."""
    QSettings().setValue(f"{GROUP}/{kind}", str(chosen.parent))
