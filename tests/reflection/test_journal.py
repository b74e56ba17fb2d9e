"""The journal on SQLite and PostgreSQL: writing, full-text search with filters, resurfacing, the load kept with
each entry, and privacy between owners."""

from __future__ import annotations

import datetime as dt

import pytest

from onward.errors import BadInput, NotFound
from onward.reflection.search import Filters
from onward.reflection.service import ReflectionService
from onward.services import Services
from onward.store.base import Owner
from onward.workspace import Workspace

from ..conftest import TODAY


def ids(hits: list) -> list[int]:  # type: ignore[type-arg]
    return [hit.entry.id for hit in hits]


def test_an_entry_answers_a_prompt_with_its_tags(services: Services) -> None:
    journal = services.reflection
    entry = journal.add("A small team that talks to each other.", prompt="fit", tags="Hope, #work @team")
    assert entry.prompt == "fit"
    assert entry.prompt_title == "The job and place that suit me"
    assert entry.tags == ["hope", "work", "team"]
    assert entry.written_at.date() == TODAY
    free = journal.add("Just tired today.", prompt="free")
    assert free.prompt is None and free.prompt_title == "A free entry"


@pytest.mark.parametrize(
    ("text", "prompt", "tags", "on", "message"),
    [
        ("   ", None, "", None, "entry: nothing written yet"),
        ("ok", "career", "", None, "prompt must be one of fit, tasks, people, start, care or free, not 'career'"),
        ("ok", None, "good, bad!", None, "tags: 'bad!' can hold only letters"),
        ("ok", None, "", TODAY + dt.timedelta(days=1), "date: 2026-12-01 is after today"),
    ],
)
def test_bad_input_names_the_field_and_keeps_nothing_half_saved(
    services: Services, text: str, prompt: str | None, tags: str, on: dt.date | None, message: str
) -> None:
    with pytest.raises(BadInput, match=message):
        services.reflection.add(text, prompt=prompt, tags=tags, on=on)
    assert services.reflection.count() == 0


def test_search_matches_word_forms_needs_every_word_and_marks_them(services: Services) -> None:
    journal = services.reflection
    walk = journal.add("I kept walking past the library, thinking about reading groups.", prompt="fit")
    journal.add("The library budget meeting ran late.", prompt="tasks")
    journal.add("Walked home with Jo.", tags="family")

    assert set(ids(journal.find("walk"))) == {walk.id, walk.id + 2}
    [hit] = journal.find("walks LIBRARY")
    assert hit.entry.id == walk.id
    marked = [piece.text for piece in hit.snippet if piece.marked]
    assert marked == ["walking", "library"]
    assert "".join(piece.text for piece in hit.snippet).startswith("I kept walking past the library")
    assert journal.find("budget walking") == []


def test_what_is_typed_is_searched_as_plain_words(services: Services) -> None:
    journal = services.reflection
    entry = journal.add('He said "NEAR" and OR, then text: AND * - ok.')
    # FTS5 and tsquery operators in the search box are just words; nothing breaks, the entry is found.
    for words in ['"NEAR"', "OR and", "text: *", "-ok", 'near( "or', "'); DROP TABLE journal_entries; --"]:
        found = journal.find(words)
        assert found == [] or ids(found) == [entry.id], words
    assert ids(journal.find("near or")) == [entry.id]


def test_filters_by_prompt_tag_and_dates(services: Services) -> None:
    journal = services.reflection
    old = journal.add(
        "Rota again, three evenings this week.", prompt="tasks", tags="work", on=TODAY - dt.timedelta(days=40)
    )
    mid = journal.add("Rota swapped with Dani.", tags="work team", on=TODAY - dt.timedelta(days=10))
    new = journal.add("Rota done early, walked after.", prompt="care", tags="sleep")

    assert set(ids(journal.find("rota"))) == {old.id, mid.id, new.id}
    assert ids(journal.find("rota", Filters(prompt="tasks"))) == [old.id]
    assert ids(journal.find("rota", Filters(prompt="free"))) == [mid.id]
    assert ids(journal.find("", Filters(tag="#Work"))) == [mid.id, old.id]  # newest first without words
    assert set(ids(journal.find("rota", Filters(since=TODAY - dt.timedelta(days=10))))) == {mid.id, new.id}
    assert ids(journal.find("", Filters(until=TODAY - dt.timedelta(days=10)))) == [mid.id, old.id]
    assert ids(journal.find("", Filters(since=TODAY - dt.timedelta(days=40), until=TODAY - dt.timedelta(days=40)))) == [
        old.id
    ]
    with pytest.raises(BadInput, match="until: 2026-11-01 is before since"):
        journal.find("", Filters(since=TODAY, until=dt.date(2026, 11, 1)))


def test_editing_and_deleting_keep_the_search_in_step(services: Services) -> None:
    journal = services.reflection
    entry = journal.add("Notes about the garden.", tags="home")
    journal.edit(entry.id, text="Notes about the allotment.", prompt="care", tags="")
    assert journal.find("garden") == []
    [hit] = journal.find("allotment")
    assert hit.entry.prompt == "care" and hit.entry.tags == []
    journal.delete(entry.id)
    assert journal.find("allotment") == []
    with pytest.raises(NotFound):
        journal.get(entry.id)


def test_one_year_ago_brings_back_entries_from_around_this_date(services: Services) -> None:
    journal = services.reflection
    last_year = journal.add(
        "First week at the old school.", on=TODAY.replace(year=TODAY.year - 1) + dt.timedelta(days=5)
    )
    two_years = journal.add("Interview day.", on=TODAY.replace(year=TODAY.year - 2) - dt.timedelta(days=6))
    journal.add("Too far from this date.", on=TODAY.replace(year=TODAY.year - 1) - dt.timedelta(days=30))
    journal.add("Written this week.")
    again = journal.one_year_ago()
    assert [(year.year, [e.id for e in year.entries]) for year in again] == [
        (TODAY.year - 1, [last_year.id]),
        (TODAY.year - 2, [two_years.id]),
    ]


class FixedLoad:
    """A LoadNow of fixed ratios, handed in as services.py hands in the workload's."""

    def __init__(self, *ratios: float | None) -> None:
        self.ratios = list(ratios)

    def current_load_ratio(self) -> float | None:
        return self.ratios.pop(0)


def test_heaviest_weeks_resurface_what_was_written_in_them(services: Services) -> None:
    journal = ReflectionService(services.workspace, FixedLoad(1.1, 1.6, 1.6, 0.8))
    light = journal.add("An ordinary week.")
    heavy = [journal.add("Eleven at night, still on the rota."), journal.add("Sent the wrong figures.")]
    journal.add("Calmer now.")
    back_dated = journal.add("Remembering last month.", on=TODAY - dt.timedelta(days=30))
    assert back_dated.load_ratio is None  # the load of a week gone by is not known
    [first, *rest] = journal.heaviest_weeks()
    assert first.load_ratio == 1.6
    assert [e.id for e in first.entries] == [light.id, *[e.id for e in heavy]]  # all in this week
    assert rest == []


def test_each_entry_keeps_the_workloads_load_of_the_week(services: Services) -> None:
    """Through the composition root: the real workload forecast, read by reflection's own Protocol."""
    services.workload.planning.set_capacity(weekly_hours=10)
    services.workload.tasks.add_task("Grant report", due=TODAY + dt.timedelta(days=4), effort_hours=15)
    expected = services.workload.planning.load_forecast(1).weeks[0].ratio
    entry = services.reflection.add("Too much on this week.")
    assert expected is not None and expected > 1
    assert entry.load_ratio == pytest.approx(expected)


def test_another_owner_never_sees_my_entries(services: Services) -> None:
    store = services.store
    with store.unscoped_session() as session:
        other = Owner(name="someone else")
        session.add(other)
        session.flush()
        other_id = other.id
    theirs = ReflectionService(Workspace(services.workspace.settings, store, other_id))
    mine = services.reflection.add("My private worry about the rota.", prompt="care", tags="secret")
    theirs.add("Their own rota note.", tags="own")

    assert [h.entry.text for h in theirs.find("rota")] == ["Their own rota note."]
    assert [h.entry.text for h in theirs.find("")] == ["Their own rota note."]
    assert [t.tag for t in theirs.tag_counts()] == ["own"]
    assert theirs.find("", Filters(tag="secret")) == []
    assert theirs.export_json()["entries"][0]["title"] == "Their own rota note."
    assert len(theirs.export_json()["entries"]) == 1
    with pytest.raises(NotFound):
        theirs.get(mine.id)
    with pytest.raises(NotFound):
        theirs.edit(mine.id, text="changed")
    with pytest.raises(NotFound):
        theirs.delete(mine.id)
    assert services.reflection.get(mine.id).text == "My private worry about the rota."
