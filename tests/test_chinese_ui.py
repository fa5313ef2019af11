"""With Chinese chosen, the window, its screens and Qt's own buttons speak Chinese."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hubapp.ui.main_window import MainWindow


def test_main_window_and_screens_in_chinese(qtbot, chinese, app_ctx):
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "编辑(&E)"]
    tabs = [window.screens.tabText(i) for i in range(window.screens.count())]
    assert tabs[:2] == ["每日台账", "看板"]
    assert window.windowTitle().startswith("枢纽工作台")
    # What some platforms append to a title without it, and dialogs show.
    assert QApplication.applicationDisplayName() == "枢纽工作台"
    screen = window.day_screen
    assert screen.day_bar.today_button.text() == "今天"
    header = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["时间", "班次", "方向"]
    # Shown, laid out at its size: unshown, the title had no room for more than the weekday.
    window.show()
    qtbot.waitExposed(window)
    assert "年" in screen.day_bar.title.text() and "月" in screen.day_bar.title.text()


def test_qt_standard_buttons_in_chinese(qtbot, chinese):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_errors_are_shown_in_chinese(qtbot, chinese):
    from hubapp.domain import iso6346
    from hubapp.ui import labels

    with pytest.raises(iso6346.ContainerNumberError) as caught:
        iso6346.validate("CSQU3054384")
    assert labels.message(caught.value) == "CSQU3054384 的校验位是 4，应为 3"


def test_audit_changes_read_as_chinese_writes_them(qtbot, chinese, app_ctx):
    from hubapp.store import day_close
    from hubapp.store.users import UserRecord
    from conftest import DEMO_END, shown_audit

    day_close.close_day(app_ctx.db, DEMO_END, UserRecord("zhao", "supervisor"))
    screen = shown_audit(qtbot, app_ctx)
    screen.table.selectRow(0)
    details = screen.details.toPlainText()
    assert f"日期：— → {DEMO_END.isoformat()}" in details and ": —" not in details


def test_full_and_empty_read_as_the_totals_write_them(qtbot, chinese, main_window,
                                                      demo_db_path):
    from hubapp.domain.records import EMPTY, FULL
    from hubapp.ui.browse_screen import MovesBrowseModel, BrowseScreen
    from hubapp.ui.daily_log.grid_model import FIELDS

    from conftest import DEMO_END
    from test_daily_log import CTRL, numbers, press, rows_of

    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    column = FIELDS.index("full_empty")
    grid = screen.grid
    shown = {grid.index(row, column).data() for row in range(len(grid.text_rows()))}
    assert shown <= {"重", "空"} and "重" in shown
    assert "重" in screen.service_totals.text()

    # F and E typed as ever, and 空 as a Chinese input method commits it; each reads in
    # Chinese, is edited from what it reads, and is saved as F or E.
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    press(qtbot, "Z1", Qt.Key.Key_Tab, "I")
    view = screen.grid_view
    for row, (number, typed) in enumerate(zip(numbers(3), ("F", "e", "空"))):
        view.setFocus()
        view.setCurrentIndex(grid.index(row, 0))
        press(qtbot, number, Qt.Key.Key_Tab, "22G1", Qt.Key.Key_Tab, typed, Qt.Key.Key_Tab,
              "24000" if typed == "F" else "2200", Qt.Key.Key_Return)
    cells = [grid.index(row, column) for row in range(3)]
    assert [c.data() for c in cells] == ["重", "空", "空"]
    view.setCurrentIndex(cells[1])
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget().text() == "空"
    press(qtbot, Qt.Key.Key_Return)
    assert not grid.problems() and screen.save()
    assert [row[3] for row in rows_of(demo_db_path, "Z1", screen.day())] == [FULL, EMPTY,
                                                                              EMPTY]

    # The find panel and All movements say it the same way.
    press(qtbot, (Qt.Key.Key_F, CTRL), numbers(3)[1], Qt.Key.Key_Return)
    panel = screen.find_panel
    assert panel.model.index(0, 4).data() == "22G1 空"
    browse = main_window.show_screen(BrowseScreen)
    qtbot.waitUntil(lambda: browse.model.rowCount() > 0, timeout=30_000)
    model = browse.model
    assert {model.index(row, MovesBrowseModel.FULL_EMPTY).data()
            for row in range(model.rowCount())} <= {"重", "空"}


def test_a_missing_actual_time_is_said_in_chinese(qtbot, chinese, main_window):
    from conftest import DEMO_END
    from hubapp.domain.records import Status
    from hubapp.ui import labels

    screen = main_window.day_screen
    screen.new_service()
    form = screen.form
    form.service_no.setText("X9")
    for status, word in ((Status.DEPARTED, "发运"), (Status.ARRIVED, "到达")):
        form.status.setCurrentIndex(form.status.findData(status))
        _, errors = form.read(DEMO_END)
        said = [labels.message(error) for error in errors if error.field == "actual_at"]
        assert len(said) == 1 and word in said[0] and status.value not in said[0], said


def test_sentences_of_a_message_follow_one_another_without_a_space(qtbot, chinese, main_window,
                                                                   monkeypatch):
    # "已粘贴 1 行。 以下列…": an ASCII space after a full stop that has its own room.
    from PySide6.QtGui import QGuiApplication

    from conftest import DEMO_END
    from test_daily_log import CTRL, numbers, press
    from test_import_dialog import SAMPLE, open_import, run_import

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    press(qtbot, "X9002")
    QGuiApplication.clipboard().setText(f"{numbers(1)[0]}\t22G1\t空\t\t\tS1\t多余\r\n")
    screen.grid_view.setFocus()
    screen.grid_view.setCurrentIndex(screen.grid.index(0, 0))
    press(qtbot, (Qt.Key.Key_V, CTRL))
    assert screen.paste_message.text().startswith("已粘贴 1 行。以下列不属于箱表")
    screen.revert()

    dialog = open_import(main_window, qtbot, monkeypatch, SAMPLE)
    run_import(dialog, qtbot)
    assert "标箱。日期：" in dialog.result_label.text()


@pytest.mark.parametrize("field, typed, expected", [
    ("status", "ca", "cancelled"), ("status", "pla", "planned"), ("status", "arrived", "arrived"),
    ("mode", "river", "river"), ("direction", "inbo", "inbound")])
def test_a_word_typed_fast_in_english_picks_its_item_not_its_last_letters(
        qtbot, main_window, field, typed, expected):
    """Qt gathers the letters typed fast into one search; the initials kept for Chinese
    labels took the last letter alone ("ca": Arrived)."""
    from conftest import DEMO_END
    from test_daily_log import press

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    combo = getattr(screen.form, field)
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    press(qtbot, typed)
    assert combo.currentData() == expected


def test_english_initials_and_chinese_pick_direction_mode_and_status(qtbot, chinese,
                                                                     main_window):
    from conftest import DEMO_END
    from hubapp.domain.records import Direction, Mode, Status
    from test_daily_log import press

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    form = screen.form
    # 去程/回程 take no letter of their own: I, as in English, is Inbound.
    press(qtbot, "Z2", Qt.Key.Key_Tab, "I")
    assert (form.direction.currentData(), form.direction.currentText()) == (Direction.INBOUND,
                                                                            "回程")
    form.mode.setFocus()  # the route comes between them, as a service is typed
    press(qtbot, "R")  # on from Rail, as the English list goes round its R's
    assert form.mode.currentData() == Mode.ROAD
    press(qtbot, "R", "R")
    assert form.mode.currentData() == Mode.RAIL_SEA
    form.status.setFocus()
    press(qtbot, "d")
    assert form.status.currentData() == Status.DEPARTED
    press(qtbot, "A")
    assert form.status.currentData() == Status.ARRIVED
    form.direction.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # not read as "I出", one search
    press(qtbot, "去")  # the first character of a label, as an input method commits it
    assert form.direction.currentData() == Direction.OUTBOUND
    press(qtbot, "I")
    form.mode.setFocus()
    press(qtbot, "X")  # no value starts with X: the mode stays
    assert form.mode.currentData() == Mode.RAIL_SEA
    form.actual.setText("10:00")  # the time it arrived
    service, errors = form.read(DEMO_END)
    assert not errors and (service.direction, service.mode, service.status) == (
        Direction.INBOUND, Mode.RAIL_SEA, Status.ARRIVED)


def test_a_day_the_command_line_closed_names_it_in_chinese(qtbot, chinese, main_window,
                                                           app_ctx, monkeypatch,
                                                           desk_in_auckland):
    """The day's "Closed by" line and the question about edits it can no longer save name
    whoever closed it as the Audit log does: 命令行, not "command line"; and when, its zone
    spaced as the Latin around it, where "（Europe/London） 关账" left a gap after the "）"."""
    from conftest import DEMO_END, hub_zone_set
    from hubapp.store import day_close, users
    from hubapp.ui import dialogs

    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Europe/London"), None)
    app_ctx.user, app_ctx.role = "zhao.min", "clerk"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    screen.table.selectRow(0)
    screen.grid.set_cells([(0, "seal", "NEWSEAL")], "Edit cell")
    app_ctx.signals.data_changed.emit(
        day_close.close_day(app_ctx.db, DEMO_END, users.SHELL_ADMIN), None)
    assert re.match(r"已由 命令行 于 \d{4}-\d\d-\d\d \d\d:\d\d \(Europe/London\) 关账",
                    screen.day_bar.closed_label.text())
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard_or_stay",
                        lambda parent, title, text: asked.append(text) or False)
    screen.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "command line" not in asked[0]
    assert re.search(r"命令行 已于 \d{4}-\d\d-\d\d \d\d:\d\d \(Europe/London\) 关账，", asked[0])


def test_a_clerks_closed_line_breaks_at_its_separator_in_chinese(qtbot, chinese, main_window,
                                                              app_ctx, desk_in_auckland):
    """At 1024 px the line broke inside 只读: "… 关账 · 只", then "读：主管可重新开账"."""
    from test_daily_log import a_clerk_on_a_day_closed_on_the_hubs_clock_in_london, lines_of_parts

    screen = a_clerk_on_a_day_closed_on_the_hubs_clock_in_london(main_window, app_ctx)
    main_window.resize(853, 768)  # under the title it has the room at 1024 px now
    QApplication.processEvents()  # the layout's new widths
    assert lines_of_parts(screen.day_bar.closed_label)[1:] == ["只读：主管可重新开账"]


def test_the_close_days_question_lists_the_planned_services_as_chinese_does(
        qtbot, chinese, main_window, app_ctx, monkeypatch):
    # "（X8002 12:30, X8003 14:45, …）": an English comma between Chinese words; then
    # "（…、VX10 10:00、…）" and "除非主管重新开账该日".
    from conftest import DEMO_END, TESTER
    from hubapp.domain.records import Direction, ServiceRecord, Status
    from hubapp.store import services
    from hubapp.ui import dialogs

    for hour in range(6, 12):  # the demo's own are planned after its noon
        services.save_service(app_ctx.db, ServiceRecord(
            f"VX{hour}", DEMO_END, Direction.INBOUND, status=Status.PLANNED,
            scheduled_at=dt.datetime.combine(DEMO_END, dt.time(hour))), [], TESTER)
    app_ctx.user, app_ctx.role = "wang.li", "supervisor"
    screen = main_window.day_screen
    screen.set_day(DEMO_END)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text))
    qtbot.mouseClick(screen.day_bar.close_day_button, Qt.MouseButton.LeftButton)
    planned = "（" + "、".join(f"VX{hour} {hour:02}:00" for hour in range(6, 11)) + " 等）"
    assert len(asked) == 1 and planned in asked[0], asked
    assert "除非主管将该日重新开账。" in asked[0]


def test_the_container_numbers_a_search_could_mean_are_listed_as_chinese_does(
        qtbot, chinese, main_window, app_ctx):
    from test_daily_log import CTRL, press

    numbers = [number for (number,) in app_ctx.db.execute(
        "SELECT DISTINCT container FROM container_move ORDER BY container")]
    press(qtbot, (Qt.Key.Key_F, CTRL), numbers[0][:4], Qt.Key.Key_Return)
    assert f"（{'、'.join(numbers[:5])} 等）" in main_window.day_screen.find_panel.title.text()


def test_a_workbook_s_other_sheets_are_listed_as_chinese_does(qtbot, chinese, main_window,
                                                              monkeypatch, tmp_path):
    # "“X5510”, “X5511”": an English comma between Chinese words.
    from conftest import workbook_of_lists
    from test_import_dialog import SAMPLE, open_import

    rows = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    workbook_of_lists(tmp_path / "sheets.xlsx", rows)

    dialog = open_import(main_window, qtbot, monkeypatch, tmp_path / "sheets.xlsx")

    assert dialog.result_label.text().endswith(
        "未读取（每次导入只读取一个工作表）：“X5510”、“X5511”。请在上方“工作表”中逐个选择并导入；"
        "同一班列分在几个工作表上的，请先把它的各行复制到同一个工作表，因为一个班列须整列导入。"
        "其他工作表未读取：“汇总”、“透视”。")


def test_what_an_import_left_out_or_rounded_is_said_in_chinese_sentences(
        qtbot, chinese, main_window, monkeypatch, tmp_path):
    from conftest import list_with_notes
    from test_import_dialog import open_import, run_import

    path = list_with_notes(tmp_path / "combo.csv")
    dialog = open_import(main_window, qtbot, monkeypatch, path)
    run_import(dialog, qtbot)
    assert dialog.result_label.text().endswith(
        "。已略过 1 个合计行（合计行不含集装箱）。1 个班次的对方站时间未保存（发车时间）："
        "本枢纽只记录班次离开或到达本站的时间。1 个毛重带有小数，已四舍五入为整千克（24000.5 "
        "记为 24001）。")


def test_a_role_changed_at_another_desk_is_named_in_chinese(qtbot, chinese, main_window,
                                                            app_ctx):
    from PySide6.QtWidgets import QLabel

    from hubapp.domain.records import ChangeRecord
    from hubapp.store import users

    admin = users.add_user(app_ctx.db, users.SHELL_ADMIN, "boss", users.ADMIN, "boss-password-1")
    clerk = users.add_user(app_ctx.db, admin, "li.na", users.CLERK, "li-na-password-1")
    app_ctx.user, app_ctx.role, app_ctx.user_id = clerk.name, clerk.role, clerk.id
    users.set_role(app_ctx.db, admin, "li.na", users.SUPERVISOR)  # at another desk
    app_ctx.signals.data_changed.emit(ChangeRecord("users"), None)
    assert main_window.findChild(QLabel, "role_note").text() == (
        "管理员已将您的角色改为主管：在每日台账中已可按主管权限操作，窗口其余部分需重新登录（文件 ▸ "
        "切换用户…）后才会更新")


def test_a_service_number_the_day_has_is_said_with_its_direction_in_chinese(qtbot, chinese,
                                                                           main_window):
    """The stored "outbound" went into the Chinese sentence as it is stored."""
    from conftest import DEMO_END
    from test_daily_log import CTRL, press

    screen = main_window.day_screen
    screen.set_day(DEMO_END)  # its X8001 went out
    press(qtbot, (Qt.Key.Key_N, CTRL), "x8001")
    said = screen.form.message.text()
    assert "X8001" in said and "去程" in said and "outbound" not in said


def test_the_undo_item_names_its_step_before_its_access_key(qtbot, chinese, main_window):
    """Qt's own Undo item put the step after the whole word: "撤销(U) 粘贴 3 行"."""
    from conftest import DEMO_END
    from test_daily_log import numbers, paste
    from test_grid_undo import _boxes_text

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    assert main_window.edits.undo_action.text() == "撤销(&U)"
    paste(qtbot, screen, _boxes_text(numbers(3, start=1200)))
    assert main_window.edits.undo_action.text() == "撤销粘贴 3 行(&U)"
    main_window.edits.undo_action.trigger()
    assert main_window.edits.redo_action.text() == "重做粘贴 3 行(&R)"


def _laid_out(text: str, width: int) -> list[str]:
    """The lines Qt breaks text into at width (its joiners and no-break spaces as read)."""
    layout = QTextLayout(text, QApplication.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return [line.replace("\u2060", "").replace("\u200b", "").replace("\u00a0", " ")
            for line in lines]


def test_a_narrow_label_breaks_chinese_only_where_it_is_told(qtbot, chinese):
    """The daily log's totals ended a line in "2 行有问" and began the next with 题; the
    Dashboard's period broke as "2026年11月7日–12月" and "6日"."""
    from hubapp.ui import formatting

    metrics = QFontMetrics(QApplication.font())
    period = formatting.unbroken("2026年11月7日–12月6日", hanzi=True, but_after="–")
    assert _laid_out(period, metrics.horizontalAdvance("2026年11月7日–12月")) == [
        "2026年11月7日–", "12月6日"]
    problems = formatting.unbroken("2 行有问题", hanzi=True)
    assert _laid_out(problems, metrics.horizontalAdvance("2 行有问")) == ["2 行有问题"]
    assert formatting.unbroken("611.3 t", hanzi=True) == "611.3\u00a0t"  # no joiners in English


def test_an_english_initial_in_a_chinese_list_goes_round_from_its_last_item(
        qtbot, chinese, main_window):
    # From 已取消 (cancelled, the last), P stopped there: the search went no further down.
    from conftest import DEMO_END
    from hubapp.domain.records import Status
    from test_daily_log import press

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.new_service()
    status = screen.form.status
    status.setFocus()
    press(qtbot, "C")
    assert status.currentData() == Status.CANCELLED
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # not read as "CP", one search
    press(qtbot, "P")
    assert status.currentData() == Status.PLANNED


def test_the_save_dialogs_offer_a_file_name_in_chinese(qtbot, chinese, main_window, app_ctx,
                                                       monkeypatch, tmp_path):
    """The saved report's name was Chinese; the exports' and the problem list's were
    "movements.csv", "audit-log.csv", "containers-…" and "…-problems.csv"."""
    from pathlib import Path

    from hubapp.ui import dialogs
    from hubapp.ui.audit_screen import AuditScreen
    from hubapp.ui.browse_screen import BrowseScreen
    from hubapp.ui.export_dialog import ExportDialog

    from conftest import DEMO_END
    from test_import_dialog import edited_sample, open_import, run_import

    offered = []
    monkeypatch.setattr(dialogs, "pick_save_file",
                        lambda _parent, _title, folder, _filters: offered.append(
                            Path(folder).name) or "")
    browse = main_window.show_screen(BrowseScreen)
    qtbot.waitUntil(lambda: browse.model.rowCount() > 0)
    browse.export_button.click()
    main_window.show_screen(AuditScreen).export_button.click()
    export = ExportDialog(app_ctx, main_window)
    qtbot.addWidget(export)
    export.open_on(DEMO_END)
    export.export_button.click()
    bad = edited_sample(tmp_path / "清单.csv", {1: ("22G1", "99Z9")})
    dialog = open_import(main_window, qtbot, monkeypatch, bad)
    run_import(dialog, qtbot)
    dialog.save_problems_button.click()
    assert offered == ["箱动态.csv", "审计日志.csv",
                       f"集装箱-{DEMO_END.isoformat()}-{DEMO_END.isoformat()}.csv",
                       "清单-问题.csv"]


def test_copy_from_names_each_route_as_the_route_box_does(qtbot, chinese, main_window):
    """By its code alone, "YANGTZE" and "ILSTC-QZ" were the English on the menu."""
    import datetime as dt

    from conftest import DEMO_END

    screen = main_window.day_screen
    screen.set_day(DEMO_END + dt.timedelta(days=1))
    screen.copy_menu.aboutToShow.emit()
    offered = [action.text() for action in screen.copy_menu.actions()]
    assert "07:45  YZ01  去程  YANGTZE · 长江水运（重庆—上海）" in offered
    assert "05:30  X5506  回程  CN-LA · 中老铁路" in offered
