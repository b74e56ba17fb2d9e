"""`onward feedback …`: ask for feedback by link, see how many answered, the results, close, reopen, revoke.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from onward.cli.common import print_json, services_of
from onward.fields import optional_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from onward.feedback.schemas import InviteLink, Question
    from onward.feedback.service import FeedbackService

FEEDBACK_HELP = "Ask for honest feedback by link (anonymous by default) and read the results."
CREATE_HELP = (
    "Ask people for feedback: one link each (shown this once; only a hash is kept). Without --rating or "
    "--question the default questions are asked. The answer page asks the rating questions first, then the "
    "open ones; --json lists them in that order."
)
RESULTS_HELP = (
    "The results: per rating question the spread and mean beside your own rating, per open question every "
    "sentence shuffled and the recurring themes. Nothing is shown until the minimum number have answered."
)
LINKS_SHOWN_ONCE = "These links are shown only now (Onward keeps only a hash of each). Send each person theirs:"
JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")

feedback_app = typer.Typer(help=FEEDBACK_HELP, no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(feedback_app, name="feedback")


def _feedback(ctx: typer.Context) -> FeedbackService:
    return services_of(ctx).feedback


def _print_links(
    links: Sequence[InviteLink], as_json: bool, request_id: int, questions: Sequence[Question] | None = None
) -> None:
    if as_json:
        data: dict[str, object] = {"request_id": request_id}
        if questions is not None:
            data["questions"] = [{"kind": q.kind, "text": q.text} for q in questions]
        data["links"] = [{"name": link.name, "url": link.url} for link in links]
        print_json(data)
        return
    typer.echo(LINKS_SHOWN_ONCE)
    for link in links:
        typer.echo(f"  {link.name}{f' <{link.email}>' if link.email else ''}: {link.url}")


@feedback_app.command("create", help=CREATE_HELP)
def create(
    ctx: typer.Context,
    title: str = typer.Option(..., "--title", help="What you are asking about (respondents see it)."),
    question: list[str] = typer.Option([], "--question", help="An open question (repeat for more)."),
    rating: list[str] = typer.Option([], "--rating", help="A rating question, answered 1-5 (repeat for more)."),
    anonymous: bool = typer.Option(True, "--anonymous/--named", help="Anonymous answers (default) or named ones."),
    min_answers: int = typer.Option(3, "--min-answers", help="Results stay hidden until this many answered (3+)."),
    invite: list[str] = typer.Option(
        [], "--invite", help='Someone to ask: "Sam Lee" or "Sam Lee <sam@example.org>" (repeat for more).'
    ),
    reason: str = typer.Option("", "--reason", help="Why you are asking (shown on the answer page)."),
    asker: str = typer.Option("", "--from", help="Your name as they know you (default: the workspace's name)."),
    closes_on: str = typer.Option("", "--closes", help="Last day to answer (default: two weeks from today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    services = services_of(ctx)
    created = services.feedback.requests.create(
        title,
        ratings=rating,
        open_questions=question,
        invite=invite,
        anonymous=anonymous,
        min_answers=min_answers,
        reason=reason,
        asker=asker or services.preferences.get("name"),
        closes_on=optional_date(closes_on, "--closes"),
    )
    _print_links(created.links, as_json, created.request_id, created.questions)


@feedback_app.command("list", help="Every request: its state and how many answered (a count: never who).")
def list_requests(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    requests = _feedback(ctx).requests.list_requests()
    if as_json:
        print_json(requests)
        return
    if not requests:
        typer.echo("No feedback requests yet. Ask with: onward feedback create --title ... --invite NAME")
    for r in requests:
        typer.echo(f"{r.id:>4}  {r.status:<8} {r.answers} of {len(r.invites)} answered  {r.title}")


@feedback_app.command("results", help=RESULTS_HELP)
def results(ctx: typer.Context, request_id: int = typer.Argument(...), as_json: bool = JSON_OPTION) -> None:
    from onward.feedback.views import results_page

    found = results_page(_feedback(ctx), request_id)
    if as_json:
        print_json(found)
        return
    typer.echo(f"{found.title}: {found.answers} of {found.invited} answered ({found.status})")
    if not found.shown:
        typer.echo(f"Results appear once {found.min_answers} have answered.")
        return
    for rating in found.ratings:
        mean = f"{rating.mean:.1f}" if rating.mean is not None else "-"
        own = f", you: {rating.self_rating}" if rating.self_rating is not None else ""
        spread = " ".join(f"{score}:{count}" for score, count in enumerate(rating.distribution, start=1))
        typer.echo(f"\n{rating.question}\n  others: {mean}{own}   ({spread})")
    for open_result in found.open:
        typer.echo(f"\n{open_result.question}")
        if open_result.themes:
            typer.echo("  themes: " + ", ".join(f"{t.word} ({t.answers})" for t in open_result.themes))
        for who, text in open_result.named:
            typer.echo(f"  - {who}: {text}")
        if not open_result.named:
            for sentence in open_result.sentences:
                typer.echo(f"  - {sentence}")


@feedback_app.command("invite", help="Ask more people on an existing request (their links are shown this once).")
def invite_more(
    ctx: typer.Context,
    request_id: int = typer.Argument(...),
    invite: list[str] = typer.Option(..., "--invite", help="Someone to ask (repeat for more)."),
    as_json: bool = JSON_OPTION,
) -> None:
    _print_links(_feedback(ctx).requests.add_invites(request_id, invite), as_json, request_id)


@feedback_app.command("new-link", help="Make a new link for one person; their old link stops working.")
def new_link(
    ctx: typer.Context,
    request_id: int = typer.Argument(...),
    invite_id: int = typer.Argument(..., help="The invite's id (onward feedback list --json shows them)."),
    as_json: bool = JSON_OPTION,
) -> None:
    _print_links([_feedback(ctx).requests.new_link(request_id, invite_id)], as_json, request_id)


@feedback_app.command("rate-myself", help="Your own rating (1-5, or - to skip) of each question, in order.")
def rate_myself(
    ctx: typer.Context,
    request_id: int = typer.Argument(...),
    ratings: list[str] = typer.Argument(..., help="One per question; - for an open or skipped one."),
) -> None:
    from onward.fields import optional_int

    values = [None if r in ("-", "") else optional_int(r, f"rating {n}") for n, r in enumerate(ratings, start=1)]
    view = _feedback(ctx).requests.rate_myself(request_id, values)
    typer.echo(f"Saved your ratings for '{view.title}'.")


@feedback_app.command("close", help="Stop taking answers; the links say the request has closed.")
def close(ctx: typer.Context, request_id: int = typer.Argument(...)) -> None:
    view = _feedback(ctx).requests.close(request_id)
    typer.echo(f"'{view.title}' closed: its links now say so, and take no more answers.")


@feedback_app.command("reopen", help="Take answers again (until --until, two weeks by default).")
def reopen(ctx: typer.Context, request_id: int = typer.Argument(...), until: str = typer.Option("", "--until")) -> None:
    view = _feedback(ctx).requests.reopen(request_id, optional_date(until, "--until"))
    typer.echo(f"'{view.title}' is open again until {view.closes_on.isoformat()}.")


@feedback_app.command("revoke", help="Make every link of the request stop working, for good.")
def revoke(ctx: typer.Context, request_id: int = typer.Argument(...)) -> None:
    view = _feedback(ctx).requests.revoke(request_id)
    typer.echo(f"'{view.title}' revoked: its links no longer work. The answers given so far stay yours.")
