"""The questionnaires' published scoring: worked examples from the issue, and properties over any answer pattern."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.wellbeing import instruments
from onward.wellbeing.instruments import CBI, CBI_ITEMS, WHO5, WHO5_ITEMS, parse_answers, score

CBI_POINTS = st.sampled_from(instruments.CBI_POINTS)
WHO5_POINTS = st.integers(min_value=0, max_value=5)


def test_the_issue_example_and_the_reversed_item() -> None:
    # Personal: 75,75,75,50,75,50 -> 66.7. Work: six items of 75/50 and the reversed "enough energy" item
    # answered "Seldom" (25), which counts as 75.
    answers = [75, 75, 75, 50, 75, 50, 75, 75, 50, 75, 50, 50, 25]
    assert score(CBI, answers) == {"personal": 66.7, "work": 64.3, "client": None}
    # Answering "Always" to having enough energy is the opposite of burnout: it lowers the work score.
    energetic = [*answers[:12], 100]
    assert score(CBI, energetic)["work"] == round((75 + 75 + 50 + 75 + 50 + 50 + 0) / 7, 1)


def test_who5_is_the_raw_score_times_four() -> None:
    assert score(WHO5, [3, 2, 4, 1, 2]) == {"wellbeing": 48.0}
    assert score(WHO5, [5, 5, 5, 5, 5]) == {"wellbeing": 100.0}
    assert score(WHO5, [0, 0, 0, 0, 0]) == {"wellbeing": 0.0}


def test_the_item_wording_is_as_published() -> None:
    assert len(CBI_ITEMS) == 19 and len(WHO5_ITEMS) == 5
    assert [sum(1 for i in CBI_ITEMS if i.scale == s) for s in ("personal", "work", "client")] == [6, 7, 6]
    assert CBI_ITEMS[0].text == "How often do you feel tired?"
    assert CBI_ITEMS[12].text == "Do you have enough energy for family and friends during leisure time?"
    assert [i.number for i in CBI_ITEMS if i.reversed] == [13]
    assert CBI_ITEMS[6].options[0] == ("To a very high degree", 100)  # the first three work items ask "to what degree"
    assert CBI_ITEMS[9].options[-1] == ("Never/almost never", 0)
    assert WHO5_ITEMS[0].text == "I have felt cheerful and in good spirits"
    assert WHO5_ITEMS[4].options[0] == ("All of the time", 5) and WHO5_ITEMS[4].options[-1] == ("At no time", 0)


def test_published_minimum_of_answered_items() -> None:
    # Personal needs 3 of 6, work-related 4 of 7, client-related 3 of 6.
    two_personal = [100, 100, None, None, None, None]
    three_work = [50, 50, 50, None, None, None, None]
    assert score(CBI, two_personal + three_work)["personal"] is None
    assert score(CBI, two_personal + three_work)["work"] is None
    assert score(CBI, [100, 100, 100, None, None, None, 50, 50, 50, 50, None, None, None]) == {
        "personal": 100.0,
        "work": 50.0,
        "client": None,
    }
    client = [25, 25, 25, None, None, None]
    assert score(CBI, [0] * 13 + client)["client"] == 25.0
    # The WHO-5 is a sum of all five: a skipped statement leaves it unscored rather than guessed.
    assert score(WHO5, [5, 5, 5, 5, None]) == {"wellbeing": None}


@given(st.lists(st.one_of(st.none(), CBI_POINTS), min_size=19, max_size=19))
def test_any_cbi_pattern_scores_in_range_or_not_at_all(answers: list[int | None]) -> None:
    scores = score(CBI, answers)
    for scale in instruments.CBI_SCALES:
        answered = [a for item, a in zip(CBI_ITEMS, answers, strict=True) if item.scale == scale.key and a is not None]
        value = scores[scale.key]
        if len(answered) < scale.minimum_answered:
            assert value is None
        else:
            assert value is not None and 0 <= value <= 100
            assert value % 25 == 0 or len(answered) > 1  # a one-answer mean is that answer's points


@given(st.lists(CBI_POINTS, min_size=13, max_size=13))
def test_more_burnout_on_any_item_never_lowers_its_scale(answers: list[int]) -> None:
    before = score(CBI, answers)
    for i in range(13):
        worse = list(answers)
        item = CBI_ITEMS[i]
        # "Worse" is a higher point value, except for the reversed item, where it is a lower one.
        worse[i] = 0 if item.reversed else 100
        after = score(CBI, worse)
        assert after[item.scale] is not None and before[item.scale] is not None
        assert after[item.scale] >= before[item.scale]  # type: ignore[operator]


@given(st.lists(st.one_of(st.none(), WHO5_POINTS), min_size=5, max_size=5))
def test_any_who5_pattern_scores_in_range_in_steps_of_four(answers: list[int | None]) -> None:
    value = score(WHO5, answers)["wellbeing"]
    if None in answers:
        assert value is None
    else:
        assert value is not None and 0 <= value <= 100 and value % 4 == 0


@given(st.lists(st.one_of(st.none(), CBI_POINTS), min_size=19, max_size=19))
def test_answers_typed_on_the_command_line_read_back_the_same(answers: list[int | None]) -> None:
    text = ",".join("" if a is None else str(a) for a in answers)
    assert parse_answers(text) == answers


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        (CBI, [75] * 12, "the CBI takes 13 answers"),
        (CBI, [75] * 12 + [60], "item 13"),
        (WHO5, [3, 2, 4, 1], "the WHO-5 takes 5 answers"),
        (WHO5, [3, 2, 4, 1, 6], "item 5"),
    ],
)
def test_answers_that_do_not_fit_say_which_and_why(instrument: str, answers: list[int | None], message: str) -> None:
    with pytest.raises(BadInput, match=message):
        score(instrument, answers)


def test_readings_are_plain_and_never_a_diagnosis() -> None:
    assert instruments.read_cbi(50.0).band == "high"
    assert instruments.read_cbi(49.9).band == "not_high"
    assert instruments.read_who5(28.0).band == "professional"
    assert instruments.read_who5(48.0).band == "low"
    assert instruments.read_who5(52.0).band == "fine"
    assert instruments.change_words(48.0, 60.0).startswith("12 points up")
    assert instruments.change_words(48.0, 52.0).startswith("About the same")
