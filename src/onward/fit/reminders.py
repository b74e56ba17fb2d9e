"""Gentle follow-up suggestions for applications: pure functions over application views and today.

A suggestion, never a nag: one note per application, only when a step is natural (a week after
applying, two weeks, a week after an interview), gone once the person records a follow-up, and at
three weeks without a reply an offer to let it rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from onward.fit.schemas import ApplicationView, Reminder

FOLLOW_UP_DAYS = (7, 14)  # days after applying when a short follow-up note is a normal thing to send
LET_GO_DAYS = 21
AFTER_INTERVIEW_DAYS = 7
NEXT_STEP_AHEAD_DAYS = 3


def _followed_up_since(application: ApplicationView, day: dt.date) -> bool:
    return application.last_follow_up is not None and application.last_follow_up >= day


def _when(day: dt.date, today: dt.date) -> str:
    gap = (day - today).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "tomorrow"
    return f"on {day.strftime('%A')} ({day.isoformat()})"


def reminder_for(application: ApplicationView, today: dt.date) -> Reminder | None:
    """Return the one suggestion worth making about an application today, or None."""
    a = application

    def make(kind: str, days: int, message: str) -> Reminder:
        return Reminder(a.id, a.employer, a.role_title, kind, days, message)

    if a.next_step and a.next_step_on is not None and 0 <= (a.next_step_on - today).days < NEXT_STEP_AHEAD_DAYS:
        days = (a.next_step_on - today).days
        return make("next_step", days, f"Coming up with {a.employer}: {a.next_step}, {_when(a.next_step_on, today)}.")
    if a.stage == "applied" and a.applied_on is not None:
        days = (today - a.applied_on).days
        if days >= LET_GO_DAYS and not _followed_up_since(a, a.applied_on + dt.timedelta(days=LET_GO_DAYS)):
            return make(
                "let_go",
                days,
                f"It has been {days} days since you applied to {a.employer}. A silence this long says more "
                "about their hiring process than about you. If it helps, mark it as “no reply” and make room "
                "for what comes next.",
            )
        for threshold in reversed(FOLLOW_UP_DAYS):
            if days >= threshold:
                if _followed_up_since(a, a.applied_on + dt.timedelta(days=threshold)):
                    return None
                if threshold == FOLLOW_UP_DAYS[0]:
                    message = (
                        f"It has been {days} days since you applied to {a.employer} for {a.role_title}. "
                        "If you would like to, a short, friendly note asking about their timeline is a normal "
                        "thing to send."
                    )
                else:
                    message = (
                        f"Two weeks or so since you applied to {a.employer} ({days} days). If you have not heard "
                        "back, one more brief note is fine; after that it is fine to let it rest."
                    )
                return make("follow_up", days, message)
        return None
    if a.stage == "interviewing" and a.stage_since is not None:
        days = (today - a.stage_since).days
        upcoming = a.next_step_on is not None and a.next_step_on >= today
        if (
            days >= AFTER_INTERVIEW_DAYS
            and not upcoming
            and not _followed_up_since(a, a.stage_since + dt.timedelta(days=AFTER_INTERVIEW_DAYS))
        ):
            return make(
                "follow_up",
                days,
                f"It has been {days} days since things moved to interviews with {a.employer}. If it feels "
                "right, a short note asking about next steps is welcome.",
            )
    return None


def reminders(applications: Sequence[ApplicationView], today: dt.date) -> list[Reminder]:
    """Return today's suggestions, the ones with a date coming up first, then the longest waits."""
    found = [r for a in applications if (r := reminder_for(a, today)) is not None]
    return sorted(found, key=lambda r: (r.kind != "next_step", r.days if r.kind == "next_step" else -r.days))
