import random

import pytest
from hypothesis import given, strategies as st
from stdnum import iso6346 as reference

from hubapp.domain import iso6346
from hubapp.domain.iso6346 import ContainerNumberError


@pytest.mark.parametrize("text, expected", [
    ("CSQU3054383", "CSQU3054383"),
    (" csqu 305438-3 ", "CSQU3054383"),
    ("CSQU-305438-3", "CSQU3054383"),
    ("ＣＳＱＵ３０５４３８３", "CSQU3054383"),  # full-width, as a Chinese IME types it
    ("MSKU.907032.3", "MSKU9070323"),
    # Unseen characters pasted with it: a zero-width space, a BOM, direction marks, a NUL.
    ("\ufeffCSQU\u200b3054383\u200e", "CSQU3054383"),
    ("\u202eCSQU3054383\u202c\x00", "CSQU3054383"),
])
def test_valid_numbers_are_normalised(text, expected):
    assert iso6346.validate(text) == expected
    assert iso6346.is_valid(text)


@pytest.mark.parametrize("text, words", [
    ("CSQU3054384", ["check digit", "is 4", "should be 3"]),
    ("", ["empty"]),
    ("CSQU305438", ["10 characters", "expected 11"]),
    ("CSQX3054383", ["U, J, Z or R"]),
    ("CSQÜ3054383", ["U, J, Z or R"]),  # non-ASCII would make stdnum raise oddly
    ("C5QU3054383", ["3 letters"]),
])
def test_invalid_numbers_say_why(text, words):
    with pytest.raises(ContainerNumberError) as caught:
        iso6346.validate(text)
    message = str(caught.value).lower()
    for word in words:
        assert word.lower() in message
    assert not iso6346.is_valid(text)


def test_with_check_digit_completes_numbers():
    assert iso6346.with_check_digit("CSQU305438") == "CSQU3054383"


_letters = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)


@given(_letters, st.sampled_from("UJZR"), st.integers(0, 999_999), st.integers(0, 9))
def test_agrees_with_stdnum(owner, category, serial, digit):
    number = f"{owner}{category}{serial:06d}{digit}"
    assert iso6346.is_valid(number) == reference.is_valid(number)
    assert iso6346.check_digit(number[:10]) == reference.calc_check_digit(number[:10])


def test_exactly_one_check_digit_is_valid():
    rng = random.Random(3)
    for _ in range(200):
        stem = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)) + "U" + \
            f"{rng.randrange(1_000_000):06d}"
        assert sum(iso6346.is_valid(stem + str(d)) for d in range(10)) == 1


@pytest.mark.parametrize("text, expected", [
    ("BMOU0126271", "BMOU0126270"),  # only the check digit wrong
    ("BMOU0126270", None),  # right already
    ("BMOU012627", None),  # no check digit: completed()'s case
    ("BMOX0126271", None),  # not a container number's shape
    ("BMOU", None),
])
def test_corrected_gives_the_right_check_digit_of_a_whole_number(text, expected):
    assert iso6346.corrected(text) == expected


@pytest.mark.parametrize("typed, meant", [
    ("CSQU3045383", "CSQU3054383"),  # two digits swapped
    ("CSQU3054338", "CSQU3054383"),  # the last digit and the check digit swapped
    ("CZQU3054383", "CSQU3054383"),  # one letter wrong
    ("CSQU3O54383", "CSQU3054383"),  # O for 0
    ("C5QU3O5438", "CSQU3054383"),  # 5 for S and O for 0, without the check digit
    ("CSQU3054393", "CSQU3054383"),  # one digit wrong
])
def test_near_numbers_hold_the_one_meant_all_valid(typed, meant):
    near = iso6346.near(typed)
    assert meant in near
    assert all(iso6346.is_valid(number) for number in near)
    assert len(set(near)) == len(near)


def test_near_numbers_put_the_likeliest_first_and_leave_out_what_was_searched():
    assert iso6346.near("CSQU3O54383")[0] == "CSQU3054383"  # O for 0 before any other slip
    swapped = iso6346.near("CSQU3045383")
    assert swapped.index("CSQU3054383") < 10  # swaps before substitutions
    assert "CSQU3045383" not in swapped and iso6346.corrected("CSQU3045383") not in swapped
    assert iso6346.completed("CSQU305438") not in iso6346.near("CSQU305438")
    assert iso6346.near("CSQU30543") == iso6346.near("x" * 10_000) == []
