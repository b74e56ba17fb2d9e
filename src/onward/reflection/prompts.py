"""The five guided prompts, in Onward's own words, each with a short key for the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prompt:
    """A guided question: its key (`onward journal add --prompt fit`), a short title, the question and a nudge."""

    key: str
    title: str
    question: str
    nudge: str  # a few gentle starting points, shown under the question


PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "fit",
        "The job and place that suit me",
        "What do you want from your next job, and from the place you do it?",
        "Think of a day that went well: what were you doing, with whom, at what pace? What would you leave behind?",
    ),
    Prompt(
        "tasks",
        "Tasks I love, like and could do without",
        "Which tasks do you love, which do you simply like, and which could you do without? Where are you strongest?",
        "The tasks you look forward to, the ones you put off, and the ones people come to you for.",
    ),
    Prompt(
        "people",
        "Who I can reach out to",
        "Who could you get in touch with, and what would you like to ask them?",
        "A former colleague, a friend who changed jobs, a teacher. One question each is plenty.",
    ),
    Prompt(
        "start",
        "My first months in the next job",
        "How do you want to start the next job, and what will you do in the first months to keep it a good fit?",
        "What you will say yes to, what you will ask about early, how you will notice when duties start to pile up.",
    ),
    Prompt(
        "care",
        "Looking after myself",
        "How will you look after yourself from here on?",
        "Sleep, people, time outside work, asking for help. Small and specific is enough.",
    ),
)
BY_KEY = {prompt.key: prompt for prompt in PROMPTS}
KEYS = tuple(BY_KEY)
FREE_TITLE = "A free entry"


def title_of(key: str | None) -> str:
    """Return the prompt's short title, or the free entry's."""
    return BY_KEY[key].title if key in BY_KEY else FREE_TITLE


def question_of(key: str | None) -> str:
    return BY_KEY[key].question if key in BY_KEY else ""
