"""The registry: one record per domain. Adding a domain is one record here plus its package.

The web app mounts each record's routes and menu entry, the CLI registers its commands under a help panel of
its own, the store learns its models, and the demo and the heavy user call its fillers, all from these records
and nothing else. Modules are named, not imported, so this file stays at the bottom of the layers (a domain may
import it; it imports no domain until asked to load one).

A domain's Today hook is `items(services)` returning `onward.today.TodayItem`s for the first page.

A filler is `fill(services, today)` (demo) or `fill_heavy_user(services, today, rng)` (heavy user). It receives
the composition root's `Services` and types it with a Protocol of its own naming only the services it needs,
so no domain imports `onward.services`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MenuEntry:
    """A domain's entry in the main menu."""

    label: str
    path: str
    order: int
    summary: str


@dataclass(frozen=True)
class Domain:
    """One domain: what it is called, and where its models, pages, commands and fillers live."""

    name: str
    title: str  # the heading of its commands in `onward --help` and of its part of the docs
    models: tuple[str, ...]  # modules defining its SQLAlchemy models
    menu: MenuEntry | None = None
    routes: tuple[str, ...] = ()  # modules under onward.web.routes, each with a `router`
    commands: tuple[str, ...] = ()  # modules under onward.cli, each with `register(app)`
    demo: str | None = None  # "module:function" adding its part of Alex's demo workspace
    heavy_user: str | None = None  # "module:function" adding its part of the heavy user (bench/)
    today: str | None = None  # "module:function" giving its onward.today.TodayItems for the first page


REGISTRY: tuple[Domain, ...] = (
    Domain(
        name="workload",
        title="Workload: see the overload, hand work off, one page for the manager",
        models=("onward.workload.models",),
        menu=MenuEntry(
            "Workload",
            "/workload",
            10,
            "Everything on your plate, the hours it needs against the hours you have, and what to do first.",
        ),
        routes=("workload.pages", "workload.files", "workload.handoff", "workload.report"),
        commands=("workload.commands", "workload.handoff", "workload.report"),
        demo="onward.workload.demo:fill",
        heavy_user="onward.workload.bench:fill_heavy_user",
        today="onward.workload.today:items",
    ),
    Domain(
        name="feedback",
        title="Feedback: ask for honest feedback by link, and log your 1:1s",
        models=("onward.feedback.models",),
        menu=MenuEntry(
            "Feedback",
            "/feedback",
            20,
            "Ask colleagues and friends for honest feedback by link, anonymous by default; log your 1:1s.",
        ),
        routes=("feedback.requests", "feedback.answers", "feedback.meetings"),
        commands=("feedback.commands", "feedback.meetings"),
        demo="onward.feedback.demo:fill",
        heavy_user="onward.feedback.bench:fill_heavy_user",
        today="onward.feedback.today:items",
    ),
    Domain(
        name="fit",
        title="Fit: what you love, the work that fits, applications and offers",
        models=("onward.fit.models", "onward.fit.matching.posting_models"),
        menu=MenuEntry("Fit", "/fit", 40, "What you love, what you are good at, and the work that fits"),
        routes=("fit.pages", "fit.matching"),
        commands=("fit.commands", "fit.matching"),
        demo="onward.fit.demo:fill",
        heavy_user="onward.fit.bench:fill_heavy_user",
    ),
    Domain(
        name="wellbeing",
        title="Well-being: a daily check-in, two questionnaires, trends over the years",
        models=("onward.wellbeing.models",),
        menu=MenuEntry(
            "Well-being",
            "/wellbeing",
            60,
            "A 20-second check-in, the burnout and well-being questionnaires, and how you are doing over time.",
        ),
        routes=("wellbeing.pages", "wellbeing.surveys"),
        commands=("wellbeing.commands",),
        demo="onward.wellbeing.demo:fill",
        heavy_user="onward.wellbeing.bench:fill_heavy_user",
        today="onward.wellbeing.today:items",
    ),
    Domain(
        name="reflection",
        title="Reflection: a private guided journal, searched and resurfaced",
        models=("onward.reflection.models",),
        menu=MenuEntry(
            "Reflection",
            "/reflection",
            30,
            "A private journal with five guided prompts: what you want, what you love, who to ask, what's next.",
        ),
        routes=("reflection.pages", "reflection.files"),
        commands=("reflection.commands",),
        demo="onward.reflection.demo:fill",
        heavy_user="onward.reflection.bench:fill_heavy_user",
    ),
)

REGISTRY += (
    Domain(
        name="mail",
        title="Mail: when you send mail after hours, and what received mail asks of you",
        models=("onward.mail.models",),
        menu=MenuEntry(
            "Mail",
            "/mail",
            70,
            "When you send mail outside working hours, week by week, and what people have asked of you.",
        ),
        routes=("mail.pages",),
        commands=("mail.commands",),
        demo="onward.mail.demo:fill",
        heavy_user="onward.mail.bench:fill_heavy_user",
        today="onward.mail.today:items",
    ),
    Domain(
        name="network",
        title="Network: contacts, who to reach out to, drafted messages, follow-ups",
        models=("onward.network.models",),
        menu=MenuEntry(
            "Network",
            "/network",
            50,
            "The people who can help, a message with a clear ask, and keeping in touch.",
        ),
        routes=("network.pages", "network.files"),
        commands=("network.commands",),
        demo="onward.network.demo:fill",
        heavy_user="onward.network.bench:fill_heavy_user",
        today="onward.network.today:items",
    ),
)

DOMAINS: tuple[str, ...] = tuple(domain.name for domain in REGISTRY)


def load_models() -> None:
    """Import every domain's models so SQLAlchemy's metadata (and so export, backup, Alembic) knows all tables."""
    for domain in REGISTRY:
        for module in domain.models:
            importlib.import_module(module)


def resolve(target: str) -> Callable[..., Any]:
    """Return the function named by "package.module:function"."""
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function
