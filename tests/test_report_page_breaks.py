"""Where a printed report's pages break: a heading and a Total kept in company, read back
from the real PDF of a day saved in a real database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from tests.conftest import DEMO_END, TESTER
from tests.test_reports import page_lines, save_not_run, text_of, write_daily

_CITIES = ("Duisburg", "Hamburg", "Lodz", "Warsaw", "Minsk", "Moscow", "Almaty", "Tashkent",
           "Tehran", "Istanbul", "Budapest", "Prague", "Milan", "Madrid", "Paris", "Lyon",
           "Vienna", "Bratislava", "Riga", "Vilnius", "Helsinki", "Oslo", "Stockholm",
           "Antwerp", "Rotterdam", "Ulaanbaatar", "Novosibirsk", "Yekaterinburg")


def _save_long_named_day(db, day: dt.date, routes: int) -> None:
    """A service on each of `routes` routes whose names wrap, its boxes of a commodity
    whose name wraps too: a Services table the page breaks cut, split in parts, and a By
    route table after it running over a page."""
    from hubapp.domain.iso6346 import with_check_digit
    from hubapp.domain.records import (
        CommodityRecord, ContainerMoveRecord, Direction, ServiceRecord, Status)
    from hubapp.store import reference, services

    reference.save_commodity(db, CommodityRecord(
        "847150", "Portable automatic data-processing machines of not over 10 kg, with a "
        "keyboard", "重量不超过十公斤的便携式自动数据处理设备，至少由一个中央处理部件、键盘和显示器组成，"
        "含锂离子电池及电源适配器", "machinery", False), TESTER)
    laptops = next(c.id for c in reference.list_commodities(db) if c.hs_code == "847150")
    template = next(r for r in reference.list_routes(db) if r.code == "CN-LA")
    for number, city in enumerate(_CITIES[:routes]):
        code = f"CN-EU-{number:02d}"
        reference.save_route(db, dataclasses.replace(
            template, code=code, mode="rail",
            name_en=f"China–Europe Railway Express Tuanjiecun–{city} via "
                    "Alashankou–Dostyk",
            name_zh=f"中欧班列（重庆团结村—{city}）经阿拉山口—多斯特克口岸国际集装箱货运专列"
                    f"第{number}号线"), TESTER, new=True)
        left = dt.datetime.combine(day, dt.time(1 + number % 20))
        services.save_service(db, ServiceRecord(
            f"R{number:03d}", day, Direction.OUTBOUND, route_code=code, status=Status.DEPARTED,
            scheduled_at=left, actual_at=left),
            [ContainerMoveRecord(with_check_digit(f"RTEU{number:02d}{box:04d}"), "42G1",
                                 2.0, "F", 20000, laptops) for box in range(30 - number)],
            TESTER, now=left)


def test_a_total_split_after_the_services_keeps_rows_with_it(qapp, demo_db, demo_db_path,
                                                             tmp_path):
    # The Services table split, its next part went in at the By route heading, which Qt
    # left above it, plain: By route was taken for the signatures and its Total printed
    # below the repeated columns with a route's second line alone.
    from hubapp import reports
    from hubapp.reports.printing import KEEP_ROWS

    day, routes = dt.date(2026, 12, 3), 28
    _save_long_named_day(demo_db, day, routes)
    output = tmp_path / "daily.pdf"
    pages = reports.write_pdf(demo_db_path, "daily", day, day, "en", output)
    by_page = [page_lines(output, page) for page in range(1, pages + 1)]
    start = next(number for number, lines in enumerate(by_page) if "By route" in lines)
    printed = []
    for lines in by_page[start:]:
        rows = lines[lines.index("By route") + 1 if "By route" in lines else 0:]
        assert rows[0].split()[:2] == ["Route", "Services"], rows[:2]
        # A row begins below the columns, not a route name's second line.
        assert rows[1].startswith(("China–Europe", "Total")), rows[:2]
        total = next((at for at, line in enumerate(rows) if line.startswith("Total")), None)
        last = [line for line in rows[:total] if line.startswith("China–Europe")]
        printed += last
        if total is not None:
            break
    assert len(printed) == routes
    assert len(last) >= KEEP_ROWS - 1, last  # with the Total, KEEP_ROWS rows


_SUSPENSION = ("Notice from China Railway Chengdu Group dispatch centre, received 04:10: owing "
               "to the track inspection on the Mohan to Boten section after heavy rain, all "
               "outbound international freight trains scheduled between 00:00 and 23:59 are "
               "suspended; wagons to be held at Tuanjiecun yard tracks 7 to 12; customs seals to "
               "be re-checked by the Chongqing customs supervision office before any later "
               "departure; shippers and consignees to be informed by the booking agent; reefer "
               "boxes to be plugged in at the yard's reefer rack and monitored every four hours. ")


@pytest.mark.parametrize(("language", "before"), [("en", 0), ("zh", 0), ("en", 1)])
def test_a_not_run_row_taller_than_a_page_starts_below_its_heading(qapp, demo_db, tmp_path,
                                                                    language, before):
    # A cancelled train's remarks of 6,564 characters (a suspension notice pasted in): the
    # heading and the columns had a page to themselves, the row began on the next. Second,
    # below another, it was split off to start a page all the same, which it overran.
    day = DEMO_END - dt.timedelta(days=1)  # its services leave a third of page 1 empty
    for number in range(before):
        save_not_run(demo_db, f"X95{number:02d}", day, "cancelled", dt.time(9), notes="flood")
    save_not_run(demo_db, "X9555", day, "cancelled", dt.time(10), notes=_SUSPENSION * 12)
    output = tmp_path / "daily.pdf"
    text = write_daily(demo_db, day, dt.datetime(2026, 12, 1), language, output)
    assert " ".join(text.split()).count("monitored every four hours.") == 12  # none lost
    heading = text_of("not_run", language)
    lines = next(lines for page in itertools.count(1)
                 if heading in (lines := page_lines(output, page)))
    below = [line.split()[0] for line in lines[lines.index(heading) + 1:]]
    assert below[:before + 2] == [text_of("service", language),
                                  *(f"X95{number:02d}" for number in range(before)), "X9555"]


def _row_pitch(output, page: int, services: set[str]) -> float:
    """The least distance down the page between the lines of two services' numbers: a row's
    height in the services table."""
    import re
    import subprocess

    words = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page),
                            str(output), "-"], capture_output=True, text=True, check=True).stdout
    tops = sorted({round(float(top), 1) for top, word in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
        words) if word in services})
    return min(lower - upper for upper, lower in itertools.pairwise(tops))


def test_a_chinese_tables_rows_are_as_close_as_an_english_ones(qapp, demo_db_path, tmp_path):
    # Noto Sans CJK's line is a fifth taller than DejaVu Sans's: a busy day's Chinese summary
    # ran onto a third page of two commodities, the Total and the signatures, the English
    # one two pages.
    import sqlite3

    from hubapp import reports

    with sqlite3.connect(demo_db_path) as db:
        day, = db.execute("SELECT date FROM service GROUP BY date "
                          "ORDER BY COUNT(*) DESC, date LIMIT 1").fetchone()
        services = {number for number, in db.execute(
            "SELECT service_no FROM service WHERE date = ?", [day])}
    day = dt.date.fromisoformat(day)
    pitch = {}
    for language in ("en", "zh"):
        output = tmp_path / f"daily-{language}.pdf"
        reports.write_pdf(demo_db_path, "daily", day, day, language, output)
        pitch[language] = _row_pitch(output, 1, services)
    assert pitch["zh"] <= pitch["en"] * 1.02, pitch
