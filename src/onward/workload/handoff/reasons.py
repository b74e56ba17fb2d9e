"""The plain sentence for each line of the plan: in hours, due dates and who takes the work.

Enjoyment and skill ratings are private: they shape what the plan costs, never what it says, so the plan can be
read aloud to a manager as it is.
"""

from __future__ import annotations

import datetime as dt

from onward.workload.handoff.schedule import Placement
from onward.workload.ranking import ActiveTask


def day_words(d: dt.date | None) -> str:
    return f"{d:%a} {d.day} {d:%b}" if d else "no due date"


def hours_words(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") + " h"


def reason(task: ActiveTask, p: Placement, new_due: dt.date | None, finish: dt.date | None, today: dt.date) -> str:
    """Return the plain sentence for this task's line of the plan: hours, due dates and who, never ratings."""
    due = f"due {day_words(task.due)}" if task.due else "no due date"
    if p.action == "keep":
        if task.locked:
            return f"Kept: you chose to keep it ({hours_words(task.hours)}, {due})."
        if finish is None:
            return "Kept: it needs no hours in these weeks."
        return f"Kept: its {hours_words(task.hours)} fit before {'its due date' if task.due else 'the weeks run out'}."
    if p.action == "hand_off":
        if p.recurring:
            every = f" ({task.recurrence})" if task.recurrence else ""
            return (
                f"Hand it to {p.colleague}: {hours_words(task.hours)} each time it comes round{every}; "
                f"{p.colleague} has room for it every time."
            )
        if p.handed_hours < task.hours - 0.05:
            rest = task.hours - p.handed_hours
            by = day_words(task.due) if task.due else "the weeks run out"
            part, other = hours_words(p.handed_hours), hours_words(rest)
            return f"Hand {part} of it to {p.colleague}: the other {other} then fit before {by}."
        return f"Hand it to {p.colleague}: {hours_words(task.hours)}, {due}; {p.colleague} has room for it in time."
    if p.action == "defer":
        return f"Defer it: it has no due date, and its {hours_words(task.hours)} do not fit beside the dated work."
    if p.action == "drop":
        return (
            f"Drop it: importance {task.importance}, {due}; its {hours_words(task.hours)} do not fit beside work that "
            "matters more or is due sooner."
        )
    assert p.ask is not None
    if p.ask.kind == "move_deadline":
        late, whole = hours_words(p.ask.hours), hours_words(task.hours)
        dates = f"from {day_words(task.due)} to {day_words(new_due)}"
        return f"Ask to move its deadline {dates}: {late} of its {whole} do not fit before it."
    if p.ask.kind == "drop_with_agreement":
        when = (
            f"it was due {day_words(task.due)}" if task.due and task.due < today else f"it is due {day_words(task.due)}"
        )
        return (
            f"Ask whether it can go: {when}, {hours_words(task.hours)}, "
            "and does not fit; dropping it needs your manager's agreement."
        )
    before = day_words(task.due) if task.due else "the weeks run out"
    weekly = hours_words(p.ask.hours_per_week or 0.0)
    return f"Ask for help: {hours_words(p.ask.hours)} of it fit nowhere before {before} (about {weekly} a week)."
