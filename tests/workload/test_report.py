"""The one page for the 1:1, on both databases: what it says, and that it prints on one page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from weasyprint import HTML

from onward.cli.main import main
from onward.demo import fill_demo
from onward.services import Services
from onward.workload.handoff.view import handoff
from onward.workload.report.page import render_html, render_markdown, render_pdf


@pytest.fixture
def alex(services: Services) -> Services:
    fill_demo(services)
    return services


def test_the_report_says_where_alex_stands_and_what_to_propose(alex: Services) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["A decision on grant reporting", " "])
    forecast = alex.workload.planning.load_forecast()
    assert [w.hours_needed for w in report.weeks] == pytest.approx([w.hours_needed for w in forecast.weeks])
    assert report.job_title == "Program Coordinator"
    assert any(item.startswith("Grant reporting: 'temporary'") for item in report.temporary_overdue)
    assert {t.title for t in report.overdue} >= {"Gather receipts for the auditor"}
    # The proposal is the plan's: what Alex can do alone, in hours and who takes it.
    plan = handoff(alex.workload)
    assert {h.title for h in report.handoffs} == {s.title for s in plan.suggestions}
    assert report.handoff_feasible == plan.feasible and report.before is None and report.changes == []
    assert report.needs == ["A decision on grant reporting"]
    assert sum(d.share for d in report.duties) == pytest.approx(1.0)


def test_after_applying_the_report_tells_what_changed_and_what_is_asked(services: Services) -> None:
    w = services.workload
    w.planning.set_capacity(weekly_hours=20)
    job = w.duties.add_job("Centre coordinator")
    desk = w.duties.add_responsibility(job.id, "Front desk")
    w.duties.rate_responsibility(desk.id, enjoyment="without", skill=2)
    w.handoffs.add_colleague("Sam", weekly_limit_hours=6)
    today = services.workspace.today
    w.tasks.add_task("Rota", responsibility_id=desk.id, due=today + dt.timedelta(2), effort_hours=14, importance=5)
    w.tasks.add_task("Cover", responsibility_id=desk.id, due=today + dt.timedelta(7), effort_hours=20, importance=5)
    w.tasks.add_task("Newsletter", due=today + dt.timedelta(10), effort_hours=10, importance=2)
    w.tasks.add_task("Training", responsibility_id=desk.id, due=today + dt.timedelta(13), effort_hours=10, importance=3)
    before = w.reports.one_on_one_report()
    w.handoffs.apply_plan()
    report = w.reports.one_on_one_report(needs=["Cover for the front desk on Mondays"])
    # Truthful: the changes made are listed, the load before them is shown, the asks keep their hours.
    assert report.changes and report.before is not None
    assert report.before.hours_needed == pytest.approx(before.hours_needed, abs=0.1)
    assert report.hours_needed < report.before.hours_needed
    assert {c.action for c in report.changes} <= {"handed_off", "deferred", "dropped"}
    assert any(c.colleague == "Sam" for c in report.changes if c.action == "handed_off")
    assert report.asks and all(a.hours > 0 for a in report.asks) and not report.handoff_feasible
    markdown = render_markdown(report)
    assert "## What I have already changed" in markdown and "## What I need you to agree to" in markdown
    assert "0 of" not in markdown and "Nothing needs to move" not in markdown
    # Ratings are private unless asked for, on every format.
    for text in (markdown, render_html(report)):
        assert "without" not in text.replace("without a due date", "") and "skill" not in text
    shared = w.reports.one_on_one_report(with_ratings=True)
    assert "Front desk: without, skill 2" in render_markdown(shared)
    # The person picks what goes in.
    keys = [key for key, _ in report.choices]
    picked = w.reports.one_on_one_report(pick=keys[:1])
    assert len(picked.changes) + len(picked.handoffs) + len(picked.asks) == 1


def test_overdue_work_that_cannot_fit_breaks_this_week_not_a_week_gone_by(services: Services) -> None:
    w = services.workload
    w.planning.set_capacity(weekly_hours=5)
    today = services.workspace.today
    w.tasks.add_task("Receipts for the auditor", due=today - dt.timedelta(10), effort_hours=30, importance=5)
    report = w.reports.one_on_one_report()
    assert report.asks and report.breaking_weeks
    (line,) = report.breaking_weeks
    assert line.startswith("This week: ") and "overdue work included" in line, line
    gone_by = (today - dt.timedelta(10)) - dt.timedelta(days=(today - dt.timedelta(10)).weekday())
    assert f"{gone_by:%d %B}" not in render_markdown(report).split("## What I need you to agree to")[1]


def test_markdown_and_html_carry_the_same_proposal(alex: Services) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["Two weeks without new duties"])
    markdown, html = render_markdown(report), render_html(report)
    first = report.handoffs[0]
    assert first.title in markdown and first.title in html
    assert first.reason in markdown
    assert "## What I need" in markdown and "Two weeks without new duties" in html
    assert "<svg" in html and "Hours needed each week, by duty" in html


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_prints_on_one_page(alex: Services, paper: str) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["One", "Two", "Three"])
    assert len(HTML(string=render_html(report, paper=paper)).render().pages) == 1
    assert render_pdf(report, paper=paper).startswith(b"%PDF")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_fullest_report_still_prints_on_one_page(alex: Services, paper: str) -> None:
    # After applying the plan, with every item, the ratings and five needs: still one page.
    alex.workload.handoffs.apply_plan()
    today = alex.workspace.today
    for n in range(4):  # a few more changes made by hand
        task = alex.workload.tasks.add_task(f"Extra job {n}", due=today + dt.timedelta(days=20), effort_hours=2)
        alex.workload.changes.set_status(task.id, "deferred")
    report = alex.workload.reports.one_on_one_report(
        person="Alex", needs=[f"Need number {n}, said at some length to fill the line" for n in range(5)],
        with_ratings=True,
    )  # fmt: skip
    assert report.changes and report.ratings
    assert len(HTML(string=render_html(report, paper=paper)).render().pages) == 1


def test_an_empty_plate_still_gives_a_kind_page(services: Services) -> None:
    report = services.workload.reports.one_on_one_report()
    assert report.handoffs == [] and report.overdue == [] and report.asks == []
    assert "Nothing needs to move" in render_markdown(report)


def test_report_from_the_cli(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ONWARD_TODAY", "2026-11-30")
    monkeypatch.setenv("ONWARD_DATA_DIR", str(tmp_path))
    assert main(["--db", db_url, "demo"]) == 0
    out = tmp_path / "one-on-one.md"
    assert main(["--db", db_url, "report", "one-on-one", "--format", "md", "-o", str(out), "--need", "Clarity"]) == 0
    text = out.read_text()
    assert text.startswith("# One-on-one: Alex") and "- Clarity" in text
    pdf = tmp_path / "one-on-one.pdf"
    assert main(["--db", db_url, "report", "one-on-one", "--format", "pdf", "--paper", "letter", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["--db", db_url, "report", "one-on-one", "--format", "docx", "-o", str(out)]) == 1
    assert "--format must be html, md or pdf" in capsys.readouterr().err
