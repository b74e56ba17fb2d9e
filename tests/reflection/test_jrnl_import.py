"""jrnl's JSON export in and out: the real shape jrnl writes, generated journals round-tripped, re-imports that add
nothing, and bad files that change nothing and name the entry."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.reflection import jrnl
from onward.reflection.search import Filters
from onward.services import Services

JRNL_FILE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"
# Like jrnl's own: a title (first sentence), a body, minutes, tags with the @ in front.
words = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)
titles = st.lists(words, min_size=1, max_size=6).map(" ".join)
bodies = st.one_of(
    st.just(""), st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), max_size=3).map("\n".join)
)
moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2026, 11, 30)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)
entries = st.builds(
    lambda title, body, moment, tags, starred: {
        "title": title,
        "body": body,
        "date": moment.strftime("%Y-%m-%d"),
        "time": moment.strftime("%H:%M"),
        "tags": [f"@{tag.lower()}" for tag in tags],
        "starred": starred,
    },
    titles,
    bodies,
    moments,
    st.lists(st.from_regex(r"[a-z][a-z0-9_-]{0,15}", fullmatch=True), max_size=3, unique=True),
    st.booleans(),
)
journals = st.lists(entries, max_size=15).map(lambda found: {"tags": {}, "entries": found})
ON_ONE_DATABASE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_a_file_jrnl_wrote_comes_in_whole(services: Services) -> None:
    result = services.reflection.import_jrnl(json.loads(JRNL_FILE.read_text()))
    assert (result.in_file, result.added, result.already_there) == (3, 3, 0)
    [sick] = [hit.entry for hit in services.reflection.find("sick")]
    assert sick.text == "Called in sick.\nUsed the time to clean the house and think about what I actually want next."
    assert sick.written_at == dt.datetime(2025, 3, 14, 9, 0)
    assert sick.prompt is None
    [desk] = [hit.entry for hit in services.reflection.find("desk")]
    assert desk.tags == ["work", "dani", "starred"]  # jrnl's star is kept as a tag
    tagged = [hit.entry.written_at.date() for hit in services.reflection.find("", Filters(tag="work"))]
    assert tagged == [dt.date(2025, 4, 2), dt.date(2025, 3, 18)]


def test_importing_the_same_file_again_adds_nothing(services: Services) -> None:
    data = json.loads(JRNL_FILE.read_text())
    services.reflection.import_jrnl(data)
    again = services.reflection.import_jrnl(data)
    assert (again.added, again.already_there) == (0, 3)
    assert services.reflection.count() == 3


@given(journal=journals)
@ON_ONE_DATABASE
def test_any_jrnl_journal_round_trips_and_never_doubles(services: Services, journal: Any) -> None:
    journal_service = services.reflection
    before = journal_service.count()
    distinct = {jrnl.read_entry(entry, i).source_key for i, entry in enumerate(journal["entries"], start=1)}
    first = journal_service.import_jrnl(journal)
    assert first.in_file == len(journal["entries"])
    assert journal_service.count() - before == first.added <= len(distinct)
    assert journal_service.import_jrnl(journal).added == 0
    # Onward's own export comes back in as the same entries: nothing added.
    assert journal_service.import_jrnl(journal_service.export_json()).added == 0


@given(journal=journals)
@settings(max_examples=100, deadline=None)
def test_written_then_read_gives_the_same_entries(journal: Any) -> None:
    read = jrnl.read_export(journal)
    written = jrnl.write_export([jrnl.EntryToWrite(e.written_at, e.text, e.tags, e.prompt, e.source_key) for e in read])
    again = jrnl.read_export(written)
    assert [(e.written_at, e.text, e.tags, e.source_key) for e in again] == [
        (e.written_at, e.text, e.tags, e.source_key) for e in read
    ]


BAD_ENTRIES = [
    ({"title": "Fine", "date": "2025-13-01", "time": "09:00"}, "entry 2 ('Fine'): date '2025-13-01'"),
    ({"title": "", "body": "", "date": "2025-01-01", "time": "09:00"}, "entry 2: the entry has no text"),
    ({"body": "no title", "date": "2025-01-01"}, "entry 2: 'title' is missing"),
    ({"title": "Tags", "date": "2025-01-01", "tags": "@work"}, "entry 2 ('Tags'): 'tags' should be a list"),
    ({"title": "Star", "date": "2025-01-01", "starred": "yes"}, "entry 2 ('Star'): 'starred' should be true or false"),
    ({"title": "Prompt", "date": "2025-01-01", "prompt": "career"}, "entry 2 ('Prompt'): prompt 'career'"),
    ("just text", "entry 2: expected an object"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ENTRIES)
def test_a_bad_entry_stops_the_import_and_changes_nothing(services: Services, bad: Any, message: str) -> None:
    good = {"title": "A good entry.", "body": "", "date": "2025-01-01", "time": "08:00", "tags": [], "starred": False}
    with pytest.raises(BadInput) as raised:
        services.reflection.import_jrnl({"tags": {}, "entries": [good, bad]})
    assert raised.value.message.startswith(message)
    assert services.reflection.count() == 0


@given(bad_at=st.integers(min_value=0, max_value=14), journal=st.lists(entries, min_size=1, max_size=15))
@ON_ONE_DATABASE
def test_wherever_the_bad_entry_is_nothing_is_imported(services: Services, bad_at: int, journal: list[Any]) -> None:
    position = min(bad_at, len(journal))
    broken = [*journal[:position], {"title": "Broken", "date": "yesterday"}, *journal[position:]]
    before = services.reflection.count()
    with pytest.raises(BadInput, match=f"entry {position + 1} \\('Broken'\\)"):
        services.reflection.import_jrnl({"entries": broken})
    assert services.reflection.count() == before


def test_a_file_that_is_not_a_jrnl_export_says_so(services: Services) -> None:
    with pytest.raises(BadInput, match="not a jrnl JSON export"):
        services.reflection.import_jrnl({"tables": {}})
