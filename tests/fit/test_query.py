"""The fit query is built from how the person rated their duties."""

from __future__ import annotations

from onward.demo import fill_demo
from onward.fit.matching.query import fit_query_from_duties
from onward.services import Services


def test_alexs_query_pulls_toward_workshops_and_away_from_grant_reports(services: Services) -> None:
    fill_demo(services)
    query = fit_query_from_duties(services.workload.duties.list_responsibilities(), wants_focus=True)
    assert any(text.startswith("Adult literacy workshops") for text in query.loved)
    assert any(text.startswith("Library partnerships") for text in query.liked)
    assert any(text.startswith("Grant reporting") for text in query.avoid)
    assert not any(text.startswith("Fundraising gala") for text in query.liked)  # liked but skill 2
    assert query.wants_focus is True and not query.is_empty
