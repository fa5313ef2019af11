"""File → Import… and File → Export… as a clerk uses them: choose, preview, map, import, cancel."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QScreen, QWheelEvent
from PySide6.QtWidgets import QApplication

from hubapp.domain.iso6346 import with_check_digit
from hubapp.interchange import export_file, import_file, importing, reading
from hubapp.store import audit
from hubapp.store import interchange as store_interchange
from hubapp.ui import column_mappings, dialogs, formatting, import_dialog, labels
from hubapp.ui.export_dialog import ExportDialog
from hubapp.ui.import_dialog import ImportDialog
from hubapp.ui.colours import BAD_CELL

from conftest import (
    DEMO_END, TESTER, UNREADABLE_FILES, app_font_of, big_workbook, contrast,
    hidden_columns_workbook, hidden_rows_workbook, list_with_notes, months_workbook,
    pipe_released, readable, trains_workbook,
)

SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "loading-list-2026-03-05.csv"
LEFT = Qt.MouseButton.LeftButton


def stored(db) -> tuple:
    return tuple(tuple(row) for table in ("service", "container_move")
                 for row in db.execute(f"SELECT * FROM {table} ORDER BY id"))


def edited_sample(path: Path, edits: dict[int, tuple[str, str]],
                  encoding: str = "utf-8") -> Path:
    """The sample loading list with text replaced on some of its lines (0: the header)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for number, (old, new) in edits.items():
        lines[number] = lines[number].replace(old, new)
    path.write_text("\n".join(lines), encoding=encoding)
    return path


def boxes_on(db, service_no: str) -> int:
    """How many containers the services numbered service_no hold."""
    return db.execute("SELECT COUNT(*) FROM container_move m JOIN service s"
                      " ON s.id = m.service_id WHERE s.service_no = ?",
                      [service_no]).fetchone()[0]


def open_import(main_window, qtbot, monkeypatch, path: Path):
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(path))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)
    return dialog


def previewed(dialog, qtbot) -> None:
    """Once the file's first rows are read (on a task) and shown."""
    qtbot.waitUntil(lambda: dialog.preview_task is None)


def run_import(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.preview_task is None)


def shown_export_dialog(qtbot, app_ctx) -> ExportDialog:
    """File ▸ Export… as opened on the sample's day, on screen, from the 1st of its month."""
    dialog = ExportDialog(app_ctx, day=dt.date(2026, 3, 5))
    dialog.from_edit.setDate(dt.date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def cancelling_then_let_go(dialog, qtbot, release) -> None:
    """After Cancel on a job held mid-way: "Cancelling…" said at once and Cancel greyed, not
    a button to press again; then the job let go to its end."""
    assert dialog.result_label.text() == "Cancelling…"
    assert not dialog.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)


TEN_ADDED = ("Imported 0 services, 10 containers, 12 TEU. Of them, 10 containers added to 1 "
             "service already stored. Day: ")


def first_ten_stored(db, tmp_path: Path) -> tuple[str, list[str]]:
    """The sample's first ten boxes stored, as the first part of its train: its header and
    rows."""
    header, *rows = SAMPLE.read_text(encoding="utf-8").splitlines()
    first = tmp_path / "first.csv"
    first.write_text("\n".join([header, *rows[:10]]) + "\n", encoding="utf-8")
    assert import_file(db, first, TESTER).saved
    return header, rows


def import_skipping(dialog, qtbot) -> None:
    """Skip ticked from the keyboard, then the import run."""
    dialog.skip_duplicates.setFocus()
    qtbot.keyClick(dialog.skip_duplicates, Qt.Key.Key_Space)
    assert dialog.skip_duplicates.isChecked()
    run_import(dialog, qtbot)


def test_before_a_file_is_chosen_the_dialog_says_what_it_does(main_window, qtbot):
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.waitExposed(dialog)
    assert dialog.result_label.text().startswith("Choose a loading list: CSV or XLSX")
    assert dialog.result_label.isVisible() and not dialog.import_button.isEnabled()


@pytest.mark.parametrize("name, made, said", UNREADABLE_FILES)
def test_a_file_that_cannot_be_read_is_said_at_once(main_window, qtbot, monkeypatch, tmp_path,
                                                     name, made, said):
    """A pipe held the preview on "Reading list.csv…" for good, where Cancel could not reach
    it, and closing the window waited for it in vain; broken XML was "could not be read;
    details are in the log"."""
    path = made(tmp_path / name)

    with pipe_released(path) if path.is_fifo() else contextlib.nullcontext():
        dialog = open_import(main_window, qtbot, monkeypatch, path)

    assert dialog.result_label.text() == said
    assert not dialog.import_button.isEnabled()


def test_a_csv_past_the_size_read_is_said_at_once(main_window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(reading, "CSV_BYTES", 1 << 20)
    path = tmp_path / "huge.csv"
    path.write_bytes(SAMPLE.read_bytes() + b"\n" * (3 << 19))

    dialog = open_import(main_window, qtbot, monkeypatch, path)

    assert dialog.result_label.text() == (
        "huge.csv holds 2 MB of text, more than the 1 MB a CSV is read up to; split it into "
        "files of fewer days and import each one")
    assert not dialog.import_button.isEnabled()


def test_preview_then_import(main_window, qtbot, monkeypatch, qtmodeltester, app_ctx):
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)

    model = dialog.preview_model
    qtmodeltester.check(model)
    assert model.rowCount() == 20
    assert model.headerData(7, Qt.Orientation.Horizontal) == "箱号\n→ container"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"
    assert model.index(0, 7).data() == "CSLU4025503"
    assert dialog.mapping_group.isHidden()
    assert dialog.windowModality() == Qt.WindowModality.NonModal

    with qtbot.waitSignal(app_ctx.signals.data_changed) as changed:
        qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    # Which day it went to, and a way there: the daily log still showed today, empty.
    march_5 = formatting.long_date(dt.date(2026, 3, 5))
    assert dialog.result_label.text() == \
        f"Imported 1 service, 20 containers, 24 TEU. Day: {march_5}."
    assert main_window.day_screen.day() != dt.date(2026, 3, 5)
    qtbot.mouseClick(dialog.show_button, LEFT)
    assert main_window.screens.currentWidget() is main_window.day_screen
    assert main_window.day_screen.day() == dt.date(2026, 3, 5)
    change, initiator = changed.args
    assert change.dates == frozenset({dt.date(2026, 3, 5)}) and initiator is dialog
    assert boxes_on(app_ctx.db, "X5508") == 20
    assert not dialog.import_button.isEnabled()  # the same file twice would be refused anyway


def test_problems_are_listed_and_saved_as_csv(main_window, qtbot, monkeypatch, tmp_path,
                                              app_ctx, qtmodeltester, save_as):
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32"),
                                             8: ("木薯粉", "月球岩石")}, encoding="gb18030")
    before = stored(app_ctx.db)
    dialog = open_import(main_window, qtbot, monkeypatch, bad)

    run_import(dialog, qtbot)

    problems = dialog.problems_model
    qtmodeltester.check(problems)
    assert dialog.problems_view.isVisibleTo(dialog)
    rows = [[problems.index(r, c).data() for c in range(3)] for r in range(problems.rowCount())]
    assert rows == [["4", "日期", "2026-03-32"], ["9", "货名", "月球岩石"]]
    assert dialog.result_label.text().startswith("2 problems in bad.csv; nothing was saved")
    assert stored(app_ctx.db) == before

    save_as(tmp_path / "problems")  # no suffix typed: the CSV the dialog offers
    qtbot.mouseClick(dialog.save_problems_button, LEFT)
    with (tmp_path / "problems.csv").open(encoding="utf-8-sig", newline="") as file:
        saved = list(csv.reader(file))
    assert saved[0] == ["line", "column", "value", "problem"]
    assert [row[:3] for row in saved[1:]] == rows


def test_a_long_value_is_listed_by_its_start_and_saved_whole(main_window, qtbot, monkeypatch,
                                                            tmp_path, save_as):
    """A 10,000-character cell listed whole pushed its problem off the screen."""
    number = "X" * 10_000
    bad = edited_sample(tmp_path / "long.csv", {3: ("X5508", number)})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)

    run_import(dialog, qtbot)

    value = dialog.problems_model.index(0, 2)
    assert value.data() == "X" * 39 + "…"
    assert value.data(Qt.ItemDataRole.ToolTipRole) == number
    assert dialog.problems_model.index(0, 3).data().count("X") < 100
    save_as(tmp_path / "problems.csv")
    qtbot.mouseClick(dialog.save_problems_button, LEFT)
    with (tmp_path / "problems.csv").open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file))[1][2] == number


def _long_messages(main_window, qtbot, monkeypatch, tmp_path) -> ImportDialog:
    """The import dialog after a refused file, its problems' messages long ones."""
    bad = edited_sample(tmp_path / "bad.csv", {2: (",22G1,", ",99X9,"),
                                             3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    return dialog


def test_a_problem_s_whole_message_is_its_tooltip(main_window, qtbot, monkeypatch, tmp_path):
    """Cut with "…" in a narrow list, its end (what to type instead) could not be read."""
    model = _long_messages(main_window, qtbot, monkeypatch, tmp_path).problems_model
    assert model.rowCount() == 2
    for row, problem in enumerate(model.problems):
        message = model.index(row, model.MESSAGE)
        assert message.data(Qt.ItemDataRole.ToolTipRole) == labels.message(problem) \
            == message.data()


def test_at_a_big_font_the_dialog_opens_wide_enough_for_the_messages(
        qapp, main_window, qtbot, monkeypatch, tmp_path):
    """At 14 pt it opened 960 px wide, as at 9 pt, with the screen's room to spare: "Size-type
    99X9 is not an ISO 6346 code like 22G1, 42G1, …"."""
    room = QRect(0, 0, 1920, 1160)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    with app_font_of(qapp, 14):
        dialog = _long_messages(main_window, qtbot, monkeypatch, tmp_path)
        view, model = dialog.problems_view, dialog.problems_model
        longest = max(map(view.fontMetrics().horizontalAdvance,
                          map(labels.message, model.problems)))
        assert view.columnWidth(model.MESSAGE) > longest
        assert room.contains(dialog.frameGeometry())


def test_the_picked_problem_s_long_message_is_read_whole_under_the_list(
        qapp, main_window, qtbot, monkeypatch, tmp_path):
    """At the dialog's widest on a 1366 × 768 screen at 14 pt, "this line has 16 cells but
    the header 15, …" was cut with "…" in its column, whole only in a tooltip."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1366, 728))
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32"),
                                             4: (",14:20", ",14:20,stray value")})
    with app_font_of(qapp, 14):
        dialog = open_import(main_window, qtbot, monkeypatch, bad)
        run_import(dialog, qtbot)
        view, whole = dialog.problems_view, dialog.problem_whole
        assert not whole.isVisible()
        view.setFocus()
        for _ in range(2):  # to the second, by keys
            qtbot.keyClick(view, Qt.Key.Key_Down)
        message = labels.message(dialog.problems_model.problems[1])
        assert message.startswith("this line has 16 cells but the header 15")
        assert view.fontMetrics().horizontalAdvance(message) > view.columnWidth(
            dialog.problems_model.MESSAGE)  # cut in the list
        qtbot.waitUntil(lambda: whole.isVisible() and whole.text() == message)
        qtbot.waitUntil(lambda: whole.height() >= whole.heightForWidth(whole.width()))
        assert whole.geometry().bottom() < dialog.save_problems_button.geometry().top()
        assert view.hasFocus()  # the keys stay the list's
        qtbot.keyClick(view, Qt.Key.Key_Up)
        assert whole.text() == labels.message(dialog.problems_model.problems[0])
        dialog.close()


def test_the_bad_cells_are_marked_in_the_preview_and_a_picked_problem_shows_its_row(
        main_window, qtbot, monkeypatch, tmp_path):
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32"),
                                             8: ("木薯粉", "月球岩石")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    preview = dialog.preview_model
    headers = [preview.headerData(c, Qt.Orientation.Horizontal).split("\n")[0]
               for c in range(preview.columnCount())]
    date = preview.index(2, headers.index("日期"))  # lines 4 and 9
    commodity = preview.index(7, headers.index("货名"))
    assert date.data(Qt.ItemDataRole.BackgroundRole) is None  # nothing known wrong yet

    run_import(dialog, qtbot)

    problems = dialog.problems_model.problems
    for cell, problem in ((date, problems[0]), (commodity, problems[1])):
        assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == BAD_CELL
        assert cell.data(Qt.ItemDataRole.ToolTipRole) == labels.message(problem)
    assert preview.index(2, headers.index("箱号")).data(Qt.ItemDataRole.BackgroundRole) is None
    assert preview.index(7, headers.index("日期")).data(Qt.ItemDataRole.ToolTipRole) is None

    view = dialog.problems_view
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(
        dialog.problems_model.index(1, 3)).center())
    assert [i.row() for i in dialog.preview.selectionModel().selectedRows()] == [7]

    dialog.open_file(bad)  # a new start: nothing marked until it is imported again
    previewed(dialog, qtbot)
    assert preview.index(2, headers.index("日期")).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_bad_cell_can_be_read_on_a_dark_desktop(dark_desktop, main_window, qtbot,
                                                  monkeypatch, tmp_path):
    """Under a dark theme a marked cell kept the theme's near-white text on its pink."""
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    cell = dialog.preview_model.index(2, 0)  # the date of line 4
    assert contrast(cell.data(Qt.ItemDataRole.ForegroundRole).color(),
                    cell.data(Qt.ItemDataRole.BackgroundRole).color()) >= 4.5


def test_what_was_not_saved_can_be_read_on_a_dark_desktop(dark_desktop, main_window, qtbot,
                                                          monkeypatch, tmp_path, app_ctx):
    """The dark red "nothing was saved" (and "not written") nearly vanished on a dark window."""
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QPalette

    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    assert "nothing was saved" in dialog.result_label.text() and readable(dialog.result_label)
    dialog.open_file(bad)  # what is said next is no error: in the theme's own text colour
    previewed(dialog, qtbot)
    assert dialog.result_label.palette().color(QPalette.ColorRole.WindowText) \
        == dark_desktop.color(QPalette.ColorRole.WindowText)

    export = ExportDialog(app_ctx, day=DEMO_END)
    qtbot.addWidget(export)
    export.show()
    export.from_edit.setDate(QDate(2026, 3, 5))
    export.to_edit.setDate(QDate(2026, 3, 4))
    qtbot.mouseClick(export.export_button, LEFT)
    assert export.result_label.text() == labels.days_reversed() and readable(export.result_label)


def test_duplicates_offer_to_skip(main_window, qtbot, monkeypatch, app_ctx, tmp_path):
    assert import_file(app_ctx.db, SAMPLE, TESTER).saved
    # The same file again: nothing to skip to ("Tick Skip to import the rest" imported none).
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    run_import(dialog, qtbot)
    assert dialog.result_label.text() == (
        f"Everything in {SAMPLE.name} is already in the database; nothing was saved.")
    assert dialog.skip_duplicates.isHidden()

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    grown = tmp_path / "grown.csv"
    grown.write_text("\n".join([*lines, lines[1].replace("X5508", "X5510").replace(
        "CSLU4025503", with_check_digit("CSLU402551"))]) + "\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(grown))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)
    assert dialog.skip_duplicates.isHidden()

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith(
        "1 service or container of grown.csv already in the database; nothing was saved")
    assert dialog.skip_duplicates.isVisibleTo(dialog)
    import_skipping(dialog, qtbot)
    text = dialog.result_label.text()
    assert text.startswith("Imported 1 service, 1 container, 2 TEU. Day: ")
    # The whole train already stored is said, as the command line says it.
    assert text.endswith(". Skipped 1 service and 20 containers already stored.")


def test_a_lists_second_part_is_added_to_its_stored_train_once_skip_is_ticked(
        main_window, qtbot, monkeypatch, app_ctx, tmp_path):
    """Each box was refused ("add it there in the daily log"), Skip not offered: the clerk
    typed the second part's boxes by hand."""
    header, rows = first_ten_stored(app_ctx.db, tmp_path)
    second = tmp_path / "second.csv"
    second.write_text("\n".join([header, *rows[10:]]) + "\n", encoding="utf-8")
    before = stored(app_ctx.db)
    dialog = open_import(main_window, qtbot, monkeypatch, second)

    run_import(dialog, qtbot)

    assert dialog.result_label.text() == (
        "10 new containers in second.csv for services already in the database; nothing was "
        "saved. Tick “Skip …” to add them to those services.")
    assert labels.message(dialog.problems_model.problems[0]).endswith(
        "which is already stored: import with “Skip services and containers already in the "
        "database” ticked to add the new boxes to it, or leave the row out")
    assert dialog.skip_duplicates.isVisibleTo(dialog)
    # Skip adds as well as skips, which its words alone did not say: said under it, and
    # with it to a screen reader.
    assert dialog.skip_note.isVisibleTo(dialog) and dialog.skip_note.text() == (
        "New containers of a service already in the database are added to that service.")
    assert dialog.skip_duplicates.accessibleDescription() == dialog.skip_note.text()
    assert stored(app_ctx.db) == before
    import_skipping(dialog, qtbot)

    assert dialog.result_label.text().startswith(TEN_ADDED)
    assert boxes_on(app_ctx.db, "X5508") == 20


def test_rows_differing_from_what_is_stored_are_named_not_skipped(
        main_window, qtbot, monkeypatch, app_ctx, tmp_path):
    """"Everything in it is already in the database", then with Skip ticked "Skipped 1
    service and 20 containers": the corrected weight was nowhere."""
    assert import_file(app_ctx.db, SAMPLE, TESTER).saved
    before = stored(app_ctx.db)
    corrected = edited_sample(tmp_path / "corrected.csv", {1: (",30140,", ",30150,")})
    dialog = open_import(main_window, qtbot, monkeypatch, corrected)

    run_import(dialog, qtbot)

    assert dialog.result_label.text() == (
        "corrected.csv has 1 value differing from what the database holds, and an import does "
        "not change stored data; nothing was saved. Correct the daily log where it is wrong, "
        "or leave the row out of the file.")
    assert readable(dialog.result_label)
    assert [(p.line, p.column, p.value, labels.message(p))
            for p in dialog.problems_model.problems] == [
        (2, "毛重", "30150", "The database holds '30140' for container CSLU4025503 on service "
         "X5508 of 2026-03-05: an import does not change it")]
    weight = dialog.preview_model.index(0, dialog.preview_model._headers.index("毛重"))
    assert dialog.preview_model.data(weight, Qt.ItemDataRole.BackgroundRole).color() == BAD_CELL
    # Skipping would lose the correction: it is not offered.
    assert dialog.skip_duplicates.isHidden()
    assert stored(app_ctx.db) == before


def test_boxes_on_a_cancelled_service_are_problems_not_skippable(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    boxes = [with_check_digit(f"HUBU{number:06d}") for number in range(100, 102)]
    header = "date,service,direction,container,size_type,full_empty,gross_kg,status\n"
    cancelled = tmp_path / "cancelled.csv"
    cancelled.write_text(header + "".join(
        f"2026-03-09,X8001,outbound,{box},22G1,F,20000,cancelled\n" for box in boxes))
    assert import_file(app_ctx.db, cancelled, TESTER).saved
    before = stored(app_ctx.db)
    moved = tmp_path / "moved.csv"
    moved.write_text(header + "".join(
        f"2026-03-09,X8003,outbound,{box},22G1,F,20000,\n" for box in boxes))
    dialog = open_import(main_window, qtbot, monkeypatch, moved)

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith(f"2 problems in {moved.name}")
    assert [labels.message(problem) for problem in dialog.problems_model.problems] == [
        f"Container {box} is on cancelled service X8001 of 2026-03-09: take it off that "
        "service first" for box in boxes]
    assert dialog.skip_duplicates.isHidden()
    assert stored(app_ctx.db) == before


def test_unknown_column_is_mapped_by_hand(main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    text = SAMPLE.read_text(encoding="utf-8").replace("箱号", "柜子编号", 1)
    odd = tmp_path / "odd.csv"
    odd.write_text(text, encoding="utf-8-sig")
    dialog = open_import(main_window, qtbot, monkeypatch, odd)
    assert dialog.mapping_group.isVisibleTo(dialog)
    box = dialog.mapping_boxes[7]
    assert dialog.preview_model.headerData(7, Qt.Orientation.Horizontal) == "柜子编号\n→ —"

    box.setFocus()
    qtbot.keyClicks(box, "container")

    assert box.currentData() == "container"
    assert dialog.preview_model.headerData(7, Qt.Orientation.Horizontal) == \
        "柜子编号\n→ container"
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")


def test_a_required_column_under_a_header_of_the_hub_s_own_points_to_the_mapping(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    # A hub's 方向代码 holds the direction: "Correct the file" sent the clerk to edit it,
    # where choosing the field in the box above the message was all it took.
    own = tmp_path / "own.csv"
    own.write_text(SAMPLE.read_text(encoding="utf-8").replace("方向", "方向代码", 1),
                   encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, own)
    run_import(dialog, qtbot)

    assert dialog.result_label.text() == (
        "1 problem in own.csv; nothing was saved. A column said to be missing may be one left "
        "ignored above: choose its field there and import again. Correct the file for the "
        "rest.")
    assert labels.message(dialog.problems_model.problems[0]).startswith(
        "Required column direction is missing")
    box = dialog.mapping_boxes[2]
    box.setFocus()
    qtbot.keyClicks(box, "direction")
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")


def test_a_required_column_missing_with_no_column_ignored_asks_to_correct_the_file(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    lacking = tmp_path / "lacking.csv"
    lacking.write_text("\n".join(",".join(cells[:2] + cells[3:]) for cells in csv.reader(
        SAMPLE.read_text(encoding="utf-8").splitlines())), encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, lacking)
    assert dialog.mapping_group.isHidden()
    run_import(dialog, qtbot)

    assert dialog.result_label.text() == (
        "1 problem in lacking.csv; nothing was saved. Correct the file and import it again.")


def test_an_xlsx_date_column_mapped_by_hand_takes_excel_serial_days(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Abfahrt", "Zug", "Richtung", "container", "size_type", "gross_kg"])
    book.active.append([46087, "T9002", "out", "CSLU4025503", "22G1", 18000])
    path = tmp_path / "serial.xlsx"
    book.save(path)
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert dialog.preview_model.index(0, 0).data() == "46087"
    for index, name in enumerate(["date", "service", "direction"]):
        dialog.mapping_boxes[index].setCurrentIndex(dialog.mapping_boxes[index].findData(name))
    previewed(dialog, qtbot)
    # The preview showed the serial number where the import stores the day.
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "Abfahrt\n→ date"
    assert dialog.preview_model.index(0, 0).data() == "2026-03-06"
    dialog.open_file(path)  # opened again, the mapping is remembered, and so is the day
    previewed(dialog, qtbot)
    assert dialog.preview_model.index(0, 0).data() == "2026-03-06"

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 1 service, 1 container")
    assert app_ctx.db.execute("SELECT date FROM service WHERE service_no = 'T9002'"
                              ).fetchall() == [("2026-03-06",)]


def test_two_columns_giving_one_field_can_be_told_apart(main_window, qtbot, monkeypatch,
                                                         tmp_path, app_ctx):
    """"Size" and "Type" both read as size_type: the problem says to map one of them, and
    the dialog offers a box for each."""
    boxes = [with_check_digit(f"SZTU{n:06d}") for n in range(2)]
    path = tmp_path / "size-and-type.csv"
    path.write_text("Date,Train No,Direction,Container No,Size,Type,Gross Weight (kg)\n" + "".join(
        f"2026-03-07,X8101,out,{box},{size},GP,20000\n"
        for box, size in zip(boxes, ["22G1", "45G1"])), encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert dialog.mapping_group.isVisibleTo(dialog)
    assert {index: box.currentData() for index, box in dialog.mapping_boxes.items()} == {
        4: "size_type", 5: "size_type"}
    run_import(dialog, qtbot)
    assert [(p.column, labels.message(p)) for p in dialog.problems_model.problems] == [
        ("Type", "Column 'Size' already gives size_type; map one of them to another field or "
                 "ignore it")]

    type_box = dialog.mapping_boxes[5]
    type_box.setFocus()
    qtbot.keyClicks(type_box, "(ignore")
    assert type_box.currentData() is None
    assert dialog.preview_model.headerData(5, Qt.Orientation.Horizontal) == "Type\n→ —"
    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 1 service, 2 containers, 3 TEU")
    assert [tuple(row) for row in app_ctx.db.execute(
        "SELECT container, size_type FROM container_move WHERE container LIKE 'SZTU%'"
        " ORDER BY container")] == list(zip(boxes, ["22G1", "45G1"]))


def forwarder_list(path: Path, box_headers: list[str], train: str) -> Path:
    """A forwarder's week: two boxes of one outbound train on 2026-03-07, each box's number
    under each of box_headers (the fourth column on)."""
    lines = [["Date", "Train No", "Direction", *box_headers, "Size Type", "Gross Weight (kg)"]]
    for n in range(2):
        number = with_check_digit(f"FWDU{train[1:]}{n:02d}")
        lines.append(["2026-03-07", train, "out", *[number] * len(box_headers), "22G1", "20000"])
    path.write_text("".join(",".join(line) + "\n" for line in lines), encoding="utf-8")
    return path


def map_by_typing(dialog, qtbot, index: int, text: str) -> None:
    box = dialog.mapping_boxes[index]
    box.setFocus()
    qtbot.keyClicks(box, text)


def week_mapped_then_next(main_window, qtbot, monkeypatch, tmp_path, headers, next_headers):
    """A forwarder's week-10 list under `headers`, its two columns mapped by hand to the
    container and the seal and imported; then the dialog opened on week 11's, under
    `next_headers`."""
    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "week10.csv", headers, "X8210"))
    assert [box.currentData() for box in dialog.mapping_boxes.values()] == [None, None]
    assert not dialog.mapped_before_label.isVisibleTo(dialog)
    map_by_typing(dialog, qtbot, 3, "container")
    map_by_typing(dialog, qtbot, 4, "seal")
    run_import(dialog, qtbot)
    assert dialog.result.saved
    return open_import(main_window, qtbot, monkeypatch,
                       forwarder_list(tmp_path / "week11.csv", next_headers, "X8211"))


def test_a_column_mapped_by_hand_is_read_so_in_the_next_file_under_its_header(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """A forwarder's "Cntr#" mapped to the container once is not mapped again every week:
    the next list under that header (in any case or spacing) is read so, and says so."""
    dialog = week_mapped_then_next(main_window, qtbot, monkeypatch, tmp_path,
                                   ["Cntr#", "Plomb"], ["CNTR #", "plomb"])

    assert [box.currentData() for box in dialog.mapping_boxes.values()] == ["container", "seal"]
    assert dialog.preview_model.headerData(3, Qt.Orientation.Horizontal) == \
        "CNTR #\n→ container"
    assert dialog.mapped_before_label.isVisible()
    assert dialog.mapped_before_label.text() == ("Columns read as you mapped them before: "
                                                 "“CNTR #” as container, “plomb” as seal.")
    run_import(dialog, qtbot)
    assert dialog.result.saved
    assert app_ctx.db.execute("SELECT count(*) FROM container_move WHERE container LIKE"
                              " 'FWDU8211%' AND seal = container").fetchone() == (2,)


def test_a_column_mapped_before_and_chosen_to_be_ignored_is_forgotten(
        main_window, qtbot, monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "week10.csv", ["Cntr#"], "X8210"))
    map_by_typing(dialog, qtbot, 3, "container")
    run_import(dialog, qtbot)
    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "week11.csv", ["Cntr#"], "X8211"))
    assert dialog.mapped_before_label.text() == \
        "Column “Cntr#” read as container, as you mapped it before."

    map_by_typing(dialog, qtbot, 3, "(ignore")

    assert not dialog.mapped_before_label.isVisible()  # chosen today, not as before
    run_import(dialog, qtbot)  # refused: no container column, which forgets nothing
    assert not dialog.result.saved
    assert column_mappings.mapped_before("Cntr#") == "container"
    dialog = open_import(main_window, qtbot, monkeypatch, forwarder_list(
        tmp_path / "week11b.csv", ["Cntr#", "Box No."], "X8211"))
    map_by_typing(dialog, qtbot, 3, "(ignore")
    map_by_typing(dialog, qtbot, 4, "container")
    run_import(dialog, qtbot)
    assert dialog.result.saved
    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "week12.csv", ["Cntr#"], "X8212"))
    assert dialog.mapping_boxes[3].currentData() is None
    assert not dialog.mapped_before_label.isVisible()


def test_a_mapping_is_remembered_only_by_an_import_that_saved(main_window, qtbot, monkeypatch,
                                                              tmp_path, app_ctx):
    """"Ref" (a booking reference) mapped to the container by mistake, refused and left:
    every later file's "Ref" was read as the container. So was a mapping whose import was
    dropped, its file's columns changed or the closed day's reason not given."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "ref.csv", ["Ref", "Container No"], "X8250"))
    map_by_typing(dialog, qtbot, 3, "container")
    run_import(dialog, qtbot)
    assert dialog.problems_model.rowCount() and not dialog.result.saved
    assert column_mappings.mapped_before("Ref") is None

    path = forwarder_list(tmp_path / "changed.csv", ["Cntr#"], "X8251")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    map_by_typing(dialog, qtbot, 3, "container")
    path.write_text(path.read_text(encoding="utf-8").replace("Cntr#", "Cntr#,Seal No")
                    .replace(",22G1", ",,22G1"), encoding="utf-8")
    run_import(dialog, qtbot)
    assert dialog.result is None  # previewed again, not imported
    assert column_mappings.mapped_before("Cntr#") is None

    day_close.close_day(app_ctx.db, dt.date(2026, 3, 7), UserRecord("zhao", "supervisor"))
    answers = [None, "late loading list"]
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: answers.pop(0))
    assert dialog.mapping_boxes[3].currentData() == "container"  # as chosen for the file
    run_import(dialog, qtbot)  # the reason asked for is not given
    assert dialog.result is None
    assert column_mappings.mapped_before("Cntr#") is None
    run_import(dialog, qtbot)
    assert dialog.result.saved and not answers
    assert column_mappings.mapped_before("Cntr#") == "container"


def test_columns_mapped_before_to_one_field_are_both_left_to_map(main_window, qtbot,
                                                                   monkeypatch, tmp_path):
    """Read as the container twice, or beside the column the app recognises as it, a file
    would be refused for it."""
    for name, train in (("cntr.csv", "X8220"), ("box-ref.csv", "X8221")):
        header = "Cntr#" if train == "X8220" else "Box Ref"
        dialog = open_import(main_window, qtbot, monkeypatch,
                             forwarder_list(tmp_path / name, [header], train))
        map_by_typing(dialog, qtbot, 3, "container")
        run_import(dialog, qtbot)
        assert dialog.result.saved

    dialog = open_import(main_window, qtbot, monkeypatch,
                         forwarder_list(tmp_path / "both.csv", ["Cntr#", "Box Ref"], "X8222"))

    assert [box.currentData() for box in dialog.mapping_boxes.values()] == [None, None]
    assert not dialog.mapped_before_label.isVisible()
    dialog = open_import(main_window, qtbot, monkeypatch, forwarder_list(
        tmp_path / "beside.csv", ["Container No", "Cntr#"], "X8223"))
    assert list(dialog.mapping_boxes) == [4] and dialog.mapping_boxes[4].currentData() is None
    assert not dialog.mapped_before_label.isVisible()
    run_import(dialog, qtbot)
    assert dialog.result.saved


def test_a_column_mapped_before_is_left_to_map_where_the_import_would_refuse_its_header(
        main_window, qtbot, monkeypatch, tmp_path):
    """The actual time beside a departure column is refused, though the two fields differ:
    "ATD" mapped to the actual time once, or "Abfahrt" to the departure beside a column the
    app reads as the actual time, made the next such file refused where, unmapped, it
    imports."""
    def timed(name: str, headers: list[str], train: str):
        path = tmp_path / name
        box = with_check_digit(f"ATDU{train[1:]}00")
        path.write_text(",".join(["Date", "Train No", "Direction", "Container No", "Size Type",
                                  "Gross Weight (kg)", *headers]) + "\n"
                        + ",".join(["2026-03-07", train, "out", box, "22G1", "20000",
                                    *["08:30"] * len(headers)]) + "\n", encoding="utf-8")
        return open_import(main_window, qtbot, monkeypatch, path)

    for header, typed, train in (("ATD", "actual", "X8240"), ("Abfahrt", "departed", "X8241")):
        dialog = timed(f"{train}.csv", [header], train)
        map_by_typing(dialog, qtbot, 6, typed)
        run_import(dialog, qtbot)
        assert dialog.result.saved

    for headers, train in ((["Departure time", "ATD"], "X8242"),
                           (["Actual time", "Abfahrt"], "X8243")):
        dialog = timed(f"{train}.csv", headers, train)

        assert dialog.mapping_boxes[7].currentData() is None
        assert not dialog.mapped_before_label.isVisible()
        run_import(dialog, qtbot)
        assert dialog.result.saved


def test_a_recognised_header_mapped_by_hand_is_still_read_by_its_name_in_the_next_file(
        main_window, qtbot, monkeypatch, tmp_path):
    """"Type" beside "Size" (both the size-type) mapped to the notes once: the next file's
    "Type" starts as the size-type again, as the app reads it. So does a header mapped by
    hand before the app learnt to recognise it."""
    def opened(train: str):
        path = tmp_path / f"{train}.csv"
        path.write_text("Date,Train No,Direction,Container No,Size,Type,Gross Weight (kg)\n"
                        f"2026-03-07,{train},out,{with_check_digit(f'SZTU{train[1:]}00')},"
                        "22G1,GP,20000\n", encoding="utf-8")
        return open_import(main_window, qtbot, monkeypatch, path)

    dialog = opened("X8230")
    map_by_typing(dialog, qtbot, 5, "notes")
    run_import(dialog, qtbot)
    assert dialog.result.saved
    assert column_mappings.mapped_before("Type") is None
    column_mappings.remember_mapping("Size", "notes")

    dialog = opened("X8231")

    assert [box.currentData() for box in dialog.mapping_boxes.values()] == \
        ["size_type", "size_type"]
    assert not dialog.mapped_before_label.isVisible()


def _held_after(monkeypatch, module, name: str) -> tuple[threading.Event, threading.Event]:
    """module.name, on the import's worker, goes on only once released (after 30 s at most):
    (reached, released), the first set once it has run."""
    reached, release = threading.Event(), threading.Event()
    real = getattr(module, name)

    def held(*args, **kwargs):
        result = real(*args, **kwargs)
        reached.set()
        release.wait(30)
        return result

    monkeypatch.setattr(module, name, held)
    return reached, release


@pytest.mark.parametrize(("late", "how"), [(False, "button"), (True, "button"),
                                           (False, "escape"), (True, "escape")],
                         ids=["in the middle", "past the last check", "by Escape",
                              "by Escape, past the last check"])
def test_cancel_leaves_the_database_as_it_was_or_says_it_came_too_late(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx, late, how):
    first, last = dt.date(2026, 3, 3), dt.date(2026, 3, 5)
    path = tmp_path / "three-days.csv"
    export_file(app_ctx.db, path, first, last)
    app_ctx.db.execute("DELETE FROM service")
    app_ctx.db.conn.commit()
    before = stored(app_ctx.db)
    # In the middle: a first batch is written inside the import's transaction. Too late: the
    # audit entry is written after the last chance to stop, just before the commit.
    reached, release = _held_after(monkeypatch, *((audit, "record") if late
                                                  else (store_interchange, "insert_batch")))
    dialog = open_import(main_window, qtbot, monkeypatch, path)

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    assert dialog.cancel_button.isEnabled()
    if how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closes the window: the import stops
    else:
        qtbot.mouseClick(dialog.cancel_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)

    if late and how == "escape":
        # The window closed on a cancel come too late: it comes back to say the import is
        # saved, where it had gone with nothing said.
        assert dialog.isVisible() and dialog.result_label.text().startswith(
            "Closed too late to cancel: the import was already saved. Imported ")
        assert len(stored(app_ctx.db)) > len(before)
    elif late:  # said as any import is, and the screens are told
        assert dialog.result_label.text().startswith("Imported ")
        assert len(stored(app_ctx.db)) > len(before)
        assert not dialog.import_button.isEnabled()
    else:
        assert dialog.result_label.text() == "Import cancelled; nothing was saved."
        assert stored(app_ctx.db) == before
        assert dialog.import_button.isEnabled()
    if how == "escape" and not late:  # opened again: its next import is no late cancel
        dialog.show()
        run_import(dialog, qtbot)
        assert dialog.result_label.text().startswith("Imported ")


def test_the_column_mapping_is_held_while_the_import_runs(main_window, qtbot, monkeypatch,
                                                         tmp_path, app_ctx):
    """The column mapping stayed open while the rows were written by the mapping chosen
    before: a column mapped anew then was shown, though the import went on without it."""
    path = tmp_path / "three-days.csv"
    export_file(app_ctx.db, path, dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([f"{header},Plomb", *(f"{row},S{n}" for n, row in enumerate(rows))])
                    + "\n", encoding="utf-8")  # a forwarder's column of seals, to map or not
    app_ctx.db.execute("DELETE FROM service")
    app_ctx.db.conn.commit()
    reached, release = _held_after(monkeypatch, store_interchange, "insert_batch")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    (box,) = dialog.mapping_boxes.values()
    assert dialog.mapping_group.isVisible() and box.isEnabled()

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    assert not dialog.mapping_group.isEnabled() and not box.isEnabled()
    assert not dialog.skip_duplicates.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)

    assert dialog.result_label.text() == "Import cancelled; nothing was saved."
    assert dialog.mapping_group.isEnabled() and box.isEnabled()  # to change, and try again


def test_export_dialog_writes_xlsx(qtbot, monkeypatch, tmp_path, app_ctx):
    dialog = shown_export_dialog(qtbot, app_ctx)
    target = tmp_path / "march"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    dialog.format_box.setFocus()
    qtbot.keyClicks(dialog.format_box, "Excel")

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    written = tmp_path / "march.xlsx"
    count = app_ctx.db.execute("SELECT COUNT(*) FROM container_move").fetchone()[0]
    without = app_ctx.db.execute("SELECT COUNT(*) FROM service s WHERE NOT EXISTS"
                                 " (SELECT 1 FROM container_move m WHERE m.service_id = s.id)"
                                 ).fetchone()[0]
    # A row per container, and one per service without containers.
    assert dialog.result_label.text() == \
        f"{formatting.number(count + without)} rows written to {written}"
    back = import_file(app_ctx.db, written, TESTER, dry_run=True, skip_duplicates=True)
    assert back.ok and back.skipped_containers == count


@pytest.mark.parametrize("window, offered, key, header", [
    ("en", "English", Qt.Key.Key_Down, ("日期", "班列号", "方向")),
    ("zh", "简体中文", Qt.Key.Key_Up, ("date", "service", "direction")),
])
def test_the_export_s_language_is_the_window_s_unless_another_is_chosen(
        qtbot, monkeypatch, request, tmp_path, app_ctx, window, offered, key, header):
    """A Chinese desk's loading list for a Chinese forwarder has Chinese headers and words,
    which the import reads back; an English one for a Lao railway English ones."""
    if window == "zh":
        request.getfixturevalue("chinese")
    dialog = shown_export_dialog(qtbot, app_ctx)
    assert dialog.language_box.currentText() == offered
    target = tmp_path / "march.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    dialog.language_box.setFocus()
    qtbot.keyClick(dialog.language_box, key)

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    with target.open(encoding="utf-8-sig", newline="") as file:
        assert tuple(next(csv.reader(file))[:3]) == header
    back = import_file(app_ctx.db, target, TESTER, dry_run=True, skip_duplicates=True)
    assert back.ok and back.skipped_containers == app_ctx.db.execute(
        "SELECT COUNT(*) FROM container_move").fetchone()[0]


@pytest.mark.parametrize("typed, kind, chosen_format, written_format", [
    ("march.xlsx", None, 0, 1),  # written as march.xlsx.csv
    ("march.csv", None, 1, 0),
    ("march", "Excel", 0, 1),
])
def test_the_name_typed_or_file_type_chosen_on_saving_decides_the_format(
        qtbot, save_as, tmp_path, app_ctx, typed, kind, chosen_format, written_format):
    dialog = shown_export_dialog(qtbot, app_ctx)
    dialog.format_box.setCurrentIndex(chosen_format)
    folder = tmp_path / "exports"
    folder.mkdir()
    save_as(folder / typed, kind)

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    suffix = [".csv", ".xlsx"][written_format]
    written = (folder / typed).with_suffix(suffix)
    assert [path.name for path in folder.iterdir()] == [written.name]
    assert written.read_bytes().startswith(b"PK") == (suffix == ".xlsx")
    assert dialog.format_box.currentIndex() == written_format
    # Both file types offered, the one chosen in the dialog first.
    assert save_as.asked[0][2] == ["CSV files (*.csv);;Excel workbooks (*.xlsx)",
                                   "Excel workbooks (*.xlsx);;CSV files (*.csv)"][chosen_format]


def test_export_opens_on_the_day_the_daily_log_shows(main_window, qtbot, monkeypatch,
                                                     tmp_path):
    target = tmp_path / "day.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    main_window.day_screen.set_day(DEMO_END)
    main_window.export_action.trigger()
    dialog = main_window.export_dialog
    qtbot.waitExposed(dialog)
    dialog.format_box.setCurrentIndex(1)
    dialog.close()

    day = DEMO_END - dt.timedelta(days=1)
    main_window.day_screen.set_day(day)
    main_window.export_action.trigger()
    # The dialog is kept, with its file type; its dates are the day shown.
    assert main_window.export_dialog is dialog and dialog.format_box.currentIndex() == 1
    assert (dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()) == (day, day)
    dialog.format_box.setCurrentIndex(0)
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)
    with target.open(encoding="utf-8-sig", newline="") as file:
        assert {row["date"] for row in csv.DictReader(file)} == {day.isoformat()}

    # Left open with its result, it follows the day shown when opened again.
    main_window.day_screen.set_day(DEMO_END)
    main_window.export_action.trigger()
    assert (dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()) == (
        DEMO_END, DEMO_END)
    # Opened again while still open, it keeps the dates typed there.
    dialog.from_edit.setDate(dialog.from_edit.date().addDays(-3))
    main_window.day_screen.set_day(day)
    main_window.export_action.trigger()
    assert (dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()) == (
        DEMO_END - dt.timedelta(days=3), DEMO_END)
    dialog.close()


def test_an_export_under_way_keeps_its_days_and_takes_no_second_export(
        main_window, qtbot, monkeypatch, tmp_path):
    """While it writes, Export is greyed out, as a second click would start a second export
    over the first's file; File ▸ Export… on another day shows the days being written, not
    that day's, whose file it is not."""
    reached, release = _held_after(monkeypatch, store_interchange, "export_rows")
    target, offered = tmp_path / "day.csv", []
    monkeypatch.setattr(dialogs, "pick_save_file",
                        lambda parent, title, name, filters: offered.append(Path(name).name)
                        or str(target))
    main_window.day_screen.set_day(DEMO_END)
    main_window.export_action.trigger()
    dialog = main_window.export_dialog
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    # Its days in the name offered, the first and the last.
    assert offered == [f"containers-{DEMO_END}-{DEMO_END}.csv"]
    assert not dialog.export_button.isEnabled()

    main_window.day_screen.set_day(DEMO_END - dt.timedelta(days=1))
    main_window.export_action.trigger()
    assert (dialog.from_edit.date().toPython(), dialog.to_edit.date().toPython()) == (
        DEMO_END, DEMO_END)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.export_button.isEnabled()
    with target.open(encoding="utf-8-sig", newline="") as file:
        assert {row["date"] for row in csv.DictReader(file)} == {DEMO_END.isoformat()}
    dialog.close()


def test_export_and_import_open_in_the_folders_last_used(main_window, qtbot, monkeypatch,
                                                          tmp_path, app_ctx):
    asked = []

    def pick(parent, title, suggested, filters):
        asked.append(Path(suggested))
        return str(tmp_path / "exports" / "day.csv")

    monkeypatch.setattr(dialogs, "pick_save_file", pick)
    (tmp_path / "exports").mkdir()
    main_window.export_action.trigger()
    dialog = main_window.export_dialog
    for _ in range(2):
        qtbot.mouseClick(dialog.export_button, LEFT)
        qtbot.waitUntil(lambda: dialog.task is None)
    fallback = {Path.home(), Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))}
    # The suggested name, first in the documents folder (or home), then in the one chosen.
    assert asked[0].parent in fallback and asked[0].name.startswith("containers-")
    assert asked[1] == tmp_path / "exports" / asked[0].name
    # A remembered folder since deleted gives way to documents or home again.
    shutil.rmtree(tmp_path / "exports")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert asked[2].parent in fallback
    qtbot.waitUntil(lambda: dialog.task is None)
    dialog.close()

    opened = []
    (tmp_path / "lists").mkdir()
    sample = edited_sample(tmp_path / "lists" / "list.csv", {})
    monkeypatch.setattr(dialogs, "pick_open_file",
                        lambda parent, title, folder, filters: opened.append(folder) or
                        str(sample))
    for _ in range(2):  # a new dialog, as after a restart
        importer = ImportDialog(app_ctx)
        qtbot.addWidget(importer)
        qtbot.mouseClick(importer.choose_button, LEFT)
    assert Path(opened[0]) in fallback and Path(opened[1]) == sample.parent


def _held_export(qtbot, monkeypatch, app_ctx):
    """An export dialog shown whose export, once started, waits after ten rows: reached is
    set there, and it goes on once release is."""
    reached, release = threading.Event(), threading.Event()
    real = store_interchange.export_rows

    def slow(*args):
        for number, row in enumerate(real(*args)):
            if number == 10:
                reached.set()
                release.wait(30)
            yield row

    monkeypatch.setattr(store_interchange, "export_rows", slow)
    dialog = shown_export_dialog(qtbot, app_ctx)
    return dialog, reached, release


@pytest.mark.parametrize("how", ["escape", "button"])
def test_closing_the_export_dialog_cancels_the_export(qtbot, monkeypatch, tmp_path, app_ctx,
                                                      how):
    dialog, reached, release = _held_export(qtbot, monkeypatch, app_ctx)
    qtbot.waitExposed(dialog)
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(folder / "march.csv"))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(reached.is_set)

    if how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    else:
        qtbot.mouseClick(dialog.cancel_button, LEFT)
    cancelling_then_let_go(dialog, qtbot, release)

    assert dialog.result_label.text() == "Export cancelled; no file was written."
    assert list(folder.iterdir()) == []


def _enter_again_and_on_close(dialog, button, qtbot, reached, release) -> None:
    """Enter on the button that starts the job, then while it runs Enter again (a second
    press when nothing seems to happen) and Enter on a Close tabbed to: none of them stops it."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(reached.is_set)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    dialog.close_button.setFocus()
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.isVisible()


def test_enter_while_importing_neither_cancels_nor_closes(main_window, qtbot, monkeypatch,
                                                          app_ctx):
    reached, release = _held_after(monkeypatch, store_interchange, "insert_batch")
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)

    _enter_again_and_on_close(dialog, dialog.import_button, qtbot, reached, release)

    assert dialog.result_label.text().startswith("Imported ")


def test_enter_while_exporting_neither_cancels_nor_closes(qtbot, monkeypatch, tmp_path,
                                                          app_ctx):
    dialog, reached, release = _held_export(qtbot, monkeypatch, app_ctx)
    target = tmp_path / "march.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))

    _enter_again_and_on_close(dialog, dialog.export_button, qtbot, reached, release)

    assert target.exists()


def _enter_again_once_done(dialog, button, qtbot) -> str:
    """The result line after a job started by Enter on button, and Enter pressed again."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None)
    said = dialog.result_label.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result_label.text() == said
    return said


def test_enter_again_after_an_import_leaves_its_result_to_read(main_window, qtbot,
                                                               monkeypatch):
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    assert _enter_again_once_done(dialog, dialog.import_button, qtbot).startswith("Imported ")


def test_enter_again_after_a_refused_import_does_not_check_the_file_again(
        main_window, qtbot, monkeypatch, tmp_path):
    """The preview passed Enter on to the dialog, whose default button, Import, is enabled
    again after a refusal: the file was read and checked again under the clerk."""
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    started = []
    run = dialog._run_import
    monkeypatch.setattr(dialog, "_run_import", lambda *args: (started.append(1), run(*args)))
    assert "nothing was saved" in _enter_again_once_done(dialog, dialog.import_button, qtbot)
    assert started == [1] and dialog.import_button.isEnabled()


def test_enter_again_after_an_export_leaves_its_result_to_read(qtbot, monkeypatch, tmp_path,
                                                               app_ctx):
    """The focus fell on Close as the progress bar went, and the second Enter closed the
    dialog before "rows written to …" was read."""
    dialog = shown_export_dialog(qtbot, app_ctx)
    targets = [str(tmp_path / "march.csv"), ""]  # the second Enter asks again; not chosen
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: targets.pop(0))
    said = _enter_again_once_done(dialog, dialog.export_button, qtbot)
    assert "written to" in said and not targets


def _rows_in_view(view) -> int:
    return view.viewport().height() // view.verticalHeader().defaultSectionSize()


def test_the_smallest_dialog_still_shows_rows_and_whole_messages(main_window, qtbot,
                                                                  monkeypatch, tmp_path):
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    assert dialog.problems_view.isVisible()
    dialog.resize(1, 1)  # as small as it goes
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize())
    QApplication.processEvents()
    assert _rows_in_view(dialog.preview) >= 3 and _rows_in_view(dialog.problems_view) >= 3
    # The message whole, between the two lists, not drawn over them.
    above, label, below = (w.geometry() for w in (dialog.preview, dialog.result_label,
                                                  dialog.problems_view))
    assert above.bottom() < label.top() and label.bottom() < below.top()
    assert label.height() >= dialog.result_label.heightForWidth(label.width())


def test_a_problem_about_a_whole_line_marks_no_cell(qtbot, qtmodeltester):
    from hubapp.interchange import Problem
    from hubapp.interchange.reading import FileTableRecord
    from hubapp.ui.import_dialog import PreviewModel

    model = PreviewModel()
    # A column with no heading, and a problem that names no column: nothing to paint.
    model.load(FileTableRecord(["container", ""], [(2, ["CSQU3054383", "x"])], "utf-8"),
               ["container", None])
    model.mark([Problem(line=2, column="", value="", template="Service on no day")])
    qtmodeltester.check(model)
    assert all(model.index(0, column).data(Qt.ItemDataRole.BackgroundRole) is None
               for column in range(2))


def test_a_csv_not_in_utf_8_is_named_in_preview_and_result(main_window, qtbot, monkeypatch,
                                                           tmp_path, app_ctx):
    path = tmp_path / "western.csv"
    path.write_bytes("date,service,direction,container,size_type,full_empty,consignee\n"
                     f"2026-03-07,X8001,inbound,{with_check_digit('ABCU000401')},22G1,E,"
                     "Müller Logistik GmbH\n".encode("cp1252"))
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert dialog.result_label.text() == ("Preview of the first rows. Check the columns, then "
                                          "Import. Read as Windows-1252 text.")
    assert dialog.preview_model.index(0, 6).data() == "Müller Logistik GmbH"

    run_import(dialog, qtbot)

    assert dialog.result_label.text().endswith(" Read as Windows-1252 text.")
    assert app_ctx.db.execute("SELECT consignee FROM container_move WHERE container = ?",
                              [with_check_digit("ABCU000401")]).fetchone() == (
        "Müller Logistik GmbH",)


def test_hidden_rows_of_a_workbook_are_left_out_of_preview_and_import_and_said(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    dialog = open_import(main_window, qtbot, monkeypatch,
                         hidden_rows_workbook(tmp_path / "hidden.xlsx"))
    said = " 2 hidden rows left out (hidden or filtered out in the workbook): lines 3, 5."
    assert dialog.result_label.text() == (
        "Preview of the first rows. Check the columns, then Import." + said)
    model = dialog.preview_model
    assert [model.headerData(row, Qt.Orientation.Vertical)
            for row in range(model.rowCount())] == ["2", "4", "6"]

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 1 service, 3 containers, 3 TEU.")
    assert dialog.result_label.text().endswith(said)
    assert boxes_on(app_ctx.db, "X9031") == 3


def test_hidden_columns_of_a_workbook_are_left_out_of_preview_and_import_and_said(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    dialog = open_import(main_window, qtbot, monkeypatch,
                         hidden_columns_workbook(tmp_path / "hidden.xlsx"))
    said = (" 2 hidden columns left out (hidden in the workbook): 铅封号 (column I), 备注 "
            "(column J).")
    assert dialog.result_label.text() == (
        "Preview of the first rows. Check the columns, then Import." + said)
    assert [dialog.preview.isColumnHidden(column)
            for column in range(dialog.preview_model.columnCount())] == [
        False] * 8 + [True, True, False]
    assert dialog.mapping_group.isHidden()  # no second 铅封号 to map

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 1 service, 3 containers, 3 TEU.")
    assert dialog.result_label.text().endswith(said)
    assert app_ctx.db.execute("SELECT notes FROM service WHERE service_no = 'X9033'"
                              ).fetchall() == [("",)]


def test_a_problem_in_one_of_two_columns_under_one_heading_is_marked_and_gone_to_there(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """The first 箱号 ignored, the second read as the container: its repeated number was
    marked in both columns, and Enter went to the first, off the one to correct."""
    rows = list(csv.reader(SAMPLE.read_text(encoding="utf-8").splitlines()))
    path = tmp_path / "two.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([rows[0] + ["箱号"]] + [row + ["ABCU1234560"]
                                                            for row in rows[1:4]])
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    first = dialog.mapping_boxes[7]
    first.setFocus()
    qtbot.keyClicks(first, "(ignore")
    assert first.currentData() is None and dialog.mapping_boxes[15].currentData() == "container"

    run_import(dialog, qtbot)

    problems, model = dialog.problems_model, dialog.preview_model
    assert [problems.index(row, problems.COLUMN).data()
            for row in range(problems.rowCount())] == ["箱号 (column P)"] * 2
    marked = [column for column in range(model.columnCount())
              if model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)]
    assert marked == [15]
    view = dialog.problems_view
    view.setFocus()
    view.setCurrentIndex(problems.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (dialog.preview.currentIndex().row(), dialog.preview.currentIndex().column()) == (
        1, 15)


def test_tab_into_the_problem_list_picks_its_first_problem(main_window, qtbot, monkeypatch,
                                                           tmp_path):
    """Framed but not picked: Add to the list and Enter acted on nothing, and Down went to
    the second problem."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([lines[0], lines[1].replace("2026-03-05", "2026-03-32", 1),
                               lines[2].replace("2026-03-05", "2026-02-30", 1), *lines[3:]]),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    view = dialog.problems_view
    assert view.model().rowCount() == 2
    dialog.preview.setFocus()
    while QApplication.focusWidget() is not view:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.selectionModel().selectedRows()[0].row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selectionModel().selectedRows()[0].row() == 1


def test_a_header_click_sorts_the_problems_and_enter_still_goes_to_each(
        main_window, qtbot, monkeypatch, tmp_path):
    """Listed in file order only: the unknown commodities among check digits and dates
    could not be taken together to add to the list."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in lines[1:]]
    commodity = lines[0].split(",").index("货名")
    rows[0][0], rows[1][commodity], rows[2][0] = "2026-03-32", "榴莲干", "2026-02-30"
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([lines[0], *map(",".join, rows)]), encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    view, problems = dialog.problems_view, dialog.problems_model
    lines_shown = lambda: [problems.index(row, problems.LINE).data()  # noqa: E731
                           for row in range(problems.rowCount())]
    assert lines_shown() == ["2", "3", "4"]  # file order first
    view.selectRow(1)  # line 3's
    qtbot.mouseClick(view.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(view.horizontalHeader().sectionViewportPosition(
                         problems.COLUMN) + 5, 5))
    assert lines_shown() == ["2", "4", "3"]  # the dates' together, in file order
    assert view.selectionModel().selectedRows()[0].row() == 2  # line 3's still picked
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert dialog.preview.currentIndex().row() == 1  # line 3, the preview's second row
    assert dialog.preview.currentIndex().column() == commodity
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(problems.COLUMN) + 5, 5))
    assert lines_shown() == ["3", "2", "4"]  # the kinds the other way, each still in order
    # Two picked with Ctrl+click, as to copy them: the second click unpicked both.
    view.selectRow(0)
    second = view.visualRect(problems.index(2, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, second)
    assert [index.row() for index in view.selectionModel().selectedRows()] == [0, 2]


def test_enter_on_a_problem_past_the_rows_previewed_says_so(main_window, qtbot, monkeypatch,
                                                            tmp_path, announced):
    """The preview holds the first 50 rows: Enter on a problem of line 65 did nothing."""
    header, row = SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    cells = row.split(",")
    lines = [header]
    for number in range(70):
        cells[7] = with_check_digit(f"CSLU7{number:05d}")
        cells[0] = "2026-03-32" if number == 63 else "2026-03-05"  # line 65
        lines.append(",".join(cells))
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    view, problems = dialog.problems_view, dialog.problems_model
    assert [problem.line for problem in problems.problems] == [65]
    view.setFocus()
    view.setCurrentIndex(problems.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view
    # Said after how the import ended, which the line under the file says too.
    assert announced[-1] == (view, "Line 65 is past the first 50 rows the preview shows: the "
                                   "list says what is wrong there")
    assert [said for said in announced if said[0] is view] == [announced[-1]]


def test_hidden_rows_past_the_preview_are_not_said_to_be_all_of_them(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """The preview said "5 hidden rows left out" of a workbook hiding 11: those among the
    rows it read; once before all it says (the header repeated on line 29 too)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    header = ["日期", "班列号", "方向", "箱号", "箱型", "空重", "毛重", "货名"]
    sheet.append(header)
    for number in range(120):
        if number == 27:
            sheet.append(header)  # line 29, as a second page's printed header
        sheet.append(["2026-03-07", "X9032", "出口", with_check_digit(f"CSQU7{number:05d}"),
                      "22G1", "重", 21000, "木薯粉"])
    hidden = list(range(12, 122, 10))  # lines 12, 22, … 112: 11 of them
    for line in hidden:
        sheet.row_dimensions[line].hidden = True
    book.save(tmp_path / "long.xlsx")
    dialog = open_import(main_window, qtbot, monkeypatch, tmp_path / "long.xlsx")
    assert dialog.result_label.text() == (
        "Preview of the first rows. Check the columns, then Import. Among the rows previewed: "
        "5 hidden rows left out (hidden or filtered out in the workbook): lines 12, 22, 32, "
        "42, 52; 1 repeated header row left out: line 29.")

    run_import(dialog, qtbot)

    assert dialog.result_label.text().endswith(
        " 11 hidden rows left out (hidden or filtered out in the workbook): lines 12, 22, 32, "
        "42, 52, 62, 72, 82, 92, 102 …. 1 repeated header row left out: line 29.")
    assert boxes_on(app_ctx.db, "X9032") == 109


def test_trains_one_under_another_leave_their_repeated_header_out_of_preview_and_import(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    dialog = open_import(main_window, qtbot, monkeypatch,
                         trains_workbook(tmp_path / "trains.xlsx"))
    said = " 1 repeated header row left out, with the title above: lines 8, 9."
    assert dialog.result_label.text() == (
        "Preview of the first rows. Check the columns, then Import." + said)
    model = dialog.preview_model
    assert [model.headerData(row, Qt.Orientation.Vertical)
            for row in range(model.rowCount())] == ["3", "4", "5", "10", "11", "12"]

    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 2 services, 6 containers, 6 TEU.")
    assert said in dialog.result_label.text() and not dialog.problems_model.problems


def test_an_erp_s_workbook_named_xls_is_offered_and_previewed(main_window, qtbot, monkeypatch,
                                                              tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["日期", "班列号", "方向", "箱号", "箱型"])
    book.save(tmp_path / "erp-export.xls")
    offered = []
    monkeypatch.setattr(dialogs, "pick_open_file",
                        lambda parent, title, folder, kinds: offered.append(kinds)
                        or str(tmp_path / "erp-export.xls"))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)

    assert "*.xls" in offered[0].split(";;")[0].strip(")").split()
    assert dialog.preview_model.headerData(3, Qt.Orientation.Horizontal) == "箱号\n→ container"
    assert dialog.import_button.isEnabled()


def test_excel_s_unicode_text_is_offered_and_previewed(main_window, qtbot, monkeypatch,
                                                       tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_text("日期\t班列号\t方向\t箱号\t箱型\n2026-03-06\tX9041\t出口\tCSQU3054383\t22G1\n",
                    encoding="utf-16")
    offered = []
    monkeypatch.setattr(dialogs, "pick_open_file",
                        lambda parent, title, folder, kinds: offered.append(kinds) or str(path))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)

    assert "*.txt" in offered[0].split(";;")[0].strip(")").split()
    assert dialog.result_label.text().endswith(" Read as UTF-16 text.")
    assert dialog.preview_model.index(0, 3).data() == "CSQU3054383"


def test_the_sheet_read_of_a_workbook_of_several_is_named(main_window, qtbot, monkeypatch,
                                                          tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "lists"
    book.active.append(["outbound", "22G1"])
    book.active.sheet_state = "hidden"
    book.create_sheet("装箱单").append(["日期", "班列号", "方向", "箱号", "箱型"])
    book.active = 1
    book.save(tmp_path / "template.xlsx")

    dialog = open_import(main_window, qtbot, monkeypatch, tmp_path / "template.xlsx")

    assert dialog.result_label.text().endswith(" Read from sheet “装箱单”.")
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "日期\n→ date"


def test_a_workbook_saved_on_its_summary_sheet_previews_the_list(main_window, qtbot,
                                                                  monkeypatch, tmp_path):
    # The summary was previewed, its columns offered to map, and the list left unread.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "containers"
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        book.active.append(line.split(","))
    pivot = book.create_sheet("Sheet1")
    pivot.append(["Row Labels", "Sum of teu", "Count of container"])
    pivot.append(["2026-03-05", 24, 20])
    book.active = 1
    book.save(tmp_path / "pivot.xlsx")

    dialog = open_import(main_window, qtbot, monkeypatch, tmp_path / "pivot.xlsx")

    assert dialog.result_label.text().endswith(" Read from sheet “containers”.")
    assert dialog.preview_model.rowCount() == 20 and not dialog.mapping_boxes


def test_a_file_corrected_after_a_refused_import_is_previewed_again(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """The problem list says to correct the file and import it again; the clerk also deleted
    the HS code column, so the column mapped by hand to seal moved one to the left. Importing
    by the old column numbers put the arrival time into seal."""
    path = edited_sample(tmp_path / "list.csv", {0: ("铅封号", "封条"),
                                                 3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    box = dialog.mapping_boxes[13]
    box.setCurrentIndex(box.findData("seal"))
    run_import(dialog, qtbot)
    assert dialog.problems_model.rowCount() == 1
    corrected = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.replace("2026-03-32", "2026-03-05").split(",")
        del cells[12]  # HS编码
        corrected.append(",".join(cells))
    path.write_text("\n".join(corrected), encoding="utf-8")
    before = stored(app_ctx.db)

    run_import(dialog, qtbot)

    assert stored(app_ctx.db) == before
    assert dialog.result_label.text() == (
        "The columns of list.csv have changed since it was previewed: check them and the "
        "columns mapped by hand above, then Import.")
    assert dialog.preview_model.headerData(12, Qt.Orientation.Horizontal) == "封条\n→ seal"
    assert dialog.preview_model.headerData(13, Qt.Orientation.Horizontal) == \
        "到达时间\n→ arrived_at (inbound only)"
    assert list(dialog.mapping_boxes) == [12] and dialog.import_button.isEnabled()
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")
    assert [tuple(row) for row in app_ctx.db.execute(
        "SELECT s.actual_at, m.seal FROM container_move m JOIN service s ON s.id = m.service_id"
        " WHERE m.container = 'CSLU4025503'")] == [("2026-03-05 14:20", "LA891331")]


def test_the_result_names_the_columns_no_field_was_read_from(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    path = tmp_path / "remark.csv"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("铅封号", "Remark", 1),
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")
    assert dialog.result_label.text().endswith(
        " Columns left out, as no field goes by their header: Remark.")


def test_a_workbook_s_other_sheets_holding_a_list_are_named(main_window, qtbot, monkeypatch,
                                                            tmp_path):
    import openpyxl

    rows = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["装箱单 2026-03-05"])
    for title in ("X5508", "X5510"):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    # Named apart: a summary is no list to import from a file of its own.
    book.create_sheet("汇总").append(["日期", "线路", "箱数", "TEU合计"])
    book.save(tmp_path / "trains.xlsx")
    said = (" Read from sheet “X5508”. Not read, as an import reads one sheet: “X5510”. "
            "Choose each in Sheet above and import it too; copy a train split over sheets "
            "onto one sheet first, as a train is imported whole. Other sheet not read: “汇总”.")

    dialog = open_import(main_window, qtbot, monkeypatch, tmp_path / "trains.xlsx")
    previewed = dialog.result_label.text()
    run_import(dialog, qtbot)

    assert previewed.endswith(said)
    assert dialog.preview_model.rowCount() == 20
    assert dialog.result_label.text().startswith("Imported 1 service, 20 containers")
    assert said in dialog.result_label.text()


def pick_sheet(dialog, qtbot, title: str) -> None:
    """title picked in the Sheet box from the keyboard, as a clerk does, and previewed."""
    box = dialog.sheet_box
    box.setFocus()
    while box.currentText() != title:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.findText(title) > box.currentIndex()
                       else Qt.Key.Key_Up)
    previewed(dialog, qtbot)


def test_a_workbook_s_other_sheet_is_picked_previewed_and_imported(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """A sheet per month: each imported in turn from the Sheet box, none saved as a file of
    its own; the same sheet imported twice is refused as stored."""
    dialog = open_import(main_window, qtbot, monkeypatch, months_workbook(tmp_path / "m.xlsx"))
    box = dialog.sheet_box
    assert box.isVisible() and dialog.sheet_label.buddy() is box
    # The sheets with a header (not the hidden lists), on the one read by itself.
    assert [box.itemText(row) for row in range(box.count())] == ["1月", "2月", "汇总"]
    assert box.currentText() == "1月"

    pick_sheet(dialog, qtbot, "2月")
    previewed_2 = dialog.result_label.text()
    rows = [dialog.preview_model.index(row, 1).data()
            for row in range(dialog.preview_model.rowCount())]
    run_import(dialog, qtbot)
    imported_2 = dialog.result_label.text()
    pick_sheet(dialog, qtbot, "1月")
    run_import(dialog, qtbot)
    pick_sheet(dialog, qtbot, "2月")
    run_import(dialog, qtbot)

    assert rows == ["X9062", "X9062"]
    assert "Read from sheet “2月”. Not read, as an import reads one sheet: “1月”. Choose " \
        "each in Sheet above and import it too" in previewed_2
    assert imported_2.startswith("Imported 1 service, 2 containers")
    assert (boxes_on(app_ctx.db, "X9061"), boxes_on(app_ctx.db, "X9062")) == (2, 2)
    assert dialog.result_label.text() == (
        "Everything in m.xlsx is already in the database; nothing was saved.")
    assert box.currentText() == "2月" and box.isVisible()


def test_the_sheet_previewed_is_imported_though_the_workbook_was_saved_open_on_another(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """Saved in Excel meanwhile, open on 2月: the import read the sheet it opens on by
    itself, not 1月's trains the clerk had checked in the preview."""
    import openpyxl

    path = months_workbook(tmp_path / "m.xlsx")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert dialog.sheet_box.currentText() == "1月"
    book = openpyxl.load_workbook(path)
    book.active = book.sheetnames.index("2月")
    book.save(path)

    qtbot.mouseClick(dialog.import_button, LEFT)
    assert not dialog.sheet_box.isEnabled()  # no other sheet read while it imports
    qtbot.waitUntil(lambda: dialog.task is None and dialog.preview_task is None)

    assert (boxes_on(app_ctx.db, "X9061"), boxes_on(app_ctx.db, "X9062")) == (2, 0)
    assert dialog.sheet_box.isEnabled()


def test_a_file_chosen_after_a_workbook_of_several_lists_offers_none_of_its_sheets(
        main_window, qtbot, monkeypatch, tmp_path):
    """The file chosen next could not be read: the Sheet box still offered the workbook's
    sheets, to be read from the other file."""
    dialog = open_import(main_window, qtbot, monkeypatch, months_workbook(tmp_path / "m.xlsx"))
    assert dialog.sheet_box.isVisible()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 cut short")
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(broken))

    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)

    assert not dialog.sheet_box.isVisible() and not dialog.sheet_label.isVisible()


def test_alt_h_reaches_the_sheet_box_which_tab_comes_to_after_choose_file(
        main_window, qtbot, monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch, months_workbook(tmp_path / "m.xlsx"))
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.choose_button.setFocus()

    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Tab)
    tabbed = QApplication.focusWidget()
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)

    assert tabbed is dialog.sheet_box
    assert QApplication.focusWidget() is dialog.sheet_box


@pytest.mark.parametrize("listing", ["csv", "one-list", "one-list-and-a-summary"])
def test_a_file_of_one_list_has_no_sheet_box(main_window, qtbot, monkeypatch, tmp_path,
                                             listing):
    import openpyxl

    path = SAMPLE if listing == "csv" else trains_workbook(tmp_path / "trains.xlsx")
    if listing == "one-list-and-a-summary":  # only another list is one to choose
        book = openpyxl.load_workbook(path)
        book.create_sheet("汇总").append(["日期", "线路", "箱数", "TEU合计"])
        book.save(path)

    dialog = open_import(main_window, qtbot, monkeypatch, path)

    assert dialog.import_button.isEnabled()
    assert not dialog.sheet_box.isVisible() and not dialog.sheet_label.isVisible()


def test_choosing_another_file_forgets_the_day_imported_before(main_window, qtbot,
                                                               monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    run_import(dialog, qtbot)
    assert dialog.show_button.isVisible()
    other = tmp_path / "other.csv"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace("2026-03-05", "2026-03-20"),
                     encoding="utf-8")
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(other))

    qtbot.mouseClick(dialog.choose_button, LEFT)

    assert not dialog.show_button.isVisible() and dialog.result is None


def test_export_dialog_says_when_the_range_holds_no_services(qtbot, monkeypatch, tmp_path,
                                                             app_ctx):
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QPalette

    from hubapp.ui import colours

    dialog = shown_export_dialog(qtbot, app_ctx)
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(tmp_path / "empty.csv"))
    dialog.from_edit.setDate(QDate(2025, 1, 1))
    dialog.to_edit.setDate(QDate(2025, 1, 31))

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    assert dialog.result_label.text() == \
        "No services between 2025-01-01 and 2025-01-31; no file written"
    assert not (tmp_path / "empty.csv").exists()
    # A refusal, said as one: in the problems' red.
    ink = dialog.result_label.palette().color(QPalette.ColorRole.WindowText)
    assert ink == colours.problem()


def test_an_import_onto_a_closed_day_asks_once_why(main_window, qtbot, monkeypatch, app_ctx):
    """A supervisor or admin imports onto a closed day giving a reason, which the import's
    audit entry keeps; Cancel imports nothing."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    day_close.close_day(app_ctx.db, dt.date(2026, 3, 5), UserRecord("zhao", "supervisor"))
    asked, answers = [], [None, "late loading list"]
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or answers.pop(0))
    before = stored(app_ctx.db)
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    run_import(dialog, qtbot)
    assert asked == ["2026-03-05 is closed: give a reason for changing it. The reason is kept "
                     "in the audit log."]
    assert dialog.result_label.text() == "2026-03-05 is closed: give a reason for changing it"
    assert stored(app_ctx.db) == before

    run_import(dialog, qtbot)
    assert len(asked) == 2 and dialog.result_label.text().startswith("Imported 1 service")
    entry = audit.entries(app_ctx.db, limit=1)[0]
    assert entry.action == "import" and entry.after["reason"] == "late loading list"


def test_a_missing_column_is_named_in_the_problem_list_s_language(qtbot, qapp, qtmodeltester):
    """The message named 箱号 beside a column cell reading "container", the English key."""
    from hubapp.interchange.parsing import column_positions
    from hubapp.ui.import_dialog import ProblemsModel
    from hubapp.ui.translations import install_translations

    model = ProblemsModel()
    model.load(column_positions(["日期", "班列号", "方向", "箱型"])[1])
    install_translations(qapp, "zh")
    try:
        qtmodeltester.check(model)
        shown = [model.index(0, column).data() for column in range(2)]
        said = model.index(0, ProblemsModel.MESSAGE).data()
    finally:
        install_translations(qapp, "en")
    assert shown == ["1", "箱号"] and said.startswith("缺少必需的列 箱号")


def test_a_mapping_refused_and_undone_clears_its_message_and_unmapped_changes_read_nothing(
        main_window, qtbot, monkeypatch, tmp_path):
    """A formula without its value is refused only in a column the import reads: mapped to
    gross kg and back, the red "open and save the workbook" stayed though the file imports.
    And a box changed without mapping anything by hand does not read the sheet again."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "车次", "方向", "箱号", "箱型", "空重", "总计"])
    for number in range(3):
        sheet.append(["2026-03-06", "X9001", "进口", with_check_digit(f"HUBU{100 + number:06d}"),
                      "22G1", "空", f"=1000+{number}"])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    said = dialog.result_label.text()
    assert said.startswith("Preview of the first rows.")
    box = dialog.mapping_boxes[6]

    box.setCurrentIndex(box.findData("gross_kg"))
    previewed(dialog, qtbot)
    assert "a formula without a computed value" in dialog.result_label.text()
    box.setCurrentIndex(box.findData(None))
    previewed(dialog, qtbot)
    assert dialog.result_label.text() == said

    reads = []
    real_read = import_dialog.read_table
    monkeypatch.setattr(import_dialog, "read_table",
                        lambda *args, **kwargs: reads.append(args) or real_read(*args, **kwargs))
    box.setCurrentIndex(box.findData(None))  # as it was
    dialog._refresh_preview()
    assert reads == []
    run_import(dialog, qtbot)
    assert dialog.result is not None and dialog.result.saved


def test_an_import_onto_several_closed_days_asks_naming_them_all(main_window, qtbot,
                                                                 monkeypatch, app_ctx, tmp_path):
    """One reason covers every closed day of the file: the question names them all."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from test_day_close import _loading_list, _rows_on

    days = [dt.date(2026, 3, 4), dt.date(2026, 3, 5)]
    for day in days:
        day_close.close_day(app_ctx.db, day, UserRecord("zhao", "supervisor"))
    asked = []
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or "late list")
    dialog = open_import(main_window, qtbot, monkeypatch,
                         _loading_list(tmp_path / "late.csv", *_rows_on(days)))
    run_import(dialog, qtbot)
    assert asked == ["It changes closed days: 2026-03-04, 2026-03-05; give a reason for "
                     "changing them. The reason is kept in the audit log."]
    assert dialog.result_label.text().startswith("Imported 2 services")
    assert audit.entries(app_ctx.db, limit=1)[0].after["closed_days"] == ["2026-03-04",
                                                                         "2026-03-05"]


def test_enter_or_a_double_click_on_a_problem_goes_to_its_cell_and_imports_nothing(
        main_window, qtbot, monkeypatch, tmp_path):
    """Enter on the problem list went on to Import: the file was read and checked again,
    and the list rebuilt without the clerk's place in it."""
    bad = edited_sample(tmp_path / "bad.csv", {3: ("2026-03-05", "2026-03-32"),
                                             8: ("木薯粉", "月球岩石")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    reads = []
    monkeypatch.setattr(import_dialog, "read_table", lambda *args: reads.append(args))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    view, problems = dialog.problems_view, dialog.problems_model
    view.setFocus()
    view.setCurrentIndex(problems.index(1, 0))
    said = dialog.result_label.text()

    qtbot.keyClick(view, Qt.Key.Key_Return)

    assert reads == [] and dialog.task is None and dialog.result_label.text() == said
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal).split("\n")[0]
               for c in range(dialog.preview_model.columnCount())]
    assert QApplication.focusWidget() is dialog.preview
    assert (dialog.preview.currentIndex().row(), dialog.preview.currentIndex().column()) == (
        7, headers.index("货名"))
    assert problems.rowCount() == 2 and view.currentIndex().row() == 1

    view.setFocus()
    at = view.visualRect(problems.index(0, 3)).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=at)
    qtbot.mouseDClick(view.viewport(), LEFT, pos=at)

    assert QApplication.focusWidget() is dialog.preview
    assert (dialog.preview.currentIndex().row(), dialog.preview.currentIndex().column()) == (
        2, headers.index("日期"))
    assert reads == [] and dialog.result_label.text() == said


def test_a_problem_past_the_rows_previewed_leaves_no_other_row_picked(
        main_window, qtbot, monkeypatch, tmp_path):
    numbers = [with_check_digit(f"PRVU{n:06d}") for n in range(59)]
    for at in (2, 58):  # lines 4 and 60
        numbers[at] = numbers[at][:-1] + str((int(numbers[at][-1]) + 1) % 10)
    path = tmp_path / "long.csv"
    path.write_text("date,service,direction,container,size_type,full_empty\n" + "".join(
        f"2026-03-06,X8001,outbound,{number},22G1,E\n" for number in numbers),
        encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    view, problems = dialog.problems_view, dialog.problems_model
    assert [problem.line for problem in problems.problems] == [4, 60]

    view.setCurrentIndex(problems.index(0, 0))
    assert [index.row() for index in dialog.preview.selectionModel().selectedRows()] == [2]
    view.setCurrentIndex(problems.index(1, 0))  # line 60: past the 50 rows previewed
    assert dialog.preview.selectionModel().selectedRows() == []


def test_the_actual_time_column_is_read_as_the_hub_s_time_or_mapped_when_beside_another(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    box = with_check_digit("ACTU000001")
    path = tmp_path / "actual.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,实际时间\n"
                    f"2026-03-06,X5508,进口,{box},22G1,空,14:20\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert dialog.preview_model.headerData(6, Qt.Orientation.Horizontal) == \
        "实际时间\n→ actual_at (departure outbound, arrival inbound)"
    assert not dialog.mapping_boxes

    # Beside the far end's departure it is refused until mapped to what it is.
    path.write_text("日期,班列号,方向,箱号,箱型,空重,发车时间,实际时间\n"
                    f"2026-03-06,X5508,进口,{box},22G1,空,2026-03-05 21:40,14:20\n",
                    encoding="utf-8")
    dialog.open_file(path)
    previewed(dialog, qtbot)
    run_import(dialog, qtbot)
    assert [(p.line, p.column) for p in dialog.problems_model.problems] == [(1, "实际时间")]
    mapping = dialog.mapping_boxes[7]
    mapping.setFocus()
    qtbot.keyClicks(mapping, "arrived_at")
    assert mapping.currentData() == "arrived_at"
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith("Imported 1 service, 1 container")
    assert app_ctx.db.execute("SELECT actual_at FROM service WHERE service_no = 'X5508' AND"
                              " date = '2026-03-06'").fetchone()[0] == "2026-03-06 14:20"


def test_a_departure_beside_an_arrival_counts_for_outbound_only_as_preview_and_result_say(
        main_window, qtbot, monkeypatch, tmp_path):
    """An inbound list's 发车时间 (when it left Vientiane) beside its 到达时间 is not kept:
    read as "→ departed_at" like any column read, it went without a word."""
    path = tmp_path / "inbound.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,发车时间,到达时间\n"
                    f"2026-03-06,X5508,进口,{with_check_digit('ARRU000001')},22G1,空,"
                    "2026-03-05 21:40,14:20\n", encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dialog.preview_model.columnCount())]
    assert headers[-2:] == ["发车时间\n→ departed_at (outbound only)",
                            "到达时间\n→ arrived_at (inbound only)"]
    run_import(dialog, qtbot)
    assert dialog.result_label.text().endswith(
        " The far end's time of 1 service left out (发车时间): the hub records only when a "
        "train leaves or reaches the hub.")

    path.write_text("日期,班列号,方向,箱号,箱型,空重,发车时间\n"
                    f"2026-03-06,X8001,出口,{with_check_digit('ARRU000001')},22G1,空,08:30\n",
                    encoding="utf-8")
    dialog.open_file(path)
    previewed(dialog, qtbot)
    assert dialog.preview_model.headerData(6, Qt.Orientation.Horizontal) == \
        "发车时间\n→ departed_at"


def _tabbed_through(dialog, qtbot) -> list:
    """The widgets Tab visits from the file field round to it again."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.file_edit.setFocus()
    visited = [dialog.file_edit]
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is dialog.file_edit:
            return visited
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_visits_the_mapping_boxes_where_they_are_on_screen(main_window, qtbot,
                                                                monkeypatch, tmp_path):
    """Made after the buttons, the boxes came after Close."""
    odd = edited_sample(tmp_path / "odd.csv", {0: ("箱号", "柜子编号")})
    dialog = open_import(main_window, qtbot, monkeypatch, odd)
    before = [dialog.file_edit, dialog.choose_button, dialog.preview,
              *dialog.mapping_boxes.values()]
    assert len(dialog.mapping_boxes) == 1

    assert _tabbed_through(dialog, qtbot) == [*before, dialog.import_button,
                                              dialog.close_button]
    run_import(dialog, qtbot)  # refused: no container column
    assert _tabbed_through(dialog, qtbot) == [
        *before, dialog.problems_view, dialog.save_problems_button, dialog.import_button,
        dialog.close_button]


def test_a_mapping_changed_after_a_refusal_takes_its_problems_and_skip_away(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """The list of the import before stayed under "Preview of the first rows", and Skip,
    ticked, skipped by it at the next Import."""
    assert import_file(app_ctx.db, SAMPLE, TESTER).saved
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    grown = tmp_path / "grown.csv"
    grown.write_text("\n".join([lines[0].replace("铅封号", "封条"), *lines[1:], lines[1].replace(
        "X5508", "X5510").replace("CSLU4025503", with_check_digit("CSLU402551"))]) + "\n",
                     encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, grown)
    run_import(dialog, qtbot)
    assert dialog.problems_view.isVisible() and dialog.skip_duplicates.isVisible()
    dialog.skip_duplicates.setChecked(True)

    box = dialog.mapping_boxes[13]
    box.setFocus()
    qtbot.keyClicks(box, "seal")

    assert dialog.problems_model.rowCount() == 0 and not dialog.problems_view.isVisible()
    assert not dialog.save_problems_button.isVisible()
    assert not dialog.skip_duplicates.isVisible() and not dialog.skip_duplicates.isChecked()
    assert not dialog.skip_note.isVisible()
    assert dialog.result_label.text() == "The mapping changed: Import to check the file again."
    run_import(dialog, qtbot)
    assert dialog.result_label.text().startswith(
        "1 service or container of grown.csv already in the database; nothing was saved")


def test_import_reads_the_file_once_as_mapped(main_window, qtbot, monkeypatch, tmp_path,
                                              app_ctx):
    """Read as previewed, then again with the columns mapped by hand: a sheet without its
    size stored takes seconds each time."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Abfahrt", "Zug", "Richtung", "container", "size_type", "gross_kg"])
    book.active.append([46087, "T9003", "out", "CSLU4025503", "22G1", 18000])
    path = tmp_path / "serial.xlsx"
    book.save(path)
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    for index, name in enumerate(["date", "service", "direction"]):
        dialog.mapping_boxes[index].setCurrentIndex(dialog.mapping_boxes[index].findData(name))
    previewed(dialog, qtbot)
    reads = []
    real_read = import_dialog.read_table
    monkeypatch.setattr(import_dialog, "read_table",
                        lambda *args, **kwargs: reads.append(args) or real_read(*args, **kwargs))

    run_import(dialog, qtbot)

    assert len(reads) == 1 and dialog.result.saved
    assert dialog.preview_model.index(0, 0).data() == "2026-03-06"


GERMAN = ["Datum", "Zug", "Richtung", "Modus", "Strecke", "Von", "Nach", "Behälter", "Typ",
          "Voll/Leer", "Gewicht", "Ware", "Zoll", "Siegel", "Abfahrt", "Bemerkung"]


def test_many_columns_to_map_scroll_in_a_dialog_that_fits_a_small_screen(
        main_window, qtbot, monkeypatch, tmp_path):
    """A box a row for each of 16 columns made the dialog taller than 700 px, and the
    problems of its import grew it past a 768-px screen."""
    path = tmp_path / "german.csv"
    path.write_text(",".join(GERMAN) + "\n" + "".join(
        f"2026-03-05,X7710,out,rail,,CNQCI,LAVTE,{with_check_digit(f'GERU{n:06d}')},22G1,F,"
        "20000,cassava flour,110620,S1,08:00,x\n" for n in range(5)), encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert len(dialog.mapping_boxes) == len(GERMAN)
    dialog.resize(1024, 700)

    run_import(dialog, qtbot)  # refused: no column it knows

    QApplication.processEvents()
    assert dialog.problems_view.isVisible() and dialog.size() == QSize(1024, 700)
    assert dialog.buttons.geometry().bottom() < dialog.height()
    assert _rows_in_view(dialog.preview) >= 3 and _rows_in_view(dialog.problems_view) >= 3
    bar = dialog.mapping_scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    # The wheel over a box not chosen leaves it as it was, to Qt to pass on to the panel
    # (a wheel of the mouse, not one sent, goes on to the parents).
    box = dialog.mapping_boxes[1]
    centre = QPointF(box.rect().center())
    wheel = QWheelEvent(centre, box.mapToGlobal(centre), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(box, wheel)
    assert box.currentData() is None and not wheel.isAccepted()
    # Shift+Tab into the panel from below lands on its last box, scrolled into sight: no key
    # changes a mapping out of view.
    dialog.problems_view.setFocus()
    qtbot.keyClick(dialog.problems_view, Qt.Key.Key_Backtab)
    last = dialog.mapping_boxes[len(GERMAN) - 1]
    assert QApplication.focusWidget() is last
    viewport = dialog.mapping_scroll.viewport()
    top = last.mapTo(viewport, QPoint(0, 0)).y()
    assert bar.value() > 0 and 0 <= top and top + last.height() <= viewport.height()


def test_the_export_s_result_shows_the_whole_of_a_long_path(qtbot, monkeypatch, tmp_path,
                                                            app_ctx):
    """The lines of "rows written to …" past the third were drawn under the buttons, and
    the file's name could not be read."""
    folder = tmp_path / ("装箱清单" * 8) / ("2026年3月" * 6) / ("x" * 60)
    folder.mkdir(parents=True)
    dialog = shown_export_dialog(qtbot, app_ctx)
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(folder / "march.csv"))

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    label = dialog.result_label
    assert label.text().endswith(f"written to {folder / 'march.csv'}")
    dialog.resize(1, 1)  # as small as it goes
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize())
    QApplication.processEvents()
    assert label.height() >= label.heightForWidth(label.width()) >= 4 * label.fontMetrics(
        ).height()
    assert label.geometry().bottom() < dialog.buttons.geometry().top()


def test_what_an_import_left_out_or_rounded_is_said_in_sentences_of_their_own(
        main_window, qtbot, monkeypatch, tmp_path):
    # The command line's notes, pasted: "… holds no container combo.csv: the far end's time
    # … reaches it combo.csv: 1 gross weight …", each naming the file, none ending.
    path = list_with_notes(tmp_path / "combo.csv")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert dialog.result_label.text().endswith(
        " 1 total line left out, as a total holds no container. The far end's time of 1 "
        "service left out (发车时间): the hub records only when a train leaves or reaches the "
        "hub. 1 gross "
        "weight given with a fraction of a kilogram, rounded to whole kilograms (24000.5 to "
        "24001).")


def test_the_actual_time_column_beside_an_arrival_is_advised_to_be_mapped_above(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    # It was advised to be renamed in the file, while the box above it does that here.
    path = tmp_path / "actual.csv"
    path.write_text("日期,班列号,方向,箱号,箱型,空重,到达时间,实际时间\n2026-03-06,X9101,出口,"
                    f"{with_check_digit('ACTU000001')},22G1,空,,2026-03-06 14:20\n",
                    encoding="utf-8")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert [labels.message(problem) for problem in dialog.problems_model.problems] == [
        "This column gives the actual time (an outbound train's departure, an inbound one's "
        "arrival), and column '到达时间' a time of the train too: map this one to 'departed_at' "
        "above, or ignore one of the two"]

    box = dialog.mapping_boxes[7]
    box.setFocus()
    qtbot.keyClicks(box, "departed")
    run_import(dialog, qtbot)

    assert dialog.result_label.text().startswith("Imported 1 service, 1 container")
    assert app_ctx.db.execute("SELECT actual_at FROM service WHERE service_no = 'X9101'"
                              ).fetchone()[0] == "2026-03-06 14:20"


def _held_reading(monkeypatch, after: int):
    """The import's reading of its file held once it has told the bar of `after` rows, until
    released; and whether that reading went to its end."""
    reached, release, read_whole = threading.Event(), threading.Event(), threading.Event()
    real = importing.read_table

    def read(*args, progress=None, **kwargs):
        def told(done: int, total: int) -> None:
            progress(done, total)
            if done >= after and not reached.is_set():
                reached.set()
                release.wait(30)

        table = real(*args, progress=progress and told, **kwargs)
        read_whole.set()
        return table

    monkeypatch.setattr(importing, "read_table", read)
    return reached, release, read_whole


def test_the_bar_moves_while_a_big_workbook_is_read(main_window, qtbot, monkeypatch, tmp_path,
                                                    app_ctx):
    """Reading 50,000 rows of a workbook took most of the import's 5 s, the bar idle."""
    path = big_workbook(tmp_path / "big.xlsx", 3_500)
    reached, release, read_whole = _held_reading(monkeypatch, 2_000)
    dialog = open_import(main_window, qtbot, monkeypatch, path)

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)

    assert not read_whole.is_set()  # the bar moved while the rows were still being read
    assert dialog.progress.value() < dialog.progress.maximum() * 0.8  # reading's part
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.result.saved and dialog.result.totals.containers == 3_500


def test_cancel_while_a_big_workbook_is_read_stops_the_reading(main_window, qtbot, monkeypatch,
                                                               tmp_path, app_ctx):
    """Cancel waited for the whole workbook to be read (3.8 s of 50,000 rows)."""
    path = big_workbook(tmp_path / "big.xlsx", 3_500)
    before = stored(app_ctx.db)
    reached, release, read_whole = _held_reading(monkeypatch, 1_000)
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)

    qtbot.mouseClick(dialog.cancel_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)

    assert not read_whole.is_set()
    assert dialog.result_label.text() == "Import cancelled; nothing was saved."
    assert stored(app_ctx.db) == before
    assert dialog.import_button.isEnabled() and dialog.choose_button.isEnabled()
    run_import(dialog, qtbot)  # and it imports when asked again
    assert dialog.result.saved and dialog.result.totals.containers == 3_500


def _held_preview(monkeypatch, held: Callable[[Path, dict], bool], stops: bool = False):
    """The preview reads for which held(path, mapped by hand) is true wait until released,
    then read to the end, cancelled or not: as a cancel that came too late. stops: a
    workbook's read cancelled stops once released, as a big one's does."""
    reached, release = threading.Event(), threading.Event()
    real = import_dialog.read_table

    def read(path, limit=None, manual=None, **kwargs):
        if held(Path(path), manual or {}):
            reached.set()
            release.wait(30)
            if not stops:
                kwargs.pop("check")
        return real(path, limit, manual, **kwargs)

    monkeypatch.setattr(import_dialog, "read_table", read)
    return reached, release


def test_a_file_chosen_while_another_is_read_is_the_one_previewed(main_window, qtbot,
                                                                   monkeypatch, tmp_path):
    first = edited_sample(tmp_path / "first.csv", {})
    second = edited_sample(tmp_path / "second.csv", {1: ("CSLU4025503", "CSQU3054383")})
    reached, release = _held_preview(monkeypatch, lambda path, _manual: path == first)
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(first))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    superseded = dialog.preview_task
    assert dialog.result_label.text() == "Reading first.csv…"
    assert not dialog.import_button.isEnabled()

    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(second))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    previewed(dialog, qtbot)
    assert dialog.preview_model.index(0, 7).data() == "CSQU3054383"
    with qtbot.waitSignal(superseded.finished):
        release.set()

    assert dialog.file_edit.text() == str(second)
    assert dialog.preview_model.index(0, 7).data() == "CSQU3054383"
    assert dialog.result_label.text().startswith("Preview of the first rows.")
    assert dialog.import_button.isEnabled()


def test_closed_while_a_file_is_read_it_is_read_on_reopening(main_window, qtbot, monkeypatch,
                                                             tmp_path):
    """The main window shows the dialog it closed again: it said "Reading big.xlsx…" for
    good, with Import disabled."""
    path = big_workbook(tmp_path / "big.xlsx", 60)
    reached, release = _held_preview(monkeypatch, lambda _path, _manual: True, stops=True)
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(path))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    cancelled = dialog.preview_task
    qtbot.mouseClick(dialog.close_button, LEFT)
    with qtbot.waitSignal(cancelled.cancelled):
        release.set()

    main_window.import_action.trigger()
    previewed(dialog, qtbot)

    assert dialog.result_label.text().startswith("Preview of the first rows.")
    assert dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == import_dialog.PREVIEW_ROWS


def test_reopened_before_a_read_cancelled_by_closing_stops_the_file_is_read(
        main_window, qtbot, monkeypatch, tmp_path):
    path = big_workbook(tmp_path / "big.xlsx", 60)
    reached, release = _held_preview(monkeypatch, lambda _path, _manual: True, stops=True)
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(path))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    cancelled = dialog.preview_task
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    main_window.import_action.trigger()
    qtbot.waitExposed(dialog)

    with qtbot.waitSignal(cancelled.cancelled):
        release.set()
    previewed(dialog, qtbot)

    assert dialog.result_label.text().startswith("Preview of the first rows.")
    assert dialog.import_button.isEnabled()


def _serial_workbook(path: Path) -> Path:
    """A workbook whose departure column, under a German header, holds the day typed into a
    General cell: Excel's serial number 46087 (2026-03-06)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Abfahrt", "Zug", "Richtung", "container", "size_type", "gross_kg"])
    book.active.append([46087, "T9002", "out", "CSLU4025503", "22G1", 18000])
    book.save(path)
    return path


def test_a_mapping_whose_read_closing_cancelled_is_read_on_reopening(
        main_window, qtbot, monkeypatch, tmp_path):
    """Taken for read as mapped, it showed the serial number under "→ date" until the
    mapping changed again."""
    dialog = open_import(main_window, qtbot, monkeypatch, _serial_workbook(tmp_path / "s.xlsx"))
    reached, release = _held_preview(monkeypatch, lambda _path, manual: manual.get(0) == "date",
                                     stops=True)
    date_box = dialog.mapping_boxes[0]
    date_box.setCurrentIndex(date_box.findData("date"))
    qtbot.waitUntil(reached.is_set)
    cancelled = dialog.preview_task
    qtbot.mouseClick(dialog.close_button, LEFT)
    with qtbot.waitSignal(cancelled.cancelled):
        release.set()

    main_window.import_action.trigger()
    previewed(dialog, qtbot)

    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "Abfahrt\n→ date"
    assert dialog.preview_model.index(0, 0).data() == "2026-03-06"


def test_a_mapping_whose_read_an_import_cancelled_is_read_once_the_import_is_cancelled(
        main_window, qtbot, monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch, _serial_workbook(tmp_path / "s.xlsx"))
    reached, release = _held_preview(monkeypatch, lambda _path, manual: manual.get(0) == "date",
                                     stops=True)
    date_box = dialog.mapping_boxes[0]
    date_box.setCurrentIndex(date_box.findData("date"))
    qtbot.waitUntil(reached.is_set)
    qtbot.mouseClick(dialog.import_button, LEFT)  # its read is held too
    importing_task = dialog.task
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    with qtbot.waitSignal(importing_task.cancelled):
        release.set()
    previewed(dialog, qtbot)

    assert dialog.result_label.text() == "Import cancelled; nothing was saved."
    assert dialog.preview_model.index(0, 0).data() == "2026-03-06"


def test_a_mapping_changed_back_while_the_other_is_read_shows_the_rows_as_read(
        main_window, qtbot, monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch, _serial_workbook(tmp_path / "s.xlsx"))
    reached, release = _held_preview(monkeypatch, lambda _path, manual: manual.get(0) == "date")
    date_box = dialog.mapping_boxes[0]
    date_box.setCurrentIndex(date_box.findData("date"))
    qtbot.waitUntil(reached.is_set)
    superseded = dialog.preview_task

    date_box.setCurrentIndex(date_box.findData(None))
    with qtbot.waitSignal(superseded.finished):
        release.set()

    assert dialog.preview_task is None
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "Abfahrt\n→ —"
    assert dialog.preview_model.index(0, 0).data() == "46087"


def test_a_workbook_with_two_columns_of_one_field_is_read_once_on_opening(
        main_window, qtbot, monkeypatch, tmp_path):
    """The boxes start on the field the headers give, as the first read read them: read
    again as mapped, a big workbook took seconds more to preview."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["日期", "班列号", "方向", "箱号", "箱型", "毛重", "重量"])
    book.active.append(["2026-03-07", "X9002", "出口", "CSLU4025503", "22G1", 18000, 18000])
    path = tmp_path / "two-weights.xlsx"
    book.save(path)
    reads = []
    real = import_dialog.read_table

    def read(path, limit=None, manual=None, **kwargs):
        reads.append(manual)
        return real(path, limit, manual, **kwargs)

    monkeypatch.setattr(import_dialog, "read_table", read)
    dialog = open_import(main_window, qtbot, monkeypatch, path)

    assert [box.currentData() for box in dialog.mapping_boxes.values()] == ["gross_kg"] * 2
    assert reads == [{}]
    assert dialog.result_label.text().startswith("Preview of the first rows.")


def test_a_mapping_changed_while_the_one_before_is_read_is_the_one_previewed(
        main_window, qtbot, monkeypatch, tmp_path):
    dialog = open_import(main_window, qtbot, monkeypatch, _serial_workbook(tmp_path / "s.xlsx"))
    reached, release = _held_preview(monkeypatch, lambda _path, manual: manual.get(0) == "date")
    date_box = dialog.mapping_boxes[0]
    date_box.setCurrentIndex(date_box.findData("date"))  # read as days: 2026-03-06
    qtbot.waitUntil(reached.is_set)
    superseded = dialog.preview_task

    date_box.setCurrentIndex(date_box.findData("scheduled_at"))
    previewed(dialog, qtbot)
    with qtbot.waitSignal(superseded.finished):
        release.set()

    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == \
        "Abfahrt\n→ scheduled_at"
    assert dialog.preview_model.index(0, 0).data() == "46087"  # not read as a date's day


def test_a_choice_for_one_of_two_columns_under_one_header_stays_on_that_column(
        main_window, qtbot, monkeypatch, tmp_path):
    """Two columns under one header the app does not know ("Ref") are two choices: the one
    mapped by hand is not given to the other when the file is previewed again."""
    path = forwarder_list(tmp_path / "refs.csv", ["Container No", "Ref", "Ref"], "X8212")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert [box.currentData() for box in dialog.mapping_boxes.values()] == [None, None]
    map_by_typing(dialog, qtbot, 4, "seal")

    qtbot.mouseClick(dialog.choose_button, LEFT)  # the same file, corrected say
    previewed(dialog, qtbot)

    assert {index: box.currentData() for index, box in dialog.mapping_boxes.items()} == {
        4: "seal", 5: None}


def test_the_problem_list_is_offered_beside_the_file_under_its_name(
        main_window, qtbot, monkeypatch, tmp_path, save_as):
    bad = edited_sample(tmp_path / "week12.csv", {3: ("2026-03-05", "2026-03-32")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    save_as(tmp_path / "problems")

    qtbot.mouseClick(dialog.save_problems_button, LEFT)

    (_title, offered, _filters), = save_as.asked
    assert Path(offered) == tmp_path / "week12-problems.csv"


def test_cancel_greys_out_at_once_and_stays_so_once_the_import_ended(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """Cancel clicked once is "Cancelling…", not a button to press again; and no Cancel is
    offered once an import has ended, cancelled or saved."""
    path = tmp_path / "three-days.csv"
    export_file(app_ctx.db, path, dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    app_ctx.db.execute("DELETE FROM service")
    app_ctx.db.conn.commit()
    reached, release = _held_after(monkeypatch, store_interchange, "insert_batch")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    assert not dialog.cancel_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    assert dialog.cancel_button.isEnabled() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    cancelling_then_let_go(dialog, qtbot, release)
    assert dialog.result_label.text() == "Import cancelled; nothing was saved."
    assert not dialog.cancel_button.isEnabled() and dialog.progress.isHidden()

    run_import(dialog, qtbot)
    assert dialog.result.saved
    assert not dialog.cancel_button.isEnabled() and dialog.progress.isHidden()


def test_the_bar_shows_how_far_the_import_has_gone(main_window, qtbot, monkeypatch, tmp_path,
                                                   app_ctx):
    """The bar stands at the part done of the whole, as the import's worker tells it."""
    path = big_workbook(tmp_path / "big.xlsx", 3_500)
    told = _progress_told(monkeypatch)
    reached, release, _read_whole = _held_reading(monkeypatch, 1_000)
    dialog = open_import(main_window, qtbot, monkeypatch, path)

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    done, total = told[-1]
    assert 0 < done < total
    qtbot.waitUntil(lambda: (dialog.progress.value(), dialog.progress.maximum()) == (done, total))
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.result.saved


def test_an_import_of_several_days_names_the_first_and_last_and_shows_the_first(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    path = tmp_path / "three-days.csv"
    export_file(app_ctx.db, path, dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    app_ctx.db.execute("DELETE FROM service")
    app_ctx.db.conn.commit()
    dialog = open_import(main_window, qtbot, monkeypatch, path)

    run_import(dialog, qtbot)

    days = [formatting.long_date(dt.date(2026, 3, day)) for day in (3, 5)]
    assert f" Days: {days[0]} to {days[1]}." in dialog.result_label.text()
    qtbot.mouseClick(dialog.show_button, LEFT)
    assert main_window.day_screen.day() == dt.date(2026, 3, 3)


def test_a_list_sent_again_with_boxes_added_says_the_boxes_skipped_and_skip_goes(
        main_window, qtbot, monkeypatch, app_ctx, tmp_path):
    """Its train stored, not skipped but added to: the boxes skipped are said alone, and Skip,
    done with, is offered no more."""
    first_ten_stored(app_ctx.db, tmp_path)
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    run_import(dialog, qtbot)
    assert dialog.skip_duplicates.isVisibleTo(dialog)

    import_skipping(dialog, qtbot)

    text = dialog.result_label.text()
    assert text.startswith(TEN_ADDED)
    assert text.endswith(". Skipped 10 containers already stored.")
    assert boxes_on(app_ctx.db, "X5508") == 20
    assert dialog.skip_duplicates.isHidden() and dialog.skip_note.isHidden()


def test_a_list_whose_boxes_are_all_stored_on_another_train_offers_no_skip(
        main_window, qtbot, monkeypatch, app_ctx, tmp_path):
    """Skipping them would save nothing: said so, with no Skip to tick."""
    assert import_file(app_ctx.db, SAMPLE, TESTER).saved
    before = stored(app_ctx.db)
    other = edited_sample(tmp_path / "other.csv", {line: ("X5508", "X5509")
                                                   for line in range(1, 21)})
    dialog = open_import(main_window, qtbot, monkeypatch, other)

    run_import(dialog, qtbot)

    assert dialog.result_label.text() == (
        "20 services or containers of other.csv already in the database, and it holds "
        "nothing else; nothing was saved.")
    assert dialog.problems_model.rowCount() == 20 and dialog.problems_view.isVisibleTo(dialog)
    assert dialog.skip_duplicates.isHidden()
    assert stored(app_ctx.db) == before


def test_a_blank_reason_for_a_closed_day_imports_nothing_and_asks_no_more(
        main_window, qtbot, monkeypatch, app_ctx):
    """OK on an empty reason is no reason: the import is not read and refused again."""
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord

    day_close.close_day(app_ctx.db, dt.date(2026, 3, 5), UserRecord("zhao", "supervisor"))
    asked, answers = [], ["   "]  # a second question would find no answer
    monkeypatch.setattr(dialogs, "ask_text",
                        lambda _parent, _title, label: asked.append(label) or answers.pop(0))
    before = stored(app_ctx.db)
    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)

    run_import(dialog, qtbot)

    assert len(asked) == 1
    assert dialog.result_label.text() == "2026-03-05 is closed: give a reason for changing it"
    assert stored(app_ctx.db) == before and dialog.import_button.isEnabled()


def test_the_export_s_bar_shows_how_far_it_has_gone_and_goes_with_cancel_once_done(
        qtbot, monkeypatch, tmp_path, app_ctx):
    """The bar stands at the rows written of those to write; once the file is written,
    neither it nor a Cancel for an export no longer running is left."""
    told = _progress_told(monkeypatch)
    dialog, reached, release = _held_export(qtbot, monkeypatch, app_ctx)
    target = tmp_path / "march.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    assert not dialog.cancel_button.isEnabled() and dialog.progress.isHidden()

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(reached.is_set)
    done, total = told[-1]
    assert done < total  # the rows counted, none written yet: told once
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 0)  # no longer merely busy
    assert (dialog.progress.value(), dialog.progress.maximum()) == (done, total)
    assert dialog.progress.isVisible() and dialog.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None)

    assert dialog.result_label.text().endswith(f" written to {target}") and target.exists()
    assert dialog.progress.isHidden() and not dialog.cancel_button.isEnabled()


def test_a_name_typed_in_capitals_keeps_its_suffix_and_format(qtbot, save_as, tmp_path,
                                                              app_ctx):
    """MARCH.XLSX typed while CSV was chosen is a workbook of that name, not MARCH.XLSX.csv."""
    dialog = shown_export_dialog(qtbot, app_ctx)
    folder = tmp_path / "exports"
    folder.mkdir()
    save_as(folder / "MARCH.XLSX")

    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    assert [path.name for path in folder.iterdir()] == ["MARCH.XLSX"]
    assert (folder / "MARCH.XLSX").read_bytes().startswith(b"PK")
    assert dialog.format_box.currentData() == ".xlsx"


def test_a_column_headed_by_marks_alone_is_not_read_as_one_mapped_before(
        main_window, qtbot, monkeypatch, tmp_path, app_ctx):
    """"-" or "_" over a column leaves nothing to know it by: the seals under one week's "-"
    do not make next week's "_", whatever it holds, a column of seals."""
    dialog = week_mapped_then_next(main_window, qtbot, monkeypatch, tmp_path,
                                   ["Cntr#", "-"], ["Cntr#", "_"])

    assert [box.currentData() for box in dialog.mapping_boxes.values()] == ["container", None]
    assert dialog.mapped_before_label.text() == \
        "Column “Cntr#” read as container, as you mapped it before."


def _progress_told(monkeypatch) -> list[tuple[int, int]]:
    """Each (done, total) a task's worker tells its bar from now on, in order."""
    from hubapp.ui import tasks

    told = []
    real = tasks.TaskControl.progress

    def progress(control, done: int, total: int) -> None:
        told.append((done, total))
        real(control, done, total)

    monkeypatch.setattr(tasks.TaskControl, "progress", progress)
    return told
