"""Fit commands: `onward profile`, `onward environment`, `onward audit`, `onward applications`, `onward offers`.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of
from onward.fields import optional_amount, optional_date, optional_hours, optional_int

if TYPE_CHECKING:
    from onward.fit.service import FitService

profile_app = typer.Typer(help=messages.PROFILE_HELP, no_args_is_help=True)
environment_app = typer.Typer(help=messages.ENVIRONMENT_HELP, no_args_is_help=True)
audit_app = typer.Typer(help=messages.AUDIT_HELP, no_args_is_help=True)
applications_app = typer.Typer(help=messages.APPLICATIONS_HELP, no_args_is_help=True)
offers_app = typer.Typer(help=messages.OFFERS_HELP, no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile")
    app.add_typer(environment_app, name="environment")
    app.add_typer(audit_app, name="audit")
    app.add_typer(applications_app, name="applications")
    app.add_typer(offers_app, name="offers")


def _fit(ctx: typer.Context) -> FitService:
    return services_of(ctx).fit


# ---- profile ----


@profile_app.command("show", help=messages.PROFILE_SHOW_HELP)
def profile_show(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    profile = _fit(ctx).profile()
    if as_json:
        print_json(profile)
        return
    if not profile.statement:
        typer.echo(messages.PROFILE_EMPTY)
        return
    typer.echo(profile.statement)
    if profile.generated_differs:
        typer.echo(f"\n(In your own words. Onward would now write: {profile.generated or '(nothing yet)'})")
    typer.echo("")
    for title, names in (
        ("At its centre", profile.core),
        ("Room to grow", profile.growing),
        ("Also good", profile.also),
        ("Fewer of", profile.fewer),
    ):
        if names:
            typer.echo(f"{title}: {', '.join(names)}")
    typer.echo(f"Duties rated: {profile.rated}" + (f" ({profile.unrated} still to rate)" if profile.unrated else ""))


@profile_app.command("export", help=messages.PROFILE_EXPORT_HELP)
def profile_export(
    ctx: typer.Context,
    format_: str = typer.Option("json", "--format", help="json (the whole profile) or jsonresume."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
) -> None:
    from onward.errors import BadInput

    services = services_of(ctx)
    if format_ == "json":
        data = services.fit.profile_export()
    elif format_ == "jsonresume":
        data = services.fit.json_resume(services.preferences.get("name"))
    else:
        raise BadInput(f"--format must be json or jsonresume, not '{format_}'")
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    typer.echo(messages.PROFILE_WRITTEN.format(format=format_, path=output))


@profile_app.command("edit", help=messages.PROFILE_EDIT_HELP)
def profile_edit(
    ctx: typer.Context,
    statement: str = typer.Option(None, "--statement", help="Your own wording of the statement."),
    label: str = typer.Option(None, "--label", help="The role in a few words, e.g. 'Adult literacy educator'."),
    generated: bool = typer.Option(False, "--generated", help="Drop your wording; use the generated statement."),
) -> None:
    fit = _fit(ctx)
    profile = fit.edit_profile(statement="" if generated else statement, label=label)
    typer.echo(messages.PROFILE_SAVED.format(statement=profile.statement))


# ---- environment ----


@environment_app.command("show", help=messages.ENVIRONMENT_SHOW_HELP)
def environment_show(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    environment = _fit(ctx).environment()
    if as_json:
        print_json(environment)
        return
    for name, value in asdict(environment).items():
        if name != "saved":
            typer.echo(f"{name.replace('_', ' ')}: {'' if value is None else value}")


@environment_app.command("set", help=messages.ENVIRONMENT_SET_HELP)
def environment_set(
    ctx: typer.Context,
    focus: str = typer.Option(None, help="focus (one or two main tasks) or variety; 'none' clears it."),
    collaboration: str = typer.Option(None, help="collaborative, independent or mix; 'none' clears it."),
    team_min: str = typer.Option(None, "--team-min", help="Smallest team you would like (people).", metavar="<int>"),
    team_max: str = typer.Option(None, "--team-max", help="Largest team you would like (people).", metavar="<int>"),
    work_mode: str = typer.Option(None, "--work-mode", help="remote, hybrid or on-site; 'none' clears it."),
    sector: str = typer.Option(None, help="e.g. 'education or community work'."),
    mission: str = typer.Option(None, help="A mission you want to serve, e.g. 'helping adults learn to read'."),
    hours: str = typer.Option(
        None, "--hours", help="Hours a week you want (37.5 or 37,5); 'none' clears it.", metavar="<hours>"
    ),
    notes: str = typer.Option(None, help="Anything else about the setting that helps you thrive."),
) -> None:
    given = {
        "focus": focus,
        "collaboration": collaboration,
        "team_min": team_min,
        "team_max": team_max,
        "work_mode": work_mode,
        "sector": sector,
        "mission": mission,
        "hours_per_week": hours,
        "notes": notes,
    }
    values: dict[str, Any] = {k: (None if v == "none" else v) for k, v in given.items() if v is not None}
    # Numbers are read as everywhere else ("37,5" is 37.5); 'none' clears them as it clears the rest.
    for key, what in (("team_min", "--team-min"), ("team_max", "--team-max")):
        if key in values:
            values[key] = optional_int(values[key], what)
    if "hours_per_week" in values:
        values["hours_per_week"] = optional_hours(values["hours_per_week"], "--hours")
    _fit(ctx).save_environment(**values)
    typer.echo(messages.ENVIRONMENT_SAVED)


# ---- task audit ----


@audit_app.command("list", help=messages.AUDIT_LIST_HELP)
def audit_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    audit = _fit(ctx).audit()
    if as_json:
        print_json(audit)
        return
    for job in audit.jobs:
        ended = f", ended {job.end_date}" if job.end_date else ""
        typer.echo(f"{job.title}{f' at {job.employer}' if job.employer else ''}{ended} (job {job.id})")
        for duty in job.duties:
            rating = ", ".join(
                part
                for part in (
                    duty.enjoyment or "not rated",
                    f"skill {duty.skill}" if duty.skill else "",
                    f"energy {duty.energy:+d}" if duty.energy is not None else "",
                    "core" if duty.in_core else "",
                )
                if part
            )
            typer.echo(f"  {duty.id:>4}  {duty.name}: {rating}")


@audit_app.command("rate", help=messages.AUDIT_RATE_HELP)
def audit_rate(
    ctx: typer.Context,
    duty_id: int = typer.Argument(..., help="The duty's number (see `onward audit list`)."),
    enjoyment: str = typer.Option(None, help="love, like or without."),
    skill: str = typer.Option(None, help="1 (just starting) to 5 (one of my best).", metavar="<int>"),
    energy: str = typer.Option(None, help="-2 (drains me) to +2 (gives me energy).", metavar="<int>"),
) -> None:
    duty = _fit(ctx).rate_duty(
        duty_id, enjoyment=enjoyment, skill=optional_int(skill, "--skill"), energy=optional_int(energy, "--energy")
    )
    typer.echo(
        messages.AUDIT_DUTY_RATED.format(
            name=duty.name, enjoyment=duty.enjoyment or "-", skill=duty.skill or "-", energy=duty.energy
        )
    )


@audit_app.command("rate-task", help=messages.AUDIT_RATE_TASK_HELP)
def audit_rate_task(
    ctx: typer.Context,
    task_id: int = typer.Argument(..., help="The task's number (see `onward audit list --json`)."),
    enjoyment: str = typer.Option(None, help="love, like or without."),
    skill: str = typer.Option(None, help="1 to 5.", metavar="<int>"),
) -> None:
    _fit(ctx).rate_task(task_id, enjoyment=enjoyment, skill=optional_int(skill, "--skill"))
    typer.echo(messages.TASK_RATED.format(id=task_id))


@audit_app.command("add-past-job", help=messages.AUDIT_PAST_JOB_HELP)
def audit_add_past_job(
    ctx: typer.Context,
    title: str = typer.Argument(..., help="The job title."),
    employer: str = typer.Option("", help="Where it was."),
    start: str = typer.Option(None, help="When it started (YYYY-MM-DD)."),
    end: str = typer.Option(..., help="When it ended (YYYY-MM-DD)."),
) -> None:
    job = _fit(ctx).add_past_job(
        title, employer=employer, start_date=optional_date(start, "--start"), end_date=optional_date(end, "--end")
    )
    typer.echo(messages.PAST_JOB_ADDED.format(id=job.id, title=job.title))


@audit_app.command("add-duty", help=messages.AUDIT_ADD_DUTY_HELP)
def audit_add_duty(
    ctx: typer.Context,
    job_id: int = typer.Argument(..., help="The job's number (see `onward audit list`)."),
    name: str = typer.Argument(..., help="The duty, in your words."),
    description: str = typer.Option("", help="What it involved."),
) -> None:
    duty = _fit(ctx).add_responsibility(job_id, name, description=description)
    typer.echo(messages.AUDIT_DUTY_ADDED.format(id=duty.id, name=duty.name))


# ---- applications ----


@applications_app.command("add", help=messages.APPLICATIONS_ADD_HELP)
def applications_add(
    ctx: typer.Context,
    employer: str = typer.Argument(..., help="The employer."),
    role: str = typer.Argument(..., help="The role title."),
    link: str = typer.Option("", help="Link to the posting."),
    stage: str = typer.Option("wishlist", help="wishlist or applied."),
    on: str = typer.Option(None, help="Date of that stage (YYYY-MM-DD); today if left out."),
    next_step: str = typer.Option("", "--next-step", help="What happens next."),
    next_step_on: str = typer.Option(None, "--next-step-on", help="When (YYYY-MM-DD)."),
    person: list[str] = typer.Option([], "--person", help="Someone you met (repeat for more)."),
    notes: str = typer.Option("", help="Anything to remember."),
) -> None:
    application = _fit(ctx).add_application(
        employer,
        role,
        link=link,
        stage=stage,
        on=optional_date(on, "--on"),
        next_step=next_step,
        next_step_on=optional_date(next_step_on, "--next-step-on"),
        people_met=list(person),
        notes=notes,
    )
    typer.echo(
        messages.APPLICATION_ADDED.format(
            id=application.id, role=application.role_title, employer=application.employer, stage=application.stage
        )
    )


@applications_app.command("list", help=messages.APPLICATIONS_LIST_HELP)
def applications_list(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    fit = _fit(ctx)
    applications = fit.list_applications()
    reminders = fit.reminders(applications)
    if as_json:
        print_json({"applications": applications, "reminders": reminders})
        return
    if not applications:
        typer.echo(messages.NO_APPLICATIONS)
        return
    for a in applications:
        waited = f", applied {a.days_since_applying} days ago" if a.days_since_applying is not None else ""
        typer.echo(f"{a.id:>4}  {a.role_title} at {a.employer}: {a.stage}{waited}")
        if a.next_step:
            typer.echo(f"      next: {a.next_step}{f' ({a.next_step_on})' if a.next_step_on else ''}")
    if reminders:
        typer.echo("\nGentle reminders:")
        for r in reminders:
            typer.echo(f"  - {r.message}")


@applications_app.command("advance", help=messages.APPLICATIONS_ADVANCE_HELP)
def applications_advance(
    ctx: typer.Context,
    application_id: int = typer.Argument(..., help="The application's number (see `onward applications list`)."),
    stage: str = typer.Argument(..., help="The stage it moved to."),
    on: str = typer.Option(None, help="When (YYYY-MM-DD); today if left out."),
    note: str = typer.Option("", help="A note for the history."),
) -> None:
    a = _fit(ctx).advance(application_id, stage, on=optional_date(on, "--on"), note=note)
    typer.echo(messages.APPLICATION_MOVED.format(role=a.role_title, employer=a.employer, stage=a.stage))


@applications_app.command("follow-up", help=messages.APPLICATIONS_FOLLOW_UP_HELP)
def applications_follow_up(
    ctx: typer.Context,
    application_id: int = typer.Argument(..., help="The application's number."),
    on: str = typer.Option(None, help="When (YYYY-MM-DD); today if left out."),
    note: str = typer.Option("", help="A note for the history."),
) -> None:
    a = _fit(ctx).record_follow_up(application_id, on=optional_date(on, "--on"), note=note)
    typer.echo(messages.FOLLOW_UP_NOTED.format(employer=a.employer))


# ---- offers ----


@offers_app.command("add", help=messages.OFFERS_ADD_HELP)
def offers_add(
    ctx: typer.Context,
    application_id: int = typer.Argument(..., help="The application the offer came from."),
    salary: str = typer.Option(None, help="Salary a year, e.g. 48000, 48,000 or 48.000.", metavar="<amount>"),
    currency: str = typer.Option("", help="Three-letter code, e.g. USD."),
    hours: str = typer.Option(None, "--hours", help="Hours a week, e.g. 37.5 or 37,5.", metavar="<hours>"),
    work_mode: str = typer.Option(None, "--work-mode", help="remote, hybrid or on-site."),
    team_size: str = typer.Option(None, "--team-size", help="People in the team.", metavar="<int>"),
    duties: str = typer.Option("", "--duties", help="Main duties, separated by semicolons."),
    start: str = typer.Option(None, help="Start date (YYYY-MM-DD)."),
    deadline: str = typer.Option(None, help="Answer by (YYYY-MM-DD)."),
    notes: str = typer.Option("", help="Anything to remember."),
) -> None:
    offer = _fit(ctx).add_offer(
        application_id,
        salary=optional_amount(salary, "--salary"),
        currency=currency,
        hours_per_week=optional_hours(hours, "--hours"),
        work_mode=work_mode,
        team_size=optional_int(team_size, "--team-size"),
        main_duties=duties,
        start_date=optional_date(start, "--start"),
        deadline=optional_date(deadline, "--deadline"),
        notes=notes,
    )
    typer.echo(messages.OFFER_ADDED.format(employer=offer.employer))


@offers_app.command("compare", help=messages.OFFERS_COMPARE_HELP)
def offers_compare(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    comparison = _fit(ctx).compare_offers()
    if as_json:
        print_json(comparison)
        return
    if not comparison.offers:
        typer.echo(messages.NO_OFFERS)
        return
    for fit in comparison.offers:
        o = fit.offer
        closest = "  [closest to your ideal role]" if fit.closest else ""
        typer.echo(f"{o.role_title} at {o.employer}{closest}")
        if o.salary is not None:
            typer.echo(f"  salary: {o.salary:,.0f} {o.currency}".rstrip())
        typer.echo(f"  {fit.summary}")
        for check in fit.checks:
            typer.echo(f"  - {check.status}: {check.text}")
        typer.echo("")
