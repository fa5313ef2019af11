"""Files saved for people to read (an import's problem list, the audit log) have their column
headers and messages in the interface language, and so has the audit screen's wording."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hubapp.interchange import write_problems
from hubapp.interchange.parsing import Problem
from hubapp.ui import dialogs
from hubapp.ui.translations import install_translations

from conftest import hub_zone_set, shown_audit

SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "loading-list-2026-03-05.csv"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(params=["en", "zh"])
def language(request, qapp, app_ctx):
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_problem_list_in_the_interface_language(main_window, qtbot, monkeypatch, tmp_path,
                                                language):
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    lines[3] = lines[3].replace("2026-03-05", "2026-03-32")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    target = tmp_path / "problems.csv"
    monkeypatch.setattr(dialogs, "pick_open_file", lambda *args: str(bad))
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())  # once the file is read
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None)

    qtbot.mouseClick(dialog.save_problems_button, LEFT)

    header, problem = read(target)
    assert problem[:3] == ["4", "日期", "2026-03-32"]
    if language == "zh":
        assert header == ["行号", "列", "值", "问题"]
        assert problem[3] == dialog.problems_model.index(0, 3).data()
        assert any("\u4e00" <= char <= "\u9fff" for char in problem[3])
    else:
        assert header == ["line", "column", "value", "problem"]
        assert problem[3].isascii()


def test_audit_export_in_the_interface_language(qtbot, app_ctx, monkeypatch, tmp_path,
                                                language):
    app_ctx.signals.data_changed.emit(hub_zone_set(app_ctx.db, "Asia/Shanghai"), None)
    screen = shown_audit(qtbot, app_ctx)
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))

    qtbot.mouseClick(screen.export_button, LEFT)
    qtbot.waitUntil(screen.export_button.isEnabled)

    header = read(target)[0]
    assert header == (["时间（Asia/Shanghai）", "用户", "操作", "对象", "字段", "修改前", "修改后",
                       "时间（UTC）"] if language == "zh" else
                      ["When (Asia/Shanghai)", "user", "action", "entity", "field", "before",
                       "after", "at_utc"])


def test_problem_list_takes_any_translation(tmp_path):
    words = {"line": "LINE", "column": "COLUMN", "value": "VALUE", "problem": "PROBLEM",
             "Gross weight {value!r} is not a number of kilograms": "weight {value!r}?"}
    problem = Problem(7, "gross_kg", "heavy",
                      "Gross weight {value!r} is not a number of kilograms", {"value": "heavy"})
    target = tmp_path / "problems.csv"

    write_problems(target, [problem], lambda _context, text: words.get(text, text))

    assert read(target) == [["LINE", "COLUMN", "VALUE", "PROBLEM"],
                            ["7", "gross_kg", "heavy", "weight 'heavy'?"]]


def test_audit_screen_names_actions_things_and_fields_in_the_interface_language(
        qtbot, app_ctx, language):
    screen = shown_audit(qtbot, app_ctx)
    # The demo's one entry: single-user mode switched on.
    row = [screen.model.index(0, column).data() for column in (2, 3, 4)]
    assert row == (["修改", "设置 单用户模式", "单用户模式：否 → 是"] if language == "zh"
                   else ["update", "setting single-user mode", "single-user mode: no → yes"])


def test_the_names_hub_desk_writes_for_itself_read_in_the_interface_language(
        qtbot, app_ctx, monkeypatch, tmp_path, language):
    """The command line's and the demo's entries are stored under English names: a person
    reads them in their language, on the screen and in the export, and the user filter
    still picks their entries."""
    from hubapp.store import users

    users.add_user(app_ctx.db, users.SHELL_ADMIN, "wang", users.CLERK, "correct horse 1")
    shown = {"command line": "命令行", "demo": "演示数据"} if language == "zh" else \
        {"command line": "command line", "demo": "demo"}
    screen = shown_audit(qtbot, app_ctx)
    assert [screen.model.index(row, 1).data() for row in range(2)] == [
        shown["command line"], shown["demo"]]
    screen.table.selectRow(0)
    assert f"  {shown['command line']}  " in screen.details.toPlainText().splitlines()[0]
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(dialogs, "pick_save_file", lambda *args: str(target))
    qtbot.mouseClick(screen.export_button, LEFT)
    qtbot.waitUntil(screen.export_button.isEnabled)
    assert sorted(row[1] for row in read(target)[1:]) == [shown["command line"], shown["demo"]]

    for stored in ("command line", "demo"):  # after All users, by the names stored
        with qtbot.waitSignal(screen.listed):
            qtbot.keyClick(screen.user, Qt.Key.Key_Down)
        assert screen.user.currentText() == shown[stored]
        assert [entry.user_name for entry in screen.model.records()] == [stored]
