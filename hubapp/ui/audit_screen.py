"""The audit log: who changed what and when, before → after; filter by user, action, days,
service and container. The list is read off the GUI thread, as a long log's searches once
took seconds (now its indexes answer: store.audit)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from hubapp.domain.audit import (
    ADDED, LOGO, REMOVED, AuditEntryRecord, box, changed_fields, done, field_label, hub_time,
    logo_change, merge, moved_boxes, what, word,
)
from hubapp.domain.clock import zone_shown
from hubapp.domain.errors import counted
from hubapp.interchange import write_audit
from hubapp.store import audit, reference
from hubapp.store.db import db_path
from hubapp.ui import (
    date_edits, dialogs, filter_choices, focus, formatting, labels, remembered_layout, spoken,
)
from hubapp.ui.context import AppContext
from hubapp.ui.export_status import ExportStatus
from hubapp.ui.flow_layout import FlowLayout
from hubapp.ui.file_folders import last_folder, remember_folder
from hubapp.ui.record_model import (
    RECORD_ROLE, RecordTableModel, back_to_place, list_table, place,
)
from hubapp.ui.tasks import TaskControl
from hubapp.ui.typed_text import TYPING_PAUSE_MS
from hubapp.ui.when_shown import WhenShown


def _word(text: str) -> str:
    return word(text, QCoreApplication.translate)


def _value(value, name: str = "", commodities: Mapping[int, str] | None = None,
           *, zone: str, whole: bool = False) -> str:
    """zone: the hub's time zone, a stamp shown on its clock as the When column shows it (in
    the export too, whose rows are dated so). whole: a list in full, as the details and the
    export give it, not cut for a line."""
    if value is None or value == "" or value == []:
        return "—"
    if name in _FLAGS and value in (0, 1):  # the commodity table's 0 and 1 (store/reference.py)
        value = bool(value)
    if isinstance(value, bool):  # stored as Python writes it; "False → True" reads as code
        return (QCoreApplication.translate("audit", "yes") if value
                else QCoreApplication.translate("audit", "no"))
    if isinstance(value, list):
        shown = value if whole else value[:6]
        return ", ".join(map(str, shown)) + (" …" if len(value) > len(shown) else "")
    if isinstance(value, str) and (moment := _utc_moment(value)) is not None:
        # A stamp such as closed_at, shown like the When column.
        return hub_time(moment, zone)
    if name == "role":
        return _word(value)
    if name in _COMMODITY_IDS and commodities:
        return commodities.get(value, str(value))
    if name in _LABELLED:  # a stored code ("arrived") as the daily log shows it
        try:
            return _LABELLED[name](value)
        except KeyError:
            pass
    return str(value)


# Fields stored as a commodity's id: a container's, and the one a merged commodity went into.
_COMMODITY_IDS = frozenset(("commodity_id", "merged_into"))
_FLAGS = frozenset(("perishable", "retired"))
_LABELLED = {"status": labels.status, "direction": labels.direction, "mode": labels.mode,
             "teu": formatting.teu, "full_empty": labels.full_empty,
             "category": labels.category, "teu_45ft": labels.teu_45ft}


def _utc_moment(text: str) -> dt.datetime | None:
    """The moment of an ISO text with its zone (what the store stamps); None for anything
    else, a service's local time included."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _change(name: str, old, new, commodities: Mapping[int, str], zone: str, *,
            whole: bool = False) -> str:
    if name == LOGO:
        return QCoreApplication.translate("audit", "{field}: {change}").format(
            field=_word(name), change=logo_change(old, new, QCoreApplication.translate))
    if name in (REMOVED, ADDED):  # which way they went is in the name: no arrow to nothing
        return _field(name, old if name == REMOVED else new, zone, whole=whole)
    field = name.rpartition(".")[2]
    # A template, not ": ": Chinese writes a full-width colon.
    return QCoreApplication.translate("audit", "{field}: {before} → {after}").format(
        field=field_label(name, QCoreApplication.translate),
        before=_value(old, field, commodities, zone=zone, whole=whole),
        after=_value(new, field, commodities, zone=zone, whole=whole))


def _field(name: str, value, zone: str, *, whole: bool = False) -> str:
    """A field that went from nothing, as a person notes it: "service nos.: X1, X2"."""
    return QCoreApplication.translate("audit", "{field}: {value}").format(
        field=field_label(name, QCoreApplication.translate),
        value=_value(value, name, zone=zone, whole=whole))


def _what(entry: AuditEntryRecord, commodities: Mapping[int, str]) -> str:
    return what(entry, QCoreApplication.translate, commodities)


def _merge(entry: AuditEntryRecord, commodities: Mapping[int, str], zone: str, *,
           whole: bool = False) -> list[str]:
    """A merge's changes as a person says them, "merged into tapioca starch (12 containers)",
    then its closed day's reason if it gave one; [] for any other entry."""
    merged = merge(entry, commodities)
    if merged is None:
        return []
    return [counted(QCoreApplication.translate(
        "audit", "merged into {target} ({count} container(s))"), merged.moves).format(
            target=merged.kept, count=formatting.number(merged.moves)),
            *(_change(field, None, value, commodities, zone, whole=whole)
              for field, value in merged.noted.items())]


def _said(entry: AuditEntryRecord, commodities: Mapping[int, str], zone: str, *,
          whole: bool = False) -> list[str]:
    """An entry of one thing done, as a person says it: a merge, an import, a restore, a
    rebuild of the sums; [] for any other entry."""
    merged = _merge(entry, commodities, zone, whole=whole)
    noted = done(entry)
    if merged or noted is None:
        return merged
    said = []
    if entry.action == "import":
        said.append(_imported(noted))
    elif entry.action == "restore":
        said += _restored(noted, zone, whole=whole)
    # The rest, each what it is: an import's service numbers, the days a rebuild put right.
    return said + [_field(name, value, zone, whole=whole) for name, value in noted.items()]


def _imported(noted: dict) -> str:
    """"imported 3 services, 59 containers, 96 TEU (2026-10-01) from imp.csv", taking what
    it says out of noted."""
    first, last = noted.pop("first_date"), noted.pop("last_date")
    days = first if first == last else QCoreApplication.translate(
        "audit", "{first} – {last}").format(first=first, last=last)
    return QCoreApplication.translate(
        "audit", "imported {services}, {containers}, {teu} TEU ({days}) from {file}").format(
        services=_counted(QCoreApplication.translate("audit", "{count} service(s)"),
                          noted.pop("services")),
        containers=_counted(QCoreApplication.translate("audit", "{count} container(s)"),
                            noted.pop("containers")),
        teu=formatting.teu(noted.pop("teu")), days=days or "—", file=noted.pop("file"))


def _restored(noted: dict, zone: str, *, whole: bool) -> list[str]:
    """Which backup a restore put in and when it was taken, how many changes it threw away
    and where the data holding them is kept, taking what it says out of noted."""
    file = noted.pop("file")
    said = [QCoreApplication.translate("audit", "restored from {file}, taken {taken}").format(
                file=file if whole else Path(file).name,
                taken=_value(noted.pop("taken_at"), zone=zone)),
            _counted(QCoreApplication.translate(
                "audit", "replaced {count} change(s) made after it"), noted.pop("replaced"))]
    if (kept := noted.pop("kept_as", None)) is not None:
        said.append(QCoreApplication.translate(
            "audit", "the data before the restore is kept as {path}").format(
                path=kept if whole else Path(kept).name))
    return said


def _counted(text: str, count: int) -> str:
    """text, translated, with a {count} of things: for count of them."""
    return counted(text, count).format(count=formatting.number(count))


@dataclass(frozen=True, slots=True)
class _ListedRecord:
    """What one search read: the entries and what the screen names them and filters by."""

    entries: list[AuditEntryRecord]
    users: list[str]
    actions: list[str]
    commodities: dict[int, tuple[str, str]]  # English and Chinese names by id


def _search(control: TaskControl, filters: dict) -> _ListedRecord:
    """Superseded (the next keystroke's search), it stops mid-statement: a long log's
    searches took seconds (text scans before m014), which kept the pool busy after nobody
    waited for it."""
    with control.database() as db, control.interruptible(db):
        users, actions = audit.user_names(db), audit.actions(db)
        commodities = reference.commodity_names(db)
        control.check()
        entries = audit.entries(db, **filters)
    return _ListedRecord(entries, users, actions, commodities)


def _count(control: TaskControl, filters: dict) -> int:
    with control.database() as db, control.interruptible(db):
        return audit.count(db, **filters)


class AuditModel(RecordTableModel):
    # Containers store their commodity's id; the screen fills in the names, and the hub's
    # time zone its stamps are shown in.
    commodities: Mapping[int, str] = {}
    zone = ""

    def headers(self) -> list[str]:
        # The zone named where this computer's clock is not the hub's: its stamps are shown
        # on the hub's, a day off this desk's around midnight.
        shown = zone_shown(self.zone)
        when = self.tr("When ({zone})").format(zone=shown) if shown else self.tr("When")
        return [when, self.tr("Who"), self.tr("Action"), self.tr("What"), self.tr("Changes")]

    def display(self, entry: AuditEntryRecord, column: int) -> str:
        if column == 0:
            return hub_time(entry.at, self.zone)
        if column == 4:
            changes = _said(entry, self.commodities, self.zone) or [
                _change(name, old, new, self.commodities, self.zone)
                for name, old, new in changed_fields(entry.before, entry.after)]
            shown = changes[:3]
            if len(changes) > 3:  # the rest are in the details below the list
                shown.append(self.tr("%n more", "", len(changes) - 3))
            # Chinese separates with a full-width semicolon.
            return self.tr("; ").join(shown)
        return [labels.who(entry.user_name), _word(entry.action),
                _what(entry, self.commodities)][column - 1]


class AuditScreen(QWidget):
    listed = Signal()  # a search's entries are shown
    counted = Signal()  # and the line below them says how many match

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_screen")
        self._searching = None  # the search whose entries are awaited
        self._counting = None  # the count of a full list's matches, awaited
        self._asked: dict | None = None  # the filters of the newest search
        self._build_filters()
        self._build_list()

        # Rows as wide as the window has room for: in one, at 14 pt on a 125 % laptop, the
        # window could not be narrower than 1,148 px on a 1,093 px screen, Export CSV… past
        # its edge.
        bar = FlowLayout()
        bar.add_labelled(self.tr("&User"), self.user)
        bar.add_labelled(self.tr("&Action"), self.action)
        bar.add_together(self.any_day, *self.period)
        bar.add_labelled(self.tr("&Service"), self.service)
        bar.add_labelled(self.tr("&Container"), self.container)
        bar.addWidget(self.export_button)
        # The count under the list it counts, not in the bar: "The newest 2,000 of …" took
        # the filters' width there, cutting the Service field's example short.
        listed = QWidget(self)
        below = QVBoxLayout(listed)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.table, 1)
        counted_row = QHBoxLayout()
        counted_row.addWidget(self.count)
        counted_row.addWidget(self.export_status, 1)
        below.addLayout(counted_row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(listed)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        remembered_layout.remember(splitter, "audit/splitter")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._connect()

    def _build_filters(self) -> None:
        self.user = QComboBox(self)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), None)
        self.any_day = QCheckBox(self.tr("Any &day"), self)
        self.any_day.setChecked(True)
        # A period, "what was changed last week": from day to last_day, one day if the same.
        self.from_label = QLabel(self.tr("from"), self)
        self.day = date_edits.DayEdit(self)
        self.to_label = QLabel(self.tr("to"), self)
        self.last_day = date_edits.DayEdit(self)
        self.period = (self.from_label, self.day, self.to_label, self.last_day)
        date_edits.take_typed_dates(self.day, self.last_day)
        for edit in (self.day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(self.ctx.today()))  # the hub's, whose days the search goes by
        for widget in self.period:
            widget.setEnabled(False)
        # Beside "Any day", which names the switch, not the boxes.
        self.day.setAccessibleName(self.tr("First day"))
        self.last_day.setAccessibleName(self.tr("Last day"))
        self.service, self.container = QLineEdit(self), QLineEdit(self)
        for edit in (self.service, self.container):
            edit.setPlaceholderText(self.tr("Starts with…"))  # as in All movements
            edit.setClearButtonEnabled(True)
        # Imports by a whole number only (store.audit): without a word, a box typed in part
        # read as added by nobody.
        focus.hint(self.container, self.tr(
            "The saves that added, edited or removed a container whose number starts with "
            "this; for a whole number, also the imports that brought in its services"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"), self)
        self.count = QLabel(self)
        self.export_status = ExportStatus(self.tr("Ca&ncel export"), self)

    def _build_list(self) -> None:
        """The changes found, and the details of the one picked."""
        self.model = AuditModel(self)
        self.table = list_table(self)
        self.table.setAccessibleName(self.tr("Changes found"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized by the rows in view and a few more: by default Qt reads up to 1,000 rows of
        # each column through display(), which froze the screen 0.2-0.5 s at each search.
        header.setResizeContentsPrecision(50)
        header.setStretchLastSection(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the change"))
        # Read-only text takes the mouse alone: Tab reached it, showed nothing, and no key
        # selected a change's details to copy. A caret, and a frame the style did not draw.
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setStyleSheet("QPlainTextEdit:focus { border: 2px solid palette(highlight); }")
        self.details.setPlaceholderText(self.tr("Pick a change above to see every field it "
                                                "changed."))

    def _connect(self) -> None:
        # A date typed digit by digit changes at each section (2026-11-05, then 11-15): the
        # search waits for the typing to pause, or for the field to be left.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._filter)
        for combo in (self.user, self.action):
            combo.activated.connect(self._filter)
        self.any_day.toggled.connect(self._day_toggled)
        self._period = date_edits.Period(self.day, self.last_day)
        for edit in (self.day, self.last_day):
            edit.dateChanged.connect(self._typing.start)
        for edit in (self.service, self.container):
            edit.textChanged.connect(self._typing.start)
        # Not returnPressed as well: Enter also ends the editing, and searched twice.
        for edit in (self.day, self.last_day, self.service, self.container):
            edit.editingFinished.connect(self._filter)
        self.export_button.clicked.connect(self.export)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        # Listed at the first show, and after a save only while shown.
        self._catching_up = WhenShown(self, self.reload, due=True)
        self.ctx.signals.data_changed.connect(self._catching_up.request)

    def _day_toggled(self, any_day: bool) -> None:
        for widget in self.period:
            widget.setEnabled(not any_day)
        self._filter()

    def _filters(self) -> dict:
        days = (None, None) if self.any_day.isChecked() else \
            tuple(day.toPython() for day in self._period.days())
        return {"user": self.user.currentData(), "action": self.action.currentData(),
                "day": days[0], "last_day": days[1],
                "service_no": self.service.text().strip() or None,
                "container": self.container.text().strip() or None}

    def _too_long(self, filters: dict) -> str | None:
        """Why the filters' period is not searched, if it is too long to."""
        if filters["day"] is None \
                or (filters["last_day"] - filters["day"]).days < audit.LONGEST_PERIOD:
            return None
        return self.tr("A period of at most {days} days is searched: choose a later first "
                       "day or an earlier last one.").format(
            days=formatting.number(audit.LONGEST_PERIOD))

    def _filter(self) -> None:
        """A search for the filters, unless the newest one was for these."""
        if self._filters() != self._asked:
            spoken.caption(self.count, self.table, self.tr("Searching…"))
            self.reload()

    def reload(self) -> None:
        """The entries for the filters, read again; a search under way for others is
        dropped."""
        self._typing.stop()
        self._catching_up.due = False
        for task in (self._searching, self._counting):
            if task is not None:
                task.cancel()
        self._searching = self._counting = None
        self._asked = filters = self._filters()
        if (refused := self._too_long(filters)) is not None:
            self._nothing_listed(refused)
            self.listed.emit()
            self.counted.emit()
            return
        self._searching = task = self.ctx.tasks.start(functools.partial(_search,
                                                                        filters=filters))
        task.finished.connect(self._found)
        task.failed.connect(self._search_failed)

    def _found(self, found: _ListedRecord) -> None:
        if self.sender() is not self._searching:
            return  # for filters since changed
        self._searching = None
        # Picked by what is stored, whatever it reads as.
        filter_choices.refill_combo(self.user, self.tr("All users"),
                                    [(labels.who(name), name) for name in found.users])
        # In the reader's order (pinyin in Chinese), as the other screens' filters.
        filter_choices.refill_combo(self.action, self.tr("All actions"), [
            (_word(action), action) for action in filter_choices.by_name(found.actions, _word)])
        self.model.commodities = {commodity_id: labels.pick(*names)
                                  for commodity_id, names in found.commodities.items()}
        self.model.zone = self.ctx.time_zone
        # Another desk's save reloads the list: the entry being read stays picked and in
        # place, its details as they were read.
        where, read_to = place(self.table), self.details.verticalScrollBar().value()
        self.details.clear()
        self.model.set_rows(found.entries)
        back_to_place(self.table, where)
        self.details.verticalScrollBar().setValue(read_to)
        shown = self.model.rowCount()
        if shown < audit.SHOWN:
            spoken.caption(self.count, self.table, self.tr("%n change(s)", "", shown))
        else:
            # Counted after the entries are shown: the count reads every match again.
            spoken.caption(self.count, self.table, self.tr(
                "The newest {shown} changes; counting all that match…").format(
                shown=formatting.number(shown)))
            self._counting = task = self.ctx.tasks.start(functools.partial(
                _count, filters=self._asked))
            task.finished.connect(self._counted)
            task.failed.connect(self._count_failed)
        self.listed.emit()
        if self._counting is None:
            self.counted.emit()

    def _counted(self, total: int) -> None:
        if self.sender() is not self._counting:
            return  # for filters since changed
        self._counting = None
        spoken.caption(self.count, self.table, self.tr(
            "The newest {shown} of %Ln change(s): narrow the filters to see older ones", "",
            total).format(shown=formatting.number(self.model.rowCount())))
        self.counted.emit()

    def _count_failed(self, error: Exception) -> None:
        if self.sender() is not self._counting:
            return
        self._counting = None
        spoken.caption(self.count, self.table, self.tr(
            "The newest {shown} changes; they could not all be counted: {reason}").format(
            shown=formatting.number(self.model.rowCount()),
            reason=labels.failure_reason(error)))
        self.counted.emit()

    def _search_failed(self, error: Exception) -> None:
        if self.sender() is not self._searching:
            return
        # Nothing listed for these filters, and asked again by the same (Enter once more):
        # the last search's entries stood under filters they do not match, retried by none.
        self._searching, self._asked = None, None
        self._nothing_listed(self.tr("Could not list the changes: {reason}").format(
            reason=labels.failure_reason(error)))

    def _nothing_listed(self, why: str) -> None:
        self.details.clear()
        self.model.set_rows([])
        spoken.caption(self.count, self.table, why)

    def _show_details(self, current, _previous) -> None:
        entry: AuditEntryRecord | None = current.data(RECORD_ROLE) if current.isValid() else None
        if entry is None:
            self.details.clear()
            return
        commodities, zone = self.model.commodities, self.model.zone
        said = _said(entry, commodities, zone, whole=True)
        who = labels.who(entry.user_name)
        lines = [f"{hub_time(entry.at, zone)}  {who}  {_word(entry.action)}  "
                 f"{_what(entry, commodities)}", "", *said]
        for name, old, new in [] if said else changed_fields(entry.before, entry.after):
            moved = moved_boxes(entry.before, entry.after, name, old, new)
            if moved is None:
                lines.append(_change(name, old, new, commodities, zone, whole=True))
                continue
            lines.append(QCoreApplication.translate("audit", "{field}:").format(
                field=_word(name)))
            lines += ["    " + box(number, move, QCoreApplication.translate,
                                   lambda field, stored: _value(stored, field, commodities,
                                                                zone=zone))
                      for number, move in moved]
        self.details.setPlainText("\n".join(lines))

    def export(self) -> None:
        filters, commodities = self._filters(), self.model.commodities
        if (refused := self._too_long(filters)) is not None:
            dialogs.show_error(self, self.tr("Not exported"), refused)
            return
        named = last_folder("export") / (self.tr("audit-log") + ".csv")
        chosen = dialogs.pick_save_file(self, self.tr("Export the audit log"), str(named),
                                        self.tr("CSV files (*.csv)"))
        if not chosen:
            return
        path = Path(chosen)
        remember_folder("export", path)
        self.export_status.run(
            self.ctx.tasks.start(functools.partial(
                # The hub's clock, which the screen and its day filter go by.
                _export, path=path, filters=filters, zone=self.ctx.time_zone,
                commodities=commodities)),
            self.export_button,
            lambda count: self.tr("%Ln change(s) written to {path}", "", count).format(
                path=str(path)))


def _export(control: TaskControl, path: Path, filters: dict, zone: str,
            commodities: Mapping[int, str]) -> int:
    """The entries of filters written to path; how many. A long log (100,000 entries, each
    with a service's snapshots) is read a page at a time, written as it comes and let go:
    read whole first, it took 5 GB and three minutes, and Cancel waited for all of it."""
    written = 0

    def entries(db) -> Iterator[AuditEntryRecord]:
        nonlocal written
        newest = None
        for page in audit.iter_entries(db, **filters):
            control.check()  # Cancel, or the window closing: no file is left
            if page:
                # Newest first: how far down the ids a page reached is how far it has got.
                newest = newest or page[0].id
                control.progress(newest - page[-1].id, newest)
            written += len(page)
            yield from page
        control.check()  # a Cancel during the last page still comes before the file is named

    # Interruptible: a period's or a service's page may read a long stretch of the log to
    # find its matches.
    with control.database() as db, control.interruptible(db):
        # Worded as the screen words it; the stored words follow.
        write_audit(path, entries(db), zone, QCoreApplication.translate,
                    lambda field, stored: _value(stored, field, commodities, zone=zone,
                                                 whole=True), commodities, db_path(db))
    return written
