import pytest

from hubapp.domain import sizetype
from hubapp.domain.errors import message
from hubapp.domain.records import ContainerMoveRecord
from hubapp.domain.sizetype import SizeTypeError
from hubapp.domain.validation import (
    duplicate_errors, parse_gross_kg, parse_move, size_type_code, validate_move,
)


@pytest.mark.parametrize("code, feet, teu", [
    ("22G1", 20, 1.0), ("42G1", 40, 2.0), ("45G1", 40, 2.0), ("L5G1", 45, 2.0),
    ("22R1", 20, 1.0), ("45r1", 40, 2.0), ("12G1", 10, 0.5),
])
def test_size_type_lengths_and_teu(code, feet, teu):
    info = sizetype.parse(code)
    assert (info.length_ft, info.teu) == (feet, teu)


def test_45_ft_teu_follows_the_setting():
    assert sizetype.parse("L5G1", teu_45ft=2.25).teu == 2.25
    assert sizetype.parse("45G1", teu_45ft=2.25).teu == 2.0  # 45G1 is a 40 ft high cube


@pytest.mark.parametrize("code", ["", "22", "2XG1", "92G1", "22Q1", "22G1X", "22 G1"])
def test_bad_size_types_are_refused(code):
    with pytest.raises(SizeTypeError):
        sizetype.parse(code)


@pytest.mark.parametrize("written", ["40HC", "40'HC", "40’HC", "40‘HC", "40′HC", '40"HC',
                                     "40″HC", "40＇HC", "40＂HC", "40 hc", "40‘ HC"])
def test_a_shorthand_is_read_with_any_foot_mark_an_input_method_types(written):
    """A Chinese input method types the first ' as ‘: "40‘HC" was refused, 40’HC read."""
    assert size_type_code(written) == "45G1"


@pytest.mark.parametrize(("written", "said"), [
    ("24.5吨", "Gross weight '24.5吨' is in tonnes: type kilograms, like 24,500"),
    ("24.5 t", "Gross weight '24.5 t' is in tonnes: type kilograms, like 24,500"),
    ("２１．５Ｔ", "Gross weight '21.5T' is in tonnes: type kilograms, like 21,500"),
    ("30公吨", "Gross weight '30公吨' is in tonnes: type kilograms, like 30,000"),
    ("二万四千", "Gross weight '二万四千' is not a number of kilograms: type kilograms in "
                 "figures, like 24,500"),
    ("24500。", "Gross weight '24500。' is not a number of kilograms: type kilograms in "
                "figures, like 24,500"),
    ("二十吨", "Gross weight '二十吨' is not a number of kilograms: type kilograms in "
               "figures, like 24,500"),
    ("1e999t", "Gross weight '1e999t' is not a number of kilograms: type kilograms in "
               "figures, like 24,500"),
])
def test_a_weight_that_is_no_kilograms_says_what_to_type(written, said):
    """ "毛重“24.5吨”不是千克数" said why, not what to write, as every other refusal does."""
    kilograms, error = parse_gross_kg(written)
    assert kilograms is None and message(error) == said


@pytest.mark.parametrize("written, said", [
    ("0.5t", "Gross weight '0.5t' is in tonnes: type kilograms, within 1,800–36,000 kg for a "
             "20 ft container"),
    ("100吨", "Gross weight '100吨' is in tonnes: type kilograms, within 1,800–36,000 kg for a "
              "20 ft container"),
    ("21.5t", "Gross weight '21.5t' is in tonnes: type kilograms, like 21,500"),
])
def test_the_kilograms_offered_for_tonnes_are_a_weight_the_box_may_have(written, said):
    """0.5t offered "like 500", and 500 typed was then refused as outside 1,800–36,000."""
    move, errors = parse_move(dict(container="MSCU1234566", size_type="22G1", full_empty="F",
                                   gross_kg=written, commodity=""))
    assert move is None and [message(error) for error in errors] == [said]


@pytest.mark.parametrize(("written", "quoted"), [
    ("2400,5", "2400,5"), ("24000，5", "24000,5"), ("24000,0", "24000,0"),
    ("1,2,3,4,5", "1,2,3,4,5"), ("24,0000", "24,0000"), ("2400,500", "2400,500")])
def test_a_comma_that_groups_no_thousands_is_refused_not_dropped(written, quoted):
    """Dropped as a thousands comma, a decimal comma's 2400,5 kg was stored as 24005 kg, and
    24000，5 refused as 240,005 kg, a number nobody typed."""
    kilograms, error = parse_gross_kg(written)
    assert kilograms is None and message(error) == (
        f"Gross weight '{quoted}' has a comma that does not group thousands (a decimal "
        "comma?): type kilograms with a dot before any fraction, like 24,500 or 2400.5")


@pytest.mark.parametrize(("written", "kilograms"), [
    ("24,500", 24500), ("1,024,500.4", 1024500), ("２４，５００", 24500), ("21,400 kg", 21400),
    ("+24,500", 24500), ("24,500.", 24500)])
def test_commas_grouping_thousands_are_read(written, kilograms):
    assert parse_gross_kg(written) == (kilograms, None)


def test_a_weight_below_zero_grouped_in_thousands_is_refused_for_its_sign():
    """Its comma groups thousands: the minus is what is wrong with it, not a decimal comma."""
    kilograms, error = parse_gross_kg("-1,000")
    assert kilograms is None
    assert message(error) == "Gross weight must be more than 0 kg, not -1,000"


@pytest.mark.parametrize("written", ["1e308", "1.5e308", "１ｅ３０８"])
def test_a_weight_too_large_to_count_in_tonnes_is_refused_as_out_of_range(written):
    """A thousand times 1e308 kg is no number: the refusal's guess at tonnes rounded it and
    ended in a traceback, in the grid at the paste and in an import."""
    move, errors = parse_move(dict(container="MSCU1234566", size_type="22G1", full_empty="F",
                                   gross_kg=written, commodity=""))
    assert move is None and [message(error) for error in errors] == [
        f"Gross weight {written!r} is outside 1,800–36,000 kg for a 20 ft container"]


@pytest.mark.parametrize("written", ["100吨", "0.5t"])
def test_tonnes_of_no_box_offer_no_kilograms_where_the_size_is_unknown(written):
    """0.5t offered "like 500" while the size was blank, lighter than any box may be."""
    _kilograms, error = parse_gross_kg(written)
    assert message(error) == (f"Gross weight '{written}' is not a number of kilograms: type "
                              "kilograms in figures, like 24,500")


@pytest.mark.parametrize("seal", ["1.23457E+13", "１.２３４５７Ｅ＋１３", "１．２３４５７ｅ＋１３"])
def test_a_seal_in_scientific_notation_is_refused_typed_full_width_too(seal):
    """Judged unfolded and stored folded, the full-width one was saved as "1.23457E+13", the
    text the ASCII one is refused for."""
    move, errors = parse_move(dict(container="MSCU1234566", size_type="22G1", full_empty="F",
                                   gross_kg="21500", commodity="", seal=seal))
    assert move is None
    assert [(error.field, error.values["value"]) for error in errors] == [("seal", seal)]


def _fields(**changes):
    fields = {"container": "CSQU3054383", "size_type": "22G1", "full_empty": "F",
              "gross_kg": "24,000", "commodity": "cassava flour"}
    fields.update(changes)
    return fields


def _finder(text):
    return 7 if text.strip().lower() in ("cassava flour", "木薯粉", "110620") else None


def test_parse_move_reads_a_good_row():
    move, errors = parse_move(_fields(), find_commodity=_finder)
    assert errors == []
    assert (move.container, move.teu, move.gross_kg, move.commodity_id) == \
        ("CSQU3054383", 1.0, 24000, 7)


@pytest.mark.parametrize("value", ["重", "full", "F", "f", "重箱"])
def test_full_spellings(value):
    move, errors = parse_move(_fields(full_empty=value), find_commodity=_finder)
    assert not errors and move.full_empty == "F"


def test_parse_move_reports_every_problem_with_its_field():
    move, errors = parse_move(
        _fields(container="CSQU3054384", size_type="99X1", full_empty="maybe",
                gross_kg="heavy", commodity="moon rock"), find_commodity=_finder)
    assert move is None
    assert {e.field for e in errors} == {"container", "size_type", "full_empty", "gross_kg",
                                          "commodity"}
    assert "should be 3" in next(str(e) for e in errors if e.field == "container")


def test_weight_limits_depend_on_size():
    _, errors = parse_move(_fields(gross_kg="900"), find_commodity=_finder)
    assert [e.field for e in errors] == ["gross_kg"]
    assert "1,800" in str(errors[0]) and "20 ft" in str(errors[0])
    _, errors = parse_move(_fields(gross_kg="36001"), find_commodity=_finder)
    assert [e.field for e in errors] == ["gross_kg"]


def test_full_container_needs_a_weight_but_empty_does_not():
    _, errors = parse_move(_fields(gross_kg=""), find_commodity=_finder)
    assert [e.field for e in errors] == ["gross_kg"]
    move, errors = parse_move(_fields(gross_kg="", full_empty="空", commodity=""))
    assert not errors and move.full_empty == "E"


def test_duplicates_within_a_service_point_at_the_first_row():
    errors = duplicate_errors(["CSQU3054383", "", "MSKU9070323", "csqu 305438 3"])
    assert list(errors) == [3]
    assert "row 1" in str(errors[3]) and errors[3].row == 3


def test_validate_move_accepts_a_good_record():
    assert validate_move(ContainerMoveRecord("CSQU3054383", "45G1", 2.0, "F", 12000)) == []


def test_a_row_reports_a_bad_number_and_a_bad_weight_together():
    _, errors = parse_move(_fields(container="CSQU3054384", gross_kg="41000"),
                           find_commodity=_finder)
    assert sorted(e.field for e in errors) == ["container", "gross_kg"]
