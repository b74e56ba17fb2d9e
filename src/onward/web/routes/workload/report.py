"""The one-page report for the 1:1 with the manager: shown as a page, downloaded as HTML, Markdown or PDF."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, Query
from fastapi.responses import RedirectResponse, Response

from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import page, templates
from onward.workload.report.page import OneOnOneReport, render_html, render_markdown, render_pdf


def _report_fragment(report: OneOnOneReport) -> str:
    return render_html(report, standalone=False)


# The report page shows the very fragment the PDF prints.
templates.env.globals["report_html"] = _report_fragment

router = APIRouter()
NEEDS_KEY = "one_on_one_needs"


def _needs(services: Services) -> list[str]:
    return [line for line in services.preferences.get(NEEDS_KEY).splitlines() if line.strip()]


def build_report(
    services: Services, weeks: int | None = None, *, with_ratings: bool = False, pick: list[str] | None = None
) -> OneOnOneReport:
    """Return the report with the person's name and what they wrote under 'What I need'."""
    return services.workload.reports.one_on_one_report(
        weeks, person=services.preferences.get("name"), needs=_needs(services), with_ratings=with_ratings, pick=pick
    )


def _picked(picked: str, pick: list[str]) -> list[str] | None:
    """Return the ticked items once the person chose (even none), else None: everything."""
    return list(pick) if picked == "yes" else None


@page(router, "/workload/report", "workload/report.html")
def report_page(
    weeks: int | None = Query(None, ge=1, le=26),
    with_ratings: str = "",
    picked: str = "",
    pick: list[str] = Query([]),
    services: Services = Depends(get_services),
) -> OneOnOneReport:
    return build_report(services, weeks, with_ratings=with_ratings == "yes", pick=_picked(picked, pick))


@router.post("/workload/report/needs", include_in_schema=False)
def save_needs(needs: str = Form(""), services: Services = Depends(get_services)) -> RedirectResponse:
    """Keep 'What I need' (one item per line) for the next report."""
    lines = [line.strip()[:300] for line in needs.splitlines() if line.strip()][:10]
    services.preferences.set(NEEDS_KEY, "\n".join(lines))
    return RedirectResponse("/workload/report", status_code=303)


@router.get("/workload/report/download", include_in_schema=False)
def download(
    format: Literal["html", "md", "pdf"] = "pdf",
    paper: Literal["a4", "letter"] = "a4",
    weeks: int | None = Query(None, ge=1, le=26),
    with_ratings: str = "",
    picked: str = "",
    pick: list[str] = Query([]),
    services: Services = Depends(get_services),
) -> Response:
    report = build_report(services, weeks, with_ratings=with_ratings == "yes", pick=_picked(picked, pick))
    name = f"one-on-one-{report.today.isoformat()}"
    if format == "md":
        body: str | bytes = render_markdown(report)
        media = "text/markdown; charset=utf-8"
    elif format == "html":
        body, media = render_html(report, paper=paper), "text/html; charset=utf-8"
    else:
        body, media = render_pdf(report, paper=paper), "application/pdf"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}.{format}"'})
