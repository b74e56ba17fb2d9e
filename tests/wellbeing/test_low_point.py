"""The low point: each sign, shown once per episode, dismissible, and calm without a network part."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from onward.services import Services
from onward.wellbeing.lowpoint import NO_PEOPLE, Signals, episode
from onward.wellbeing.peers import SupportPerson
from onward.wellbeing.schemas import CheckInView, ResponseView
from onward.wellbeing.service import WellbeingService

from ..conftest import TODAY


def _day(days_ago: int, mood: int) -> CheckInView:
    return CheckInView(TODAY - dt.timedelta(days=days_ago), mood, 3, None, None, None, None, None, "", None)


def _who5(days_ago: int, value: float) -> ResponseView:
    return ResponseView(days_ago, "who5", TODAY - dt.timedelta(days=days_ago), [], {"wellbeing": value})


def _cbi(days_ago: int, work: float) -> ResponseView:
    return ResponseView(
        100 + days_ago, "cbi", TODAY - dt.timedelta(days=days_ago), [], {"personal": 40.0, "work": work}
    )


def falling_mood() -> list[CheckInView]:
    """Three weeks of check-ins: 4s, then 3s, then 2s (oldest first)."""
    return [_day(d, 4 if d >= 14 else 3 if d >= 7 else 2) for d in range(20, -1, -1)]


def test_each_sign_on_its_own() -> None:
    found = episode(TODAY, [], [_who5(3, 24)])
    assert found is not None and "was 24, which is 28 or less" in found[1][0]
    assert episode(TODAY, [], [_who5(3, 32)]) is None
    assert episode(TODAY, [], [_who5(40, 20)]) is None  # a WHO-5 from long ago says little about now
    found = episode(TODAY, falling_mood(), [])
    assert found is not None and "gone down two weeks in a row" in found[1][0]
    assert episode(TODAY, [_day(d, 3) for d in range(21)], []) is None
    found = episode(TODAY, [], [_cbi(30, 55), _cbi(5, 60)])
    assert found is not None and "last two work-related" in found[1][0]
    assert episode(TODAY, [], [_cbi(30, 55), _cbi(5, 45)]) is None


def test_of_two_taken_the_same_day_the_later_one_counts() -> None:
    assert episode(TODAY, [], [_who5(0, 20), _who5(0, 48)]) is None
    assert episode(TODAY, [], [_who5(0, 48), _who5(0, 20)]) is not None


def test_an_episode_starts_on_the_first_day_of_its_run() -> None:
    found = episode(TODAY, [], [_who5(10, 20)])
    assert found is not None and found[0] == TODAY - dt.timedelta(days=10)


class People:
    def __init__(self, people: Sequence[SupportPerson]) -> None:
        self.people = people

    def support_people(self) -> Sequence[SupportPerson]:
        return self.people


def test_shown_once_per_episode_and_dismissible(services: Services) -> None:
    wellbeing = services.wellbeing
    assert wellbeing.low_point.current() is None
    wellbeing.questionnaires.take("who5", [1, 1, 1, 1, 1], taken_on=TODAY - dt.timedelta(days=2))  # 20
    shown = wellbeing.low_point.current()
    assert shown is not None and shown.people == [] and shown.people_hint == NO_PEOPLE
    assert shown.help_line == services.workspace.settings.professional_help_line
    wellbeing.low_point.dismiss()
    assert wellbeing.low_point.current() is None  # put away for this episode
    # The WHO-5 after goes up: the episode ends. A later low starts a new one, and the message comes back.
    wellbeing.questionnaires.take("who5", [3, 3, 3, 3, 3], taken_on=TODAY - dt.timedelta(days=1))
    assert wellbeing.low_point.current() is None
    wellbeing.questionnaires.take("who5", [1, 1, 1, 1, 0])
    again = wellbeing.low_point.current()
    assert again is not None and again.since == TODAY


def test_the_people_named_as_support_are_listed(services: Services) -> None:
    people = People([SupportPerson("Sam", "07700 900123"), SupportPerson("Priya")])
    wellbeing = WellbeingService(services.workspace, support=people)
    wellbeing.questionnaires.take("who5", [1, 1, 1, 1, 1])
    shown = wellbeing.low_point.current()
    assert shown is not None and [p.name for p in shown.people] == ["Sam", "Priya"] and shown.people_hint == ""


def test_the_support_contacts_from_network_reach_the_message(services: Services) -> None:
    """As wired in onward.services: contacts marked "someone I can lean on" under Network are the people shown."""
    from onward.network.schemas import ContactRecord

    services.network.contacts.add(ContactRecord(name="Sam Okafor", where="test", phones=["07700 900123"], support=True))
    services.network.contacts.add(ContactRecord(name="Dana Reyes", where="test", emails=["dana@example.org"]))
    services.wellbeing.questionnaires.take("who5", [1, 1, 1, 1, 1])
    shown = services.wellbeing.low_point.current()
    assert shown is not None
    assert [(p.name, p.how_to_reach) for p in shown.people] == [("Sam Okafor", "07700 900123")]


def test_the_help_line_is_a_setting(services: Services) -> None:
    settings = services.workspace.settings.model_copy(update={"professional_help_line": "Call the EAP: 0800 123"})
    workspace = dataclasses.replace(services.workspace, settings=settings)
    wellbeing = WellbeingService(workspace)
    wellbeing.questionnaires.take("who5", [0, 1, 1, 1, 1])
    shown = wellbeing.low_point.current()
    assert shown is not None and shown.help_line == "Call the EAP: 0800 123"


@settings(max_examples=60, deadline=None)
@given(
    moods=st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=60, max_size=60),
    who5=st.lists(st.tuples(st.integers(0, 59), st.integers(0, 25).map(lambda raw: 4.0 * raw)), max_size=4),
    cbi=st.lists(st.tuples(st.integers(0, 59), st.sampled_from((25.0, 50.0, 75.0))), max_size=4),
)
def test_the_quick_sweep_agrees_with_the_signs_day_by_day(
    moods: list[int | None], who5: list[tuple[int, float]], cbi: list[tuple[int, float]]
) -> None:
    check_ins = [_day(59 - i, mood) for i, mood in enumerate(moods) if mood is not None]
    signals = Signals(
        TODAY,
        check_ins,
        [(TODAY - dt.timedelta(days=d), v) for d, v in sorted(who5, reverse=True)],
        [(TODAY - dt.timedelta(days=d), v) for d, v in sorted(cbi, reverse=True)],
    )
    held = signals.held_by_day(TODAY)
    for back in range(60):
        day = TODAY - dt.timedelta(days=back)
        assert held[-1 - back] == bool(signals.on(day)), day
