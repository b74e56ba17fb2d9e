"""The reflection domain's public API: write, change and find journal entries, resurface them, export and import.

Entries are private. Every query runs in a session bound to the owner (onward.store.scoping), and nothing
here is read by any report: no other domain has an arrow to reflection (DESIGN.md), so none can import it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onward.background import Reporter
from onward.errors import BadInput, NotFound, OnwardError
from onward.reflection import export, jrnl, search
from onward.reflection.drafts import Drafts
from onward.reflection.models import MAX_TEXT, JournalEntry
from onward.reflection.prompts import BY_KEY, KEYS, PROMPTS, Prompt, question_of, title_of
from onward.reflection.schemas import (
    EntryView,
    HeavyWeek,
    JournalImport,
    Resurfaced,
    SearchHit,
    TagCount,
    YearAgo,
)
from onward.reflection.search import Filters
from onward.reflection.text import first_line, read_tags, search_words, snippet
from onward.workspace import Workspace

FREE = "free"  # what a person types for "no prompt" (`--prompt free`, the filter's choice)
SEARCH_LIMIT = 50
AROUND_DAYS = 7  # "one year ago" looks this many days either side of today's date
HEAVY_WEEKS, PER_HEAVY_WEEK = 3, 3
PER_YEAR = 3  # entries shown from around this date in each past year


class LoadNow(Protocol):
    """This week's load (hours needed / hours available), recorded with each entry; None when not known.

    Reflection does not use the workload domain (no arrow in DESIGN.md): onward.services hands in an adapter.
    """

    def current_load_ratio(self) -> float | None: ...


def _view(row: JournalEntry) -> EntryView:
    return EntryView(
        id=row.id,
        prompt=row.prompt,
        prompt_title=title_of(row.prompt),
        question=question_of(row.prompt),
        text=row.text,
        tags=list(row.tags or []),
        written_at=row.written_at,
        load_ratio=row.load_ratio,
        first_line=first_line(row.text),
    )


def _same_day(today: dt.date, year: int) -> dt.date:
    """Return today's date in `year` (29 February falls on the 28th in other years)."""
    if today.month == 2 and today.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return today.replace(year=year)


def _as_date(value: Any) -> dt.date:
    """A week's Monday as SQLite (text) or PostgreSQL (a date) gives it."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def read_prompt(value: str | None) -> str | None:
    """Return a prompt key as stored (None for a free entry), or raise BadInput listing the keys."""
    if value is None or value.strip().lower() in ("", FREE):
        return None
    key = value.strip().lower()
    if key not in BY_KEY:
        raise BadInput(f"prompt must be one of {', '.join(KEYS)} or {FREE}, not '{value}'")
    return key


def _checked_text(text: str) -> str:
    if not text.strip():
        raise BadInput("entry: nothing written yet; a few words are enough")
    if len(text) > MAX_TEXT:
        raise BadInput(f"entry: longer than {MAX_TEXT:,} characters ({len(text):,}); split it in two")
    return text.replace("\r\n", "\n")


class ReflectionService:
    """The journal of one workspace. `load_now` gives this week's load to keep with each new entry."""

    def __init__(self, workspace: Workspace, load_now: LoadNow | None = None) -> None:
        self.workspace = workspace
        self.load_now = load_now
        self.drafts = Drafts(workspace)  # what is being typed, kept until saved

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    @property
    def dialect(self) -> str:
        return self.workspace.store.dialect

    def prompts(self) -> tuple[Prompt, ...]:
        return PROMPTS

    def now(self) -> dt.datetime:
        """Return the person's local time today (their zone; the date Onward is told is today)."""
        clock = dt.datetime.now(self.workspace.settings.zone()).replace(tzinfo=None, microsecond=0)
        return dt.datetime.combine(self.today, clock.time())

    def _written_at(self, on: dt.date | None) -> dt.datetime:
        if on is None or on == self.today:
            return self.now()
        if on > self.today:
            raise BadInput(f"date: {on} is after today ({self.today}); an entry is about today or a day gone by")
        return dt.datetime.combine(on, self.now().time())

    def _load_ratio(self, written_at: dt.datetime) -> float | None:
        """This week's load, for an entry written this week (a back-dated entry's week is not known)."""
        this_monday = self.today - dt.timedelta(days=self.today.weekday())
        if self.load_now is None or written_at.date() < this_monday:
            return None
        try:
            return self.load_now.current_load_ratio()
        except OnwardError:
            return None  # the entry matters more than the figure beside it

    # ---- writing ----

    def add(
        self, text: str, *, prompt: str | None = None, tags: str | list[str] | None = None, on: dt.date | None = None
    ) -> EntryView:
        """Return the new entry, after keeping it with this week's load."""
        body = _checked_text(text)
        key, tag_list = read_prompt(prompt), read_tags(tags)
        written_at = self._written_at(on)
        with self.workspace.session() as session:
            row = JournalEntry(
                prompt=key,
                text=body,
                tags=tag_list,
                written_at=written_at,
                load_ratio=self._load_ratio(written_at),
                source_key=f"uuid:{uuid.uuid4()}",
            )
            session.add(row)
            session.flush()
            return _view(row)

    def _row(self, session: Session, entry_id: int) -> JournalEntry:
        row = session.scalar(select(JournalEntry).where(JournalEntry.id == entry_id))
        if row is None:
            raise NotFound(f"there is no journal entry {entry_id}")
        return row

    def get(self, entry_id: int) -> EntryView:
        with self.workspace.session() as session:
            return _view(self._row(session, entry_id))

    def edit(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        prompt: str | None = None,
        tags: str | list[str] | None = None,
        on: dt.date | None = None,
    ) -> EntryView:
        """Return the entry after changing what was given (prompt "free" makes it a free entry)."""
        body = None if text is None else _checked_text(text)
        key = None if prompt is None else read_prompt(prompt)
        tag_list = None if tags is None else read_tags(tags)
        with self.workspace.session() as session:
            row = self._row(session, entry_id)
            if body is not None:
                row.text = body
            if prompt is not None:
                row.prompt = key
            if tag_list is not None:
                row.tags = tag_list
            if on is not None and on != row.written_at.date():
                if on > self.today:
                    raise BadInput(f"date: {on} is after today ({self.today})")
                row.written_at = dt.datetime.combine(on, row.written_at.time())
            session.flush()
            return _view(row)

    def delete(self, entry_id: int) -> EntryView:
        """Delete an entry; return what it was (so the person can be told which)."""
        with self.workspace.session() as session:
            row = self._row(session, entry_id)
            gone = _view(row)
            session.delete(row)
            return gone

    # ---- finding ----

    def find(self, words: str = "", filters: Filters | None = None, *, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Return entries holding every word (best match first), or the newest without words, within the filters."""
        terms = search_words(words)
        chosen = self.read_filters(filters or Filters())
        with self.workspace.session() as session:
            found: Any = session.execute(search.find(self.dialect, terms, chosen, limit))
            rows: list[tuple[JournalEntry, float | None]] = [(row[0], row[1]) for row in found]
            # Without words a list shows each entry's first line: no snippet to cut.
            return [
                SearchHit(_view(entry), snippet(entry.text, terms) if terms else [], float(score or 0.0))
                for entry, score in rows
            ]

    def read_filters(self, filters: Filters) -> Filters:
        """Return the filters as stored values (a tag as tags are kept), or raise BadInput naming the bad one."""
        prompt = filters.prompt
        if prompt is not None and prompt.strip().lower() not in ("", FREE):
            prompt = read_prompt(prompt)
        elif prompt is not None:
            prompt = FREE if prompt.strip().lower() == FREE else None
        tags = read_tags(filters.tag) if filters.tag else []
        if filters.since and filters.until and filters.until < filters.since:
            raise BadInput(f"until: {filters.until} is before since ({filters.since})")
        return Filters(prompt=prompt, tag=tags[0] if tags else None, since=filters.since, until=filters.until)

    def count(self) -> int:
        with self.workspace.session() as session:
            return int(session.scalar(select(func.count()).select_from(JournalEntry)) or 0)

    def prompt_counts(self) -> dict[str | None, int]:
        """Return how many entries answer each prompt (None: free entries)."""
        with self.workspace.session() as session:
            rows = session.execute(select(JournalEntry.prompt, func.count()).group_by(JournalEntry.prompt)).all()
        return {prompt: int(n) for prompt, n in rows}

    def tag_counts(self) -> list[TagCount]:
        """Return every tag used, most used first."""
        with self.workspace.session() as session:
            return [TagCount(str(tag), int(n)) for tag, n in session.execute(search.tag_counts(self.dialect))]

    # ---- resurfacing ----

    def resurfaced(self) -> Resurfaced:
        """Return entries from around today's date in past years, and those written in the heaviest weeks."""
        return Resurfaced(self.one_year_ago(), self.heaviest_weeks(), AROUND_DAYS)

    def one_year_ago(self, around: int = AROUND_DAYS, per_year: int = PER_YEAR) -> list[YearAgo]:
        """Return, per past year (the most recent first), up to `per_year` entries written within `around` days
        of today's date (the first ones of that fortnight)."""
        out = []
        with self.workspace.session() as session:
            oldest = session.scalar(select(func.min(JournalEntry.written_at)))
            if oldest is None:
                return []
            for year in range(self.today.year - 1, oldest.year - 1, -1):
                day = _same_day(self.today, year)
                span = search.around_dates([(day - dt.timedelta(days=around), day + dt.timedelta(days=around))])
                rows = session.scalars(
                    select(JournalEntry).where(span).order_by(JournalEntry.written_at, JournalEntry.id).limit(per_year)
                ).all()
                if rows:
                    out.append(YearAgo(year, [_view(row) for row in rows]))
        return out

    def heaviest_weeks(self, weeks: int = HEAVY_WEEKS, per_week: int = PER_HEAVY_WEEK) -> list[HeavyWeek]:
        """Return the `weeks` weeks with the highest load recorded (above 0), heaviest first, each with its entries."""
        with self.workspace.session() as session:
            chosen = [
                (_as_date(monday), float(top))
                for monday, top in session.execute(search.heaviest_weeks(self.dialect, weeks))
            ]
            out = []
            for monday, top in chosen:
                in_week = search.around_dates([(monday, monday + dt.timedelta(days=6))])
                rows = session.scalars(
                    select(JournalEntry)
                    .where(in_week)
                    .order_by(JournalEntry.written_at, JournalEntry.id)
                    .limit(per_week)
                ).all()
                out.append(HeavyWeek(monday, round(top, 2), [_view(r) for r in rows]))
            return out

    # ---- export and import ----

    def _to_write(self) -> list[jrnl.EntryToWrite]:
        with self.workspace.session() as session:
            rows = session.scalars(select(JournalEntry).order_by(JournalEntry.written_at, JournalEntry.id)).all()
            return [jrnl.EntryToWrite(r.written_at, r.text, list(r.tags or []), r.prompt, r.source_key) for r in rows]

    def export_json(self) -> dict[str, Any]:
        """Return every entry, oldest first, as a jrnl JSON export (with each entry's prompt and uuid)."""
        return jrnl.write_export(self._to_write())

    def export_markdown(self) -> str:
        """Return every entry, oldest first, as one Markdown document."""
        return export.markdown(self._to_write(), today=self.today)

    def import_jrnl(self, data: Any, reporter: Reporter | None = None) -> JournalImport:
        """Add the entries of a jrnl JSON export (all or nothing); entries already here are not added again.

        A `reporter` (onward.background) hears "saving" with the entries done of total.
        """
        entries = jrnl.read_export(data)
        added = 0
        if reporter is not None:
            reporter.step("saving", done=0, total=len(entries))
        with self.workspace.session() as session:
            known = set(session.scalars(select(JournalEntry.source_key).where(JournalEntry.source_key.is_not(None))))
            for number, entry in enumerate(entries, start=1):
                if reporter is not None and number % 100 == 0:
                    reporter.advance(100)
                if entry.source_key in known:
                    continue
                known.add(entry.source_key)
                session.add(
                    JournalEntry(
                        prompt=entry.prompt,
                        text=entry.text,
                        tags=entry.tags,
                        written_at=entry.written_at,
                        load_ratio=None,
                        source_key=entry.source_key,
                    )
                )
                added += 1
        return JournalImport(in_file=len(entries), added=added, already_there=len(entries) - added)
