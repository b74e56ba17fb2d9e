"""Commands for the matching half of fit: `onward occupations match`, `onward postings import|rank|list`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from onward.cli import messages
from onward.cli.common import print_json, print_json_line, services_of

if TYPE_CHECKING:
    from onward.background import Progress
    from onward.fit.matching.query import FitQuery
    from onward.fit.matching.service import MatchingService

occupations_app = typer.Typer(help=messages.OCCUPATIONS_HELP, no_args_is_help=True)
postings_app = typer.Typer(help=messages.POSTINGS_HELP, no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(occupations_app, name="occupations")
    app.add_typer(postings_app, name="postings")


def _prepare(matching: MatchingService) -> None:
    """Get matching by meaning ready before matching: load the model, and the first time on this computer
    compute the task embeddings, with a progress bar on a terminal (on stderr: stdout stays the answer)."""
    from onward.cli.progress import with_progress_bar

    index = matching.index()
    if not index.uses_embeddings or index.is_ready():
        return

    def describe(progress: Progress) -> str | None:
        if progress.state != "computing":
            return None
        return messages.COMPUTING_EMBEDDINGS.format(done=progress.done, total=progress.total)

    with_progress_bar(
        matching.prepare,
        first=messages.LOADING_MODEL,
        describe=describe,
        plain="" if index.embeddings_cached() else messages.PREPARING_MATCHING,
    )


def _read_batch(path: Path) -> list[tuple[Any, FitQuery]]:
    """Return (id, query) for each line of a JSON Lines file, or raise BadInput naming the bad line."""
    from onward.errors import BadInput
    from onward.fit.matching.query import FitQuery

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(messages.NO_FILE.format(path=path)) from None
    queries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadInput(f"{where}: not JSON ({error.msg})") from None
        if not isinstance(item, dict):
            raise BadInput(f'{where}: expected an object like {{"id": 1, "tasks": ["…"], "avoid": []}}')
        texts: dict[str, tuple[str, ...]] = {}
        for name in ("tasks", "avoid"):
            value = item.get(name, [])
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise BadInput(f"{where}: '{name}' must be a list of texts")
            texts[name] = tuple(t for t in value if t.strip())
        if not texts["tasks"]:
            raise BadInput(f"{where}: 'tasks' is empty")
        queries.append((item.get("id"), FitQuery(loved=texts["tasks"], avoid=texts["avoid"])))
    return queries


@occupations_app.command("match", help=messages.OCCUPATIONS_MATCH_HELP)
def match(
    ctx: typer.Context,
    tasks: list[str] = typer.Argument(None, help="Task texts you love (default: your duties rated love/like)."),
    avoid: list[str] = typer.Option(None, "--avoid", help="A task you could do without (repeatable)."),
    top: int = typer.Option(10, "--top", min=1, max=200, help="How many occupations to show."),
    batch: Path = typer.Option(
        None, "--batch", help='JSON Lines file: {"id": …, "tasks": […], "avoid": […]} per line; one result line each.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    from onward.errors import BadInput
    from onward.fit.matching import views

    matching = services_of(ctx).fit_matching
    if batch is not None:
        if tasks:
            raise BadInput("give task texts or --batch, not both")
        queries = _read_batch(batch)
        _prepare(matching)  # once: the model and the task embeddings serve every line
        for item_id, query in queries:
            found = matching.match_occupations(query, top)
            print_json_line({"id": item_id, "method": found.method, "results": found.results})
        return
    tasks = [t for t in tasks or () if t.strip()]
    if not tasks and matching.profile_query().is_empty:
        raise BadInput(messages.NO_TEXTS)
    _prepare(matching)
    found = views.occupations(matching, tuple(tasks or ()), tuple(avoid or ()), top, wait=True)
    if as_json:
        print_json(found)  # the same object as /api/fit/occupations
        return
    typer.echo(messages.MATCHED_BY.format(label=found.method_label))
    if found.note:
        typer.echo(found.note)
    for number, result in enumerate(found.results, start=1):
        zone = f", job zone {result.job_zone}" if result.job_zone else ""
        typer.echo(f"\n{number}. {result.title} ({result.code}{zone}) score {result.score:.2f}")
        for pair in result.evidence:
            typer.echo(f"   yours:  {pair.yours}\n   theirs: {pair.theirs}")
        for pair in result.avoid:
            typer.echo(f"   but like your '{pair.yours}': {pair.theirs}")
        if result.related:
            typer.echo("   related: " + "; ".join(r.title for r in result.related[:3]))


@postings_app.command("import", help=messages.POSTINGS_IMPORT_HELP)
def import_postings(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The file (or, for jsonld, a folder of files)."),
    format: str = typer.Option(..., "--format", help="csv, jsonld or text."),
) -> None:
    matching = services_of(ctx).fit_matching
    if format not in ("csv", "jsonld", "text"):
        from onward.errors import BadInput

        raise BadInput(f"--format must be csv, jsonld or text, not '{format}'")
    from onward.fit.matching.posting_import import read_postings

    read_postings(file, format)  # check the whole file before preparing anything
    _prepare(matching)
    result = matching.import_postings(file, format)
    typer.echo(
        messages.POSTINGS_IMPORTED.format(read=result.postings, path=file, added=result.added, merged=result.merged)
    )


@postings_app.command("rank", help=messages.POSTINGS_RANK_HELP)
def rank(
    ctx: typer.Context,
    top: int = typer.Option(10, "--top", min=1, max=500, help="How many postings to show."),
    focus: bool = typer.Option(
        None, "--focus/--variety", help="You want one or two main tasks (--focus) or variety (--variety)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    from onward.errors import BadInput
    from onward.fit.matching import views

    matching = services_of(ctx).fit_matching
    if matching.profile_query(wants_focus=focus).is_empty:
        raise BadInput(messages.NO_TEXTS)
    _prepare(matching)
    ranking = views.postings(matching, {True: "focus", False: "variety", None: ""}[focus], top, wait=True)
    if as_json:
        print_json(ranking)  # the same object as /api/fit/postings
        return
    if not ranking.total:
        typer.echo(messages.NO_POSTINGS)
        return
    typer.echo(messages.MATCHED_BY.format(label=ranking.method_label))
    for number, posting in enumerate(ranking.results, start=1):
        where = ", ".join(p for p in (posting.company, posting.location) if p)
        typer.echo(f"\n{number}. {posting.title}" + (f" ({where})" if where else "") + f" score {posting.score:.2f}")
        for sentence in posting.explanation:
            typer.echo(f"   {sentence}")


@postings_app.command("list", help=messages.POSTINGS_LIST_HELP)
def list_postings(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    postings = services_of(ctx).fit_matching.list_postings()
    if as_json:
        print_json(postings)
        return
    if not postings:
        typer.echo(messages.NO_POSTINGS)
    for posting in postings:
        where = ", ".join(p for p in (posting.company, posting.location) if p)
        typer.echo(f"{posting.id}. {posting.title}" + (f" ({where})" if where else ""))
