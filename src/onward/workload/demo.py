"""Alex's job, duties and plate in the demo workspace: more than fits, with 'temporary' duties that stayed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from onward.workload.models import (
    CalendarEvent,
    Capacity,
    CapacityException,
    Colleague,
    Job,
    Mistake,
    Responsibility,
    Task,
)

if TYPE_CHECKING:
    from onward.workspace import HasWorkspace

# name, origin, expected end (days from the job's start), enjoyment, skill, energy, can hand off, description
DUTIES = [
    (
        "Adult literacy workshops",
        "described",
        None,
        "love",
        5,
        2,
        False,
        "Plan and lead the weekly evening workshops for adult learners.",
    ),
    (
        "Tutor training",
        "described",
        None,
        "love",
        4,
        1,
        True,
        "Train new volunteer tutors and run the monthly tutor circle.",
    ),
    (
        "Library partnerships",
        "described",
        None,
        "like",
        4,
        1,
        True,
        "Keep the partnerships with the three branch libraries that host workshops.",
    ),
    (
        "Program reporting",
        "described",
        None,
        "like",
        3,
        0,
        True,
        "Attendance figures and learner progress for the board each quarter.",
    ),
    (
        "Grant reporting",
        "temporary",
        92,
        "without",
        2,
        -2,
        True,
        "Covering the grant reports 'until the development manager is hired'.",
    ),
    (
        "Volunteer scheduling",
        "temporary",
        153,
        "without",
        3,
        -1,
        True,
        "Filling in on the volunteer rota 'for the summer'.",
    ),
    (
        "Office IT and newsletter",
        "added",
        None,
        "without",
        3,
        -1,
        True,
        "Fixing the office printer and laptops, sending the monthly newsletter.",
    ),
    ("Fundraising gala", "added", None, "like", 2, 0, True, "Planning the spring fundraising gala with the board."),
]

# responsibility, title, days until due (None: no date), effort hours, remaining hours, importance, tags
TASKS = [
    ("Adult literacy workshops", "Prepare December workshop materials", 4, 6, 4, 5, ["workshops"]),
    ("Adult literacy workshops", "Lead Tuesday evening workshop", 1, 3, 3, 5, ["workshops"]),
    ("Adult literacy workshops", "Lead Thursday evening workshop", 3, 3, 3, 5, ["workshops"]),
    ("Adult literacy workshops", "Learner progress check-ins", 15, 8, 8, 4, ["workshops"]),
    ("Adult literacy workshops", "Plan January term curriculum", 25, 14, 12, 4, ["workshops"]),
    ("Tutor training", "Run tutor induction session", 11, 5, 5, 4, ["tutors"]),
    ("Tutor training", "Update tutor handbook", 30, 10, 9, 3, ["tutors"]),
    ("Tutor training", "Monthly tutor circle", 17, 3, 3, 3, ["tutors"]),
    ("Library partnerships", "Renew Eastside branch room booking", 8, 2, 2, 4, ["partners"]),
    ("Library partnerships", "Quarterly partner meeting", 20, 4, 4, 3, ["partners"]),
    ("Program reporting", "Q4 attendance report for the board", 16, 10, 10, 4, ["reports"]),
    ("Program reporting", "Clean up learner database", None, 12, 12, 2, ["reports"]),
    ("Grant reporting", "City literacy grant final report", 16, 16, 14, 5, ["grants"]),
    ("Grant reporting", "Foundation grant interim report", 18, 12, 12, 4, ["grants"]),
    ("Grant reporting", "Gather receipts for the auditor", -3, 6, 5, 3, ["grants"]),
    ("Grant reporting", "State arts council renewal application", 26, 20, 20, 3, ["grants"]),
    ("Volunteer scheduling", "December volunteer rota", 9, 6, 6, 4, ["volunteers"]),
    ("Volunteer scheduling", "January volunteer rota", 30, 6, 6, 3, ["volunteers"]),
    ("Volunteer scheduling", "Chase missing volunteer background checks", -6, 4, 4, 4, ["volunteers"]),
    ("Office IT and newsletter", "December newsletter", 10, 5, 5, 2, ["newsletter"]),
    ("Office IT and newsletter", "Set up the new office laptop", 9, 3, 3, 2, ["it"]),
    ("Office IT and newsletter", "Fix the shared drive permissions", None, 4, 4, 2, ["it"]),
    ("Fundraising gala", "Book the gala venue", 14, 6, 6, 3, ["gala"]),
    ("Fundraising gala", "Draft sponsor letters", 21, 8, 8, 3, ["gala"]),
    ("Fundraising gala", "Gala budget with the treasurer", 28, 5, 5, 3, ["gala"]),
]

JOB_START_DAYS_AGO = 244  # about eight months

# Tasks above that come back, and the checklist one of them already has.
RECURRING = {
    "Lead Tuesday evening workshop": "weekly",
    "Lead Thursday evening workshop": "weekly",
    "December volunteer rota": "monthly",
    "Monthly tutor circle": "monthly",
    "December newsletter": "monthly",
}
CHECKLISTS = {
    "Lead Thursday evening workshop": [
        "Book the room with the branch",
        "Print the sign-in sheet",
        "Bring spare readers",
    ],
}
# A recurring task with no checklist: the mistake logged on it offers one.
ROTA_CHECK = ("Volunteer scheduling", "Weekly volunteer rota check", 1.5, 4)

# Work finished in past weeks, to show the load then: (weeks ago, duty, title, effort hours).
# Three and six weeks ago were the heaviest; the mistakes below happened in them.
PAST_WORK = [
    (weeks_ago, duty, title, hours)
    for weeks_ago in range(1, 13)
    for duty, title, hours in (
        ("Adult literacy workshops", "Workshops and preparation", 12),
        ("Tutor training", "Tutor support", 4),
        ("Library partnerships", "Branch coordination", 3),
        ("Grant reporting", "Grant paperwork", 8 if weeks_ago in (3, 6) else 4),
        ("Volunteer scheduling", "Volunteer rota and calls", 6 if weeks_ago in (3, 6) else 3),
        ("Office IT and newsletter", "Office IT and newsletter", 3),
        ("Fundraising gala", "Gala planning", 10 if weeks_ago in (3, 6) else 2 if weeks_ago < 8 else 0),
        ("Program reporting", "Quarterly board report", 14 if weeks_ago in (3, 6) else 0),
    )
    if hours
]
# (days ago, task title or None, duty, cause, what happened, lesson)
MISTAKES = [
    (
        19,
        ROTA_CHECK[1],
        "Volunteer scheduling",
        "rushed",
        "Sent the volunteer rota with last month's names on it; two volunteers came on the wrong evening.",
        "Check the absences list before sending the rota.",
    ),
    (
        40,
        None,
        "Grant reporting",
        "overloaded",
        "The attendance figures in the grant report did not match the board report.",
        "Take both figures from the same export, on the same day.",
    ),
    (
        17,
        None,
        "Library partnerships",
        "interrupted",
        "Forgot to confirm the Eastside room; the workshop started twenty minutes late.",
        "",
    ),
]


def fill(services: HasWorkspace, today: dt.date) -> None:
    """Add Alex's current job, its duties (rated) and the tasks on their plate."""
    start = today - dt.timedelta(days=JOB_START_DAYS_AGO)
    with services.workspace.session() as session:
        job = Job(
            employer="Riverside Literacy",
            title="Program Coordinator",
            description=(
                "Coordinate the adult literacy program: lead workshops, train volunteer tutors, keep library "
                "partnerships, and report on the program to the board."
            ),
            start_date=start,
        )
        session.add(job)
        duties: dict[str, Responsibility] = {}
        for name, origin, end_days, enjoyment, skill, energy, can_hand_off, description in DUTIES:
            duty = Responsibility(
                job=job,
                name=name,
                description=description,
                origin=origin,
                expected_end=start + dt.timedelta(days=end_days) if end_days is not None else None,
                enjoyment=enjoyment,
                skill=skill,
                energy=energy,
                can_hand_off=can_hand_off,
            )
            session.add(duty)
            duties[name] = duty
        for duty_name, title, due_days, effort, remaining, importance, tags in TASKS:
            session.add(
                Task(
                    responsibility=duties[duty_name],
                    title=title,
                    due=today + dt.timedelta(days=due_days) if due_days is not None else None,
                    effort_hours=float(effort),
                    remaining_hours=float(remaining),
                    importance=importance,
                    status="open",
                    entered=today - dt.timedelta(days=max(7, 30 - (due_days or 0))),
                    tags=tags,
                )
            )
    fill_plan(services, today)


def fill_plan(services: HasWorkspace, today: dt.date) -> None:
    """Add Alex's hours (37.5 a week, two days off for the holidays), past work, mistakes and Jo."""
    start = today - dt.timedelta(days=JOB_START_DAYS_AGO)
    with services.workspace.session() as session:
        duties = {d.name: d for d in session.query(Responsibility).all()}
        for task in session.query(Task).filter(Task.title.in_(list(RECURRING))).all():
            task.recurrence = RECURRING[task.title]
            task.checklist = [{"text": item, "done": False} for item in CHECKLISTS.get(task.title, [])]
        duty_name, title, hours, importance = ROTA_CHECK
        rota = Task(
            responsibility=duties[duty_name],
            title=title,
            due=today + dt.timedelta(days=(4 - today.weekday()) % 7),
            effort_hours=hours,
            remaining_hours=hours,
            importance=importance,
            recurrence="weekly",
            entered=start + dt.timedelta(days=150),
            tags=["volunteers"],
        )
        session.add(rota)
        monday = today - dt.timedelta(days=today.weekday())
        for weeks_ago, duty_name, past_title, effort in PAST_WORK:
            week = monday - dt.timedelta(days=7 * weeks_ago)
            session.add(
                Task(
                    responsibility=duties[duty_name],
                    title=past_title,
                    effort_hours=float(effort),
                    remaining_hours=0.0,
                    importance=3,
                    status="done",
                    entered=week,
                    due=week + dt.timedelta(days=4),
                    completed=week + dt.timedelta(days=4),
                )
            )
        session.flush()
        for days_ago, task_title, duty_name, cause, what, lesson in MISTAKES:
            session.add(
                Mistake(
                    happened_on=today - dt.timedelta(days=days_ago),
                    task_id=rota.id if task_title == rota.title else None,
                    responsibility_id=duties[duty_name].id,
                    cause=cause,
                    what_happened=what,
                    lesson=lesson,
                )
            )
        session.add(Capacity(starts=start, weekly_hours=37.5, day_hours=[7.5] * 5 + [0.0, 0.0]))
        holidays = dt.date(today.year, 12, 24) if today.month == 12 or today.month < 12 else today
        if holidays < today:
            holidays = dt.date(today.year + 1, 12, 24)
        session.add(
            CapacityException(
                first_day=holidays, last_day=holidays + dt.timedelta(days=1), hours_per_day=0.0, note="Holidays"
            )
        )
        session.add(
            Colleague(name="Jo", weekly_limit_hours=8.0, note="Volunteer coordinator; knows the rota and the learners")
        )
    fill_calendar(services, today)


# Alex's standing meetings, as an imported calendar would bring them: the load page's meetings band shows them.
MEETINGS = (
    # uid, summary, weekday, start hour, hours, every how many weeks
    ("demo-team-meeting", "Team meeting", 0, 10.0, 1.0, 1),
    ("demo-one-on-one", "1:1 with Dana", 2, 14.0, 0.75, 2),
    ("demo-library-call", "Library partners call", 3, 9.5, 0.5, 1),
)
MEETING_WEEKS = 16


def fill_calendar(services: HasWorkspace, today: dt.date) -> None:
    """Add Alex's standing meetings for the next weeks, one row per occurrence, as a calendar import stores them."""
    monday = today - dt.timedelta(days=today.weekday())
    with services.workspace.session() as session:
        for uid, summary, weekday, hour, hours, every in MEETINGS:
            for week in range(0, MEETING_WEEKS, every):
                starts = dt.datetime.combine(monday + dt.timedelta(days=7 * week + weekday), dt.time()) + dt.timedelta(
                    hours=hour
                )
                session.add(
                    CalendarEvent(
                        uid=uid,
                        summary=summary,
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(hours=hours),
                        all_day=False,
                        show_as="busy",
                        recurring=True,
                    )
                )
