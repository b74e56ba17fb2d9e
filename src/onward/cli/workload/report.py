"""`onward report one-on-one`: the one page to bring to the manager, as HTML, Markdown or PDF."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli.common import services_of

REPORT_HELP = "Reports to take with you."
ONE_ON_ONE_HELP = (
    "One page for your 1:1: where you stand (before and after your changes), what you handed off, deferred or "
    "dropped, what you propose, what only your manager can agree to, and what you need. Ratings stay out unless "
    "--with-ratings. Prints on one A4 or Letter page."
)
REPORT_WRITTEN = "Wrote the one-page report ({format}, {paper}) to {path}."

report_app = typer.Typer(help=REPORT_HELP, no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")


@report_app.command("one-on-one", help=ONE_ON_ONE_HELP)
def one_on_one(
    ctx: typer.Context,
    format: str = typer.Option("html", "--format", "-f", help="html, md or pdf."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the report."),
    paper: str = typer.Option("a4", help="a4 or letter (for html and pdf)."),
    weeks: int = typer.Option(None, help="Weeks ahead to cover (default: the forecast setting)."),
    need: list[str] = typer.Option(
        [], "--need", help="Something you need from your manager (repeat for more). Default: what you saved."
    ),
    with_ratings: bool = typer.Option(
        False, "--with-ratings", help="Include how you rate your duties (private otherwise)."
    ),
    only: list[str] = typer.Option(
        [], "--only", help="Keep only these items (change-ID, proposal-ID, ask-ID; repeat). Default: all."
    ),
) -> None:
    from onward.errors import BadInput
    from onward.workload.report.page import PAPER_SIZES, render_html, render_markdown, render_pdf

    if format not in ("html", "md", "pdf"):
        raise BadInput(f"--format must be html, md or pdf, not '{format}'")
    if paper not in PAPER_SIZES:
        raise BadInput(f"--paper must be a4 or letter, not '{paper}'")
    services = services_of(ctx)
    needs = need or [line for line in services.preferences.get("one_on_one_needs").splitlines() if line.strip()]
    report = services.workload.reports.one_on_one_report(
        weeks, person=services.preferences.get("name"), needs=needs, with_ratings=with_ratings, pick=list(only) or None
    )
    if format == "pdf":
        output.write_bytes(render_pdf(report, paper=paper))
    else:
        text = render_markdown(report) if format == "md" else render_html(report, paper=paper)
        output.write_text(text, encoding="utf-8")
    typer.echo(REPORT_WRITTEN.format(format=format, paper=paper, path=output))
