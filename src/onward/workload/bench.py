"""The heavy user's workload: five years, three jobs, 20,000 tasks of which 2,000 are still open.

Rows go in with bulk inserts (one statement per table), so the whole fill takes seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from onward.workload.models import (
    ENJOYMENT,
    MISTAKE_CAUSES,
    ORIGINS,
    Capacity,
    CapacityException,
    Colleague,
    Job,
    Mistake,
    Responsibility,
    Task,
    TaskDependency,
)

if TYPE_CHECKING:
    from onward.workspace import HasWorkspace

TASKS = 20_000
OPEN = 2_000
YEARS = 5
DUTIES_PER_JOB = 10
WORDS = (
    "report",
    "grant",
    "rota",
    "workshop",
    "budget",
    "review",
    "plan",
    "email",
    "call",
    "meeting",
    "draft",
    "update",
    "board",
    "volunteer",
    "newsletter",
    "training",
    "audit",
    "data",
    "website",
    "partner",
    "invoice",
    "schedule",
    "survey",
    "policy",
    "event",
    "follow-up",
    "proposal",
    "slides",
)


def fill_heavy_user(services: HasWorkspace, today: dt.date, rng: random.Random) -> dict[str, int]:
    """Add three jobs over five years with 10 duties each, 20,000 tasks (2,000 open), mistakes, capacity."""
    owner = services.workspace.owner_id
    start = today - dt.timedelta(days=365 * YEARS)
    now = dt.datetime(today.year, today.month, today.day)
    stamp = {"owner_id": owner, "created_at": now, "updated_at": now}
    with services.workspace.session() as session:
        bounds = [start, start + dt.timedelta(days=600), start + dt.timedelta(days=1200), None]
        jobs = []
        for j in range(3):
            job = Job(
                title=f"Coordinator {j + 1}", employer=f"Employer {j + 1}", start_date=bounds[j], end_date=bounds[j + 1]
            )
            session.add(job)
            jobs.append(job)
        session.flush()
        duties: list[dict[str, Any]] = []
        for job in jobs:
            for d in range(DUTIES_PER_JOB):
                origin = ORIGINS[0] if d < 5 else rng.choice(ORIGINS)
                duties.append(
                    {
                        **stamp,
                        "job_id": job.id,
                        "name": f"Duty {d + 1} of {job.title}",
                        "description": "",
                        "origin": origin,
                        "expected_end": today - dt.timedelta(days=rng.randint(-60, 400))
                        if origin == "temporary"
                        else None,
                        "enjoyment": rng.choice(ENJOYMENT),
                        "skill": rng.randint(1, 5),
                        "energy": rng.randint(-2, 2),
                        "can_hand_off": rng.random() < 0.8,
                    }
                )
        session.execute(insert(Responsibility), duties)
        duty_ids = session.scalars(select(Responsibility.id).order_by(Responsibility.id)).all()
        current = duty_ids[-DUTIES_PER_JOB:]

        rows: list[dict[str, Any]] = []
        for i in range(TASKS):
            is_open = i >= TASKS - OPEN
            effort = round(min(40.0, max(0.25, rng.lognormvariate(1.0, 0.8))), 2)
            if is_open:
                entered = today - dt.timedelta(days=rng.randint(0, 120))
                roll = rng.random()
                due: dt.date | None = (
                    today - dt.timedelta(days=rng.randint(1, 30))
                    if roll < 0.1
                    else today + dt.timedelta(days=rng.randint(0, 150))
                    if roll < 0.85
                    else None
                )
                completed = None
                status = "waiting" if rng.random() < 0.05 else "open"
                remaining = round(effort * rng.uniform(0.3, 1.0), 2)
                duty = rng.choice(current)
            else:
                entered = start + dt.timedelta(days=int((365 * YEARS - 10) * i / (TASKS - OPEN)))
                completed = entered + dt.timedelta(days=rng.randint(0, 21))
                due = entered + dt.timedelta(days=rng.randint(1, 30))
                status = rng.choices(("done", "handed_off", "dropped", "deferred"), (90, 4, 3, 3))[0]
                remaining = 0.0 if status == "done" else effort
                job_index = min(int(3 * i / (TASKS - OPEN)), 2)
                duty = duty_ids[job_index * DUTIES_PER_JOB + rng.randrange(DUTIES_PER_JOB)]
            rows.append(
                {
                    **stamp,
                    "responsibility_id": duty,
                    "title": " ".join(rng.sample(WORDS, 3)).capitalize() + f" #{i + 1}",
                    "notes": "",
                    "due": due,
                    "effort_hours": effort,
                    "remaining_hours": remaining,
                    "importance": rng.choices((1, 2, 3, 4, 5), (1, 3, 5, 3, 1))[0],
                    "status": status,
                    "handed_to": "Jo" if status == "handed_off" else None,
                    "entered": entered,
                    "completed": completed,
                    "tags": [],
                    "annotations": [],
                    "recurrence": rng.choice(("weekly", "monthly")) if is_open and rng.random() < 0.03 else None,
                    "checklist": [],
                    "locked": is_open and rng.random() < 0.02,
                    "source": None,
                    "external_id": None,
                }
            )
        session.execute(insert(Task), rows)
        open_ids = session.scalars(select(Task.id).where(Task.status.in_(("open", "waiting"))).order_by(Task.id)).all()
        links = {(a, b) for a, b in ((rng.choice(open_ids), rng.choice(open_ids)) for _ in range(300)) if a != b}
        session.execute(insert(TaskDependency), [{**stamp, "task_id": a, "depends_on_id": b} for a, b in links])
        mistakes = [
            {
                **stamp,
                "happened_on": start + dt.timedelta(days=rng.randrange(365 * YEARS)),
                "task_id": None,
                "responsibility_id": rng.choice(duty_ids),
                "cause": rng.choice(MISTAKE_CAUSES),
                "what_happened": "Something slipped",
                "lesson": "",
            }
            for _ in range(250)
        ]
        session.execute(insert(Mistake), mistakes)
        session.execute(
            insert(Capacity),
            [
                {**stamp, "starts": start, "weekly_hours": 40.0, "day_hours": [8.0] * 5 + [0.0, 0.0]},
                {**stamp, "starts": bounds[2], "weekly_hours": 37.5, "day_hours": [7.5] * 5 + [0.0, 0.0]},
            ],
        )
        leave = [
            {
                **stamp,
                "first_day": today + dt.timedelta(days=d),
                "last_day": today + dt.timedelta(days=d + 4),
                "hours_per_day": 0.0,
                "note": "Leave",
            }
            for d in (-200, -100, 25, 80)
        ]
        session.execute(insert(CapacityException), leave)
        session.execute(
            insert(Colleague),
            [{**stamp, "name": name, "weekly_limit_hours": h, "note": ""} for name, h in (("Jo", 6.0), ("Sam", 4.0))],
        )
    return {
        "jobs": 3,
        "responsibilities": len(duties),
        "tasks": TASKS,
        "open_tasks": OPEN,
        "dependencies": len(links),
        "mistakes": len(mistakes),
    }
