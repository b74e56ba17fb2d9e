"""Heavy one-off work seen from the terminal: a Rich progress bar on stderr (stdout stays the answer, so
`--json` output is clean), or one plain line when stderr is not a terminal.

Neither Typer nor Rich is imported before it is needed: the CLI's fast lane (onward.cli.fast) shows its
import's progress here too, before Typer loads."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from onward.background import Progress

Watch = Callable[[Progress], None]


def with_progress_bar(
    wait: Callable[[Watch], Any], *, first: str, describe: Callable[[Progress], str | None], plain: str = ""
) -> None:
    """Run `wait(on_progress)` (e.g. `BackgroundWork.wait`) showing how far it is.

    `first` names the step shown before any count; `describe(progress)` gives the words for a step that
    counts pieces (None keeps the bar as it is). Off a terminal only `plain` is printed, when given.
    """
    if not sys.stderr.isatty():
        if plain:
            import typer

            typer.echo(plain, err=True)
        wait(lambda _progress: None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(first, total=None)

        def show(progress: Progress) -> None:
            words = describe(progress)
            if words is not None:
                bar.update(task, description=words, total=progress.total or None, completed=progress.done)

        wait(show)
