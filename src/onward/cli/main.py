"""`onward`: the CLI entry point.

The everyday listing (`onward tasks list [--json]`) and a Taskwarrior import (`onward tasks import FILE`)
are answered by the fast lane (onward.cli.fast) when they can be, before Typer, pydantic or SQLAlchemy
load; everything else, and those two whenever the lane declines (having printed and written nothing), runs
the Typer app (onward.cli.app), where errors become `error: …` and an exit code.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` in this process; return the exit code (0 ok, 1 bad input, 2 bad usage)."""
    from onward.cli.fast import answer

    code = answer(sys.argv[1:] if argv is None else argv)
    if code is not None:
        return code
    from onward.cli.app import run_app

    return run_app(argv)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
