"""The command line speaks the system's language: Chinese under a zh_CN locale, else English;
what scripts parse (stats --format csv/json) keeps its English keys."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hubapp.domain.wording import display_width
from hubapp.language import system_language

SAMPLE = Path(__file__).parent.parent / "resources" / "samples" / "loading-list-2026-03-05.csv"


def _locale(environ: dict[str, str]) -> dict[str, str]:
    """This run's environment with the locale variables set as environ says, and only so."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return {**env, **environ}


def hubapp(lang: str, *args):
    return subprocess.run([sys.executable, "-m", "hubapp", *map(str, args)],
                          env=_locale({"LANG": lang, "COLUMNS": "80"}), capture_output=True,
                          text=True,
                          timeout=120)


LOCALES = [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh"),
    # A Debian container's or ssh session's LANG: gettext (bash, apt) follows LANGUAGE there,
    # as the window did, where the commands stayed English.
    ({"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}, "zh"),
    ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # gettext ignores LANGUAGE under C
    ({"LANGUAGE": "zh_CN"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({}, "en"),
]


@pytest.mark.parametrize("environ, expected", LOCALES)
def test_language_follows_the_locale_variables(environ, expected):
    assert system_language(environ) == expected


@pytest.mark.parametrize("environ, expected", LOCALES)
def test_the_window_and_the_commands_speak_one_language(tmp_path, environ, expected):
    env = _locale({**environ, "XDG_CONFIG_HOME": str(tmp_path)})  # no language chosen
    window = subprocess.run([sys.executable, "-c", (
        "from hubapp.ui.app import make_application;"
        "from hubapp.ui.translations import chosen_language;"
        "make_application([]); print(chosen_language())")],
        env=env, capture_output=True, text=True, timeout=120)
    assert window.returncode == 0, window.stderr
    commands = subprocess.run([sys.executable, "-m", "hubapp", "--help"], env=env,
                              capture_output=True, text=True, timeout=120)
    assert commands.returncode == 0, commands.stderr

    assert window.stdout.strip() == expected
    assert commands.stdout.startswith({"zh": "用法：hubapp", "en": "usage: hubapp"}[expected])


def _problem_file(tmp_path: Path) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("TGHU4642290", "TGHU4642291")  # line 3: wrong check digit
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    return bad


def test_chinese_locale_prints_chinese(demo_db_path, tmp_path):
    imported = hubapp("zh_CN.UTF-8", "import", SAMPLE, "--db", demo_db_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == (
        "loading-list-2026-03-05.csv：已导入 1 个班次，20 箱，24 标箱")

    refused = hubapp("zh_CN.UTF-8", "import", _problem_file(tmp_path), "--db", demo_db_path)
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines[0] == "hubapp：错误：bad.csv：1 个问题；未保存任何数据"
    assert lines[1].startswith("  第 3 行，箱号“TGHU4642291”：")
    assert "校验位" in lines[1]

    stats = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from", "2026-03-03",
                   "--to", "2026-03-05", "--by", "direction")
    assert stats.returncode == 0, stats.stderr
    table = stats.stdout.splitlines()
    assert table[0].split() == ["分组", "班次", "箱量", "标箱", "重箱", "空箱", "毛重（千克）"]
    assert table[-1].startswith("合计")
    assert sorted(line.split()[0] for line in table[1:3]) == ["去程", "回程"]

    by_commodity = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from",
                          "2026-03-03", "--to", "2026-03-05", "--by", "commodity").stdout
    empties = by_commodity.splitlines()[-4]  # the reports' words, after every commodity
    assert empties.startswith("（空箱或未填）") and "(none)" not in by_commodity
    assert by_commodity.splitlines()[-1] == "装有多种货物的班次计入其每种货物的行；合计中只计一次。"
    assert "木薯粉" in by_commodity and "cassava flour" not in by_commodity
    machine = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from", "2026-03-03",
                     "--to", "2026-03-05", "--by", "commodity", "--format", "csv").stdout
    assert "cassava flour," in machine  # scripts keep the English key

    checked = hubapp("zh_CN.UTF-8", "check", "--db", demo_db_path)
    assert checked.returncode == 0, checked.stderr
    assert "  正常     文件完整性" in checked.stdout.splitlines()
    assert checked.stdout.splitlines()[-1] == "未发现问题。"

    wrong = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from", "2026-03-05",
                   "--to", "2026-03-01")
    assert wrong.stderr.strip() == ("hubapp stats：错误：--from 2026-03-05 晚于 --to 2026-03-01"
                                    "（参见 hubapp stats --help）")


def test_a_missing_column_is_named_in_chinese_in_the_lines_and_the_saved_list(
        demo_db_path, tmp_path):
    """The message named 箱号 while its line said "container", the English key."""
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    without = tmp_path / "without.csv"
    without.write_text("\n".join(",".join(cells[:7] + cells[8:]) for cells in (
        line.split(",") for line in lines)) + "\n", encoding="utf-8")
    assert lines[0].split(",")[7] == "箱号"
    saved = tmp_path / "problems.csv"

    refused = hubapp("zh_CN.UTF-8", "import", without, "--db", demo_db_path, "--problems", saved)

    assert refused.returncode == 1, refused.stderr
    assert refused.stderr.splitlines()[1].startswith("  第 1 行，箱号：缺少必需的列 箱号")
    assert saved.read_text(encoding="utf-8-sig").splitlines()[1].startswith("1,箱号,,")


def test_a_problem_line_quotes_its_value_as_the_language_does(demo_db_path, tmp_path):
    """Chinese lines quoted a cell with Python's '…'; a tab in a seal still shows as \\t
    within “…”, as in English's '…', not as a gap in the line."""
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[13] == "铅封号" and ",LA514556," in lines[2]
    lines[2] = lines[2].replace(",LA514556,", ',"LA514556\tLA514557",')
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")

    chinese = hubapp("zh_CN.UTF-8", "import", bad, "--db", demo_db_path)
    assert chinese.returncode == 1
    assert chinese.stderr.splitlines()[1:] == [
        "  第 3 行，铅封号“LA514556\\tLA514557”：铅封“LA514556\\tLA514557”含有换行或制表符："
        "每个箱子只填一个铅封"]
    english = hubapp("C.UTF-8", "import", bad, "--db", demo_db_path)
    assert english.stderr.splitlines()[1:] == [
        "  line 3, 铅封号 'LA514556\\tLA514557': Seal 'LA514556\\tLA514557' holds a line break "
        "or tab: one seal per box"]


def test_machine_formats_keep_english_keys_in_chinese(demo_db_path):
    csv_out = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from", "2026-03-05",
                     "--to", "2026-03-05", "--format", "csv")
    assert csv_out.stdout.splitlines()[0] == "key,services,containers,teu,full,empty,gross_kg"
    json_out = hubapp("zh_CN.UTF-8", "stats", "--db", demo_db_path, "--from", "2026-03-05",
                      "--to", "2026-03-05", "--format", "json")
    assert set(json.loads(json_out.stdout)["totals"]) == {
        "services", "containers", "teu", "full", "empty", "gross_kg"}


def test_c_locale_prints_english(demo_db_path, tmp_path):
    imported = hubapp("C", "import", SAMPLE, "--db", demo_db_path, "--dry-run")
    assert imported.stdout.strip() == ("loading-list-2026-03-05.csv: would import (dry run, "
                                       "nothing saved) 1 service, 20 containers, 24 TEU")
    refused = hubapp("C", "import", _problem_file(tmp_path), "--db", demo_db_path)
    lines = refused.stderr.splitlines()
    assert lines[0] == "hubapp: error: bad.csv: 1 problem; nothing was saved"
    assert lines[1].startswith("  line 3, 箱号 'TGHU4642291': ")
    assert "Check digit of TGHU4642291" in lines[1]
    stats = hubapp("C", "stats", "--db", demo_db_path, "--from", "2026-03-03",
                   "--to", "2026-03-05")
    assert stats.stdout.splitlines()[0].split() == [
        "key", "services", "containers", "teu", "full", "empty", "gross_kg"]
    assert stats.stdout.splitlines()[-1].startswith("total")


def _modules_loaded(run: subprocess.CompletedProcess) -> set[str]:
    """What a run under PYTHONPROFILEIMPORTTIME imported, read from the lines Python writes
    to stderr: "import time: self | cumulative | name"."""
    return {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines()
            if line.startswith("import time:")}


@pytest.mark.parametrize("lang, command, qt", [
    ("en_US.UTF-8", ["import", SAMPLE, "--dry-run"], False),
    ("en_US.UTF-8", ["stats", "--from", "2026-03-03", "--to", "2026-03-05"], False),
    ("en_US.UTF-8", ["check"], False),
    ("zh_CN.UTF-8", ["check"], True),  # Chinese words come from Qt's translator
], ids=["import", "stats", "check", "chinese check"])
def test_english_never_imports_qt(demo_db_path, monkeypatch, lang, command, qt):
    """An English run keeps the source text and starts without Qt, however deep in the store
    or interchange a late import of it would hide (tests/test_layers.py scans their source)."""
    monkeypatch.setenv("PYTHONPROFILEIMPORTTIME", "1")
    run = hubapp(lang, *command, "--db", demo_db_path)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = _modules_loaded(run)
    assert {"hubapp.cli", "hubapp.store.db"} <= loaded  # the profile saw the run's imports
    assert bool({name.split(".")[0] for name in loaded} & {"PySide6", "shiboken6"}) is qt


def test_report_language_follows_the_locale_unless_given(demo_db_path, tmp_path):
    from tests.test_reports import pdf_text

    chinese, english = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    made = hubapp("zh_CN.UTF-8", "report", "daily", "--date", "2026-03-05", "--db",
                  demo_db_path, "-o", chinese)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"报表已写入 {chinese}")
    assert "每日汇总 · 2026年3月5日" in pdf_text(chinese)
    assert hubapp("zh_CN.UTF-8", "report", "daily", "--date", "2026-03-05", "--db",
                  demo_db_path, "-o", english, "--lang", "en").returncode == 0
    assert "Daily summary · 2026-03-05" in pdf_text(english)


def test_help_and_usage_errors_speak_the_locale_too():
    chinese = hubapp("zh_CN.UTF-8", "report", "--help")
    assert chinese.returncode == 0
    assert chinese.stdout.startswith("用法：hubapp report")
    assert "选项" in chinese.stdout and "显示此帮助并退出" in chinese.stdout
    assert "--date YYYY-MM-DD     每日汇总的日期" in chinese.stdout
    # Its sections' titles end as Chinese writes a colon; its usage's lines stand under the
    # first one's words, 用法： being six columns wide; a long help wraps, never before a
    # closing mark.
    assert "\n位置参数：\n" in chinese.stdout and "\n选项：\n" in chinese.stdout
    usage = chinese.stdout.split("\n\n")[0].splitlines()
    assert usage[0].startswith("用法：hubapp report [") and usage[1].startswith(" " * 20 + "[")
    help_lines = hubapp("zh_CN.UTF-8", "--help").stdout.splitlines()
    assert max(map(display_width, help_lines)) <= 80  # argparse fills 78, a closing mark over
    assert not any(line.lstrip().startswith(("，", "）", "。")) for line in help_lines)
    assert any(line.startswith(" " * 14 + "并校验副本") for line in help_lines), help_lines

    wrong = hubapp("zh_CN.UTF-8", "stats", "--db", "hub.db", "--from", "2026-13-01")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == (
        "hubapp stats：错误：参数 --from：“2026-13-01”不是日期；应为 YYYY-MM-DD，例如 "
        "2026-03-05（参见 hubapp stats --help）")
    # The value in Chinese quotes, not Python's repr: '1'（可选：…）.
    chosen = hubapp("zh_CN.UTF-8", "stats", "--db", "hub.db", "--from", "2026-03-01", "--to",
                    "2026-03-05", "--by", "week")
    assert "参数 --by：无效的选项：“week”（可选：'day'" in chosen.stderr, chosen.stderr
    missing = hubapp("zh_CN.UTF-8", "stats", "--db", "hub.db")
    assert "缺少必需的参数：--from, --to" in missing.stderr
    both = hubapp("zh_CN.UTF-8", "demo", "--db", "x.db", "--days", "3", "--containers", "900")
    assert both.stderr.strip() == ("hubapp demo：错误：参数 --containers：不能与参数 --days "
                                   "同时使用（参见 hubapp demo --help）")

    english = hubapp("C.UTF-8", "stats", "--db", "hub.db")
    assert english.stderr.strip() == ("hubapp stats: error: the following arguments are "
                                      "required: --from, --to (see hubapp stats --help)")
    assert hubapp("C.UTF-8", "report", "--help").stdout.startswith("usage: hubapp report")


def test_check_says_each_problem_in_the_locale(demo_db_path):
    import sqlite3

    with sqlite3.connect(demo_db_path) as conn:
        container, day = conn.execute(
            "SELECT container, date FROM container_move WHERE full_empty = 'F' ORDER BY id"
            " LIMIT 1").fetchone()
        conn.execute("UPDATE container_move SET gross_kg = NULL WHERE container = ? AND date = ?",
                     [container, day])
    chinese = hubapp("zh_CN.UTF-8", "check", "--db", demo_db_path)
    assert chinese.returncode == 1
    assert f"- {day} 的重箱 {container} 没有毛重" in chinese.stdout
    english = hubapp("C.UTF-8", "check", "--db", demo_db_path)
    assert f"- full container {container} on {day} has no gross weight" in english.stdout


def test_check_names_the_roll_up_directions_and_modes_in_words(demo_db_path):
    """check printed the database's own words in Chinese: daily_rollup, inbound, rail-sea.
    Directions read as stats prints them, modes as words inside a sentence (rail-sea)."""
    import sqlite3

    from hubapp.language import translator
    from test_check import _execute, _first_service

    late = _first_service(demo_db_path, "direction = 'inbound' AND actual_at IS NOT NULL")
    _execute(demo_db_path, f"UPDATE service SET actual_at = '2027{late['date'][4:]} 09:10'"
                           f" WHERE id = {late['id']}")
    with sqlite3.connect(demo_db_path) as conn:
        conn.execute("UPDATE daily_rollup SET teu = teu + 1 WHERE rowid = (SELECT MIN(rowid)"
                     " FROM daily_rollup WHERE date = '2026-03-04' AND mode = 'rail-sea'"
                     " AND direction = 'inbound')")
        conn.execute("UPDATE monthly_totals SET teu = teu + 1 WHERE direction = 'outbound'"
                     " AND route_code = 'CN-EU-CA'")
    conn.close()

    english = hubapp("C.UTF-8", "check", "--db", demo_db_path).stdout.splitlines()
    assert [line.strip() for line in english if "roll-up of" in line] == [
        "- the daily roll-up of 2026-03-04 (inbound, rail-sea, route ILSTC-QZ) differs from "
        "its containers",
        "- the monthly roll-up of 2026-03 (outbound, rail, route CN-EU-CA) differs from its "
        "containers"]
    assert f"- service {late['service_no']} of {late['date']} (inbound): actual time " \
           f"2027{late['date'][4:]} 09:10 is not" in "\n".join(english)

    chinese = hubapp("zh_CN.UTF-8", "check", "--db", demo_db_path).stdout.splitlines()
    zh = translator("zh")
    inbound, outbound = zh("stats", "inbound"), zh("stats", "outbound")
    assert [line.strip() for line in chinese if "汇总表" in line] == [
        f"- 2026-03-04 的日汇总表（{inbound}，{zh('check', 'rail-sea')}，线路 ILSTC-QZ）"
        "与其集装箱明细不一致",
        f"- 2026-03 的月汇总表（{outbound}，{zh('check', 'rail')}，线路 CN-EU-CA）"
        "与其集装箱明细不一致"]
    assert f"- {late['date']} 的班次 {late['service_no']}（{inbound}）：实际时间" \
           in "\n".join(chinese)
    # The first line names the file, whose folder is named after this test.
    said = "\n".join(chinese[1:])
    assert not re.search(r"inbound|outbound|rail|_rollup|_totals", said), said


@pytest.mark.parametrize(("lang", "said"), [
    ("en_US.UTF-8", "The server of postgresql://hub@nohost.invalid/hub is unknown: check the "
                    "host name"),
    ("zh_CN.UTF-8", "找不到 postgresql://hub@nohost.invalid/hub 的服务器：请检查主机名")])
def test_an_unknown_server_host_is_said_in_the_system_s_language(lang, said):
    # psycopg 3 says "failed to resolve host", which was shown raw, in English.
    result = hubapp(lang, "check", "--db", "postgresql://hub@nohost.invalid/hub")
    assert result.returncode == 3
    assert result.stderr.strip().splitlines()[-1].endswith(said)


def test_a_refused_workbook_s_other_sheets_are_listed_as_chinese_does(demo_db_path, tmp_path):
    # "sheets.xlsx: 其他工作表未读取：“汇总”, “透视”": an English colon and comma.
    from conftest import workbook_of_lists

    workbook_of_lists(tmp_path / "sheets.xlsx", [
        line.split(",") for line in _problem_file(tmp_path).read_text(encoding="utf-8")
        .splitlines()])

    refused = hubapp("zh_CN.UTF-8", "import", tmp_path / "sheets.xlsx", "--db", demo_db_path)

    assert refused.returncode == 1
    assert refused.stderr.splitlines()[:2] == [
        "sheets.xlsx：未读取工作表“X5510”、“X5511”：请用 --sheet 工作表名 逐个导入"
        "（同一班列分在几个工作表上的，先合并到同一个工作表：一个班列须整列导入）",
        "sheets.xlsx：其他工作表未读取：“汇总”、“透视”"]


def test_values_differing_from_the_stored_ones_are_said_as_chinese_says_them(
        demo_db_path, tmp_path):
    # “（空）” quoted as if typed so, and 这些行 for one row.
    assert hubapp("zh_CN.UTF-8", "import", SAMPLE, "--db", demo_db_path).returncode == 0
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    lines[0] += ",备注"
    lines[1] = lines[1].replace(",30140,", ",30150,") + ",晚点"
    corrected = tmp_path / "corrected.csv"
    corrected.write_text("\n".join(lines), encoding="utf-8")

    refused = hubapp("zh_CN.UTF-8", "import", corrected, "--db", demo_db_path)

    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "hubapp：错误：corrected.csv：有 2 个值与数据库中已有的不同，而导入不会修改已有数据；"
        "未保存任何数据。请在每日台账中改正有误之处，或从文件中删去相应的行",
        "  第 2 行，备注“晚点”：数据库中 2026-03-05 班次 X5508 的此项为空，导入不会修改已有数据",
        "  第 2 行，毛重“30150”：数据库中 2026-03-05 班次 X5508 上集装箱 CSLU4025503 的此项为"
        "“30140”，导入不会修改已有数据"]
