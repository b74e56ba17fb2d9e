"""`onward journal …`: write, list, show, edit, delete, search, resurface, export and import journal entries.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of
from onward.fields import optional_date

if TYPE_CHECKING:
    from onward.reflection.schemas import EntryView, SearchHit
    from onward.reflection.search import Filters
    from onward.reflection.service import ReflectionService

journal_app = typer.Typer(help=messages.JOURNAL_HELP, no_args_is_help=True)
JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")
PROMPT_OPTION = typer.Option(None, "--prompt", "-p", help=messages.PROMPT_OPTION_HELP)
TAG_FILTER = typer.Option(None, "--tag", help="Only entries with this tag.")
SINCE = typer.Option(None, "--since", help="Only entries from this day on (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only entries up to this day (YYYY-MM-DD).")


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")


def _journal(ctx: typer.Context) -> ReflectionService:
    return services_of(ctx).reflection


def _filters(prompt: str | None, tag: str | None, since: str | None, until: str | None) -> Filters:
    from onward.reflection.search import Filters

    return Filters(prompt=prompt, tag=tag, since=optional_date(since, "--since"), until=optional_date(until, "--until"))


def _line(entry: EntryView) -> str:
    tags = "".join(f" #{tag}" for tag in entry.tags)
    return f"{entry.id:>5}  {entry.written_at:%Y-%m-%d}  {entry.prompt or 'free':<6}  {entry.first_line}{tags}"


def _hit_line(hit: SearchHit) -> str:
    # The terminal marks the words found with [brackets], as the page does with a highlight.
    text = "".join(f"[{p.text}]" if p.marked else p.text for p in hit.snippet).replace("\n", " ")
    return f"{hit.entry.id:>5}  {hit.entry.written_at:%Y-%m-%d}  {hit.entry.prompt or 'free':<6}  {text}"


@journal_app.command("add", help=messages.JOURNAL_ADD_HELP)
def journal_add(
    ctx: typer.Context,
    text: str = typer.Argument(None, help="What you want to write (quote it); - or nothing reads standard input."),
    prompt: str = PROMPT_OPTION,
    tag: list[str] = typer.Option(None, "--tag", "-t", help="A tag (repeatable, or several separated by commas)."),
    date: str = typer.Option(None, "--date", help="The day it is about, if not today (YYYY-MM-DD)."),
) -> None:
    if text is None or text == "-":
        text = sys.stdin.read()
    entry = _journal(ctx).add(text, prompt=prompt, tags=tag or [], on=optional_date(date, "--date"))
    typer.echo(
        messages.JOURNAL_SAVED.format(id=entry.id, title=entry.prompt_title, date=f"{entry.written_at:%Y-%m-%d}")
    )


@journal_app.command("prompts", help=messages.JOURNAL_PROMPTS_HELP)
def journal_prompts(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    from onward.reflection import views

    prompts = views.PromptList()
    if as_json:
        print_json(prompts)
        return
    for prompt in prompts.prompts:
        typer.echo(f"{prompt.key:<7} {prompt.title}\n        {prompt.question}")
    typer.echo(f"{prompts.free:<7} A free entry: whatever is on your mind.")


@journal_app.command("list", help=messages.JOURNAL_LIST_HELP)
def journal_list(
    ctx: typer.Context,
    prompt: str = PROMPT_OPTION,
    tag: str = TAG_FILTER,
    since: str = SINCE,
    until: str = UNTIL,
    limit: int = typer.Option(50, "--limit", min=1, max=10_000, help="At most this many entries."),
    as_json: bool = JSON_OPTION,
) -> None:
    hits = _journal(ctx).find("", _filters(prompt, tag, since, until), limit=limit)
    if as_json:
        print_json([hit.entry for hit in hits])
        return
    if not hits:
        typer.echo(messages.JOURNAL_EMPTY)
    for hit in hits:
        typer.echo(_line(hit.entry))


@journal_app.command("show", help=messages.JOURNAL_SHOW_HELP)
def journal_show(
    ctx: typer.Context,
    entry_id: int = typer.Argument(..., help="The entry's number (see `onward journal list`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.reflection import views

    page = views.entry(_journal(ctx), entry_id)
    if as_json:
        print_json(page)
        return
    entry = page.entry
    typer.echo(f"{entry.prompt_title} · {entry.written_at:%A %d %B %Y, %H:%M}")
    if entry.question:
        typer.echo(entry.question)
    typer.echo("")
    typer.echo(entry.text)
    if entry.tags:
        typer.echo("\n" + " ".join(f"#{tag}" for tag in entry.tags))


@journal_app.command("edit", help=messages.JOURNAL_EDIT_HELP)
def journal_edit(
    ctx: typer.Context,
    entry_id: int = typer.Argument(..., help="The entry's number."),
    text: str = typer.Option(None, "--text", help="The new text (- reads standard input)."),
    prompt: str = PROMPT_OPTION,
    tags: str = typer.Option(None, "--tags", help="The tags it should have, e.g. 'hope work' ('' removes them all)."),
    date: str = typer.Option(None, "--date", help="The day it is about (YYYY-MM-DD)."),
) -> None:
    if text == "-":
        text = sys.stdin.read()
    entry = _journal(ctx).edit(entry_id, text=text, prompt=prompt, tags=tags, on=optional_date(date, "--date"))
    typer.echo(messages.JOURNAL_CHANGED.format(id=entry.id))


@journal_app.command("delete", help=messages.JOURNAL_DELETE_HELP)
def journal_delete(
    ctx: typer.Context,
    entry_id: int = typer.Argument(..., help="The entry's number."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask first."),
) -> None:
    journal = _journal(ctx)
    entry = journal.get(entry_id)
    if not yes:
        typer.confirm(f"Delete entry {entry.id} ({entry.first_line})?", abort=True)
    journal.delete(entry_id)
    typer.echo(
        messages.JOURNAL_DELETED.format(id=entry.id, title=entry.prompt_title, date=f"{entry.written_at:%Y-%m-%d}")
    )


@journal_app.command("search", help=messages.JOURNAL_SEARCH_HELP)
def journal_search(
    ctx: typer.Context,
    words: list[str] = typer.Argument(..., help="The words to look for."),
    prompt: str = PROMPT_OPTION,
    tag: str = TAG_FILTER,
    since: str = SINCE,
    until: str = UNTIL,
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.reflection import views

    page = views.search(_journal(ctx), " ".join(words), _filters(prompt, tag, since, until))
    if as_json:
        print_json(page)
        return
    if not page.hits:
        filtered = " with these filters" if (prompt or tag or since or until) else ""
        typer.echo(messages.JOURNAL_NOTHING_FOUND.format(filtered=filtered))
    for hit in page.hits:
        typer.echo(_hit_line(hit))


@journal_app.command("resurface", help=messages.JOURNAL_RESURFACE_HELP)
def journal_resurface(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    again = _journal(ctx).resurfaced()
    if as_json:
        print_json(again)
        return
    if not again.one_year_ago and not again.heaviest:
        typer.echo(messages.JOURNAL_NOTHING_AGAIN)
    for year in again.one_year_ago:
        typer.echo(f"Around this time in {year.year}:")
        for entry in year.entries:
            typer.echo(_line(entry))
    for week in again.heaviest:
        typer.echo(f"Week of {week.week_start:%Y-%m-%d}, {week.load_ratio:.0%} of your hours:")
        for entry in week.entries:
            typer.echo(_line(entry))


@journal_app.command("export", help=messages.JOURNAL_EXPORT_HELP)
def journal_export(
    ctx: typer.Context,
    format_: str = typer.Option("md", "--format", help="md (Markdown) or json (jrnl's format)."),
    output: Path = typer.Option(None, "--output", "-o", help="The file to write (standard output if left out)."),
) -> None:
    from onward.errors import BadInput

    journal = _journal(ctx)
    if format_ in ("md", "markdown"):
        text = journal.export_markdown()
    elif format_ == "json":
        text = json.dumps(journal.export_json(), indent=1, ensure_ascii=False) + "\n"
    else:
        raise BadInput(f"--format must be md or json, not '{format_}'")
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    typer.echo(messages.JOURNAL_WRITTEN.format(entries=journal.count(), path=output))


@journal_app.command("import", help=messages.JOURNAL_IMPORT_HELP)
def journal_import(ctx: typer.Context, path: Path = typer.Argument(..., help="jrnl's JSON export.")) -> None:
    from onward.cli.app import read_json_file
    from onward.errors import BadInput

    data = read_json_file(path)
    try:
        result = _journal(ctx).import_jrnl(data)
    except BadInput as error:
        raise BadInput(f"{path}: {error.message}; nothing was imported") from None
    typer.echo(
        messages.JOURNAL_IMPORTED.format(
            in_file=result.in_file, path=path, added=result.added, already=result.already_there
        )
    )
