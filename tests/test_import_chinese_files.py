"""Files a Chinese clerk imports as partners and Notepad write them: Big5 text, a weight column
missing or in tonnes, a wrong date and time on one row, full-width commas, boxes already on
another train; by the command line (a subprocess) and by File ▸ Import…, in both languages."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from hubapp.domain.iso6346 import with_check_digit
from hubapp.ui.translations import install_translations

from test_cli_language import hubapp
from test_import_dialog import open_import, run_import

ENGLISH, CHINESE = "en_GB.UTF-8", "zh_CN.UTF-8"
BOX, OTHER_BOX = with_check_digit("ZHNU100001"), with_check_digit("ZHNU100002")
DAY = "2026-03-04"


def written(path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path.write_bytes("".join(line + "\n" for line in lines).encode(encoding))
    return path


@pytest.fixture(params=["en", "zh"])
def language(request, qapp):
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def big5_list(folder: Path) -> Path:
    """A Taiwan partner's list: Big5 bytes, which GB18030 decodes into Private Use Area
    characters around wrong hanzi, saved as such."""
    return written(folder / "big5.csv",
                   "date,service,direction,container,size_type,full_empty,gross_kg,notes,shipper",
                   f"{DAY},Z9301,out,{BOX},40HQ,F,24500,冷藏加急,重慶長安汽車", encoding="big5")


def stored_text(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT s.notes, m.shipper FROM service s JOIN container_move m"
                            " ON m.service_id = s.id WHERE s.service_no = 'Z9301'").fetchall()


@pytest.mark.parametrize("lang, said", [
    (ENGLISH, "big5.csv: imported 1 service, 1 container, 2 TEU; read as Big5 text"),
    (CHINESE, "big5.csv：已导入 1 个班次，1 箱，2 标箱；按 Big5 编码读取")])
def test_a_big5_list_is_read_as_big5_and_named_so(demo_db_path, tmp_path, lang, said):
    result = hubapp(lang, "import", big5_list(tmp_path), "--db", demo_db_path)

    assert (result.returncode, result.stdout.strip()) == (0, said), result.stderr
    assert stored_text(demo_db_path) == [("冷藏加急", "重慶長安汽車")]


@pytest.mark.parametrize("lang, said", [
    (ENGLISH, "big5.csv: columns left out, as no field goes by their header: 序號, 貨櫃場"),
    (CHINESE, "big5.csv：以下列未导入（没有与其表头对应的字段）：序號、貨櫃場")])
def test_a_big5_header_s_columns_left_out_are_named_readably(demo_db_path, tmp_path, lang,
                                                              said):
    # The others, in Traditional characters too, are read (班列號, 箱號).
    path = written(tmp_path / "big5.csv", "序號,日期,班列號,方向,箱號,箱型,重空,毛重,貨櫃場",
                   f"1,{DAY},Z9201,出口,{BOX},40HQ,重,24500,A區", encoding="big5")

    result = hubapp(lang, "import", path, "--db", demo_db_path, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == said  # it was "ら戳、痁腹、よ、絚腹…"


@pytest.mark.parametrize("lang, said", [
    (ENGLISH, "odd.csv, line 3, character 2 (in “x\ufffdy”): a character that is neither "
              "GB18030/GBK nor Big5 text (text from a file in another encoding?); correct that "
              "text, save the file as CSV (UTF-8) and import it again"),
    (CHINESE, "odd.csv 第 3 行第 2 个字符（在“x\ufffdy”中）：该字符既不是 GB18030/GBK 文本，"
              "也不是 Big5 文本（是否从其他编码的文件复制了文字？）；请更正该文字，将文件另存为 "
              "CSV (UTF-8) 后重新导入")])
def test_a_character_neither_gb18030_nor_big5_refuses_the_file_naming_its_cell(
        demo_db_path, tmp_path, lang, said):
    path = written(tmp_path / "odd.csv", "date,service,direction,container,size_type,notes",
                   f"{DAY},Z9301,out,{BOX},40HQ,冷藏", encoding="gbk")
    # A font's own character in GBK's user-defined area, which Big5 does not have either.
    path.write_bytes(path.read_bytes() + b"x\xa1\x80y\n")

    result = hubapp(lang, "import", path, "--db", demo_db_path)

    assert result.returncode == 1 and result.stderr.strip().endswith(said)
    assert stored_text(demo_db_path) == []


def test_the_import_window_reads_big5_and_names_it(main_window, qtbot, monkeypatch, tmp_path,
                                                   language):
    dialog = open_import(main_window, qtbot, monkeypatch, big5_list(tmp_path))
    notes = dialog.preview_model.index(0, 7).data()
    run_import(dialog, qtbot)
    assert notes == "冷藏加急"
    assert dialog.result_label.text().endswith(
        {"en": "Read as Big5 text.", "zh": "按 Big5 编码读取。"}[language])


def full_width(folder: Path, mark: str) -> Path:
    return written(folder / "fw.csv", mark.join(["日期", "班列号", "方向", "箱号", "箱型", "重空",
                                                 "毛重"]),
                   mark.join([DAY, "Z9201", "出口", BOX, "40HQ", "重", "24500"]))


FULL_WIDTH = {
    ENGLISH: "fw.csv, line 1: the header's columns are separated by a full-width “{mark}” "
             "(“日期{mark}班列号{mark}方向{mark}箱号{mark}箱型{mark}重空{mark}毛重”), which CSV "
             "does not split at: type a comma (,) in its place, or save the list from Excel "
             "or WPS as CSV",
    CHINESE: "fw.csv，第 1 行：表头各列之间用的是全角“{mark}”"
             "（“日期{mark}班列号{mark}方向{mark}箱号{mark}箱型{mark}重空{mark}毛重”），"
             "CSV 不按它分列：请改为半角逗号（,），或在 Excel 或 WPS 中另存为 CSV"}


@pytest.mark.parametrize("lang", [ENGLISH, CHINESE])
@pytest.mark.parametrize("mark", ["，", "；"])
def test_a_header_typed_with_full_width_commas_is_refused_saying_so(demo_db_path, tmp_path,
                                                                    lang, mark):
    # It was five "Required column … is missing", the whole header one column left out.
    result = hubapp(lang, "import", full_width(tmp_path, mark), "--db", demo_db_path)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        {ENGLISH: "hubapp: error: ", CHINESE: "hubapp：错误："}[lang]
        + FULL_WIDTH[lang].format(mark=mark)]


def test_the_import_window_says_a_header_is_split_by_full_width_commas(
        main_window, qtbot, monkeypatch, tmp_path, language):
    dialog = open_import(main_window, qtbot, monkeypatch, full_width(tmp_path, "，"))

    assert dialog.result_label.text() == {"en": FULL_WIDTH[ENGLISH], "zh": FULL_WIDTH[CHINESE]
                                          }[language].format(mark="，")
    assert not dialog.import_button.isEnabled()


def without_weights(folder: Path, weights: str = "") -> Path:
    """Two full boxes and an empty one, with no weight column, or one in tonnes."""
    tonnes = [",毛重(吨)", ",24.5", ",24.5", ","] if weights else [""] * 4
    return written(folder / "weights.csv", "日期,班列号,方向,箱号,箱型,重空" + tonnes[0],
                   f"{DAY},Z9201,出口,{BOX},40HQ,重" + tonnes[1],
                   f"{DAY},Z9201,出口,{OTHER_BOX},40HQ,重" + tonnes[2],
                   f"{DAY},Z9201,出口,{with_check_digit('ZHNU100003')},20GP,空" + tonnes[3])


MISSING = {ENGLISH: "  line 1, gross_kg: Column gross_kg is missing (header gross_kg or 毛重（千克）), "
                    "which full containers need",
           CHINESE: "  第 1 行，毛重（千克）：缺少列 毛重（千克）（表头为 gross_kg 或 毛重（千克）），"
                    "重箱必须填写毛重"}
IN_TONNES = {ENGLISH: "; column '毛重(吨)' was left out: give its weights in kilograms under "
                      "one of those headers",
             CHINESE: "；列“毛重(吨)”未导入：请将其中的重量换算为千克，填在上述表头下"}


@pytest.mark.parametrize("lang", [ENGLISH, CHINESE])
@pytest.mark.parametrize("tonnes", [False, True])
def test_a_missing_weight_column_is_said_once_by_the_app_s_name(demo_db_path, tmp_path, lang,
                                                                 tonnes):
    """It was "line 2, gross_kg: Gross weight is required…" for every full box, in Chinese
    too, not saying the file lacked the column or that 毛重(吨) was not read."""
    problems = tmp_path / "problems.csv"

    result = hubapp(lang, "import", without_weights(tmp_path, "吨" if tonnes else ""),
                    "--db", demo_db_path, "--problems", problems)

    assert result.returncode == 1
    said = MISSING[lang] + (IN_TONNES[lang] if tonnes else "")
    assert [line for line in result.stderr.splitlines() if line.startswith("  ")] == [said]
    with problems.open(encoding="utf-8-sig") as file:
        assert [row[:2] for row in csv.reader(file)][1:] == [
            ["1", {ENGLISH: "gross_kg", CHINESE: "毛重（千克）"}[lang]]]


@pytest.mark.parametrize("lang, said", [
    (ENGLISH, ["  line 2, 日期 '12月4日': Expected a date like 2026-03-05 or 2026/3/5",
               "  line 2, 发车时间 '上午9点30': Expected a time like 08:30 or 2026-03-06 00:15"]),
    (CHINESE, ["  第 2 行，日期“12月4日”：应为日期，如 2026-03-05 或 2026/3/5",
               "  第 2 行，发车时间“上午9点30”：应为时间，如 08:30 或 2026-03-06 00:15"])])
def test_a_row_s_wrong_time_is_listed_beside_its_wrong_date(demo_db_path, tmp_path, lang, said):
    # The time was checked only once the date was put right: a second round trip.
    path = written(tmp_path / "datetime.csv", "日期,班列号,方向,箱号,箱型,重空,毛重,发车时间",
                   f"12月4日,Z9501,出口,{BOX},40HQ,重,24500,上午9点30")

    result = hubapp(lang, "import", path, "--db", demo_db_path, "--dry-run")

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("  ")] == said


@pytest.mark.parametrize("lang, said", [
    (ENGLISH, "  line 2, 日期 '2026年2月30日': There is no 2026年2月30日: its month has 28 days"),
    (CHINESE, "  第 2 行，日期“2026年2月30日”：没有 2026年2月30日 这一天：该月只有 28 天")])
def test_a_date_its_month_does_not_have_is_said_so(demo_db_path, tmp_path, lang, said):
    # "Expected a date like 2026-03-05" beside a date so written left the clerk to find the
    # 30th of February alone.
    path = written(tmp_path / "february.csv", "日期,班列号,方向,箱号,箱型,重空,毛重",
                   f"2026年2月30日,Z9501,出口,{BOX},40HQ,重,24500")

    result = hubapp(lang, "import", path, "--db", demo_db_path, "--dry-run")

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("  ")] == [said]


def test_the_import_window_names_a_missing_weight_column_once_in_its_language(
        main_window, qtbot, monkeypatch, tmp_path, language):
    dialog = open_import(main_window, qtbot, monkeypatch, without_weights(tmp_path, "吨"))
    run_import(dialog, qtbot)
    model = dialog.problems_model
    assert [[model.index(row, column).data() for column in range(2)]
            for row in range(model.rowCount())] == [
        ["1", {"en": "gross_kg", "zh": "毛重（千克）"}[language]]]


def on_trains(folder: Path, *trains: str) -> Path:
    """The two boxes on each train of DAY named, a file of its own per call."""
    path = folder / f"{'-'.join(trains)}.csv"
    return written(path, "日期,班列号,方向,箱号,箱型,重空,毛重",
                   *(f"{DAY},{train},出口,{box},40HQ,重,24500"
                     for train in trains for box in (BOX, OTHER_BOX)))


ON_ANOTHER_TRAIN = {
    ENGLISH: "hubapp: error: Z9601.csv: 2 services or containers already stored, and it holds "
             "nothing else; nothing was saved",
    CHINESE: "hubapp：错误：Z9601.csv：2 个班次或集装箱已在数据库中，文件中没有其他数据；"
             "未保存任何数据"}


@pytest.mark.parametrize("lang", [ENGLISH, CHINESE])
def test_boxes_stored_on_another_train_are_not_said_to_be_everything_stored(
        demo_db_path, tmp_path, lang):
    """Z9601 is stored nowhere: "everything in it is already stored" said it was."""
    assert hubapp(lang, "import", on_trains(tmp_path, "Z9401"), "--db",
                  demo_db_path).returncode == 0

    result = hubapp(lang, "import", on_trains(tmp_path, "Z9601"), "--db", demo_db_path)

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == ON_ANOTHER_TRAIN[lang]
    assert "Z9401" in lines[1] and len(lines) == 3
    # Not advice to skip them: that imports nothing.
    assert "--skip-duplicates" not in result.stderr


def test_the_import_window_says_boxes_are_on_another_train_without_offering_to_skip(
        main_window, qtbot, monkeypatch, tmp_path, language):
    dialog = open_import(main_window, qtbot, monkeypatch, on_trains(tmp_path, "Z9401"))
    run_import(dialog, qtbot)
    dialog = open_import(main_window, qtbot, monkeypatch, on_trains(tmp_path, "Z9601"))

    run_import(dialog, qtbot)

    assert dialog.result_label.text() == {
        "en": "2 services or containers of Z9601.csv already in the database, and it holds "
              "nothing else; nothing was saved.",
        "zh": "Z9601.csv 中有 2 个班次或集装箱已在数据库中，文件中没有其他数据；"
              "未保存任何数据。"}[language]
    assert dialog.skip_duplicates.isHidden()
    assert dialog.problems_model.rowCount() == 2

    # The file's train stored with its boxes: that headline still holds.
    dialog = open_import(main_window, qtbot, monkeypatch, on_trains(tmp_path, "Z9401"))
    run_import(dialog, qtbot)
    assert dialog.result_label.text() == {
        "en": "Everything in Z9401.csv is already in the database; nothing was saved.",
        "zh": "Z9401.csv 中的全部数据已在数据库中；未保存任何数据。"}[language]


@pytest.mark.parametrize("header, out, into", [("发/到", "发", "到"), ("进出口", "出口", "进口")])
def test_a_station_s_fa_dao_column_gives_each_train_its_direction(demo_db_path, tmp_path,
                                                                   header, out, into):
    """A station's list heads the direction 发/到 and writes 发 (dispatched) or 到 (arrived),
    a port's 进出口: every row was refused as no direction, with the column said missing."""
    listed = written(tmp_path / "fa_dao.csv", f"日期,班列号,{header},箱号,箱型,空重,毛重",
                     f"{DAY},Z9311,{out},{BOX},22G1,重,21000",
                     f"{DAY},Z9312,{into},{OTHER_BOX},22G1,空,2200")
    result = hubapp(ENGLISH, "import", listed, "--db", demo_db_path)

    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(demo_db_path) as conn:
        assert conn.execute("SELECT service_no, direction FROM service WHERE service_no IN"
                            " ('Z9311', 'Z9312') ORDER BY service_no").fetchall() == [
            ("Z9311", "outbound"), ("Z9312", "inbound")]
