"""Drafts: what is being typed into a journal form, kept every few seconds (the page posts it) until saved.

One draft per form and owner: "new" for the writing form, "entry-<id>" for an entry's edit form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from onward.errors import BadInput
from onward.reflection.models import MAX_TEXT, JournalDraft
from onward.workspace import Workspace

NEW = "new"
FIELDS = ("prompt", "text", "tags", "on")


def edit_form(entry_id: int) -> str:
    return f"entry-{entry_id}"


@dataclass
class DraftView:
    form: str
    prompt: str
    text: str
    tags: str
    on: str
    kept_at: dt.datetime  # in the person's own time

    def values(self) -> dict[str, str]:
        """The form's fields as typed, to put back in the form."""
        return {"prompt": self.prompt, "text": self.text, "tags": self.tags, "on": self.on}


class Drafts:
    """Keeps and gives back the drafts of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def _local(self, utc: dt.datetime) -> dt.datetime:
        return utc.replace(tzinfo=dt.UTC).astimezone(self.workspace.settings.zone()).replace(tzinfo=None)

    def keep(self, form: str, *, prompt: str = "", text: str = "", tags: str = "", on: str = "") -> DraftView:
        """Return the draft after keeping what was typed (an empty form removes the draft)."""
        if len(text) > MAX_TEXT:
            raise BadInput(f"entry: longer than {MAX_TEXT:,} characters")
        with self.workspace.session() as session:
            row = session.scalar(select(JournalDraft).where(JournalDraft.form == form))
            if row is None:
                row = JournalDraft(form=form[:40])
                session.add(row)
            row.prompt, row.text, row.tags, row.on = prompt[:20], text, tags[:500], on[:40]
            session.flush()
            return self._view(row)

    def get(self, form: str) -> DraftView | None:
        """Return the draft of a form when something was typed into it."""
        with self.workspace.session() as session:
            row = session.scalar(select(JournalDraft).where(JournalDraft.form == form))
            return self._view(row) if row is not None and row.text.strip() else None

    def clear(self, form: str) -> None:
        with self.workspace.session() as session:
            session.execute(delete(JournalDraft).where(JournalDraft.form == form))

    def _view(self, row: JournalDraft) -> DraftView:
        return DraftView(row.form, row.prompt, row.text, row.tags, row.on, self._local(row.updated_at))
