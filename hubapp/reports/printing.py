"""Painting a report page by page onto a printer, a PDF or the preview.

The QTextDocument breaks the body into pages (moving a table row that would
be cut to the next page and repeating the table's header row); the header and
footer with "page X of Y" are painted here around each page's body.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSettings, QSizeF, Qt
from PySide6.QtGui import (
    QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter,
    QPen, QTextDocument,
)

from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError
from hubapp.reports.document import LAYOUT_DPI, ReportContentRecord, report_font, to_document
from hubapp.reports.text import text

MARGIN_MM = 15
_BAND_PX = 34  # header and footer bands, in layout pixels (96 per inch)


def paper() -> QPageSize:
    """A4, unless this desk's "report/paper" setting says Letter."""
    letter = QSettings().value("report/paper", "A4") == "Letter"
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def page_layout() -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(paper(), QPageLayout.Orientation.Portrait, margins,
                       QPageLayout.Unit.Millimeter)


def paint(document: QTextDocument, report: ReportContentRecord,
          device: QPagedPaintDevice) -> int:
    """Paints every page onto a device whose page layout is set; returns the page count."""
    scale = device.logicalDpiX() / LAYOUT_DPI
    width, height = device.width() / scale, device.height() / scale
    body = QSizeF(width, height - 2 * _BAND_PX)
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        for page in range(pages):
            if page:
                device.newPage()
            _bands(painter, report, width, height, page + 1, pages)
            painter.save()
            painter.translate(0, _BAND_PX - page * body.height())
            document.drawContents(painter, QRectF(QPointF(0, page * body.height()), body))
            painter.restore()
    finally:
        painter.end()
    return pages


def _bands(painter: QPainter, report: ReportContentRecord, width: float, height: float,
           page: int, pages: int) -> None:
    font = report_font(report.language)
    font.setPixelSize(10)  # layout pixels: the painter is already scaled
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.darkGray, 0.5))
    band = _BAND_PX - 12
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    top, bottom = QRectF(0, 0, width, band), QRectF(0, height - band, width, band)
    painter.drawText(top, left, report.hub_name)
    painter.drawText(top, right, f"{report.title} · {report.period}")
    painter.drawLine(QPointF(0, band), QPointF(width, band))
    painter.drawLine(QPointF(0, height - band), QPointF(width, height - band))
    painter.drawText(bottom, left, text("generated", report.language, when=report.generated))
    painter.drawText(bottom, right, text("page", report.language, page=page, pages=pages))


def write_pdf(report: ReportContentRecord, path: Path) -> int:
    """Writes the report as a PDF file; returns its page count."""
    try:
        with open(path, "wb"):
            pass  # QPdfWriter says nothing when it cannot write: find out first
    except OSError as error:
        raise InputError(QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {reason}"),
                         path=str(path), reason=error.strerror or str(error)) from None
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    writer.setTitle(f"{report.title} {report.period}")
    writer.setCreator("Hub Desk")
    return paint(to_document(report), report, writer)


_APPLICATION: list[QGuiApplication] = []  # kept alive for the process


def ensure_application() -> None:
    """Fonts and painting need a QGuiApplication; the command line runs without a display."""
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication(["hubapp"])
    app.setOrganizationName("Hub Desk")  # the GUI's names, so QSettings are the same
    app.setApplicationName("hubapp")
    _APPLICATION.append(app)
