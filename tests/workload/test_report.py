"""The one page for the 1:1, on both databases: what it says, and that it prints on one page."""

from __future__ import annotations

from pathlib import Path

import pytest
from weasyprint import HTML

from onward.cli.main import main
from onward.demo import fill_demo
from onward.services import Services
from onward.workload.report.page import render_html, render_markdown, render_pdf


@pytest.fixture
def alex(services: Services) -> Services:
    fill_demo(services)
    return services


def test_the_report_says_where_alex_stands_and_what_to_propose(alex: Services) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["A decision on grant reporting", " "])
    forecast = alex.workload.planning.load_forecast()
    assert [w.hours_needed for w in report.weeks] == pytest.approx([w.hours_needed for w in forecast.weeks])
    assert len(report.overloaded_weeks) == len(forecast.weeks_over) >= 1
    assert report.job_title == "Program Coordinator"
    assert any(item.startswith("Grant reporting: 'temporary'") for item in report.temporary_overdue)
    assert {t.title for t in report.overdue} >= {"Gather receipts for the auditor"}
    # The proposal frees at least the hours by which the weeks are over.
    over = sum(max(0.0, w.hours_needed - w.hours_available) for w in report.weeks)
    assert report.handoff_feasible and report.hours_freed >= over - 0.01
    assert report.needs == ["A decision on grant reporting"]
    assert sum(d.share for d in report.duties) == pytest.approx(1.0)


def test_markdown_and_html_carry_the_same_proposal(alex: Services) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["Two weeks without new duties"])
    markdown, html = render_markdown(report), render_html(report)
    first = report.handoffs[0]
    assert first.title in markdown and first.title in html
    assert "## What I need" in markdown and "Two weeks without new duties" in html
    assert "<svg" in html and "Hours needed each week, by duty" in html


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_prints_on_one_page(alex: Services, paper: str) -> None:
    report = alex.workload.reports.one_on_one_report(person="Alex", needs=["One", "Two", "Three"])
    assert len(HTML(string=render_html(report, paper=paper)).render().pages) == 1
    assert render_pdf(report, paper=paper).startswith(b"%PDF")


def test_an_empty_plate_still_gives_a_kind_page(services: Services) -> None:
    report = services.workload.reports.one_on_one_report()
    assert report.handoffs == [] and report.overdue == []
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
