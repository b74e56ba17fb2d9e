"""Offers held against the ideal-role profile: pure functions returning dataclasses.

Which duties an offer brings is read from its "main duties" text by plain word overlap with the
person's duty names, so every finding can be shown and checked ("workshops" ↔ "Adult literacy workshops").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from onward.fit.profile import DutyGroups, hours_text, in_sentence, join_words
from onward.fit.schemas import EnvironmentCheck, EnvironmentView, OfferFit, OfferView

STOPWORDS = frozenset(
    {"and", "the", "for", "with", "from", "into", "onto", "our", "your", "their", "this", "that", "some", "all"}
    | {"any", "other", "more", "most", "own", "per", "via", "are", "was", "were", "will", "can", "may", "not"}
    | {"new", "etc", "also", "plus"}
)
SUFFIXES = (("ies", "y"), ("ings", ""), ("ing", ""), ("ers", ""), ("er", ""), ("es", ""), ("s", ""), ("ed", ""))
MANY_HATS = 5  # an offer listing this many separate duties is far from "one or two main tasks"
HOURS_TOLERANCE = 1.0


def stem(word: str) -> str:
    """Return a crude stem so 'workshops'/'workshop' and 'training'/'train' meet; the same on both sides."""
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: len(word) - len(suffix)] + replacement
            break
    return word.removesuffix("e") if len(word) > 4 else word


def content_words(text: str) -> set[str]:
    """Return the stemmed words of `text` that carry meaning (three letters or more, not a stopword)."""
    return {stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) >= 3 and w not in STOPWORDS}


def duty_appears(duty_name: str, words: set[str], wanted: frozenset[str] | None = None) -> bool:
    """Return True when an offer's duty words contain the duty: all its words, or two-thirds of three or more.

    `wanted` is the duty name's content words when the caller has them already.
    """
    if wanted is None:
        wanted = frozenset(content_words(duty_name))
    if not wanted:
        return False
    found = len(wanted & words)
    return found == len(wanted) or (len(wanted) >= 3 and found * 3 >= len(wanted) * 2)


def listed_duties(text: str) -> list[str]:
    """Return the separate duties an offer lists (split on lines, semicolons and bullets)."""
    return [part.strip(" -*•\t") for part in re.split(r"[\n;•]+", text) if part.strip(" -*•\t")]


def environment_checks(offer: OfferView, environment: EnvironmentView, wants_focus: bool) -> list[EnvironmentCheck]:
    """Return the offer checked against each environment wish, in plain words."""
    checks = []
    wanted_mode, mode = environment.work_mode, offer.work_mode
    if wanted_mode and mode:
        if mode == wanted_mode:
            checks.append(EnvironmentCheck("work_mode", "match", f"{mode.capitalize()}, as you wanted"))
        else:
            text = f"{mode.capitalize()}, while you wanted {wanted_mode}"
            checks.append(EnvironmentCheck("work_mode", "differs", text))
    else:
        checks.append(EnvironmentCheck("work_mode", "unknown", f"Work mode: {mode or 'not stated'}"))
    size, wanted = offer.team_size, environment.team_size
    if size is not None and wanted is not None:
        low, high = wanted
        span = f"{low}–{high}" if environment.team_max is not None else f"{low} or more"
        if low <= size <= high:
            checks.append(EnvironmentCheck("team_size", "match", f"A team of {size}, within your {span}"))
        else:
            word = "larger" if size > high else "smaller"
            checks.append(EnvironmentCheck("team_size", "differs", f"A team of {size}, {word} than your {span}"))
    else:
        checks.append(
            EnvironmentCheck("team_size", "unknown", f"Team size: {size if size is not None else 'not stated'}")
        )
    hours, wanted_hours = offer.hours_per_week, environment.hours_per_week
    if hours is not None and wanted_hours:
        gap = hours - wanted_hours
        if abs(gap) <= HOURS_TOLERANCE:
            checks.append(EnvironmentCheck("hours", "match", f"{hours_text(hours)} hours a week, as you wanted"))
        else:
            more = "more" if gap > 0 else "fewer"
            checks.append(
                EnvironmentCheck(
                    "hours",
                    "differs",
                    f"{hours_text(hours)} hours a week, {hours_text(abs(gap))} {more} than the "
                    f"{hours_text(wanted_hours)} you wanted",
                )
            )
    else:
        said = f"{hours_text(hours)} a week" if hours is not None else "not stated"
        checks.append(EnvironmentCheck("hours", "unknown", f"Hours: {said}"))
    if wants_focus and offer.main_duties.strip():
        count = len(listed_duties(offer.main_duties))
        if count >= MANY_HATS:
            checks.append(
                EnvironmentCheck(
                    "focus", "differs", f"Lists {count} separate duties, while you do best with one or two main ones"
                )
            )
        else:
            checks.append(EnvironmentCheck("focus", "match", f"A few main duties ({count}), room to focus"))
    return checks


def _summary(fit: OfferFit) -> str:
    parts = []
    loved = [in_sentence(n) for n in fit.loved_present]
    if fit.loved_total == 0:
        parts.append("Rate your duties to see how it lines up with what you love.")
    elif loved:
        parts.append(f"It brings in {len(loved)} of the {fit.loved_total} duties you love ({join_words(loved)}).")
    else:
        parts.append("None of the duties you love are named in it.")
    without = [in_sentence(n) for n in fit.without_present]
    if without:
        parts.append(f"It also includes {join_words(without)}, which you could do without.")
    else:
        parts.append("None of the duties you could do without are listed.")
    matched = [c.field.replace("_", " ") for c in fit.checks if c.status == "match"]
    differs = [c.text[0].lower() + c.text[1:] for c in fit.checks if c.status == "differs"]
    if matched:
        parts.append(f"It matches your wishes on {join_words(matched)}.")
    if differs:
        parts.append(f"Worth weighing: {'; '.join(differs)}.")
    return " ".join(parts)


def compare_offer(
    offer: OfferView,
    groups: DutyGroups,
    environment: EnvironmentView,
    duty_words: dict[str, frozenset[str]] | None = None,
) -> OfferFit:
    """Return how one offer lines up with the profile: duties present, environment per field, a summary.

    `duty_words` maps duty names to their content words, computed once when comparing many offers.
    """
    words = content_words(offer.main_duties)
    known = duty_words or {}
    loved_names = [*groups.core, *groups.growing]

    def present(names: list[str]) -> list[str]:
        return [n for n in names if duty_appears(n, words, known.get(n))]

    fit = OfferFit(
        offer=offer,
        loved_present=present(loved_names),
        also_present=present(groups.also),
        without_present=present(groups.fewer),
        loved_total=len(loved_names),
        checks=environment_checks(offer, environment, wants_focus=environment.focus == "focus"),
        hours_difference=(
            offer.hours_per_week - environment.hours_per_week
            if offer.hours_per_week is not None and environment.hours_per_week
            else None
        ),
        points=0,
        summary="",
    )
    fit.points = (
        2 * len(fit.loved_present)
        + len(fit.also_present)
        - 2 * len(fit.without_present)
        + sum(1 for c in fit.checks if c.status == "match")
        - sum(1 for c in fit.checks if c.status == "differs")
    )
    fit.summary = _summary(fit)
    return fit


def compare_offers(offers: Sequence[OfferView], groups: DutyGroups, environment: EnvironmentView) -> list[OfferFit]:
    """Return every offer compared with the profile; the single best-fitting one (if any) marked closest."""
    names = [*groups.core, *groups.growing, *groups.also, *groups.fewer]
    duty_words = {name: frozenset(content_words(name)) for name in names}
    fits = [compare_offer(offer, groups, environment, duty_words) for offer in offers]
    if len(fits) >= 2:
        best = max(f.points for f in fits)
        leaders = [f for f in fits if f.points == best]
        if len(leaders) == 1:
            leaders[0].closest = True
    return fits
