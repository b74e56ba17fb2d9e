"""The README promises only what exists: its commands and options, make targets, pages and linked docs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import typer
from fastapi.testclient import TestClient

from onward.cli.app import make_app
from onward.settings import Settings
from onward.web.app import create_app

from .conftest import TODAY

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "readme-token-0123456789"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _snippets(prefix: str) -> list[str]:
    """Return every `code` span of the README (and its ```sh blocks) that starts with `prefix`."""
    spans = re.findall(r"`([^`\n]+)`", README)
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [s for s in [*spans, *lines] if s.startswith(prefix)]


def _missing_in(cli: Any, words: list[str]) -> str | None:
    """Return what `onward WORDS` names that the CLI lacks (a command or an option), or None."""
    command = cli  # Typer's Click command objects; a group is one with `commands`
    for index, word in enumerate(words):
        if hasattr(command, "commands"):
            if word not in command.commands:
                return f"no command {' '.join(['onward', *words[: index + 1]])!r}"
            command = command.commands[word]
            continue
        option = word.strip("[]").split("=")[0]
        if option.startswith("-") and not any(option in param.opts for param in command.params):
            return f"{' '.join(['onward', *words[:index]])!r} has no option {option}"
    if hasattr(command, "commands"):
        return "a group of commands, not a command"
    return None


def test_every_command_the_readme_shows_exists_with_its_options() -> None:
    cli = typer.main.get_command(make_app())
    shown = _snippets("onward ")
    assert len(shown) >= 15, "the README's command tables were not found"
    missing = [f"{snippet}: {problem}" for snippet in shown if (problem := _missing_in(cli, shlex.split(snippet)[1:]))]
    assert missing == [], "commands the README shows that the CLI lacks"
    global_options = {option for param in cli.params for option in param.opts}
    assert {"--db"} <= global_options, "the README shows `--db URL` for every command"


def test_every_make_target_the_readme_shows_exists() -> None:
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    shown = {snippet.split()[1] for snippet in _snippets("make ")}
    assert shown and shown <= targets, f"not in the Makefile: {sorted(shown - targets)}"


def test_every_page_and_doc_the_readme_names_exists(tmp_path: Path) -> None:
    pages = set(re.findall(r"`(/[\w/.-]*)`", README))
    assert pages, "the README's pages were not found"
    app = create_app(Settings(data_dir=tmp_path, today=TODAY), token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1") as browser:
        browser.get(f"/?token={TOKEN}")
        missing = {page: status for page in sorted(pages) if (status := browser.get(page).status_code) != 200}
    assert missing == {}, "pages the README names that do not open"
    docs = re.findall(r"\]\(([^)#]+)\)", README)
    assert docs, "the README's links were not found"
    assert [doc for doc in docs if not (ROOT / doc).is_file()] == [], "docs the README links to that do not exist"
