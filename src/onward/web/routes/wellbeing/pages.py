"""Well-being pages: the check-in (with the low-point message when there is one) and the trends."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.fields import Reading, optional_date, optional_hours, optional_int
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page
from onward.wellbeing import views
from onward.wellbeing.checkins import read_social

router = APIRouter()

CHECK_IN_LABELS = {
    "mood": "mood",
    "energy": "energy",
    "sleep_hours": "sleep",
    "worked_hours": "hours worked",
    "after_hours_minutes": "minutes after hours",
    "people": "time with people",
    "people_minutes": "minutes with people",
    "day": "date",
}


@page(router, "/wellbeing", "wellbeing/index.html")
def wellbeing_page(saved: bool = False, services: Services = Depends(get_services)) -> views.WellbeingPage:
    return views.wellbeing_page(services.wellbeing, saved=saved)


@router.post("/wellbeing/check-in", include_in_schema=False)
def check_in(
    request: Request,
    mood: str = Form(""),
    energy: str = Form(""),
    sleep_hours: str = Form(""),
    worked_hours: str = Form(""),
    after_hours_minutes: str = Form(""),
    people: str = Form(""),
    people_minutes: str = Form(""),
    note: str = Form(""),
    day: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = CHECK_IN_LABELS
    read = Reading()
    mood_value = read.read(optional_int, mood, "mood", labels["mood"])
    energy_value = read.read(optional_int, energy, "energy", labels["energy"])
    sleep = read.read(optional_hours, sleep_hours, "sleep_hours", labels["sleep_hours"])
    worked = read.read(optional_hours, worked_hours, "worked_hours", labels["worked_hours"])
    after = read.read(optional_int, after_hours_minutes, "after_hours_minutes", labels["after_hours_minutes"])
    social = read.read(read_social, people, "people", labels["people"])
    minutes = read.read(optional_int, people_minutes, "people_minutes", labels["people_minutes"])
    on = read.read(optional_date, day, "day", labels["day"])
    if mood_value is None and "mood" not in read.problems:
        read.problems["mood"] = "mood: choose how your mood was today, from 1 (low) to 5 (good)"
    if energy_value is None and "energy" not in read.problems:
        read.problems["energy"] = "energy: choose how much energy you had, from 1 (low) to 5 (plenty)"
    try:
        read.done()
        saw_people = social[0] if social else None
        services.wellbeing.check_ins.check_in(
            mood=mood_value or 0,
            energy=energy_value or 0,
            sleep_hours=sleep,
            worked_hours=worked,
            after_hours_minutes=after,
            saw_people=saw_people,
            people_minutes=minutes if minutes is not None else (social[1] if social else None),
            note=note,
            day=on,
        )
    except BadInput as error:
        data = views.wellbeing_page(services.wellbeing)
        return form_again(
            request, "wellbeing/index.html", data, form="check-in", values=typed, error=error, labels=labels
        )
    return RedirectResponse("/wellbeing?saved=true#check-in", status_code=303)


@router.post("/wellbeing/low-point/dismiss", include_in_schema=False)
def dismiss_low_point(next: str = Form("/wellbeing"), services: Services = Depends(get_services)) -> Response:
    services.wellbeing.low_point.dismiss()
    target = next if next.startswith("/") and "//" not in next else "/wellbeing"
    return RedirectResponse(target, status_code=303)


@page(router, "/wellbeing/trends", "wellbeing/trends.html")
def trends_page(years: str = "2", services: Services = Depends(get_services)) -> views.TrendPage:
    """`years`: how many years back (1 to 50), or `all` since the first check-in."""
    reach = None if years == "all" else optional_int(years, "years")
    return views.trend_page(services.wellbeing, reach if reach is not None else views.DEFAULT_YEARS)
