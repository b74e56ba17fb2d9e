"""Quick capture: one typed line becomes a task's fields; every word that cannot be used is named."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput
from onward.workload.capture import parse_capture, parse_effort
from onward.workload.dates import next_occurrence, parse_due

TODAY = dt.date(2026, 11, 30)  # a Monday
DUTIES = [(1, "Grant reporting"), (2, "Volunteer scheduling"), (3, "Adult literacy workshops"), (4, "Gala")]


def capture(line: str):  # type: ignore[no-untyped-def]
    return parse_capture(line, today=TODAY, duties=DUTIES)


def test_the_example_line_fills_every_field() -> None:
    found = capture("Draft grant report #grants due:fri 3h !4")
    assert found.title == "Draft grant report"
    assert (found.responsibility_id, found.responsibility) == (1, "Grant reporting")
    assert found.due == dt.date(2026, 12, 4)
    assert found.effort_hours == 3.0
    assert found.importance == 4


@pytest.mark.parametrize(
    ("tag", "duty"),
    [
        ("#GrantReporting", 1),
        ("#grant-reporting", 1),
        ("#grant", 1),
        ("#volunteers", 2),
        ("#WORKSHOPS", 3),
        ("#gala", 4),
    ],
)
def test_tags_match_duty_names_ignoring_case_spaces_and_plurals(tag: str, duty: int) -> None:
    assert capture(f"Something {tag}").responsibility_id == duty


def test_an_unknown_tag_is_named_with_the_duties_there_are() -> None:
    with pytest.raises(BadInput, match=r"#payroll does not match .*'Grant reporting'"):
        capture("Run payroll #payroll")


def test_an_ambiguous_tag_names_the_candidates() -> None:
    with pytest.raises(BadInput, match="could mean several"):
        parse_capture("x #report", today=TODAY, duties=[(1, "Report A"), (2, "Report B")])


def test_two_duties_in_one_line_are_refused() -> None:
    with pytest.raises(BadInput, match="one responsibility"):
        capture("x #grants #gala")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("today", TODAY),
        ("tomorrow", dt.date(2026, 12, 1)),
        ("mon", dt.date(2026, 12, 7)),  # the next Monday after today, as Taskwarrior does
        ("friday", dt.date(2026, 12, 4)),
        ("2027-01-15", dt.date(2027, 1, 15)),
        ("+3d", dt.date(2026, 12, 3)),
        ("+2w", dt.date(2026, 12, 14)),
    ],
)
def test_due_words(word: str, expected: dt.date) -> None:
    assert parse_due(word, TODAY) == expected
    assert capture(f"Call Jo due:{word}").due == expected


def test_a_bad_due_date_says_what_works() -> None:
    with pytest.raises(BadInput, match=r"'fri\?' is not a date .*\+2w"):
        capture("Call Jo due:fri?")


@pytest.mark.parametrize(("word", "hours"), [("3h", 3.0), ("90m", 1.5), ("1.5h", 1.5), ("1,5h", 1.5), ("1h30m", 1.5)])
def test_effort_words(word: str, hours: float) -> None:
    assert parse_effort(word) == hours


def test_effort_that_could_be_read_two_ways_is_refused_not_guessed() -> None:
    with pytest.raises(BadInput, match=r"^'1,200h': '1,200' could mean 1200 or 1.2; write 1200 or 1.2$"):
        parse_effort("1,200h")
    assert parse_effort("7,5h") == 7.5  # never 75


@pytest.mark.parametrize("word", ["-3h", "0h", "0m", "-90m", "0,0h"])
def test_zero_or_negative_hours_are_refused_not_put_in_the_title(word: str) -> None:
    # The issue: "-3h" was saved into the title with 0 h.
    with pytest.raises(BadInput, match=f"^'{word}': the hours must be more than 0$"):
        capture(f"Call the printer {word}")


def test_words_that_only_look_like_markers_stay_in_the_title() -> None:
    found = capture("Fix issue #42 now! !!")
    assert found.title == "Fix issue #42 now! !!"
    assert found.responsibility_id is None and found.importance is None


def test_importance_out_of_range_and_an_empty_title_are_refused() -> None:
    with pytest.raises(BadInput, match="!1 to !5"):
        capture("Call Jo !9")
    with pytest.raises(BadInput, match="no title"):
        capture("#grants due:fri 3h")


def test_recurrence_word_and_next_occurrences() -> None:
    assert capture("Rota recur:weekly").recurrence == "weekly"
    with pytest.raises(BadInput, match="recur must be"):
        capture("Rota recur:fortnightly")
    assert next_occurrence(dt.date(2027, 1, 31), "monthly") == dt.date(2027, 2, 28)
    assert next_occurrence(dt.date(2026, 12, 31), "daily") == dt.date(2027, 1, 1)
    assert next_occurrence(dt.date(2026, 12, 28), "weekly") == dt.date(2027, 1, 4)
