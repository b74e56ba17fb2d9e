"""Alex's journal in the demo: every prompt answered, a year-ago entry and the heaviest weeks to resurface."""

from __future__ import annotations

from onward.demo import fill_demo
from onward.reflection.prompts import KEYS
from onward.services import Services


def test_alex_has_answered_every_prompt_and_has_entries_to_read_again(services: Services) -> None:
    assert "reflection" in fill_demo(services)
    journal = services.reflection
    counts = journal.prompt_counts()
    assert all(counts.get(key, 0) >= 1 for key in KEYS) and counts[None] >= 1
    again = journal.resurfaced()
    assert [year.year for year in again.one_year_ago] == [services.today.year - 1]
    heaviest = again.heaviest[0]
    assert heaviest.load_ratio == 1.46
    assert any("Eleven at night" in entry.text for entry in heaviest.entries)
