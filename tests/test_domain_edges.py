"""The domain rules at their edges, where a hand-made mutation of hubapp/domain passed every
other test: the heaviest and lightest weight a box may have, the 30 ft box's TEU, every
height code, a leap day, a code spaced or typed full-width, the two commodities offered, a
run of days over a month's end, a category letter the import's quick path must refuse."""

import datetime as dt

import pytest

from hubapp.domain import iso6346, sizetype
from hubapp.domain.records import CommodityRecord
from hubapp.domain.validation import (
    near_commodities, parse_date, parse_time, plain_code, weight_errors,
)
from hubapp.domain.wording import day_runs, part_of_month, runs_of


def test_a_category_letter_other_than_u_j_z_r_is_refused_by_the_quick_path_too():
    """The import's quick path (is_valid_as_written) must refuse what validate refuses: a
    number whose check digit fits but whose category letter is no ISO 6346 one."""
    number = iso6346.with_check_digit("CSQX305438")
    assert not iso6346.is_valid(number)
    assert not iso6346.is_valid_as_written(number)
    assert iso6346.is_valid_as_written(iso6346.with_check_digit("CSQR305438"))


def test_a_30_ft_box_counts_1_5_teu():
    info = sizetype.parse("32G1")
    assert (info.length_ft, info.teu) == (30, 1.5)


@pytest.mark.parametrize("code", ["26G1", "46G1", "L6G1", "20G1", "24G1"])
def test_every_iso_height_code_is_known(code):
    assert sizetype.parse(code).code == code


def test_an_unknown_height_code_is_named():
    with pytest.raises(sizetype.SizeTypeError) as raised:
        sizetype.parse("23G1")
    assert raised.value.values["height"] == "3"


@pytest.mark.parametrize("code, lightest, heaviest", [
    ("12G1", 900, 10_160), ("22G1", 1_800, 36_000), ("32G1", 2_400, 36_000),
    ("42G1", 3_300, 36_000), ("L5G1", 3_800, 36_000),
])
def test_a_box_may_weigh_its_lightest_and_heaviest_but_not_a_kilogram_beyond(
        code, lightest, heaviest):
    info = sizetype.parse(code)
    assert weight_errors("F", lightest, info) == []
    assert weight_errors("F", heaviest, info) == []
    for wrong in (lightest - 1, heaviest + 1):
        [error] = weight_errors("F", wrong, info)
        assert (error.field, error.values["value"]) == ("gross_kg", wrong)


@pytest.mark.parametrize("text, day", [
    ("2028-02-29", dt.date(2028, 2, 29)), ("2026-02-29", None), ("2026-04-31", None),
    ("2026-12-31", dt.date(2026, 12, 31)), ("2026-13-01", None), ("2026年2月30日", None),
])
def test_a_date_that_is_not_on_the_calendar_is_no_date(text, day):
    assert parse_date(text) == day


def test_a_time_on_no_calendar_day_is_no_time_not_a_traceback():
    assert parse_time("2026-02-29 08:00", dt.date(2026, 3, 1)) is None
    assert parse_time("2028-02-29 08:00", dt.date(2028, 3, 1)) == dt.datetime(2028, 2, 29, 8)


@pytest.mark.parametrize("text, code", [
    ("x 8001", "X8001"), ("ｘ８００１", "X8001"), ("ｌａ ｖｔｅ", "LAVTE"), ("X\u00a08001", "X8001"),
])
def test_a_code_typed_spaced_or_full_width_is_stored_plain(text, code):
    assert plain_code(text) == code


def _commodity(id_, hs_code, name_en, name_zh):
    return CommodityRecord(hs_code, name_en, name_zh, "general", False, id_)


def test_the_commodities_offered_are_the_two_nearest_in_length_then_by_name():
    """Names holding the text are offered closest in length first: the suggestion list is
    sorted and cut at two, not every name that holds it in the order of the lists."""
    near = near_commodities([
        _commodity(1, "100001", "rice bran oil crude", ""),
        _commodity(2, "100002", "rice bran", ""),
        _commodity(3, "100003", "rice flour", ""),
        _commodity(4, "100004", "rice", ""),
    ])
    assert near("rice bra") == ("rice bran (100002)", "rice (100004)")


def test_a_run_of_days_over_a_months_end_names_each_month():
    runs = runs_of((dt.date(2026, 11, 29), dt.date(2026, 11, 30), dt.date(2026, 12, 1)))
    assert runs == [(dt.date(2026, 11, 29), dt.date(2026, 11, 30)),
                    (dt.date(2026, 12, 1), dt.date(2026, 12, 1))]
    assert day_runs(runs, "en") == "29–30 November 2026; 1 December 2026"


def test_february_of_a_leap_year_is_whole_only_with_its_29th():
    month = dt.date(2028, 2, 1)
    assert part_of_month(month, dt.date(2028, 1, 1), dt.date(2028, 2, 28), "en") \
        == "1–28 February 2028"
    assert part_of_month(month, dt.date(2028, 1, 1), dt.date(2028, 2, 29), "en") is None
    assert part_of_month(dt.date(2026, 4, 1), dt.date(2026, 4, 1), dt.date(2026, 4, 30),
                         "en") is None
