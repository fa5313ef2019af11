"""Painting a report page by page onto a printer, a PDF or the preview.

The QTextDocument breaks the body into pages (moving a table row that would
be cut to the next page and repeating the table's header row); _keep_together()
moves what it would leave alone at a page's foot or head to the next page, each part
of a table it splits in the columns of the whole table; the header and footer with
"page X of Y" are painted here around each page's body.
lay_out() does the breaking, the slow part, once for a paper; paint() paints its pages
onto any device with that paper, as often as asked.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSettings, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QFontDatabase, QFontMetricsF, QGuiApplication, QImage,
    QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPalette, QPdfWriter, QPen, QTextBlock,
    QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextLength,
    QTextTable, QTextTableFormat,
)

from hubapp.desk_settings import APPLICATION, ORGANIZATION, PAPER_DEFAULT, PAPER_KEY
from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError, os_reason
from hubapp.reports.document import LAYOUT_DPI, ReportContentRecord, report_font, to_document
from hubapp.reports.pdf_text import put_back_ideographs
from hubapp.reports.text import text
from hubapp.store.filesystem import is_database_file, refuse_all_but_a_file
from hubapp.store.whole_file import write_beside

MARGIN_MM = 15
_BAND_PX = 34  # header and footer bands, in layout pixels (96 per inch)
# Rows a heading keeps below it on its page, and rows a table's last page keeps with
# its Total: fewer read as a stray line.
KEEP_ROWS = 3
# Rows a table's first part is given to measure before it grows (split_cut_rows).
_FIRST_ROWS = 32


def paper() -> QPageSize:
    """A4, unless this desk's paper setting says Letter."""
    letter = QSettings().value(PAPER_KEY, PAPER_DEFAULT) == "Letter"
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def page_layout() -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(paper(), QPageLayout.Orientation.Portrait, margins,
                       QPageLayout.Unit.Millimeter)


def page_body(layout: QPageLayout) -> QSizeF:
    """A page's body, between the header and footer bands, in layout pixels: the paper's,
    not a device's, whose whole pixels round it apart (a 1200-dpi printer's 679.84 wide, a
    300-dpi PDF's 680): the preview, Print and Save as PDF lay a report out alike."""
    points = layout.paintRect(QPageLayout.Unit.Point)
    pixels = LAYOUT_DPI / 72
    return QSizeF(points.width() * pixels, points.height() * pixels - 2 * _BAND_PX)


def lay_out(report: ReportContentRecord, body: QSizeF) -> QTextDocument:
    """The report's document broken into pages of the body's size, for paint() to paint as
    often as asked: the slow part of a report (a day of 250 services took a second, most of
    it _keep_together's edits; painting its 19 pages, 60 ms)."""
    document = to_document(report)
    document.setPageSize(body)
    _keep_together(document)  # once: again, it would split the tables it split anew
    return document


def paint(document: QTextDocument, report: ReportContentRecord, device: QPagedPaintDevice,
          first: int = 1, last: int | None = None) -> int:
    """Paints the pages first to last (1-based; None: to the end) of the report's document,
    laid out (lay_out) for the page_body() of the device's page layout, onto the device;
    returns the report's page count. Each keeps its number: page 2 printed alone still
    says "page 2 of 3"."""
    scale = device.logicalDpiX() / LAYOUT_DPI
    body = document.pageSize()
    width, height = body.width(), body.height() + 2 * _BAND_PX
    pages = document.pageCount()
    chosen = range(max(first, 1) - 1, pages if last is None else min(last, pages))
    if not chosen:  # checked before the painter begins, which would start a blank page
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "The report has {count} page(s); choose pages among them"),
            count=pages)
    logo = _logo(report, scale)
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        for page in chosen:
            if page != chosen.start:
                device.newPage()
            _bands(painter, report, logo, width, height, page + 1, pages)
            painter.save()
            painter.translate(0, _BAND_PX - page * body.height())
            _draw_on_paper(painter, document, QRectF(QPointF(0, page * body.height()), body))
            painter.restore()
    finally:
        painter.end()
    return pages


def _draw_on_paper(painter: QPainter, document: QTextDocument, clip: QRectF) -> None:
    """What QTextDocument.drawContents() does, in black: it writes in the desktop's text
    colour, near-white on white paper under a dark theme."""
    context = QAbstractTextDocumentLayout.PaintContext()
    ink = QPalette(context.palette)  # PySide hands out a copy: set back whole below
    ink.setColor(QPalette.ColorRole.Text, QColor(0, 0, 0))
    context.palette = ink
    context.clip = clip
    painter.setClipRect(clip)
    document.documentLayout().draw(painter, context)


def _keep_together(document: QTextDocument) -> None:
    """Moves a section (a heading and its table) to the next page when the page it starts
    on would hold the heading with fewer than KEEP_ROWS of its rows, or when its table
    would end on a page with fewer than KEEP_ROWS rows (its Total alone below the repeated
    header); a table longer than a page instead takes its last KEEP_ROWS rows to the next
    page (_split). A row a page break would cut between its lines (a wrapped cell's second
    line alone at the next page's head; QTextDocument ignores page-break-inside) starts the
    next page, but for a row taller than a page, which no page holds whole: it is company
    enough for the heading above it and the Total below. The signatures are never split
    nor alone on a page: the section above goes with them where a page holds both, else
    the last rows of its table. Decided by measuring the laid-out document, one section at
    a time from the top."""
    pages = _Pages(document)
    heading = above = above_heading = None
    item = document.rootFrame().begin()
    while not item.atEnd():
        table = item.currentFrame()
        if not isinstance(table, QTextTable):
            block = item.currentBlock()
            heading = block if block.blockFormat().headingLevel() else None
        elif heading is not None:
            if (signatures := _signatures_after(document, table)) is not None:
                _sign_under(pages, heading, signatures)
            above, above_heading = _keep_section(pages, heading, table), heading
            while item.currentFrame() is not above:  # past the parts split off
                item += 1
            heading = None
        else:
            _keep_signatures(pages, table, above, above_heading)
        item += 1


class _Pages:
    """Where the laid-out document puts a block or a table's rows, by page of its body."""

    def __init__(self, document: QTextDocument) -> None:
        self.height = document.pageSize().height()
        self.layout = document.documentLayout()

    def of(self, block: QTextBlock) -> int:
        return int(self.layout.blockBoundingRect(block).top() // self.height)

    def cut(self, box: QRectF) -> bool:
        return box.top() // self.height != (box.bottom() - 1) // self.height

    def row_box(self, table: QTextTable, row: int) -> QRectF:
        box = QRectF()
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            for end in (cell.firstCursorPosition(), cell.lastCursorPosition()):
                box = box.united(self.layout.blockBoundingRect(end.block()))
        return box

    def of_rows(self, table: QTextTable) -> list[int]:
        """The page each row below the header starts on."""
        return [self.of(table.cellAt(row, 0).firstCursorPosition().block())
                for row in range(table.format().headerRowCount(), table.rows())]

    def end(self, table: QTextTable, row: int) -> int:
        """The page the row ends on."""
        return int((self.row_box(table, row).bottom() - 1) // self.height)

    def end_of(self, frame: QTextTable) -> int:
        """The page the frame ends on."""
        return int((self.layout.frameBoundingRect(frame).bottom() - 1) // self.height)

    def room(self, table: QTextTable) -> float:
        """A page's height below the table's header: a row taller is cut wherever it starts."""
        header = table.format().headerRowCount()
        return self.height - (self.row_box(table, header - 1).bottom()
                              - self.row_box(table, 0).top() if header else 0)

    def first_cut(self, part: QTextTable) -> int | None:
        # A part's first row cut below its header: the heading went ahead, or the part
        # is a single row's.
        room = self.room(part)
        return next((row for row in range(part.format().headerRowCount() + 1, part.rows())
                     if self.cut(box := self.row_box(part, row)) and box.height() <= room),
                    None)

    def company(self, table: QTextTable) -> tuple[int, int]:
        """The rows the heading keeps below it, and the Total above it: KEEP_ROWS, but a
        row too tall for a page is company enough: cut wherever it starts, it was moved on
        all the same, leaving the heading and the columns a page of their own."""
        room = self.room(table)
        rows = range(table.format().headerRowCount(), table.rows())
        tall = [at for at, row in enumerate(rows) if self.row_box(table, row).height() > room]
        return (min(KEEP_ROWS, len(rows), *(at + 1 for at in tall[:1])),
                min(KEEP_ROWS, len(rows), *(len(rows) - at for at in tall[-1:])))

    def total_alone(self, table: QTextTable, keep: int) -> bool:
        """The table goes on to a last page with fewer than keep rows ending on it (its
        Total one): a row cut across that page's head ends on it."""
        rows = range(table.format().headerRowCount(), table.rows())
        last = self.end(table, rows[-1])
        on_last = itertools.takewhile(lambda row: self.end(table, row) == last, reversed(rows))
        return len([*itertools.islice(on_last, keep)]) < keep \
            and self.end(table, rows[0]) != last


def _keep_section(pages: _Pages, heading: QTextBlock, table: QTextTable) -> QTextTable:
    """Keeps the heading and its table's Total in company (_keep_together) and splits the
    table before the rows a page break cuts; returns its last part."""
    style = _fixed_widths(table, pages.layout)
    head, tail = pages.company(table)
    alone_at_foot = pages.of(heading) != pages.of_rows(table)[head - 1]
    fits = pages.layout.frameBoundingRect(table).bottom() \
        - pages.layout.blockBoundingRect(heading).top() <= pages.height
    if alone_at_foot or fits and pages.total_alone(table, tail):
        _start_a_page(heading)
    last_rows = _split(table, table.rows() - tail, style) \
        if not fits and pages.total_alone(table, tail) else None
    above = _split_cut_rows(pages, table, style)
    if last_rows is not None:
        return last_rows
    if pages.total_alone(above, tail) \
            and above.rows() - above.format().headerRowCount() > tail:
        # The rows _split_cut_rows pushed on left the Total alone on the last page.
        return _split(above, above.rows() - tail)
    return above


def _signatures_after(document: QTextDocument, table: QTextTable) -> QTextTable | None:
    """The signatures, if they follow the table: the report's last frame, a table under no
    heading of its own."""
    frames = document.rootFrame().childFrames()
    if len(frames) < 2 or frames[-2].firstPosition() != table.firstPosition():
        return None
    last = frames[-1]
    named = document.findBlock(last.firstPosition() - 1).blockFormat().headingLevel()
    return last if isinstance(last, QTextTable) and not named else None


def _sign_under(pages: _Pages, heading: QTextBlock, signatures: QTextTable) -> None:
    """Starts a page at the heading of the section the signatures close, if they would go on
    to a page after it and the heading's new page holds the section and them: else they took
    the last KEEP_ROWS of its rows (_keep_signatures), a last page of two commodities and the
    Total under the signatures, the rest of the table on the page before."""
    if pages.of(heading) == pages.end_of(signatures):
        return
    cursor, count = QTextCursor(heading), pages.layout.pageCount()
    before = cursor.blockFormat()
    _start_a_page(heading)
    # A page more: the heading began a page already, and left it blank.
    if pages.layout.pageCount() > count or pages.cut(pages.layout.frameBoundingRect(signatures)) \
            or pages.of(heading) != pages.end_of(signatures):
        cursor.setBlockFormat(before)


def _keep_signatures(pages: _Pages, table: QTextTable, above: QTextTable | None,
                     above_heading: QTextBlock | None) -> None:
    """Keeps the signatures (one row, which a page break cut between its cells) whole
    and on a page with the last rows of the table above, if there is one."""
    box = pages.layout.frameBoundingRect(table)
    if above is None:
        if pages.cut(box):
            table.setFormat(_starting_a_page(table.format()))
    elif pages.cut(box) or pages.of_rows(above)[-1] < box.top() // pages.height:
        if len(pages.of_rows(above)) >= 2 * KEEP_ROWS:
            _split(above, above.rows() - KEEP_ROWS)
        else:
            _start_a_page(above_heading)


def _split_cut_rows(pages: _Pages, table: QTextTable, style: QTextTableFormat) -> QTextTable:
    """Splits the table before each row a page break cuts; returns its last part. Its
    parts, the first too, take style (its _fixed_widths).
    A part is measured again after its split: left with fewer rows it may lay out a
    row a line taller (a column a pixel narrower wraps it), moving the rows under it
    across a break already measured; the rows it gives up begin the next part.

    The rows not placed yet wait in a copy of the table outside the report, and the
    last part takes them a few pages' worth at a time: with all of them in the
    report, each split laid out every row below it again (500 services: 7 s)."""
    holder = QTextDocument()  # the copy's, kept while its rows are read
    rest = _table_at(QTextCursor(holder), table, range(table.rows()), style)
    header = table.format().headerRowCount()
    part, start, end = table, header, min(rest.rows(), header + _FIRST_ROWS)
    ends_at_a_cut = False
    table.removeRows(end, table.rows() - end)
    if end == rest.rows() and pages.first_cut(table) is None:
        # Whole on its page: its own columns are the whole table's, and a format set
        # laid out the rest of the report again (the totals, the commodities: 0.1 s).
        return table
    table.setFormat(style)  # once it is short: the whole table would be laid out anew
    while True:
        if (row := pages.first_cut(part)) is not None:
            part.removeRows(row, part.rows() - row)
            end, ends_at_a_cut = start + row - header, True
            continue
        if end == rest.rows():
            return part
        if ends_at_a_cut:  # the next part: rows for a page like this one's, and a few
            more = range(end, min(rest.rows(), 2 * end - start + KEEP_ROWS))
            part, start, ends_at_a_cut = _part_after(part, rest, more), end, False
        else:  # twice the rows: a long table no break cuts is copied about twice
            more = range(end, min(rest.rows(), end + max(end - start, _FIRST_ROWS)))
            _append_rows(part, rest, more)
        end = more.stop


def _start_a_page(heading: QTextBlock) -> None:
    cursor = QTextCursor(heading)
    cursor.setBlockFormat(_starting_a_page(cursor.blockFormat()))


def _fixed_widths(table: QTextTable, layout: QAbstractTextDocumentLayout) -> QTextTableFormat:
    """The table's format with each column fixed at the width it is laid out with, all its
    rows in it, for each part a split makes: sized to its own cells, each part moved the
    columns from page to page (a wider Total set the last page's 2 pt to the right)."""

    def width(column: int) -> QTextLength:
        cells = [table.cellAt(row, column) for row in range(table.rows())]
        padding = cells[0].format().toTableCellFormat()
        content = max(layout.blockBoundingRect(cell.firstCursorPosition().block()).width()
                      for cell in cells)
        return QTextLength(QTextLength.Type.FixedLength,
                           padding.leftPadding() + content + padding.rightPadding())

    style = table.format()
    style.setColumnWidthConstraints([width(column) for column in range(table.columns())])
    return style


def _split(table: QTextTable, first_row: int,
           style: QTextTableFormat | None = None) -> QTextTable:
    """Moves the table's rows from first_row on into a copy of it (its header rows too, in
    style, else the table's format) that starts a page, and returns the copy. A page break
    before a row would move only its first cell."""
    with _edit(table.firstCursorPosition()):
        copy = _part_after(table, table, range(first_row, table.rows()), style)
        table.removeRows(first_row, table.rows() - first_row)
    return copy


def _part_after(part: QTextTable, source: QTextTable, rows: range,
                style: QTextTableFormat | None = None) -> QTextTable:
    """A table that starts a page after `part`, holding the source's header rows and the
    rows given, in style, else the source's format."""
    cursor = QTextCursor(part.lastCursorPosition())
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)  # the block after the table
    after = cursor.blockFormat(), cursor.blockCharFormat()
    with _edit(cursor):
        table = _table_at(cursor, source, [*range(source.format().headerRowCount()), *rows],
                          _starting_a_page(QTextTableFormat(source.format() if style is None
                                                            else style)))
        # Qt leaves the block a table goes into above it, emptied, and moves its text below
        # into a plain block: a heading there lost its level, and _keep_together then took
        # its section for the signatures, its Total never kept company.
        _set_block(table.firstCursorPosition(), QTextCursor.MoveOperation.PreviousBlock,
                   QTextBlockFormat(), QTextCharFormat())
        _set_block(table.lastCursorPosition(), QTextCursor.MoveOperation.NextBlock, *after)
    return table


def _set_block(cursor: QTextCursor, move: QTextCursor.MoveOperation, style: QTextBlockFormat,
               characters: QTextCharFormat) -> None:
    cursor.movePosition(move)
    cursor.setBlockFormat(style)
    cursor.setBlockCharFormat(characters)


def _table_at(cursor: QTextCursor, source: QTextTable, rows: Sequence[int],
              style: QTextFormat) -> QTextTable:
    with _edit(cursor):
        table = cursor.insertTable(len(rows), source.columns(), style)
        _copy_rows(source, rows, table, 0)
    return table


def _append_rows(table: QTextTable, source: QTextTable, rows: range) -> None:
    with _edit(table.firstCursorPosition()):
        at = table.rows()
        table.appendRows(len(rows))
        _copy_rows(source, rows, table, at)


def _copy_rows(source: QTextTable, rows: Sequence[int], table: QTextTable, at: int) -> None:
    """Copies the source's rows, cell by cell, over the table's rows from `at` on."""
    for to_row, from_row in enumerate(rows, at):
        for column in range(source.columns()):
            cell, target = source.cellAt(from_row, column), table.cellAt(to_row, column)
            target.setFormat(cell.format())
            selection = cell.firstCursorPosition()
            selection.setPosition(cell.lastCursorPosition().position(),
                                  QTextCursor.MoveMode.KeepAnchor)
            into = target.firstCursorPosition()
            into.setBlockFormat(selection.blockFormat())
            into.insertFragment(selection.selection())


@contextlib.contextmanager
def _edit(cursor: QTextCursor) -> Iterator[None]:
    """One edit of the cursor's document: laid out again once at its end, not after each
    cell (30 ms a cell). Not table.document(): PySide then drops the report's document
    with the table's wrapper."""
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def _starting_a_page(style: QTextFormat) -> QTextFormat:
    style.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    return style


_HEADER_PX = _BAND_PX - 12  # of a band, what holds its words; the rest is space
_LOGO_GAP_PX = 6  # between the logo and the hub's name
_NAME_GAP_PX = 12  # between the hub's name and the report's title
_LOGO_MAX_WIDTH_PX = 160  # a wide banner would crowd out the hub's name


def _logo(report: ReportContentRecord, scale: float) -> QImage | None:
    """The logo scaled once to its size in the header at the device's resolution: the PDF
    then holds a small image, not the whole file on every page. None if it is no image."""
    image = QImage.fromData(report.logo) if report.logo else QImage()
    if image.isNull():
        return None
    box = QSizeF(_LOGO_MAX_WIDTH_PX, _HEADER_PX - 2) * scale
    return image.scaled(box.toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def _bands(painter: QPainter, report: ReportContentRecord, logo: QImage | None,
           width: float, height: float, page: int, pages: int) -> None:
    font = report_font(report.language)
    font.setPixelSize(10)  # layout pixels: the painter is already scaled
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.darkGray, 0.5))
    band = _HEADER_PX
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    top, bottom = QRectF(0, 0, width, band), QRectF(0, height - band, width, band)
    name = QRectF(top)
    if logo is not None:  # in layout pixels, as the painter is scaled to the device
        size = QSizeF(logo.size()) / painter.transform().m11()
        painter.drawImage(QRectF(QPointF(0, (band - size.height()) / 2), size), logo)
        name.setLeft(size.width() + _LOGO_GAP_PX)
    heading = f"{report.title} · {report.period}"
    metrics = QFontMetricsF(font)
    # A long name is cut short, never the title: it ran into it.
    name.setRight(width - metrics.horizontalAdvance(heading) - _NAME_GAP_PX)
    painter.drawText(name, left, metrics.elidedText(report.hub_name, Qt.TextElideMode.ElideRight,
                                                    name.width()))
    painter.drawText(top, right, heading)
    painter.drawLine(QPointF(0, band), QPointF(width, band))
    painter.drawLine(QPointF(0, height - band), QPointF(width, height - band))
    numbered = text("page", report.language, page=page, pages=pages)
    made = text("generated_by", report.language, when=report.generated, name=report.made_by) \
        if report.made_by else text("generated", report.language, when=report.generated)
    # A long account name is cut short, never the page's number.
    painter.drawText(bottom, left, metrics.elidedText(
        made, Qt.TextElideMode.ElideRight,
        width - metrics.horizontalAdvance(numbered) - _NAME_GAP_PX))
    painter.drawText(bottom, right, numbered)


def write_pdf(report: ReportContentRecord, path: Path, database: Path | str | None = None,
              layout: QPageLayout | None = None, first: int = 1,
              last: int | None = None, document: QTextDocument | None = None) -> int:
    """Writes the report's pages first to last as a PDF file, on this desk's paper unless
    layout says otherwise; returns the report's page count. document: the report laid out
    for that paper (lay_out) if the caller keeps one; else it is laid out here.

    The PDF is written beside the target and renamed over it when whole: a report that
    fails leaves the file that was there. A file that is not a PDF is never replaced (the
    database typed or picked as the output by mistake was emptied before the report began).
    """
    _ensure_replaceable(path, database)

    def make(partial: Path) -> int:
        # QPdfWriter says nothing when a write fails: onto a full disk it left a cut-off
        # file, renamed over the good one as a success. It writes into memory; the file is
        # written here, where a full disk raises.
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        writer.setPageLayout(layout or page_layout())
        writer.setTitle(f"{report.title} {report.period}")
        # A viewer's or document system's list names the hub a report is of.
        writer.setAuthor(report.hub_name)
        writer.setCreator("Hub Desk")
        laid_out = document if document is not None \
            else lay_out(report, page_body(writer.pageLayout()))
        pages = paint(laid_out, report, writer, first, last)
        del writer  # the PDF is whole once its writer is gone
        pdf = put_back_ideographs(bytes(buffer.data()), laid_out.toPlainText() + report.hub_name)
        with open(partial, "wb") as file:
            file.write(pdf)
            file.flush()
            # A network share or a delayed allocation may refuse the bytes only here.
            os.fsync(file.fileno())
        return pages

    try:
        # The command line's report: its last write, after which a stop is its own no more.
        return write_beside(path, make, last=True)
    except OSError as error:
        raise InputError(QT_TRANSLATE_NOOP("messages", "Cannot write {path}: {reason}"),
                         path=str(path), reason=os_reason(error)) from None


def _ensure_replaceable(path: Path, database: Path | str | None) -> None:
    if is_database_file(path, database):  # checked by name: never opened here
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "{path} is the hub's database; choose another file name for the "
                        "report"), path=str(path))
    refuse_all_but_a_file(path)
    if path.is_file() and path.stat().st_size:
        with open(path, "rb") as file:
            kind = file.read(5)
        if kind != b"%PDF-":
            raise InputError(QT_TRANSLATE_NOOP(
                "messages", "{path} exists and is not a PDF; choose another file name for "
                            "the report"), path=str(path))


_APPLICATION: list[QGuiApplication] = []  # kept alive for the process


def require_chinese_font(language: str) -> None:
    """A Chinese report on a machine with no font for Chinese was written as empty boxes,
    "Report written" and exit 0, for a script to mail to the morning meeting."""
    if language == "zh" and not QFontDatabase.families(
            QFontDatabase.WritingSystem.SimplifiedChinese):
        raise InputError(QT_TRANSLATE_NOOP(
            "messages", "No font that can show Chinese is installed, so a Chinese report "
                        "would be empty boxes: install one (on Debian or Ubuntu, the package "
                        "fonts-noto-cjk), or write the report in English (--lang en)"))


def ensure_application() -> None:
    """Fonts and painting need a QGuiApplication; the command line runs without a display."""
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication(["hubapp"])
    app.setOrganizationName(ORGANIZATION)  # the window's names: its QSettings
    app.setApplicationName(APPLICATION)
    _APPLICATION.append(app)
