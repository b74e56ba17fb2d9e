"""Reflection's views: each page's data, built once here (the page renders it, its `/api` twin returns it,
and `onward journal … --json` prints it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.reflection.drafts import NEW, DraftView, edit_form
from onward.reflection.prompts import BY_KEY, PROMPTS, Prompt
from onward.reflection.schemas import EntryView, Resurfaced, SearchHit, TagCount
from onward.reflection.search import Filters
from onward.reflection.service import FREE, SEARCH_LIMIT, ReflectionService

RECENT_SHOWN = 8
PRIVATE = (
    "Your journal is private. Only you can read it, and it is never part of a report, a feedback request "
    "or anything Onward makes for someone else."
)


@dataclass
class PromptCard:
    prompt: Prompt
    entries: int


@dataclass
class JournalPage:
    """The journal's first page: the prompts to write to, the latest entries and what is worth reading again."""

    prompts: list[PromptCard]
    free_entries: int
    recent: list[EntryView]
    total: int
    resurfaced: Resurfaced
    tags: list[TagCount]
    today: dt.date
    private: str = PRIVATE


@dataclass
class WritePage:
    """The writing form for one prompt (None: a free entry)."""

    prompt: Prompt | None
    prompts: tuple[Prompt, ...]
    today: dt.date
    draft: DraftView | None = None  # what was typed last time and not saved yet
    private: str = PRIVATE


@dataclass
class EntryPage:
    entry: EntryView
    prompts: tuple[Prompt, ...]
    today: dt.date
    saved: bool = False
    draft: DraftView | None = None
    private: str = PRIVATE


@dataclass
class SearchPage:
    words: str
    filters: Filters
    hits: list[SearchHit]
    limited: bool  # True when there may be more than the hits shown
    prompts: tuple[Prompt, ...]
    tags: list[TagCount]
    free: str = FREE
    limit: int = SEARCH_LIMIT
    searched: bool = False
    private: str = PRIVATE


@dataclass
class PromptList:
    prompts: list[Prompt] = field(default_factory=lambda: list(PROMPTS))
    free: str = FREE


def journal(reflection: ReflectionService) -> JournalPage:
    """Return the journal page: prompts with how often each was answered, the latest entries, resurfacing."""
    recent = [hit.entry for hit in reflection.find(limit=RECENT_SHOWN)]
    per_prompt = reflection.prompt_counts()
    return JournalPage(
        prompts=[PromptCard(p, per_prompt.get(p.key, 0)) for p in PROMPTS],
        free_entries=per_prompt.get(None, 0),
        recent=recent,
        total=sum(per_prompt.values()),
        resurfaced=reflection.resurfaced(),
        tags=reflection.tag_counts(),
        today=reflection.today,
    )


def write(reflection: ReflectionService, prompt: str | None) -> WritePage:
    """Return the writing form for a prompt, with the draft not saved yet when there is one."""
    draft = reflection.drafts.get(NEW)
    chosen = BY_KEY.get(prompt or "") or (BY_KEY.get(draft.prompt) if draft and not prompt else None)
    return WritePage(prompt=chosen, prompts=PROMPTS, today=reflection.today, draft=draft)


def entry(reflection: ReflectionService, entry_id: int, *, saved: bool = False) -> EntryPage:
    found = reflection.get(entry_id)
    draft = reflection.drafts.get(edit_form(entry_id))
    return EntryPage(entry=found, prompts=PROMPTS, today=reflection.today, saved=saved, draft=draft)


def search(reflection: ReflectionService, words: str = "", filters: Filters | None = None) -> SearchPage:
    """Return the search page: the entries found (all of them newest first when no words were given)."""
    chosen = reflection.read_filters(filters or Filters())
    searched = bool(words.strip()) or chosen != Filters()
    hits = reflection.find(words, chosen) if searched else []
    return SearchPage(
        words=words,
        filters=chosen,
        hits=hits,
        limited=len(hits) >= SEARCH_LIMIT,
        prompts=PROMPTS,
        tags=reflection.tag_counts(),
        searched=searched,
    )
