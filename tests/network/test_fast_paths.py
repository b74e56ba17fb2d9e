"""The grouped queries give what walking every contact gives: losing touch, duplicates and suggestions, on a small
hand-checked address book, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.demo import fill_demo
from onward.network import queries
from onward.network.models import Contact
from onward.network.schemas import ContactRecord
from onward.services import Services

from ..conftest import TODAY


def _add(services: Services, name: str, **values: object) -> int:
    return services.network.contacts.add(ContactRecord(name=name, where="test", **values)).id  # type: ignore[arg-type]


def _walked(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int, dt.date]]:
    """The losing-touch list the Python walk gives (the path taken when a tag's case SQL cannot fold)."""
    monkeypatch.setattr(queries, "ascii_tags", lambda by_tag: False)
    losing = services.network.follow_ups.losing_touch()
    walked = [(lt.name, lt.cadence_days, lt.days_overdue, lt.since) for lt in losing]
    monkeypatch.undo()
    return walked


def test_losing_touch_from_the_database_is_the_hand_checked_list(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    book, log = services.network.contacts, services.network.interactions.log
    book.set_tag_cadence("Teaching", 60)
    book.set_tag_cadence("adult learning", 200)
    # Tag cadence (any case), the shortest of two tags; own cadence first even when a tag is shorter.
    margaret = _add(services, "Margaret", tags=["TEACHING", "Adult learning"], met_on=TODAY - dt.timedelta(days=900))
    log(margaret, "email", on=TODAY - dt.timedelta(days=130))
    log(margaret, "call", on=TODAY - dt.timedelta(days=150))  # the newest counts, not the first logged
    own = _add(services, "Own cadence", tags=["teaching"], cadence_days=100, met_on=TODAY - dt.timedelta(days=130))
    # No interaction: the clock starts when they met.
    _add(services, "Met long ago", cadence_days=30, met_on=TODAY - dt.timedelta(days=45))
    # A tag that only contains a cadence tag's words is not that tag.
    _add(services, "Not the tag", tags=["teaching assistants"], met_on=TODAY - dt.timedelta(days=900))
    within = _add(services, "Within", cadence_days=30, met_on=TODAY - dt.timedelta(days=400))
    log(within, "coffee", on=TODAY - dt.timedelta(days=30))  # exactly on the cadence: not beyond it
    # Added today without a date met: not losing touch on day one.
    _add(services, "Just added", cadence_days=1)
    fast = [(lt.name, lt.cadence_days, lt.days_overdue, lt.since) for lt in services.network.follow_ups.losing_touch()]
    assert fast == [
        ("Margaret", 60, 70, TODAY - dt.timedelta(days=130)),
        ("Own cadence", 100, 30, TODAY - dt.timedelta(days=130)),
        ("Met long ago", 30, 15, TODAY - dt.timedelta(days=45)),
    ]
    assert fast == _walked(services, monkeypatch)
    assert own


def test_duplicates_and_suggestions_match_the_full_walk_on_alexs_demo(services: Services) -> None:
    fill_demo(services)
    network = services.network
    a = _add(services, "Sam Reyes", emails=["SAM@reyes.example"], organisation="Harbour Trust")
    b = _add(services, "sam reyes", organisation="harbour trust ")
    # The same e-mail in another case arrives by import (typing it in is refused), so it is stored directly here.
    with services.workspace.session() as session:
        row = Contact(key="uid:s-reyes", name="S. Reyes", emails=["other@reyes.example", "sam@Reyes.example"])
        session.add(row)
        session.flush()
        c = row.id
    everyone = network.contacts.list_all()
    fast_groups = network.duplicates.groups()
    assert fast_groups == network.duplicates.groups(everyone)
    ids = {contact.id for group in fast_groups for contact in group.contacts}
    assert {a, b, c} <= ids  # the same e-mail in another case, the same name at the same organisation
    assert [len(group.contacts) for group in fast_groups if a in {x.id for x in group.contacts}] == [3]
    assert network.suggestions() == network.suggestions(everyone)


def test_the_losing_touch_suggestions_leave_out_mentors_and_the_recent(services: Services) -> None:
    network = services.network
    old = TODAY - dt.timedelta(days=900)
    _add(services, "A mentor", relationship="mentor", cadence_days=30, met_on=old)
    recent = _add(services, "B recent", cadence_days=30, met_on=old)
    network.interactions.log(recent, "call", on=TODAY - dt.timedelta(days=40))  # losing touch, yet this past year
    _add(services, "C plain", cadence_days=30, met_on=old)
    assert [lt.name for lt in network.follow_ups.losing_touch()] == ["A mentor", "C plain", "B recent"]
    fast = network.suggestions()
    assert [s.name for s in fast.losing_touch] == ["C plain"]
    assert [s.name for s in fast.mentors] == ["A mentor"]
    assert [s.name for s in fast.met_this_year] == ["B recent"]
    assert fast == network.suggestions(network.contacts.list_all())
