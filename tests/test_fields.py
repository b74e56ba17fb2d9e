"""onward.fields: what people type is read the same way everywhere, and a mistake is named, never guessed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.fields import (
    Reading,
    hours,
    optional_amount,
    optional_date,
    optional_hours,
    optional_int,
    optional_number,
    required_date,
)

# Decimals as people type them: up to 5 whole digits and 1 to 4 decimals ("7.5", "37.25", "0.125").
decimals = st.decimals(min_value=0, max_value=99_999, places=4, allow_nan=False, allow_infinity=False)


def _typed(value: Decimal, mark: str) -> str:
    whole, _, fraction = f"{value:f}".partition(".")
    fraction = fraction.rstrip("0")
    return f"{whole}{mark}{fraction}" if fraction else whole


def _two_readings(text: str) -> bool:
    """True for "1,200"-like text: one mark, 1-3 whole digits not starting with 0, exactly 3 after it."""
    whole, _, fraction = text.replace(",", ".").partition(".")
    return len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0")


@given(decimals, st.sampled_from([",", "."]))
@example(Decimal("7.5"), ",")
@example(Decimal("37.5"), ",")
@example(Decimal("0.125"), ",")
def test_a_decimal_with_a_comma_or_a_point_reads_back_as_itself(value: Decimal, mark: str) -> None:
    text = _typed(value, mark)
    if _two_readings(text):
        with pytest.raises(BadInput, match="could mean"):
            optional_hours(text, "hours")
        # Money never has three decimals: there it is grouping.
        assert optional_amount(text, "salary") == float(text.replace(mark, ""))
    else:
        assert optional_hours(text, "hours") == float(value)
        assert optional_amount(text, "salary") == float(value)


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([",", ".", " ", "\u00a0"]))
def test_grouped_thousands_read_as_the_whole_number(value: int, mark: str) -> None:
    text = f"{value:,}".replace(",", mark)
    assert optional_amount(text, "salary") == value
    if text.count(mark) > 1 or mark.isspace():
        assert optional_hours(text, "hours") == value


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=0, max_value=99))
def test_both_marks_the_last_is_the_decimal_one(whole: int, cents: int) -> None:
    english, german = f"{whole:,}.{cents:02d}", f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    expected = float(f"{whole}.{cents:02d}")
    assert optional_amount(english, "salary") == optional_amount(german, "salary") == expected
    assert optional_hours(english, "hours") == optional_hours(german, "hours") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7,5", 7.5), ("37,5", 37.5), ("37.5", 37.5), (" 40 ", 40), (",5", 0.5), ("-2", -2), ("0,125", 0.125),
     ("1.234,5", 1234.5), ("1 234", 1234), ("1,234,567", 1234567)],
)  # fmt: skip
def test_hours_as_people_write_them(text: str, expected: float) -> None:
    assert optional_hours(text, "hours") == expected


NOT_NUMBERS = ["nan", "inf", "1e3", "7,5,0", "1,23,4", "12 34", "abc", "3h", "$40", "- 5", "9" * 400]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers_are_named(text: str) -> None:
    with pytest.raises(BadInput) as refused:
        optional_number(text, "hours per week")
    assert refused.value.message == f"hours per week is not a number (got {text!r})"


def test_an_ambiguous_value_names_both_readings() -> None:
    with pytest.raises(BadInput) as refused:
        optional_hours("1,200", "hours per week")
    assert refused.value.message == "hours per week: '1,200' could mean 1200 or 1.2; write 1200 or 1.2"
    assert optional_amount("48,000", "salary") == 48000


def test_blank_is_none_and_required_values_say_so() -> None:
    assert optional_hours("  ", "hours") is None and optional_amount("", "salary") is None
    assert optional_int("", "skill") is None and optional_date(None, "--on") is None
    with pytest.raises(BadInput, match=r"^--weekly-limit: a number of hours is needed$"):
        hours(" ", "--weekly-limit")
    with pytest.raises(BadInput, match=r"^first day: a date is needed \(use YYYY-MM-DD\)$"):
        required_date("", "first day")
    assert required_date(" 2026-12-24 ", "first day") == dt.date(2026, 12, 24)


@pytest.mark.parametrize("text", ["4.5", "four", "1e2", "٣"])
def test_whole_numbers_only(text: str) -> None:
    with pytest.raises(BadInput, match="skill is not a whole number"):
        optional_int(text, "skill")
    assert optional_int("+2", "energy") == 2 and optional_int("−2", "energy") == -2


def test_reading_keeps_every_message_by_field() -> None:
    read = Reading()
    assert read.read(optional_hours, "37,5", "hours", "hours") == 37.5
    assert read.read(optional_int, "many", "team", "team size") is None
    assert read.read(optional_date, "soon", "start", "start date") is None
    with pytest.raises(BadInput) as refused:
        read.done()
    assert refused.value.fields == {
        "team": "team size is not a whole number (got 'many')",
        "start": "start date: 'soon' is not a date (use YYYY-MM-DD)",
    }
    Reading().done()  # nothing wrong, nothing raised
