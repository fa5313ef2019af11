"""Render the application icon's PNG sizes from resources/icons/hubapp.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

packaging/build.sh runs it before each bundle; the PNGs are committed too, so a
checkout's window icon and the .desktop entry work without a build. A PNG is rewritten only
when the drawing changed: Qt releases round a few antialiased edge pixels differently by one
step, and rewriting the committed files for that would leave every build's checkout modified.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def same_drawing(image: QImage, path: Path) -> bool:
    """True if the PNG at path differs from image by at most one step per channel."""
    old = QImage(str(path))
    if old.isNull() or old.size() != image.size():
        return False
    old = old.convertToFormat(image.format())
    return all(abs(a - b) <= 1 for a, b in zip(old.constBits(), image.constBits()))


def main() -> None:
    _app = QGuiApplication(sys.argv)  # Qt's painting needs an application object
    renderer = QSvgRenderer(str(FOLDER / "hubapp.svg"))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {FOLDER / 'hubapp.svg'}")
    for size in SIZES:
        path = FOLDER / f"hubapp-{size}.png"
        image = render(renderer, size)
        if same_drawing(image, path):
            continue
        if not image.save(str(path)):
            raise SystemExit(f"cannot write {path}")


if __name__ == "__main__":
    main()
