"""Alex's demo tells the workload story: weeks that break, a 'temporary' duty long past its end, mistakes in the
heaviest weeks, 37.5 hours a week, and Jo who could take some work."""

from __future__ import annotations

from onward.demo import fill_demo
from onward.services import Services


def test_the_demo_shows_the_overload_and_its_causes(services: Services) -> None:
    fill_demo(services)
    w = services.workload
    assert w.planning.capacity().weekly_hours == 37.5
    assert [e.note for e in w.planning.capacity().exceptions] == ["Holidays"]
    forecast = w.planning.load_forecast(8)
    over = forecast.weeks_over
    assert len(over) >= 2 and forecast.weeks[0].over
    assert all(not week.over for week in forecast.weeks[-3:])  # it gets better: the plan can aim somewhere

    drift = w.planning.drift()
    assert [d.name for d in drift.temporary_overdue] == ["Grant reporting", "Volunteer scheduling"]
    assert drift.share_ahead is not None and drift.share_ahead > 0.3

    weeks = [
        week for week in w.mistakes.mistakes_by_week() if week.load_ratio is not None and week.start < forecast.today
    ]
    with_mistakes = [week for week in weeks if week.mistakes]
    assert len(with_mistakes) >= 2
    heaviest = sorted(weeks, key=lambda week: -(week.load_ratio or 0))[:4]
    assert all(week in heaviest for week in with_mistakes)

    offer = [m for m in w.mistakes.list_mistakes() if m.offer_checklist]
    assert [m.task_title for m in offer] == ["Weekly volunteer rota check"]
    assert [(c.name, c.weekly_limit_hours) for c in w.handoffs.list_colleagues()] == [("Jo", 8.0)]
    recurring = {t.title: t.recurrence for t in w.tasks.list_tasks(statuses=("open",)) if t.recurrence}
    assert recurring["Lead Tuesday evening workshop"] == "weekly"
