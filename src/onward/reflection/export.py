"""The journal as Markdown: every entry, oldest first, with its prompt's question and its tags."""

from __future__ import annotations

import datetime as dt

from onward.reflection.jrnl import EntryToWrite
from onward.reflection.prompts import question_of, title_of


def markdown(entries: list[EntryToWrite], *, today: dt.date) -> str:
    """Return the whole journal as one Markdown document."""
    lines = [
        "# My journal",
        "",
        f"Exported from Onward on {today.isoformat()}. These are your own reflections: private to you.",
        "",
    ]
    for entry in entries:
        lines.append(f"## {entry.written_at.strftime('%Y-%m-%d %H:%M')} · {title_of(entry.prompt)}")
        lines.append("")
        question = question_of(entry.prompt)
        if question:
            lines += [f"*{question}*", ""]
        lines += [entry.text.rstrip(), ""]
        if entry.tags:
            lines += ["Tags: " + " ".join(f"#{tag}" for tag in entry.tags), ""]
    return "\n".join(lines)
