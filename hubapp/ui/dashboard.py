"""The Dashboard screen: KPI tiles, throughput charts and their filters.

matplotlib loads when the screen is first shown, not at start-up (~1 s). The
aggregates, every chart's table and the figure of the chart shown are made on a
worker thread; each other chart's figure is made on the GUI thread as its tab is
first shown after a refresh (a few hundredths of a second) and kept until the
next: all six made at every refresh took most of its second of CPU on a year.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QDate, QEvent, QModelIndex, QPersistentModelIndex,
    Qt, Signal,
)
from PySide6.QtGui import QCursor, QFontInfo, QGuiApplication, QImage, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QStackedWidget, QTabWidget, QToolTip, QVBoxLayout, QWidget,
)

from hubapp.domain import wording
from hubapp.domain import dashboard as periods
from hubapp.domain.dashboard import (
    ComparisonRecord, DashboardFilterRecord, DashboardRecord, recorded, same_dates_last_year,
)
from hubapp.domain.errors import HubError, os_reason
from hubapp.domain.records import ChangeRecord, Direction, Mode
from hubapp.store import dashboard, open_db, rollup, settings
from hubapp.ui import colours, date_edits, dialogs, filter_choices, focus, formatting, labels
from hubapp.ui.flow_layout import FlowLayout, TileLayout
from hubapp.ui.context import AppContext
from hubapp.ui.file_folders import last_folder, remember_folder
from hubapp.ui.find_combo import FindCombo
from hubapp.ui.midnight import MidnightTimer
from hubapp.ui.parts_label import PartsLabel
from hubapp.ui.record_model import list_table
from hubapp.ui.scrolled_panel import ScrolledPanel, StretchingPanel
from hubapp.ui.tasks import TaskControl
from hubapp.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from hubapp.charts.common import ChartTableRecord, LookRecord

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
# The least room a chart keeps for itself, in lines of the desk's text (its labels grow with
# it): its title, its axes' labels and something between them.
CHART_MINIMUM_LINES = (24, 12)
# A saved or copied chart's pixels for each of the screen's logical ones, at the least: from a
# 100 % screen, sharp enough to print.
IMAGE_SCALE = 1.5
# A saved or copied chart is at least this tall for its width, as a chart in a document is:
# at 150 % the chart on screen was a strip of 4.9:1, and so was the saved one.
PAPER_SHAPE = 0.45


@dataclass(frozen=True)
class DashboardRefreshRecord:
    """What a refresh hands to the GUI thread: the numbers and one chart per panel, to be
    drawn in the desk's look and again on paper, with its table; and the chart of the panel
    `shown` as the refresh began, drawn in the desk's look already (figure)."""

    data: DashboardRecord
    charts: tuple[tuple[Callable[[], Figure], Callable[[], Figure], ChartTableRecord], ...]
    shown: int
    figure: Figure


def build(control: TaskControl, f: DashboardFilterRecord, as_of: dt.date,
          language: str, look: LookRecord, now: dt.datetime | None = None,
          shown: int = 0) -> DashboardRefreshRecord:
    """The worker's part of a refresh (Qt-free); shown: the panel whose chart it draws."""
    from hubapp.charts.dashboard import charts

    db = open_db(control.db_path)
    try:
        data = dashboard.load(db, f, as_of, settings.load(db), control.check, now)
    finally:
        db.close()
    control.check()
    drawings = tuple((functools.partial(draw, look=look),
                      functools.partial(draw, look=look.on_paper()), table)
                     for draw, table in charts(data, language))
    return DashboardRefreshRecord(data, drawings, shown, drawings[shown][0]())


def image_scale(device_pixel_ratio: float) -> float:
    """How many pixels a saved or copied chart has for each of the screen's logical ones: as
    many as the screen shows it with (1.5 at 150 %, 2 at 200 %), and at least IMAGE_SCALE.
    Copied at the screen's logical pixels, at 150 % a chart pasted into a document was
    blurred up to its size."""
    return max(IMAGE_SCALE, device_pixel_ratio)


def _records_start(history_from: dt.date) -> str:
    return wording.day(history_from, labels.language())


def chart_look(widget: QWidget) -> LookRecord:
    """The charts' look on screen: their text as tall as the widget's, and on a dark theme its
    colours (on a light one a chart stays white, as it is saved and printed). A chart of
    matplotlib's own 10 pt text at 100 dpi was a white block on a dark window, and its text
    the smallest on screen at a 14 pt desktop font."""
    from hubapp.charts.common import DPI, LookRecord

    size = QFontInfo(widget.font()).pixelSize() * 72 / DPI
    if not colours.dark():
        return LookRecord(font_size=size)
    palette = widget.palette()
    return LookRecord(background=palette.color(QPalette.ColorRole.Window).name(),
                      plot=palette.color(QPalette.ColorRole.Base).name(),
                      text=palette.color(QPalette.ColorRole.WindowText).name(),
                      font_size=size)


class ChartTableModel(QAbstractTableModel):
    """The numbers behind one chart: text as shown, raw values for sorting."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: ChartTableRecord | None = None

    def set_table(self, table: ChartTableRecord) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self.columnCount()):
            return self.table.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        value = self.table.rows[index.row()][index.column()]
        numeric = isinstance(value, (int, float))
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            return (formatting.number(value, self.table.column_decimals(index.column(), value))
                    if numeric else value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChartPanel(QWidget):
    """One chart, with save, copy and a table of its numbers."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.name = name
        self.figure: Figure | None = None
        self.canvas = None  # a FigureCanvasQTAgg once there is a figure
        self.paper: Callable[[], Figure] | None = None  # draws it again, white and black
        self.drawn_for = ""  # the period and filters it counts, in words
        # set_chart's draw, paper, table and drawn_for of a chart not drawn yet: the panel was
        # hidden, and it is drawn as it is shown.
        self._waiting: tuple | None = None
        self.model = ChartTableModel(self)
        self.table_view = list_table(self)
        self.table_view.setModel(self.model)
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table_view.verticalHeader().hide()
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Loading…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.table_view)

        # Made in the order they stand in, which Tab follows.
        self.table_button = QPushButton(self.tr("&Show numbers"), self)
        self.table_button.setCheckable(True)
        self.copy_table_button = QPushButton(self.tr("Copy &numbers"), self)
        self.copy_image_button = QPushButton(self.tr("Copy &image"), self)
        self.save_button = QPushButton(self.tr("S&ave image…"), self)
        self.save_button.clicked.connect(self.save_image)
        self.copy_image_button.clicked.connect(self.copy_image)
        self.table_button.toggled.connect(self._show_table)
        self.copy_table_button.clicked.connect(self.copy_table)
        self.buttons = (self.table_button, self.copy_table_button, self.copy_image_button,
                        self.save_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in self.buttons:
            button.setEnabled(False)  # nothing to show, copy or save while loading
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    def set_chart(self, draw: Callable[[], Figure], paper: Callable[[], Figure],
                  table: ChartTableRecord, drawn_for: str, figure: Figure | None = None) -> None:
        """draw: the chart as the screen shows it, drawn now if the panel is shown, else as it
        is next shown (figure: drawn already); paper: draws it again as it is saved and copied;
        drawn_for: the period and filters it counts, in words. Until it is drawn, the panel
        keeps the chart it had, which nobody sees."""
        self._waiting = (draw, paper, table, drawn_for)
        if figure is not None or self.isVisible():
            self._draw_waiting(figure)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._waiting is not None:
            self._draw_waiting()

    def _draw_waiting(self, figure: Figure | None = None) -> None:
        draw, paper, table, drawn_for = self._waiting
        self._waiting = None
        self._put(draw() if figure is None else figure, paper, table, drawn_for)

    def _put(self, figure: Figure, paper: Callable[[], Figure], table: ChartTableRecord,
             drawn_for: str) -> None:
        from hubapp.charts.common import has_data, title
        from hubapp.ui.chart_canvas import ChartCanvas

        old = self.canvas
        self.figure = figure
        self.paper = paper
        self.drawn_for = drawn_for
        self.canvas = ChartCanvas(figure)
        self.canvas.setObjectName(f"canvas_{self.name}")
        self.canvas.copy_asked.connect(self.copy_image_button.click)
        self.canvas.numbers_asked.connect(self.table_button.click)
        # A picture to a screen reader, which said nothing of it: its title, what it counts
        # (the title names no period), and where its figures are read.
        shown, named = has_data(figure), title(figure)
        self.canvas.setAccessibleName(named)
        self.canvas.setAccessibleDescription("\n".join((self.tr(
            "A chart of {counted}; Enter or Show numbers (Alt+S) lists its figures, Ctrl+C "
            "copies it").format(counted=drawn_for), self._extremes(table))) if shown else "")
        self.table_view.setAccessibleName(self.tr("{chart}, in numbers").format(chart=named))
        # Squeezed to a strip (a window dragged small) the axes had no room left between the
        # title and the labels: the chart drew as nothing, and matplotlib warned on stderr.
        line = self.fontMetrics().height()
        self.canvas.setMinimumSize(*(line * lines for lines in CHART_MINIMUM_LINES))
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.canvas.mpl_connect("resize_event", lambda _event: self._fit(figure))
        self.pages.insertWidget(0, self.canvas)
        # Where the table stands when shown: after the chart tabs, before the buttons.
        focus.tab_order(self.table_view, self.canvas)
        self.model.set_table(table)
        # A chart that says why it is empty has nothing worth copying, and numbers only where
        # its table has a figure (boxes that moved without a commodity), not rows of zeros.
        numbers = shown or any(isinstance(value, int | float) and value
                               for row in table.rows for value in row[1:])
        if not numbers:
            self.table_button.setChecked(False)
        # The new chart is shown before the old one goes, so the stack hands it the old one's
        # focus: removed first, a chart redrawn as another desk saved sent the focus on to
        # Show numbers.
        self._show_table(self.table_button.isChecked())
        gone = old if old is not None else self.placeholder
        self.pages.removeWidget(gone)
        gone.deleteLater()
        for button in (self.table_button, self.copy_table_button):
            button.setEnabled(numbers)
        for button in (self.copy_image_button, self.save_button):
            button.setEnabled(shown)

    def _extremes(self, table: ChartTableRecord) -> str:
        """What the chart shows, in words: the highest and lowest point of its first two
        series and where each is. Its name and period alone told a screen reader nothing of
        the figures, which it then had to read row by row in Show numbers."""
        said = []
        for column in range(1, len(table.headers)):
            points = [(row[column], row[0]) for row in table.rows
                      if isinstance(row[column], int | float)]
            if not points:
                continue  # a column of notes
            (low, at_low), (high, at_high) = (extreme(points, key=lambda point: point[0])
                                              for extreme in (min, max))
            series = table.headers[column]
            # Told apart by their values: 23.04 and 23.01 both read 23.0, not "throughout".
            same = high == low
            high, low = (formatting.number(value, table.column_decimals(column, value))
                         for value in (high, low))
            if len(points) == 1:
                said.append(self.tr("{series}: {value} ({at})").format(
                    series=series, value=high, at=at_high))
            elif same:  # a target
                said.append(self.tr("{series}: {value} throughout").format(
                    series=series, value=high))
            else:
                said.append(self.tr("{series}: highest {high} ({at_high}), lowest {low} "
                                    "({at_low})").format(series=series, high=high,
                                                         at_high=at_high, low=low,
                                                         at_low=at_low))
            if len(said) == 2:
                break
        return self.tr("; ").join(said)

    def _fit(self, figure: Figure) -> None:
        from hubapp.charts.common import title
        from hubapp.charts.dashboard import fit_to_size

        fit_to_size(figure)
        # Its title may say it shows fewer bars now (top commodities): a screen reader kept
        # the one of the chart as first drawn.
        if figure is self.figure:
            self.canvas.setAccessibleName(title(figure))

    def _show_table(self, shown: bool) -> None:
        self.pages.setCurrentWidget(self.table_view if shown else self.pages.widget(0))

    def _hover(self, event) -> None:
        from hubapp.charts.common import hover_text

        text = hover_text(self.figure, event)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def save_image(self) -> None:
        path = dialogs.pick_save_file(self, self.tr("Save chart"), str(last_folder("chart")),
                                      self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return
        target = Path(path)  # .png or .svg (pick_save_file): matplotlib writes by the suffix
        remember_folder("chart", target)
        figure = self._on_paper()
        try:
            figure.savefig(target, dpi=figure.dpi * image_scale(self.devicePixelRatioF()))
        except OSError as error:
            reason = os_reason(error).written(QCoreApplication.translate)
            dialogs.show_error(self, self.tr("Save chart"), self.tr(
                "Could not save {path}: {reason}").format(path=str(target), reason=reason))

    def copy_image(self) -> None:
        buffer = io.BytesIO()
        figure = self._on_paper()
        scale = image_scale(self.devicePixelRatioF())
        figure.savefig(buffer, format="png", dpi=figure.dpi * scale)
        image = QImage.fromData(buffer.getvalue(), "PNG")
        # An office program sizes a pasted picture by its dots an inch, the only size the
        # clipboard's bitmap and PNG carry; a devicePixelRatio stays within Qt, which reads
        # it. At the screen's logical dots an inch times the scale the chart pastes as large
        # as it stood on screen; at matplotlib's, which follow the desk's text size, it did not.
        dots_per_metre = round(self.logicalDpiX() * scale / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.setDevicePixelRatio(scale)
        QGuiApplication.clipboard().setImage(image)

    def _on_paper(self) -> Figure:
        """The chart as shown, with its text's size, but white with black words: it goes into
        documents and e-mails, whatever the desk's theme. As wide as on screen, but no
        smaller than new_figure makes it and no flatter than PAPER_SHAPE; what it counts
        written under it, as the screen's filters are not beside it there."""
        from hubapp.charts.common import caption
        from hubapp.charts.dashboard import fit_to_size

        figure = self.paper()
        caption(figure, self.drawn_for)
        least_width, least_height = figure.get_size_inches()  # new_figure's, at the look's size
        width, height = self.figure.get_size_inches()
        width = max(width, least_width)
        figure.set_size_inches(width, max(height, least_height, width * PAPER_SHAPE))
        fit_to_size(figure)
        return figure

    def copy_table(self) -> None:
        if self.model.table is not None:
            QGuiApplication.clipboard().setText(self.model.table.tab_separated(self.drawn_for))


class KpiTile(QFrame):
    """A figure with its title and details: a stop for Tab, where a screen reader says them
    (the screen's headline figures were never read, the charts after them were)."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Loading…"))  # Tab reaches it before its figures
        self.title = QLabel(self)
        self.value = QLabel("—", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = PartsLabel(self)
        font = self.detail.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.detail.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_values(self, title: str, value: str, parts: tuple[str, ...],
                    note: str = "") -> None:
        self.title.setText(title)
        self.value.setText(value)
        self.detail.set_parts(parts, note)
        self.setAccessibleName(self.tr("{title}: {value}").format(title=title, value=value))
        self._describe()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTipChange:
            self._describe()
        return super().event(event)

    def _describe(self) -> None:
        # Its tooltip too (why last year is not compared): a description set hides it.
        self.setAccessibleDescription("\n".join(filter(None, (
            formatting.listed(self.detail.parts), self.detail.note, self.toolTip()))))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        focus.draw_frame(self)  # the style draws none for a frame


class DashboardScreen(QWidget):
    """Throughput at a glance; refreshes itself when data changes elsewhere."""

    refreshed = Signal()  # new figures: the shown chart on its canvas, the rest as shown
    LAST_7, LAST_30, THIS_MONTH, THIS_YEAR, LAST_YEAR, ALL_HISTORY, CUSTOM = range(7)
    CHARTS = ("teu_per_day", "trains_per_day", "teu_by_route", "teu_by_direction",
              "top_commodities", "monthly_teu")

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.ctx = ctx
        self.data: DashboardRecord | None = None
        self._task = None
        self._stale = True  # refresh at the next show
        self._day: dt.date | None = None  # the hub's today when the figures were asked for
        # Left open overnight, Today and the presets' days stayed yesterday's until a save.
        self._midnight = MidnightTimer(ctx, self)
        self._midnight.timeout.connect(self.refresh)
        self._look: LookRecord | None = None  # the charts' last drawn in
        self._filter_note: tuple[str, DashboardFilterRecord] | None = None  # for that filter
        # The filters' lists made again as the reference data changes: at once while shown,
        # else at the next show (before showEvent's refresh), as a hidden screen at 50,000
        # commodities held Reference data's Add… 0.8 s for lists nobody was looking at.
        self._lists_changed = WhenShown(self, self._refill_lists)

        self.period = QComboBox(self)
        self.period.addItems([self.tr("Last 7 days"), self.tr("Last 30 days"),
                              self.tr("This month"), self.tr("This year"), self.tr("Last year"),
                              self.tr("All history"), self.tr("Custom")])
        self.period.setCurrentIndex(self.LAST_30)
        self.date_from = date_edits.DayEdit(self)
        self.date_to = date_edits.DayEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        date_edits.take_typed_dates(self.date_from, self.date_to)
        self.route = QComboBox(self)
        self.direction = QComboBox(self)
        self.mode = QComboBox(self)
        self.commodity = FindCombo(self)
        self._fill_choices()
        self._apply_preset()

        filters = FlowLayout()
        for text, widget in ((self.tr("&Period"), self.period), (self.tr("Fr&om"), self.date_from),
                             (self.tr("&To"), self.date_to), (self.tr("&Route"), self.route),
                             (self.tr("&Direction"), self.direction), (self.tr("&Mode"), self.mode),
                             (self.tr("&Commodity"), self.commodity)):
            filters.add_labelled(text, widget)
        # Beside the chart tabs, not in the filter row: "Updating…" there widened the row past
        # a 1280 px window in English, and the window grew to fit and stayed that wide.
        self.status_label = QLabel(self)

        self.tiles = {name: KpiTile(name, self)
                      for name in ("today", "month", "year", "punctuality", "dwell")}
        tiles = TileLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        self.tabs = QTabWidget(self)
        self.panels = {name: ChartPanel(name, self) for name in self.CHARTS}
        titles = (self.tr("TEU per day"), self.tr("Trains per day"), self.tr("By route"),
                  self.tr("Outbound and inbound"), self.tr("Top commodities"),
                  self.tr("Monthly, year on year"))
        for title, panel in zip(titles, self.panels.values()):
            self.tabs.addTab(panel, title)
        self.tabs.setCornerWidget(self.status_label, Qt.Corner.TopRightCorner)

        panel = StretchingPanel(self)
        layout = QVBoxLayout(panel)
        layout.addLayout(filters)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(ScrolledPanel(panel, self))

        self.period.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)
        for combo in (self.route, self.direction, self.mode, self.commodity):
            combo.currentIndexChanged.connect(self.refresh)
        ctx.signals.data_changed.connect(self._on_data_changed)

    # -- filters ---------------------------------------------------------------------

    def _fill_choices(self) -> None:
        filter_choices.refill(self.route, self.commodity, self.ctx.db)
        self.direction.addItem(self.tr("Both directions"), None)
        for direction in Direction:
            self.direction.addItem(labels.direction(direction), str(direction))
        self.mode.addItem(self.tr("All modes"), None)
        for mode in Mode:
            self.mode.addItem(labels.mode(mode), str(mode))
        self.commodity.setMaxVisibleItems(20)
        for combo in (self.route, self.commodity):
            # Route and commodity names run long; the filter row must fit a 1366 px screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)

    def _preset_range(self, preset: int, today: dt.date) -> tuple[dt.date, dt.date]:
        if preset == self.ALL_HISTORY:
            # From the first day on record, asked again at every refresh: an import of older
            # loading lists moves it. A new hub's is today alone.
            try:
                first = rollup.history_from(self.ctx.db)
            except HubError:  # the server out of reach: the dates stay, the refresh says why
                return self.date_from.date().toPython(), today
            return min(first or today, today), today
        return periods.named_period((periods.LAST_7, periods.LAST_30, periods.THIS_MONTH,
                                     periods.THIS_YEAR, periods.LAST_YEAR)[preset], today)

    def _apply_preset(self) -> None:
        date_from, date_to = self._preset_range(self.period.currentIndex(), self.ctx.today())
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _preset_chosen(self, preset: int) -> None:
        if preset != self.CUSTOM:
            self._apply_preset()
            self.refresh()

    def _dates_edited(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.CUSTOM)
        self.period.blockSignals(False)
        self.refresh()

    def current_filter(self) -> DashboardFilterRecord:
        date_from = self.date_from.date().toPython()
        date_to = self.date_to.date().toPython()
        if date_to < date_from:
            date_from, date_to = date_to, date_from
        return DashboardFilterRecord(
            date_from, date_to, route_code=self.route.currentData(),
            direction=self.direction.currentData(), mode=self.mode.currentData(),
            commodity_id=self.commodity.currentData())

    # -- refreshing ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The day may have turned while hidden without a midnight shot: a computer asleep
        # over midnight fires its timers late.
        if self._stale or self._day != self.ctx.today():
            self._start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A new theme or font reaches the screen as its own palette or font changing; the
        # charts are drawn again in it only if it changes their look.
        if (event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
                and self._look is not None and chart_look(self) != self._look):
            self.refresh()

    def _on_data_changed(self, change: ChangeRecord, initiator: object) -> None:
        if change is not None and change.what in ("reference", "restore"):
            self._lists_changed.request()
        self.refresh()

    def _refill_lists(self) -> None:
        if note := filter_choices.refill(self.route, self.commodity, self.ctx.db):
            self._filter_note = note, self.current_filter()

    def refresh(self) -> None:
        """Aggregates again now if the screen is shown, else when it is next shown."""
        if self.isVisible():
            self._start()
        else:
            self._stale = True

    def _start(self) -> None:
        """A new aggregation; one still running is cancelled and its result ignored."""
        # Loaded here, in the GUI thread, before any worker needs them.
        import hubapp.charts.dashboard  # noqa: F401
        import matplotlib.backends.backend_qtagg  # noqa: F401

        self._stale = False
        if self._task is not None:
            self._task.cancel()
        if self.period.currentIndex() != self.CUSTOM:
            self._apply_preset()  # "Last 30 days" from today, also on a screen left open overnight
        f = self.current_filter()
        if self._filter_note is not None and self._filter_note[1] != f:
            self._filter_note = None  # as All movements: said of the filter it changed, once
        moment = self.ctx.now()
        self._day = moment.date()
        self._midnight.arm()
        as_of = min(f.date_to, moment.date())
        language = labels.language()
        self._look = chart_look(self)
        self._task = self.ctx.tasks.start(functools.partial(
            build, f=f, as_of=as_of, language=language, look=self._look, now=moment,
            shown=self.tabs.currentIndex()))
        self._task.finished.connect(self._finished)
        self._task.failed.connect(self._failed)
        self.status_label.setText(self.tr("Updating…"))

    def _finished(self, result: DashboardRefreshRecord) -> None:
        if self.sender() is not self._task:
            return  # superseded by a newer filter
        self._task = None
        noted = self._filter_note
        self.status_label.setText(noted[0] if noted and noted[1] == result.data.filter else "")
        self.data = result.data
        f = result.data.filter
        months = f.months_from, result.data.months_to
        for index, (panel, (draw, paper, table)) in enumerate(zip(self.panels.values(),
                                                                   result.charts)):
            counted = months if panel.name == "monthly_teu" else (f.date_from, f.date_to)
            panel.set_chart(draw, paper, table, self._counted(*counted),
                            result.figure if index == result.shown else None)
        self._show_kpis(result.data)
        self.refreshed.emit()

    def _counted(self, first: dt.date, last: dt.date) -> str:
        """What a chart from first to last counts under the filters chosen, in words. Read
        when the figures arrive: a filter changed since started a refresh that supersedes
        them. By the items chosen: Commodity's text may be half typed."""
        filters = (self.route, self.direction, self.mode, self.commodity)
        narrowed = [combo.itemText(combo.currentIndex()) for combo in filters
                    if combo.currentData() is not None]
        return self.tr(", ").join([wording.days(first, last, labels.language()), *narrowed])

    def _failed(self, error: Exception) -> None:
        if self.sender() is not self._task:
            return
        self._task = None
        reason = labels.failure_reason(error)
        self.status_label.setText(self.tr("Could not update: {reason}").format(reason=reason))

    # -- tiles -----------------------------------------------------------------------

    def _show_kpis(self, data: DashboardRecord) -> None:
        kpis = data.kpis
        if kpis.as_of == self.ctx.today():
            day, month, year = self.tr("Today"), self.tr("Month to date"), self.tr("Year to date")
        else:  # a period that is over: "Month to date" read as this month's
            day, month, year = formatting.long_date(kpis.as_of), *self._up_to(kpis.as_of)
        for name, title, comparison in (
                ("today", day, kpis.today),
                ("month", month, kpis.month),
                ("year", year, kpis.year)):
            self.tiles[name].show_values(title, *self._throughput_texts(comparison,
                                                                        name == "today"))
            # Nor why in its tooltip: the day's tile is short of no comparison it makes.
            self._say_if_part_recorded(name, comparison.last_year_whole or name == "today",
                                       data)
        # The filter's period a year before, for punctuality and dwell: counted over a few days
        # on record (and boxes whose coming in was not), it compared with nothing like a year.
        whole = recorded(same_dates_last_year(data.filter.date_from, data.filter.date_to)[0],
                         data.history_from)
        for name in ("punctuality", "dwell"):
            self._say_if_part_recorded(name, whole, data)
        share = kpis.punctuality.share
        last_share = kpis.punctuality_last_year.share if whole else None
        # They count the period chosen, the tiles beside them today, its month and year: the
        # two moved with the Period filter and said nothing of it. Broken only after its dash:
        # at 1024 px a line ended in "6 November – 5".
        period = formatting.unbroken(wording.days(
            data.filter.date_from, data.filter.date_to, labels.language()), hanzi=True,
            but_after="–")
        # Unbroken as the throughput tiles' parts: at 1024 px in Chinese last year's "%" stood
        # alone on a line.
        self.tiles["punctuality"].show_values(
            self.tr("Punctuality (±{minutes} min)").format(minutes=kpis.tolerance_min),
            "—" if share is None else formatting.percent(share * 100),
            # Parts of their own, as the dwell tile's: "last year" and its "—" stood a line
            # apart at 14 pt.
            (period, self.tr("%Ln timed service(s)", "", kpis.punctuality.timed),
             formatting.unbroken(self.tr("last year {share}").format(
                 share="—" if last_share is None else
                 formatting.percent(last_share * 100)))))
        dwell, last_dwell = kpis.dwell.hours, kpis.dwell_last_year.hours if whole else None
        # Only a box whose arrival at the hub is on record has a dwell time: "0 outbound
        # containers" stood beside a new hub's first ten boxes to leave.
        counted = kpis.dwell.containers
        # A box's dwell ends as it leaves: under Inbound the tile showed the same figure as
        # under Outbound without a word, as if it were the inbound boxes'.
        self.tiles["dwell"].show_values(
            self.tr("Average dwell time"),
            "—" if dwell is None else self.tr("{days} days").format(
                days=formatting.number(dwell / 24, 1)),
            (period, self.tr("%Ln outbound container(s) with a recorded arrival", "", counted)
             if counted else self.tr("no box that left has a recorded arrival yet"),
             formatting.unbroken(self.tr("last year {days}").format(
                 days="—" if last_dwell is None else self.tr("{days} days").format(
                     days=formatting.number(last_dwell / 24, 1))))),
            self.tr("counted as boxes leave, whatever the direction chosen")
            if data.filter.direction == Direction.INBOUND else "")

    def _up_to(self, day: dt.date) -> tuple[str, str]:
        """What the month and year tiles count up to day, a day before today: "December 2025"
        and "Year 2025" if it ends them, else "1–15 March 2026" and "1 January – 15 March 2026"."""
        language = labels.language()
        ends_month = (day + dt.timedelta(days=1)).day == 1
        month = wording.month(day, language) if ends_month else \
            wording.days(day.replace(day=1), day, language)
        year = self.tr("Year {year}").format(year=day.year) if (day.month, day.day) == (12, 31) \
            else wording.days(day.replace(month=1, day=1), day, language)
        return month, year

    def _say_if_part_recorded(self, tile: str, whole: bool, data: DashboardRecord) -> None:
        self.tiles[tile].setToolTip("" if whole else self.tr(
            "Records start on {day}: the same dates last year are not all on record, so "
            "they are not compared.").format(day=_records_start(data.history_from)))

    def _throughput_texts(self, comparison: ComparisonRecord,
                          one_day: bool) -> tuple[str, tuple[str, ...], str]:
        current = comparison.current
        growth = comparison.growth("teu")
        so_far = comparison.so_far
        if comparison.history_from is None:  # a new hub: "no traffic last year" was a claim
            vs = self.tr("no records yet")
        elif not comparison.last_year_whole and not one_day:
            # Growth on the few days last year had on record read +977 %.
            vs = self.tr("records start on {day}").format(
                day=_records_start(comparison.history_from))
        elif so_far is not None and so_far.nothing_moved and \
                comparison.date_from == comparison.date_to:
            vs = self.tr("nothing has moved yet today")
        elif not comparison.last_year_whole:
            # A day last year is on record whole or not at all: the day's tile compares with
            # nothing, which "records start on …" under today's figures read as a note on them.
            vs = ""
        elif growth is None:
            vs = self.tr("no traffic last year")
        else:
            vs = self.tr("{growth} TEU on the same dates last year").format(
                growth=formatting.percent(growth, signed=True))
        if comparison.last_year_whole and so_far is not None and so_far.until is not None:
            # Today counts as far as its records reach, and last year's day up to that time.
            # "to 11:20" whole: in Chinese its 截至 broke over two lines.
            vs = self.tr("{comparison}, {until}").format(
                comparison=vs, until=formatting.unbroken(self.tr("to {time}").format(
                    time=f"{so_far.until:%H:%M}"), hanzi=True))
        value = self.tr("{teu} TEU").format(teu=formatting.teu(current.teu))
        # Services of every mode beside the containers of every mode; the trains (what the
        # daily target counts) among them. "8 trains · 347 containers" read as if the 347 came
        # on the 8.
        parts = (self.tr("%Ln service(s)", "", current.services),
                 self.tr("%Ln by rail", "", current.trains),
                 self.tr("%Ln container(s)", "", current.containers),
                 self.tr("{tonnes} t").format(tonnes=formatting.tonnes(current.gross_kg)))
        # A narrow tile may break the line only between the parts: at 1280 px "189,114 t" lost
        # its "t" to the next line.
        return value, tuple(map(formatting.unbroken, parts)), vs
