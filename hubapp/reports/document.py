"""One document for the daily, monthly and period reports: HTML with chart images,
laid out by a QTextDocument that the preview, the printer and the PDF all paint.

content() is Qt-free (SQL records → HTML and PNG charts) so it can run on a worker
thread; to_document() makes the QTextDocument and belongs on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import re
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextOption

from hubapp.domain.clock import wall_clock
from hubapp.domain.dashboard import (
    PunctualityRecord, add_months, days_before, recorded, whole_months,
)
from hubapp.domain.hanzi import has_hanzi
from hubapp.domain.records import TotalsRecord
from hubapp.domain.wording import (
    actual_time, day, day_runs, days, moment, month, months, number, off_schedule,
    part_of_month, percent, runs_of, service_time, tonne_tenths,
)
from hubapp.reports.text import NOTHING, growth, name, on_clock, text, who
from hubapp.store.reports import (
    DAILY, MONTHLY, TOP_COMMODITIES, GroupTotalsRecord, NotRunRecord, ReportDataRecord,
    ServiceLineRecord,
)

CHART_DPI = 200
DAYS_LISTED = 92  # a quarter lists its days; a longer period its months
# Runs of days not closed (or changed after closing) that a report names; more read as a
# calendar, and the count says it.
RUNS_LISTED = 10
# Layout happens at 96 dots per inch, whatever the printer: sizes in the HTML
# are CSS pixels, and printing scales the painter to the device.
LAYOUT_DPI = 96
_CHART_WIDTH_PX = 640


@dataclass(frozen=True, slots=True)
class ReportContentRecord:
    """What a report prints: the header's words, the body as HTML, its chart images."""

    title: str
    hub_name: str
    period: str
    language: str
    generated: str
    html: str
    images: dict[str, bytes]  # resource name → PNG
    logo: bytes | None = None  # the hub's logo as stored, painted in every page's header
    # The days its figures are read from: its own first (first to the end asked for), then
    # those it is compared with and those its first days' moving average takes in, and the
    # days up to the first on record (a save there moves "Records start on", dashes or 0s).
    days_read: tuple[tuple[dt.date, dt.date], ...] = ()
    # Who made it, as the footer names them beside its Generated time: the page the boss
    # reads said when it was printed, never by whom.
    made_by: str = ""


def period_text(data: ReportDataRecord, language: str) -> str:
    if data.kind == DAILY:
        return day(data.first, language)
    if data.kind == MONTHLY:
        return month(data.first, language)
    return f"{day(data.first, language)} – {day(data.end, language)}"


def content(data: ReportDataRecord, language: str, made_by: str = "") -> ReportContentRecord:
    """The report of data in language; made_by: the account that asks for it, as stored
    (store.users' COMMAND_LINE for `hubapp report`), or "" where none is named."""
    from hubapp.charts import reports as charts  # matplotlib only when a report is made

    # On the hub's clock, as the report's today and closing times: a server's cron job in
    # UTC printed its own.
    generated = wall_clock(data.hub.time_zone)
    hub = data.hub.hub_name_zh if language == "zh" and data.hub.hub_name_zh \
        else data.hub.hub_name
    title = text(data.kind, language)
    images: dict[str, bytes] = {}
    parts = [f"<h1>{_e(title)} · {_e(period_text(data, language))}</h1>",
             f"<p class='hub'>{_e(hub)}</p>"]
    unrecorded = _unrecorded(data, language)
    if unrecorded is not None:
        parts.append(f"<p class='none'>{_e(unrecorded)}</p>")
    elif data.kind == DAILY:
        parts.append(f"<p class='status'>{_e(_closed_text(data, language))}</p>")
    elif not data.to_come:  # its days not begun are neither open nor closed
        parts.append(f"<p class='status'>{_e(_open_days_text(data, language))}</p>")
        if data.changed_days:
            changed = _listed_days("changed_days", data.changed_days, language)
            parts.append(f"<p class='status'>{_e(changed)}</p>")
    if data.under_way:
        parts.append(f"<p class='status'>{_e(_under_way_text(data, language))}</p>")
    if data.empty and unrecorded is None:
        key = "empty_day" if data.kind == DAILY else "empty_period"
        parts.append(f"<p class='none'>{_e(text(key, language))}</p>")
    if not data.empty or data.quiet:
        parts.append(_comparison(data, language))
    # A month's or period's, after its charts: before them, its heading was the one the
    # charts of TEU by route and by day sat under, as if they were what it measured.
    timed = _period_punctuality(data, language) \
        if data.punctuality and data.punctuality[0].timed else ""
    if data.kind == DAILY and not data.empty:
        parts.append(_services(data, language))
    if data.not_run:
        parts.append(_not_run("not_run", data.not_run, data.first, language))
    if data.timed:
        parts.append(_punctuality(data, language))
    if data.planned:
        parts.append(_not_run("planned_services", data.planned, data.first, language))
    if not data.empty:
        routes = [(name(r.name_en, r.name_zh, "no_route", language), r.totals.teu)
                  for r in data.routes]
        # Without a box moved the charts are empty axes: the tables' zeros say it.
        charted = data.totals.teu > 0
        if charted:
            images["teu_by_route.png"] = _png(charts.teu_by_route(routes, language))
        route_chart = _image("teu_by_route.png") if charted else ""
        route_table = _groups(text("per_route", language), text("route", language),
                              data.routes,
                              lambda r: name(r.name_en, r.name_zh, "no_route", language),
                              language)
        if data.kind == DAILY:
            # The table before the chart: a table's rows fill the rest of the services' page,
            # where the chart, which cannot be split, left a third of it blank and pushed the
            # signatures onto a page of their own.
            parts += [route_table, route_chart]
        else:
            days = [(dt.date.fromisoformat(d.key), d.totals.services, d.totals.teu)
                    for d in data.days]
            if charted:
                images["teu_by_day.png"] = _png(charts.teu_by_day(
                    days, language, data.teu_before, data.history_from, data.so_far_day))
            listed = _by_day_or_month(data.days, language, data.history_from, data.so_far_day)
            parts += [route_chart, _image("teu_by_day.png") if charted else "", timed,
                      listed, route_table]
        # Services without containers have no commodity: a table of only a zero Total
        # said nothing that the totals' zero containers do not.
        if data.commodities:
            parts.append(_groups(text("per_commodity", language, count=TOP_COMMODITIES),
                                 text("commodity", language),
                                 data.commodities, lambda c: _commodity_name(c, language),
                                 language, numbers=_BOX_NUMBERS))
    if data.kind == DAILY and unrecorded is None:
        parts.append(_signatures(language))
    return ReportContentRecord(title, hub, period_text(data, language), language,
                               on_clock(generated.strftime("%Y-%m-%d %H:%M"),
                                        data.hub.time_zone, language),
                               _style(language) + "\n".join(parts), images,
                               data.hub.logo or None,
                               ((data.first, data.end), data.previous_period,
                                data.last_year_period,
                                days_before(data.first, data.history_from),
                                (dt.date.min, data.history_from or dt.date.max)),
                               who(made_by, language) if made_by else "")


def to_document(report: ReportContentRecord) -> QTextDocument:
    """The report's document; printing.lay_out() breaks it into pages."""
    document = QTextDocument()
    font = report_font(report.language)
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(_layout_device())
    # Lines break between words only: with Qt's default, anywhere as well, a table could
    # narrow a wrapping column to one letter, and headers and long service numbers broke
    # inside a word ("Containe" / "rs", "SERVICE1" / "2").
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    for resource, png in report.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(resource),
                             QImage.fromData(png, "PNG"))
    document.setHtml(report.html)
    return document


@functools.cache
def _layout_device() -> QImage:
    """A 96-dpi device to measure text on; one for the process, as the layout keeps
    only a pointer to it."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_meter = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_meter)
    device.setDotsPerMeterY(dots_per_meter)
    return device


def report_font(language: str) -> QFont:
    """DejaVu Sans with Noto Sans CJK for Chinese; Chinese reports are all Noto: a line
    mixing the two fonts is taller than its neighbours, and the page break then cuts
    a table row between its cells. Shaped, Noto draws the digits after a Latin letter
    with glyphs that the PDF's text names wrongly or not at all (X5506 was found as "X"):
    Chinese reports draw each character's own glyph. No ligatures: the PDF's text names
    DejaVu's "fi" and "fl" glyphs by U+FB01 and U+FB02, so "flour" was neither found nor
    pasted as typed."""
    font = QFont()
    font.setFeature(QFont.Tag("liga"), 0)
    if language == "zh":
        font.setFamilies(["Noto Sans CJK SC"])
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    else:
        font.setFamilies(["DejaVu Sans", "Noto Sans CJK SC"])
    return font


_STYLE = """
h1 { font-size: 15pt; margin-bottom: 0; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 4px; }
p.hub { font-size: 11pt; margin-top: 2px; }
p.status { color: #444; }
p.none { font-size: 13pt; margin-top: 30px; margin-bottom: 30px; }
table { border-collapse: collapse; }
th { background-color: #e8eef5; font-weight: bold; }
td, th { padding: 1px 4px; }
td { white-space: nowrap; }
td.w { white-space: normal; }
table { font-size: 8pt; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: bold; background-color: #f2f2f2; }
tr { page-break-inside: avoid; }
td.signatures { font-size: 11pt; font-weight: bold; }
td.sign { padding-bottom: 36px; border-bottom: 1px solid #000; }
"""
# Noto Sans CJK's lines are 1.45 em high, DejaVu Sans's 1.16: a Chinese table's rows were a
# fifth taller than an English one's, and most busy days' Chinese summaries ran onto a third
# page holding two commodities, the Total and the signatures. At 80 %, 1.16 em, they are
# as close as the English rows, the characters (1 em) still clear of each other.
_ZH_STYLE = "td, th { line-height: 80%; }\n"


def _style(language: str) -> str:
    """The style sheet (one: Qt reads a document's first only)."""
    return f"<style>{_STYLE}{_ZH_STYLE if language == 'zh' else ''}</style>\n"


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()


def _image(resource: str) -> str:
    return f"<p align='center'><img src='{resource}' width='{_CHART_WIDTH_PX}'></p>"


def _unrecorded(data: ReportDataRecord, language: str) -> str | None:
    """What a report says of days all still to come, or of days before the records start
    with nothing of them recorded; None for any other. Neither is open to close and sign,
    nor a day without traffic: "Day not closed yet" and "No movements on this day" said
    both, and "No movements in this period" of a month still to come or before the records."""
    if not data.empty:
        return None
    if data.to_come:
        return text("to_come", language, span=_span(data.first, data.end, language))
    if recorded(data.first, data.history_from) or data.not_run or data.planned:
        return None
    return text("day_not_on_record", language,
                day=days(data.history_from, data.history_from, language),
                span=_span(data.first, data.end, language))


def _closed_text(data: ReportDataRecord, language: str) -> str:
    zone = data.hub.time_zone

    def when(wall: dt.datetime) -> str:
        return on_clock(moment(wall, language), zone, language)

    reopened = data.reopened
    if data.closed is None:
        return text("open", language) if reopened is None else text(
            "reopened", language, name=who(reopened.changed_by, language),
            when=when(reopened.changed_wall(zone)), reason=reopened.reason)
    closer = {"name": who(data.closed.closed_by, language),
              "when": when(data.closed.closed_wall(zone))}
    closed = text("closed", language, **closer) if reopened is None else text(
        "closed_again", language, reopener=who(reopened.changed_by, language),
        reopened=when(reopened.changed_wall(zone)), reason=reopened.reason, **closer)
    change = data.changed_after_close
    if change is None:
        return closed
    # Figures changed since the day was signed off: its close no longer vouches for them.
    return text("changed_after_close", language, closed=closed,
                name=who(change.changed_by, language), when=when(change.changed_wall(zone)),
                reason=change.reason)


def _open_days_text(data: ReportDataRecord, language: str) -> str:
    """Whether a month's or period's figures are final: its totals read as final, printed
    for a manager, while some days could still change."""
    counted = (data.last - max(data.first, data.history_from or data.first)).days + 1
    if not data.open_days:
        return text("all_closed", language)
    if len(data.open_days) == counted:
        return text("none_closed", language)
    return _listed_days("open_days", data.open_days, language, days=counted)


def _listed_days(key: str, chosen: tuple[dt.date, ...], language: str, **values: object) -> str:
    """The text of key naming the chosen days as runs, or of key_many counting them when the
    runs are too many to name on one line."""
    runs = runs_of(chosen)
    if len(runs) > RUNS_LISTED:
        return text(f"{key}_many", language, count=len(chosen), **values)
    return text(key, language, count=len(chosen), which=day_runs(runs, language), **values)


def _table(headers: list[tuple[str, bool]], rows: list[list[str]], total: list[str] | None,
           numeric: list[bool], wrapping: tuple[int, ...] = (), full_width: bool = True) -> str:
    """A table, full-width or as wide as its cells; the header row repeats on every page
    (thead). Cells keep to one line, but for the `wrapping` columns' names: a long one would
    push the columns after it off the page, where they are lost. A header's own line breaks
    are kept."""
    names = [_e(_short_lines_whole(h)).replace("\n", "<br>") for h, _ in headers]
    head = "".join(f"<th{' class=n' if n else ''}>{h}</th>" for h, (_, n) in zip(names, headers))
    classes = ["n" if n else "w" if column in wrapping else "" for column, n in
               enumerate(numeric)]
    width = " width='100%'" if full_width else ""
    lines = [f"<table{width} border='0.5' cellspacing='0' cellpadding='2'>"
             f"<thead><tr>{head}</tr></thead>"]
    for row, css in [(r, "") for r in rows] + ([(total, " class='total'")] if total else []):
        cells = "".join(f"<td{f' class={c}' if c else ''}>"
                        f"{_e(_breakable(text) if c == 'w' else text)}</td>"
                        for text, c in zip(row, classes))
        lines.append(f"<tr{css}>{cells}</tr>")
    return "".join(lines) + "</table>"


def _short_lines_whole(header: str) -> str:
    """header with each short Chinese line (同比, 本期) kept whole by word joiners: Chinese
    breaks between any two characters, and beside a long one the range report's last column
    read 同 over 比."""
    return "\n".join("\u2060".join(line) if len(line) <= 4 and has_hanzi(line) else line
                     for line in header.split("\n"))


# Where a wrapping cell may break besides between words (to_document breaks there only):
# after a "/", where Qt makes none before a digit (coupled trains' X8011/8012/8013), and
# after every 20 characters of a run of Latin letters, digits and marks too long for a
# narrow column ("PolyvinylchloridePVCsuspensionresin…" ran off the page).
_SLASH, _LONG_WORD = re.compile(r"/(?=[!-~])"), re.compile(r"([!-~]{20})(?=[!-~])")


def _breakable(text: str) -> str:
    """text with a place to break (a zero-width space) after each "/" in a word, then after
    every 20 characters of a run still longer."""
    return _LONG_WORD.sub("\\1\u200b", _SLASH.sub("/\u200b", text))


# The tables' number columns, by their header's key.
_NUMBER_COLUMNS = {
    "services": lambda totals: number(totals.services),
    "containers": lambda totals: number(totals.containers),
    "teu": lambda totals: number(totals.teu),
    "full_empty": lambda totals: f"{number(totals.full)} / {number(totals.empty)}",
    "tonnes": lambda totals: _tonnes(totals.gross_kg),
}
_GROUP_NUMBERS = tuple(_NUMBER_COLUMNS)
# A service's or a commodity's: no count of services, which would be 1 for a service and
# count one carrying two commodities twice.
_BOX_NUMBERS = _GROUP_NUMBERS[1:]


def _numbers(totals: TotalsRecord, numbers: tuple[str, ...]) -> list[str]:
    return [_NUMBER_COLUMNS[key](totals) for key in numbers]


def _rows_numbers(rows: list[TotalsRecord], numbers: tuple[str, ...]) -> list[list[str]]:
    """The numbers of a table's rows above its Total, their tonnes adding up to the Total's
    (_tonnes_column). TEU need no such care: quarters at most (a 45-foot box's 2.25), they
    print exact."""
    lines = [_numbers(totals, numbers) for totals in rows]
    if "tonnes" in numbers:
        column = numbers.index("tonnes")
        for line, tonnes in zip(lines, _tonnes_column([totals.gross_kg for totals in rows])):
            line[column] = tonnes
    return lines


def _tonnes(kg: int) -> str:
    """kg in tonnes to 0.1 t, a half up: the same figure in every table that prints it."""
    return _tenths(tonne_tenths(kg))


def _tenths(tenths: int) -> str:
    return f"{tenths // 10:,}.{tenths % 10}"


def _tonnes_column(kgs: list[int]) -> list[str]:
    """The rows' tonnes to 0.1 t, adding up to the _tonnes of their sum, the Total printed
    below them: each rounded alone, a day's services added up to 14,033.4 against a Total
    of 14,033.6, and whoever adds up the column checks the report by it. The Total stays
    the true one (the Totals table's, `hubapp stats`'): of the rows, those with the largest
    fractions of 0.1 t are rounded up, the others down (largest remainders), so each shows
    less than 0.1 t from its kg. Only the printed figures; the kg stored stay as they are."""
    tenths = [kg // 100 for kg in kgs]
    short = tonne_tenths(sum(kgs)) - sum(tenths)
    for row in sorted(range(len(kgs)), key=lambda row: -(kgs[row] % 100))[:short]:
        tenths[row] += 1
    return [_tenths(row) for row in tenths]


def _number_headers(language: str, numbers: tuple[str, ...]) -> list[tuple[str, bool]]:
    return [(text(key, language), True) for key in numbers]


def _compared_keys(kind: str) -> tuple[str, str, str]:
    """The text keys naming a report's period and the two it is compared with."""
    this, previous = {DAILY: ("this_day", "previous_day"),
                      MONTHLY: ("this_month", "previous_month")}.get(
        kind, ("this_period", "previous_period"))
    return this, previous, f"last_year_{kind}"


def _comparison(data: ReportDataRecord, language: str) -> str:
    this, previous, last_year_key = _compared_keys(data.kind)
    # A previous day or month before any record is no day of zero traffic (a new hub's first
    # daily summary said "Previous day: 0"), nor is last year's day: the hub kept no records.
    on_record = [data.history_from is None or data.history_from <= period[1]
                 for period in (data.previous_period, data.last_year_period)]
    # Nothing last year is no figure to compare with, as the Dashboard says, not zeros; nor
    # is a period records began in the middle of (October against its last two days: +1,502 %).
    none_last_year = on_record[1] and not (data.last_year.services or data.last_year.containers)
    compared = [recorded(period[0], data.history_from)
                for period in (data.previous_period, data.last_year_period)]
    rows = []
    for label, get in (("services", lambda t: t.services), ("containers", lambda t: t.containers),
                       ("teu", lambda t: t.teu), ("full", lambda t: t.full),
                       ("empty", lambda t: t.empty), ("tonnes", lambda t: t.gross_kg)):
        now, before, year = get(data.totals), get(data.previous), get(data.last_year)
        shown = _tonnes if label == "tonnes" else number
        rows.append([text(label, language), shown(now),
                     shown(before) if on_record[0] else NOTHING,
                     growth(now, before, language) if compared[0] else NOTHING,
                     shown(year) if on_record[1] and not none_last_year else NOTHING,
                     growth(now, year, language) if compared[1] else NOTHING])
    # Each column names the days it counts (a "previous period" left the reader to work out
    # which); a period under way by its days alone: "this month" would be a whole one.
    this, previous, last_year = (
        _span(*period, language, data.until) if data.under_way else
        f"{text(key, language)}\n{_span(*period, language, data.until)}"
        for key, period in ((this, (data.first, data.named_last)),
                            (previous, data.previous_period),
                            (last_year_key, data.last_year_period)))
    headers = [("", False), (this, True), (previous, True),
               (text("growth_previous", language), True), (last_year, True),
               (text("growth_year", language), True)]
    notes = [text(f"none_last_year_{data.kind}", language)] if none_last_year else []
    if data.history_from is not None:
        notes += _history_notes(data, data.history_from, language)
    return (f"<h2>{_e(text('totals', language))}</h2>"
            + _table(headers, rows, None, [False] + [True] * 5)
            + "".join(f"<p class='status'>{_e(note)}</p>" for note in notes))


def _history_notes(data: ReportDataRecord, history_from: dt.date, language: str) -> list[str]:
    """What the compared periods miss for records starting on history_from: the days
    before it, once a period (the previous year is often last year too), and a last year
    wholly before it, said as the Dashboard says it: not on record, not "no traffic". A
    previous period wholly before it shows its dashes alone, as the Dashboard has none."""
    start = days(history_from, history_from, language)  # a long date, as the spans'
    notes = [text("history_starts", language, day=start, span=days(first, last, language))
             for first, last in dict.fromkeys(((data.first, data.named_last),
                                               data.previous_period, data.last_year_period))
             if first < history_from <= last]
    if data.last_year_period[1] < history_from:
        notes.append(text("not_on_record", language, day=start,
                          span=days(*data.last_year_period, language)))
    return notes


def _span(first: dt.date, last: dt.date, language: str, until: dt.time | None = None) -> str:
    """The days of a comparison column or of a period to come, whole months by their names
    (October 2024, not 1–31 October 2024), and the time of day the last one counts up to,
    if not all of it. A day keeps its month on its line: "1 January – 3" alone on a line
    read as a span of its own; the year may wrap, or "17–23 February 2025" broke inside
    2025 in a narrow column."""
    if not whole_months(first, last):
        words = days(first, last, language)
    elif (first.year, first.month) == (last.year, last.month):
        words = month(first, language)
    else:
        words = months(first, last, language)
    words = re.sub(r"(\d) (?=[^\W\d_])", "\\1\u00a0", words)
    return words if until is None else text("up_to", language, span=words,
                                            time=f"{until:%H:%M}")


def _under_way_text(data: ReportDataRecord, language: str) -> str:
    return text(f"under_way_{data.kind}", language,
                span=days(data.first, data.named_last, language),
                previous=days(*data.previous_period, language),
                last_year=days(*data.last_year_period, language))


def _services(data: ReportDataRecord, language: str) -> str:
    lines = [(line, line.at, [text("list", language).join(
        name(en, zh, "no_commodity", language) for en, zh in line.commodities)])
             for line in data.services]
    return _service_table("services", "time", lines, _BOX_NUMBERS, ("commodities",),
                          data.totals, data.first, language)


def _not_run(heading: str, services: tuple[NotRunRecord, ...], day: dt.date,
             language: str) -> str:
    """Services of the day that did not go, with the boxes left on them, and why (a
    cancelled train's remarks): the totals count only those that went, and a morning
    meeting asks which did not, and how much cargo waits. Under "Not run" the cancelled
    and overdue ones; under "Planned services" those not due yet: "Not run" said a train
    due later today, or on a day still to come, had failed to go."""
    lines = [(line, line.scheduled_at, [text(line.status, language), line.notes])
             for line in services]
    # As wide as its cells: stretched to the page, its few short columns each set their
    # values far from their headers.
    return _service_table(heading, "scheduled", lines, ("containers", "teu"),
                          ("status", "remarks"),
                          TotalsRecord.summed(line.totals for line in services),
                          day, language, full_width=False)


def _punctuality(data: ReportDataRecord, language: str) -> str:
    """How many of the day's timed services went on time, as the Dashboard's tile counts
    them, then those that did not, by how much and why (their remarks): the tile's share
    alone left the morning meeting asking which trains ran late."""
    off = data.off_schedule
    said = _on_time(PunctualityRecord(len(data.timed), len(data.timed) - len(off)), language)
    parts = [_punctuality_heading(data, language),
             f"<p class='status'>{_e(said + (text('off_below', language) if off else ''))}</p>"]
    if off:
        # Remarks only where one is given: an empty column stretched the table to the page.
        remarked = any(line.notes for line in off)
        lines = [(line, line.scheduled_at,
                  [actual_time(line.at, line.scheduled_at, data.first),
                   off_schedule(line.off_by, language), *([line.notes] if remarked else [])])
                 for line in off]
        parts.append(_service_table(None, "scheduled", lines, (),
                                    ("actual", "off_by", *(("remarks",) if remarked else ())),
                                    None, data.first, language, full_width=remarked))
    return "".join(parts)


def _period_punctuality(data: ReportDataRecord, language: str) -> str:
    """How many of a month's or period's timed services went on time, against the periods
    the totals are compared with: the Dashboard's tile said it of whatever period it showed,
    and the printed report, which a manager hands on, not at all."""
    current, *compared = data.punctuality
    # A period records began in the middle of is no share to set against, as the Dashboard's
    # tile says "last year —": September 2024's two days on record read 97.6 % beside a
    # whole September's 89.4 %.
    shares = [text("share_then", language, period=text(key, language),
                   share=percent(record.share * 100, language)
                   if record.share is not None and recorded(period[0], data.history_from)
                   else NOTHING)
              for key, record, period in zip(_compared_keys(data.kind)[1:], compared,
                                             (data.previous_period, data.last_year_period))]
    said = text("list_end", language).join([_on_time(current, language), *shares])
    return _punctuality_heading(data, language) + f"<p class='status'>{_e(said)}</p>"


def _punctuality_heading(data: ReportDataRecord, language: str) -> str:
    minutes = data.hub.punctuality_tolerance_min
    return f"<h2>{_e(text('punctuality', language, minutes=minutes))}</h2>"


def _on_time(record: PunctualityRecord, language: str) -> str:
    """"On time: 14 of 17 timed services (82.4 %)"; record has some timed."""
    return text("on_time_one" if record.timed == 1 else "on_time", language,
                on_time=record.on_time, timed=record.timed,
                share=percent(record.share * 100, language))


def _service_table(heading: str | None, time_key: str,
                   lines: list[tuple[ServiceLineRecord | NotRunRecord, dt.datetime | None,
                                     list[str]]],
                   numbers: tuple[str, ...], words: tuple[str, ...], total: TotalsRecord | None,
                   day: dt.date, language: str, full_width: bool = True) -> str:
    """A table of services under heading, if any: each of `lines` (a service, its time, its
    cells of the `words` columns) as number, route, direction and time, the `numbers` of its
    boxes, then the `words`; last a Total row of `total`'s numbers, if any."""
    headers = [*((text(key, language), False)
                 for key in ("service", "route", "direction", time_key)),
               *_number_headers(language, numbers), *((text(key, language), False)
                                                       for key in words)]
    # Only the last column may take a second line, a long service number, coupled trains'
    # X8011/8012/8013, after a "/" (_breakable), and a Chinese route's name: kept on one
    # line, it took the commodities' width and most rows took two lines.
    shown = _rows_numbers([line.totals for line, _, _ in lines], numbers)
    rows = [[line.service_no, _route(line, language), text(line.direction, language),
             service_time(at, day), *figures, *cells]
            for (line, at, cells), figures in zip(lines, shown)]
    total_row = None if total is None else [
        text("total", language), "", "", "", *_numbers(total, numbers), *[""] * len(words)]
    numeric = [False] * 4 + [True] * len(numbers) + [False] * len(words)
    return ("" if heading is None else f"<h2>{_e(text(heading, language))}</h2>") + \
        _table(headers, rows, total_row, numeric,
               wrapping=(0, 1, len(headers) - 1) if language == "zh" else (0, len(headers) - 1),
               full_width=full_width)


def _route(line: ServiceLineRecord | NotRunRecord, language: str) -> str:
    """A service's route: in English its code, the names too long for the table ("China–
    Europe Railway Express (Central Asia)"), which the per-route table gives; in Chinese its
    name, mostly as short (中老铁路), where a code, in Latin letters, named nothing the
    per-route table did."""
    return line.route_names[1] if language == "zh" and line.route_names[1] \
        else line.route_code or NOTHING


def _commodity_name(group: GroupTotalsRecord, language: str) -> str:
    if group.key == "other":
        return text("other", language)
    return name(group.name_en, group.name_zh, "no_commodity", language)


def _groups(heading: str, first_header: str, groups: tuple[GroupTotalsRecord, ...], label,
            language: str, numbers: tuple[str, ...] = _GROUP_NUMBERS,
            counted=lambda group: True, wrapping: tuple[int, ...] = (0,)) -> str:
    """A table of groups under heading with their total; a group not `counted` (a day before
    records began) shows dashes, not zeros. wrapping: as _table's, the groups' names."""
    headers = [(first_header, False), *_number_headers(language, numbers)]
    shown = _rows_numbers([group.totals for group in groups], numbers)
    rows = [[label(group), *(figures if counted(group) else [NOTHING] * len(figures))]
            for group, figures in zip(groups, shown)]
    summed = TotalsRecord.summed(group.totals for group in groups)
    total = [text("total", language), *_numbers(summed, numbers)]
    return (f"<h2>{_e(heading)}</h2>"
            + _table(headers, rows, total, [False] + [True] * (len(headers) - 1),
                     wrapping=wrapping))


def _by_day_or_month(by_day: tuple[GroupTotalsRecord, ...], language: str,
                     history_from: dt.date | None, so_far_day: dt.date | None) -> str:
    """The period's days, or over DAYS_LISTED days its months: a year listed 365 rows over
    seven pages, most of them quiet days. A day or month before records began is a dash:
    the hub kept no records then, which zeros would call a quiet one; the month they began
    in is named by its days on record (27–31 January 2024), as a month the period starts
    or ends inside is. Days and months are written as the report's other dates (its spans,
    its notes), each on one line: 2026-12-08 among 2026年12月8日 read as a machine's."""
    if len(by_day) <= DAYS_LISTED:

        def named_day(d: GroupTotalsRecord) -> str:
            one = dt.date.fromisoformat(d.key)
            words = days(one, one, language)
            # Today's row as the chart hatches its bar: before anything moved, its zeros
            # read as a quiet day.
            return text("so_far", language, day=words) if one == so_far_day else words

        return _groups(text("per_day", language), text("date", language), by_day, named_day,
                       language,
                       counted=lambda d: recorded(dt.date.fromisoformat(d.key), history_from),
                       wrapping=())
    months: dict[str, list[TotalsRecord]] = {}
    for one in by_day:
        months.setdefault(one.key[:7], []).append(one.totals)
    first, last = (dt.date.fromisoformat(by_day[end].key) for end in (0, -1))
    counted_from = max(first, history_from or first)

    def start(m: GroupTotalsRecord) -> dt.date:
        return dt.date.fromisoformat(f"{m.key}-01")

    def counted(m: GroupTotalsRecord) -> bool:
        return counted_from < add_months(start(m), 1)

    def named(m: GroupTotalsRecord) -> str:
        from_day = counted_from if counted(m) else first
        return part_of_month(start(m), from_day, last, language) or month(start(m), language)

    return _groups(text("per_month", language), text("month", language),
                   tuple(GroupTotalsRecord(key, "", "", TotalsRecord.summed(in_month))
                         for key, in_month in months.items()), named, language,
                   counted=counted, wrapping=())


def _signatures(language: str) -> str:
    # One table row, the heading beside the lines rather than above them: a page break
    # falls between rows, and it left the heading at the foot of a page, the lines on the next.
    cells = "".join(f"<td width='3%'></td>"
                    f"<td class='sign' width='25%'>{_e(text(key, language))}</td>"
                    for key in ("prepared", "checked", "approved"))
    return (f"<table width='100%' cellspacing='0' style='margin-top: 14px'><tr>"
            f"<td class='signatures'>{_e(text('signatures', language))}</td>{cells}</tr></table>")
