"""Files a Chinese clerk imports as partners and Notepad write them: Big5 text, a weight column
missing or in tonnes, a wrong date and time on one row, full-width commas, boxes already on
another train; by the command line (a subprocess) and by File ▸ Import…, in both languages."""

from __future__ import annotations

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
    (ENGLISH, "big5.csv: columns left out, as no field goes by their header: 班列號, 箱號"),
    (CHINESE, "big5.csv：以下列未导入（没有与其表头对应的字段）：班列號、箱號")])
def test_a_big5_header_s_columns_left_out_are_named_readably(demo_db_path, tmp_path, lang,
                                                              said):
    path = written(tmp_path / "big5.csv", "日期,班列號,方向,箱號,箱型,重空,毛重",
                   f"{DAY},Z9201,出口,{BOX},40HQ,重,24500", encoding="big5")

    result = hubapp(lang, "import", path, "--db", demo_db_path, "--dry-run")

    assert result.returncode == 1
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
