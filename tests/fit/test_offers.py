"""Offers side by side against the ideal-role profile."""

from __future__ import annotations

import pytest

from onward.demo import fill_demo
from onward.errors import BadInput
from onward.fit.comparison import content_words, duty_appears
from onward.services import Services


def test_alexs_two_offers_compared_with_the_profile(services: Services) -> None:
    fill_demo(services)
    fits = {f.offer.employer: f for f in services.fit.compare_offers().offers}
    harbour, metro = fits["Harbour Adult Education"], fits["Metro Nonprofit Services"]
    assert harbour.loved_present == ["Adult literacy workshops", "Tutor training"] and harbour.loved_total == 3
    assert harbour.without_present == []
    assert {c.field: c.status for c in harbour.checks} == {
        "work_mode": "match",
        "team_size": "match",
        "hours": "match",
        "focus": "match",
    }
    assert metro.loved_present == []
    assert metro.without_present == ["Grant reporting", "Volunteer scheduling", "Office IT and newsletter"]
    assert metro.hours_difference == pytest.approx(2.5)
    assert {c.field: c.status for c in metro.checks}["team_size"] == "differs"
    assert harbour.closest and not metro.closest
    assert harbour.summary.startswith("It brings in 2 of the 3 duties you love (adult literacy workshops and tutor")
    assert "40 hours a week, 2.5 more than the 37.5 you wanted" in metro.summary
    assert "which you could do without" in metro.summary


def test_adding_an_offer_moves_the_application_to_offer(services: Services) -> None:
    fit = services.fit
    a = fit.add_application("Metro", "Coordinator", stage="applied")
    offer = fit.add_offer(a.id, salary=50000, currency="usd", hours_per_week=35, work_mode="remote")
    assert offer.currency == "USD" and fit.get_application(a.id).stage == "offer"
    assert fit.get_application(a.id).history[-1].note == "Offer received"
    with pytest.raises(BadInput, match="already has an offer"):
        fit.add_offer(a.id)
    wish = fit.add_application("Eastside", "Instructor")
    with pytest.raises(BadInput, match="once you have applied"):
        fit.add_offer(wish.id)
    with pytest.raises(BadInput, match="three-letter code"):
        fit.add_offer(fit.add_application("X", "Y", stage="applied").id, currency="dollars")


def test_an_offer_without_ratings_or_environment_still_reads_plainly(services: Services) -> None:
    a = services.fit.add_application("Metro", "Coordinator", stage="applied")
    services.fit.add_offer(a.id, main_duties="Reports")
    fit = services.fit.compare_offers().offers[0]
    assert fit.summary.startswith("Rate your duties to see how it lines up with what you love.")
    assert all(c.status == "unknown" for c in fit.checks)


def test_duty_names_meet_offer_wording_across_plurals_and_verb_forms() -> None:
    words = content_words("Train and support volunteer tutors; keep partnerships with local libraries")
    assert duty_appears("Tutor training", words)
    assert duty_appears("Library partnerships", words)
    assert not duty_appears("Grant reporting", words)
