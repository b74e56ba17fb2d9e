"""`onward checkin`, `onward survey cbi|who5`, `onward wellbeing trend`.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of
from onward.fields import optional_date, optional_hours, optional_int

wellbeing_app = typer.Typer(help=messages.WELLBEING_HELP, no_args_is_help=True)
JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")


def register(app: typer.Typer) -> None:
    app.command("checkin", help=messages.CHECKIN_HELP)(checkin)
    app.command("survey", help=messages.SURVEY_HELP)(survey)
    app.add_typer(wellbeing_app, name="wellbeing")


def checkin(
    ctx: typer.Context,
    mood: str = typer.Option(..., "--mood", help="1 (low) to 5 (good).", metavar="<1-5>"),
    energy: str = typer.Option(..., "--energy", help="1 (low) to 5 (plenty).", metavar="<1-5>"),
    sleep: str = typer.Option(None, "--sleep", help="Hours slept last night (6.5 or 6,5).", metavar="<hours>"),
    worked: str = typer.Option(None, "--worked", help="Hours worked today.", metavar="<hours>"),
    after_hours: str = typer.Option(
        None, "--after-hours", help="Of those, minutes worked outside your working hours.", metavar="<minutes>"
    ),
    social: str = typer.Option(
        None, "--social", help="Time with friends or family: yes, no, or minutes.", metavar="<yes|no|minutes>"
    ),
    note: str = typer.Option("", "--note", help="One line about the day."),
    day: str = typer.Option(None, "--date", help="The day (YYYY-MM-DD); today when left out.", metavar="<date>"),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.errors import BadInput
    from onward.wellbeing.checkins import read_social

    mood_value, energy_value = optional_int(mood, "--mood"), optional_int(energy, "--energy")
    if mood_value is None or energy_value is None:
        raise BadInput("--mood and --energy need a number from 1 to 5")
    saw_people, minutes = read_social(social, "--social")
    done = services_of(ctx).wellbeing.check_ins.check_in(
        mood=mood_value,
        energy=energy_value,
        sleep_hours=optional_hours(sleep, "--sleep"),
        worked_hours=optional_hours(worked, "--worked"),
        after_hours_minutes=optional_int(after_hours, "--after-hours"),
        saw_people=saw_people,
        people_minutes=minutes,
        note=note,
        day=optional_date(day, "--date"),
    )
    if as_json:
        print_json(done)
        return
    typer.echo(messages.CHECKED_IN.format(day=done.day.isoformat(), mood=done.mood, energy=done.energy))


def survey(
    ctx: typer.Context,
    instrument: str = typer.Argument(..., help="cbi or who5.", metavar="cbi|who5"),
    answers: str = typer.Option(..., "--answers", help="Comma-separated points in item order, e.g. 3,2,4,1,2."),
    day: str = typer.Option(None, "--date", help="The day it was taken (YYYY-MM-DD); today when left out."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.wellbeing import instruments

    given = instruments.parse_answers(answers)
    services = services_of(ctx)
    response = services.wellbeing.questionnaires.take(instrument, given, taken_on=optional_date(day, "--date"))
    if as_json:
        print_json({"scales": response.scores})
        return
    for scale in instruments.scales_of(instrument):
        value = response.scores.get(scale.key)
        reading = instruments.read_cbi(value) if instrument == instruments.CBI else instruments.read_who5(value)
        shown = "-" if value is None else f"{value:g}"
        typer.echo(f"{scale.name}: {shown} ({reading.words})")
    if instrument == instruments.WHO5:
        before = services.wellbeing.questionnaires.previous(response)
        change = instruments.change_words(
            before.scores.get("wellbeing") if before else None, response.scores.get("wellbeing")
        )
        if change:
            typer.echo(change)
    typer.echo(messages.NOT_A_DIAGNOSIS)
    low_point = services.wellbeing.low_point.current()
    if low_point is not None:
        typer.echo("")
        typer.echo("Things look heavy at the moment: " + "; ".join(low_point.reasons) + ".")
        for person in low_point.people:
            typer.echo(f"  {person.name}" + (f": {person.how_to_reach}" if person.how_to_reach else ""))
        if low_point.people_hint:
            typer.echo(low_point.people_hint)
        typer.echo(low_point.help_line)


@wellbeing_app.command("trend", help=messages.WELLBEING_TREND_HELP)
def trend(
    ctx: typer.Context,
    years: str = typer.Option("2", "--years", help="How many years back, or 'all' since the first check-in."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.wellbeing import views

    reach = None if years == "all" else optional_int(years, "--years")
    page = views.trend_page(services_of(ctx).wellbeing, reach if reach is not None else views.DEFAULT_YEARS)
    if as_json:
        print_json(page)
        return
    if not page.check_ins:
        typer.echo(messages.NO_TREND)
        return
    typer.echo(f"Since {page.first_day}: {page.check_ins} check-ins.")
    typer.echo("week of      check-ins  mood  energy  sleep  after hours  load")
    for week in page.weeks[-12:]:
        cells = [
            "" if week.mood is None else f"{week.mood:.1f}",
            "" if week.energy is None else f"{week.energy:.1f}",
            "" if week.sleep_hours is None else f"{week.sleep_hours:.1f}",
            f"{week.after_hours_hours:g} h",
            "" if week.load_ratio is None else f"{week.load_ratio:.2f}",
        ]
        mood, energy, sleep, after, load = cells
        typer.echo(f"{week.start}  {week.check_ins:>9}  {mood:>4}  {energy:>6}  {sleep:>5}  {after:>11}  {load:>4}")
