"""Workload commands: tasks, capacity, load, drift, mistakes, jobs, duties, colleagues.

The `tasks` and `calendar` groups are made here; the file importers add `tasks import`, `tasks export`
and `calendar import` to them (onward.cli.workload.files.register_files). Domain code is imported inside
each command so `onward --help` stays fast.
"""

from __future__ import annotations

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of
from onward.cli.workload.listing import priority_json, task_json, text_lines
from onward.fields import hours, optional_date, optional_hours, optional_int, required_date

tasks_app = typer.Typer(help=messages.TASKS_HELP, no_args_is_help=True)
calendar_app = typer.Typer(help=messages.CALENDAR_HELP, no_args_is_help=True)
capacity_app = typer.Typer(help=messages.CAPACITY_HELP, no_args_is_help=True)
mistakes_app = typer.Typer(help=messages.MISTAKES_HELP, no_args_is_help=True)
jobs_app = typer.Typer(help=messages.JOBS_HELP, no_args_is_help=True)
duties_app = typer.Typer(help=messages.DUTIES_HELP, no_args_is_help=True)
colleagues_app = typer.Typer(help=messages.COLLEAGUES_HELP, no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")


def register(app: typer.Typer) -> None:
    app.add_typer(tasks_app, name="tasks")
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(capacity_app, name="capacity")
    app.command("load", help=messages.LOAD_HELP)(load)
    app.command("drift", help=messages.DRIFT_HELP)(drift)
    app.add_typer(mistakes_app, name="mistakes")
    app.add_typer(jobs_app, name="jobs")
    app.add_typer(duties_app, name="duties")
    app.add_typer(colleagues_app, name="colleagues")


def _hours(value: float) -> str:
    return f"{value:g}"


# ---- tasks ----


@tasks_app.command("add", help=messages.TASKS_ADD_HELP)
def tasks_add(ctx: typer.Context, line: list[str] = typer.Argument(..., help="The task, in one line.")) -> None:
    task = services_of(ctx).workload.tasks.capture(" ".join(line))
    details = "".join(
        [
            f" under {task.responsibility}" if task.responsibility else "",
            f", due {task.due.isoformat()}" if task.due else "",
            f", {_hours(task.hours)} h" if task.effort_hours is not None else "",
            f", importance {task.importance}",
        ]
    )
    typer.echo(messages.TASK_ADDED.format(id=task.id, title=task.title, details=details))


@tasks_app.command("list", help=messages.TASKS_LIST_HELP)
def tasks_list(
    ctx: typer.Context,
    all_: bool = typer.Option(False, "--all", help="Include done, handed-off, dropped and deferred tasks."),
    status: list[str] = typer.Option(
        [], "--status", help="Only tasks of this status (repeat): open, waiting, done, handed_off, dropped, deferred."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.errors import BadInput
    from onward.workload.models import STATUSES

    wrong = [s for s in status if s not in STATUSES]
    if wrong:
        raise BadInput(f"--status must be one of {', '.join(STATUSES)}, not '{wrong[0]}'")
    workload = services_of(ctx).workload
    priorities = workload.planning.priorities()
    if all_ or status:
        ranked = {p.id: p for p in priorities}
        tasks = workload.tasks.list_tasks(statuses=tuple(status) or None)
        tasks.sort(key=lambda t: (t.id not in ranked, -(ranked[t.id].urgency if t.id in ranked else 0), t.id))
        rows = [task_json(t, ranked.get(t.id)) for t in tasks]
    else:
        rows = [priority_json(p) for p in priorities]
    if as_json:
        print_json(rows)
        return
    for line in text_lines(rows):
        typer.echo(line)


@tasks_app.command("show", help=messages.TASKS_SHOW_HELP)
def tasks_show(
    ctx: typer.Context, task_id: int = typer.Argument(..., help="The task's id."), as_json: bool = JSON_OPTION
) -> None:
    workload = services_of(ctx).workload
    task = workload.tasks.get_task(task_id)
    priority = next((p for p in workload.planning.priorities() if p.id == task_id), None)
    row = task_json(task, priority) | {
        "checklist": [{"text": i.text, "done": i.done} for i in task.checklist],
        "recurrence": task.recurrence,
        "handed_to": task.handed_to,
        "locked": task.locked,
    }
    if as_json:
        print_json(row)
        return
    typer.echo(f"{task.title}  (task {task.id}, {task.status})")
    for label, value in (
        ("responsibility", task.responsibility),
        ("due", task.due),
        ("hours left", _hours(task.hours)),
        ("importance", task.importance),
        ("recurs", task.recurrence),
        ("handed to", task.handed_to),
        ("kept on my plate", "yes" if task.locked else None),
    ):
        if value is not None:
            typer.echo(f"  {label}: {value}")
    if priority:
        typer.echo(f"  urgency {priority.urgency:.2f} ({priority.quadrant}):")
        for t in priority.urgency_terms:
            typer.echo(f"    {t.term:<10} {t.factor:.3f} × {t.coefficient:g} = {t.points:+.2f}  {t.why}")
    for item in task.checklist:
        typer.echo(f"  [{'x' if item.done else ' '}] {item.text}")


@tasks_app.command("done", help=messages.TASKS_DONE_HELP)
def tasks_done(ctx: typer.Context, task_id: int = typer.Argument(..., help="The task's id.")) -> None:
    change = services_of(ctx).workload.changes.set_status(task_id, "done")
    typer.echo(messages.CHANGED.format(summary=change.summary))


@tasks_app.command("status", help=messages.TASKS_STATUS_HELP)
def tasks_status(
    ctx: typer.Context,
    task_id: int = typer.Argument(..., help="The task's id."),
    status: str = typer.Argument(..., help="open, waiting, done, handed_off, dropped or deferred."),
    to: str = typer.Option(None, "--to", help="Who took it (for handed_off)."),
    yes: bool = typer.Option(False, "--yes", help="Drop work of importance 4 or 5 without asking."),
) -> None:
    workload = services_of(ctx).workload
    if status == "dropped" and not yes and workload.tasks.get_task(task_id).importance >= 4:
        task = workload.tasks.get_task(task_id)
        yes = typer.confirm(messages.CONFIRM_DROP.format(title=task.title, importance=task.importance))
        if not yes:
            typer.echo(messages.NOT_DROPPED)
            return
    change = workload.changes.set_status(task_id, status, handed_to=to, confirm=yes)
    typer.echo(messages.CHANGED.format(summary=change.summary))


@tasks_app.command("checklist", help=messages.TASKS_CHECKLIST_HELP)
def tasks_checklist(
    ctx: typer.Context,
    task_id: int = typer.Argument(..., help="The task's id."),
    items: list[str] = typer.Argument(..., help="The checklist's items, in order."),
) -> None:
    task = services_of(ctx).workload.tasks.set_checklist(task_id, items)
    for item in task.checklist:
        typer.echo(f"[{'x' if item.done else ' '}] {item.text}")


@tasks_app.command("lock", help=messages.TASKS_LOCK_HELP)
def tasks_lock(
    ctx: typer.Context,
    task_id: int = typer.Argument(..., help="The task's id."),
    unlock: bool = typer.Option(False, "--unlock", help="Allow hand-off suggestions again."),
) -> None:
    services_of(ctx).workload.tasks.update_task(task_id, locked=not unlock)
    typer.echo((messages.TASK_UNLOCKED if unlock else messages.TASK_LOCKED).format(id=task_id))


# ---- capacity ----


@capacity_app.command("set", help=messages.CAPACITY_SET_HELP)
def capacity_set(
    ctx: typer.Context,
    weekly_hours: str = typer.Option(
        None, "--weekly-hours", help="Hours a week, e.g. 37.5 or 37,5.", metavar="<hours>"
    ),
    day: list[str] = typer.Option(None, "--day", help="A day's hours, e.g. fri=4 or sat=0 (repeatable)."),
    starts: str = typer.Option(None, "--from", help="From this date (YYYY-MM-DD; default today)."),
) -> None:
    from onward.errors import BadInput

    days: dict[str, float] = {}
    for item in day or []:
        name, equals, value = item.partition("=")
        if not equals:
            raise BadInput(f"--day {item}: write it as mon=8")
        days[name.strip().lower()] = hours(value, f"--day {item}")
    capacity = services_of(ctx).workload.planning.set_capacity(
        weekly_hours=optional_hours(weekly_hours, "--weekly-hours"), days=days, starts=optional_date(starts, "--from")
    )
    spread = ", ".join(f"{k} {_hours(v)}" for k, v in capacity.day_hours.items() if v)
    typer.echo(messages.CAPACITY_SET.format(starts=capacity.starts, weekly=_hours(capacity.weekly_hours), days=spread))


@capacity_app.command("show", help=messages.CAPACITY_SHOW_HELP)
def capacity_show(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    capacity = services_of(ctx).workload.planning.capacity()
    if as_json:
        print_json(capacity)
        return
    note = f" {messages.CAPACITY_DEFAULT}" if capacity.is_default else f" (from {capacity.starts})"
    typer.echo(f"{_hours(capacity.weekly_hours)} h a week{note}")
    typer.echo("  " + ", ".join(f"{k} {_hours(v)}" for k, v in capacity.day_hours.items()))
    for e in capacity.exceptions:
        typer.echo(f"  [{e.id}] {e.first_day} to {e.last_day}: {_hours(e.hours_per_day)} h a day {e.note}".rstrip())


@capacity_app.command("except", help=messages.CAPACITY_EXCEPT_HELP)
def capacity_except(
    ctx: typer.Context,
    first_day: str = typer.Argument(..., help="First day (YYYY-MM-DD)."),
    last_day: str = typer.Argument(..., help="Last day (YYYY-MM-DD)."),
    hours_per_day: str = typer.Option(
        "0", "--hours-per-day", help="Hours on each of those days (0: leave).", metavar="<hours>"
    ),
    note: str = typer.Option("", "--note", help="What it is, e.g. 'Leave'."),
) -> None:
    first, last = required_date(first_day, "first day"), required_date(last_day, "last day")
    e = services_of(ctx).workload.planning.add_capacity_exception(
        first, last, hours_per_day=optional_hours(hours_per_day, "--hours-per-day") or 0.0, note=note
    )
    typer.echo(
        messages.EXCEPTION_ADDED.format(
            first=e.first_day, last=e.last_day, hours=_hours(e.hours_per_day), note=f" ({e.note})" if e.note else ""
        )
    )


@capacity_app.command("unexcept", help=messages.CAPACITY_UNEXCEPT_HELP)
def capacity_unexcept(ctx: typer.Context, exception_id: int = typer.Argument(..., help="The exception's id.")) -> None:
    services_of(ctx).workload.planning.delete_capacity_exception(exception_id)


# ---- load and drift ----


def load(
    ctx: typer.Context,
    weeks: int = typer.Option(None, "--weeks", help="How many weeks (default: ONWARD_FORECAST_WEEKS)."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.workload import views

    forecast = views.load(services_of(ctx).workload, weeks)
    if as_json:
        print_json(forecast)  # the same object as the load page's /api/workload/load
        return
    typer.echo(f"{'week of':<11} {'needed':>7} {'have':>7} {'ratio':>6}")
    for w in forecast.weeks:
        ratio = "no hours" if w.ratio is None else f"{w.ratio:.2f}"
        flag = "  over" if w.over and w.hours_needed > 0 else ""
        typer.echo(f"{w.start.isoformat():<11} {w.hours_needed:>7.1f} {w.hours_available:>7.1f} {ratio:>6}{flag}")
    over = forecast.weeks_over
    typer.echo(
        messages.LOAD_OVER.format(count=over, weeks=len(forecast.weeks))
        if over
        else messages.LOAD_FITS.format(weeks=len(forecast.weeks))
    )
    if forecast.at_risk:
        typer.echo(messages.AT_RISK.format(count=len(forecast.at_risk)))
        for t in forecast.at_risk[: messages.AT_RISK_SHOWN]:
            typer.echo(f"  [{t.id}] {t.title}: {t.when()}")
        if len(forecast.at_risk) > messages.AT_RISK_SHOWN:
            typer.echo(messages.AT_RISK_MORE.format(count=len(forecast.at_risk) - messages.AT_RISK_SHOWN))


def drift(
    ctx: typer.Context,
    weeks: int = typer.Option(None, "--weeks", help="Weeks ahead (default: ONWARD_FORECAST_WEEKS)."),
    past_weeks: int = typer.Option(12, "--past-weeks", help="Weeks back, from work you finished."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.workload import views

    result = views.drift(services_of(ctx).workload, weeks, past_weeks)
    if as_json:
        print_json(result)  # the same object as the drift page's /api/workload/drift
        return
    for late in result.temporary_overdue:
        typer.echo(
            f"'{late.name}' was meant to end {late.expected_end} ({late.days_past} days ago); "
            f"{late.open_tasks} open tasks, {_hours(late.open_hours)} h."
        )
    for label, share in (("past weeks", result.share_past), ("weeks ahead", result.share_ahead)):
        if share is not None:
            typer.echo(f"Hours outside your job description, {label}: {share:.0%}")


# ---- mistakes ----


@mistakes_app.command("add", help=messages.MISTAKES_ADD_HELP)
def mistakes_add(
    ctx: typer.Context,
    what_happened: str = typer.Argument(..., help="What happened, in a few words."),
    task: int = typer.Option(None, "--task", help="The task's id."),
    duty: int = typer.Option(None, "--duty", help="The duty's id (filled in from the task when not given)."),
    cause: str = typer.Option("other", "--cause", help="rushed, overloaded, unclear, unfamiliar, interrupted, other."),
    lesson: str = typer.Option("", "--lesson", help="What you'd do differently."),
    on: str = typer.Option(None, "--on", help="When (YYYY-MM-DD; default today)."),
) -> None:
    workload = services_of(ctx).workload
    mistake = workload.mistakes.log_mistake(
        what_happened,
        cause=cause,
        task_id=task,
        responsibility_id=duty,
        lesson=lesson,
        happened_on=optional_date(on, "--on"),
    )
    typer.echo(messages.MISTAKE_LOGGED)
    if mistake.offer_checklist and mistake.task_id is not None:
        recurrence = workload.tasks.get_task(mistake.task_id).recurrence
        typer.echo(messages.MISTAKE_CHECKLIST_OFFER.format(title=mistake.task_title, recurrence=recurrence, id=task))


@mistakes_app.command("list", help=messages.MISTAKES_LIST_HELP)
def mistakes_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    mistakes = services_of(ctx).workload.mistakes.list_mistakes()
    if as_json:
        print_json(mistakes)
        return
    if not mistakes:
        typer.echo(messages.NO_MISTAKES)
    for m in mistakes:
        where = m.task_title or m.responsibility or ""
        typer.echo(f"{m.happened_on}  {m.cause:<11} {m.what_happened}" + (f"  ({where})" if where else ""))
        if m.lesson:
            typer.echo(f"{'':>24}lesson: {m.lesson}")


# ---- jobs, duties, colleagues ----


@jobs_app.command("list", help=messages.JOBS_LIST_HELP)
def jobs_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    jobs = services_of(ctx).workload.duties.list_jobs()
    if as_json:
        print_json(jobs)
        return
    for job in jobs:
        since = f", since {job.start_date}" if job.start_date else ""
        until = f" until {job.end_date}" if job.end_date else ""
        typer.echo(f"{job.id:>4}  {job.title}{' at ' + job.employer if job.employer else ''}{since}{until}")


@jobs_app.command("add", help=messages.JOBS_ADD_HELP)
def jobs_add(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="The job's title."),
    employer: str = typer.Option("", "--employer", help="Who you work for."),
    start: str = typer.Option(None, "--start", help="Start date (YYYY-MM-DD)."),
    description: str = typer.Option("", "--description", help="The job description, as written."),
) -> None:
    job = services_of(ctx).workload.duties.add_job(
        title, employer=employer, start_date=optional_date(start, "--start"), description=description
    )
    typer.echo(messages.JOB_ADDED.format(id=job.id, title=job.title))


@duties_app.command("list", help=messages.DUTIES_LIST_HELP)
def duties_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    duties = services_of(ctx).workload.duties.list_responsibilities()
    if as_json:
        print_json(duties)
        return
    for d in duties:
        rating = ", ".join(x for x in (d.enjoyment, f"skill {d.skill}" if d.skill else None) if x)
        typer.echo(
            f"{d.id:>4}  {d.name} [{d.origin}] {d.open_tasks} open, {_hours(d.remaining_hours)} h"
            + (f"  ({rating})" if rating else "")
        )


@duties_app.command("add", help=messages.DUTIES_ADD_HELP)
def duties_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The duty, in your words."),
    job: int = typer.Option(None, "--job", help="The job's id (default: your current job)."),
    origin: str = typer.Option("described", "--origin", help="described, added or temporary."),
    expected_end: str = typer.Option(None, "--expected-end", help="For a temporary duty: when it should end."),
    can_hand_off: bool = typer.Option(True, "--can-hand-off/--cannot-hand-off", help="Could someone else do it?"),
) -> None:
    from onward.errors import NotFound

    workload = services_of(ctx).workload
    job_id = job
    if job_id is None:
        current = workload.duties.current_job()
        if current is None:
            raise NotFound("there is no current job: add one with `onward jobs add`")
        job_id = current.id
    duty = workload.duties.add_responsibility(
        job_id,
        name,
        origin=origin,
        expected_end=optional_date(expected_end, "--expected-end"),
        can_hand_off=can_hand_off,
    )
    typer.echo(messages.DUTY_ADDED.format(id=duty.id, name=duty.name, origin=duty.origin))


@duties_app.command("rate", help=messages.DUTIES_RATE_HELP)
def duties_rate(
    ctx: typer.Context,
    duty_id: int = typer.Argument(..., help="The duty's id."),
    enjoyment: str = typer.Option(None, "--enjoyment", help="love, like or without."),
    skill: str = typer.Option(None, "--skill", help="1 to 5.", metavar="<int>"),
    energy: str = typer.Option(None, "--energy", help="-2 (drains me) to +2 (gives me energy).", metavar="<int>"),
) -> None:
    d = services_of(ctx).workload.duties.rate_responsibility(
        duty_id, enjoyment=enjoyment, skill=optional_int(skill, "--skill"), energy=optional_int(energy, "--energy")
    )
    typer.echo(messages.DUTY_RATED.format(name=d.name, enjoyment=d.enjoyment or "-", skill=d.skill, energy=d.energy))


@colleagues_app.command("add", help=messages.COLLEAGUES_ADD_HELP)
def colleagues_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Their name."),
    weekly_limit: str = typer.Option(
        ..., "--weekly-limit", help="Most hours a week they could take.", metavar="<hours>"
    ),
    note: str = typer.Option("", "--note", help="Anything to remember, e.g. what they are good at."),
) -> None:
    limit = hours(weekly_limit, "--weekly-limit")
    c = services_of(ctx).workload.handoffs.add_colleague(name, weekly_limit_hours=limit, note=note)
    typer.echo(messages.COLLEAGUE_ADDED.format(name=c.name, hours=_hours(c.weekly_limit_hours)))


@colleagues_app.command("list", help=messages.COLLEAGUES_LIST_HELP)
def colleagues_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    colleagues = services_of(ctx).workload.handoffs.list_colleagues()
    if as_json:
        print_json(colleagues)
        return
    for c in colleagues:
        typer.echo(f"{c.id:>4}  {c.name}: up to {_hours(c.weekly_limit_hours)} h a week {c.note}".rstrip())


# The file importers' commands join the groups once, when this module is first imported.
from onward.cli.workload.files import register_files  # noqa: E402 - needs the groups defined above

register_files(tasks_app, calendar_app)
