"""Fit pages: the task audit, environment, ideal-role profile, applications and offers."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.fields import Reading, optional_amount, optional_date, optional_hours, optional_int
from onward.fit import views
from onward.fit.models import STAGES
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page, render, route_exists

router = APIRouter()


# ---- parsing form fields (names the field and the reason) ----


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.replace("\n", ",").split(",") if name.strip()]


def _needed(value: str, what: str) -> str:
    """Return the text typed in, or say in plain words that it is needed."""
    if not value.strip():
        raise BadInput(f"{what} is needed")
    return value


def _chosen_id(value: str, what: str) -> int:
    """Return the id of the record chosen in a select, or say in plain words that one is needed."""
    if not value.strip().isdigit():
        raise BadInput(f"{what} is needed: choose one from the list")
    return int(value)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _route_exists(request: Request, path: str) -> bool:
    return route_exists(request.app, path)


# ---- overview ----


@page(router, "/fit", "fit/index.html")
def fit_overview(request: Request, services: Services = Depends(get_services)) -> views.FitOverview:
    return views.overview(services.fit, page_exists=lambda path: _route_exists(request, path))


# ---- task audit ----


@page(router, "/fit/audit", "fit/audit.html")
def audit_page(services: Services = Depends(get_services)) -> views.AuditPage:
    return views.audit(services.fit)


@router.post("/fit/audit/duties/{duty_id}", include_in_schema=False)
def rate_duty(
    request: Request,
    duty_id: int,
    enjoyment: str = Form(""),
    skill: str = Form(""),
    energy: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    services.fit.rate_duty(
        duty_id,
        enjoyment=enjoyment or None,
        skill=optional_int(skill, "skill"),
        energy=optional_int(energy, "energy"),
    )
    if not _is_htmx(request):
        return RedirectResponse(f"/fit/audit#duty-{duty_id}", status_code=303)
    data = views.audit(services.fit)
    duty = next(d for job in data.audit.jobs for d in job.duties if d.id == duty_id)
    return render(request, "fit/_duty_saved.html", data, duty=duty, saved_duty=duty_id)


@router.post("/fit/audit/tasks/{task_id}", include_in_schema=False)
def rate_task(
    task_id: int,
    enjoyment: str = Form(""),
    skill: str = Form(""),
    duty_id: int = Form(0),
    services: Services = Depends(get_services),
) -> Response:
    services.fit.rate_task(task_id, enjoyment=enjoyment or None, skill=optional_int(skill, "skill"))
    return RedirectResponse(f"/fit/audit#duty-{duty_id}" if duty_id else "/fit/audit", status_code=303)


PAST_JOB_LABELS = {"title": "Job title", "start_date": "start date", "end_date": "end date"}
DUTY_LABELS = {"job_id": "Job", "name": "Duty"}


def _audit_again(request: Request, services: Services, form: str, typed: dict[str, str], error: BadInput) -> Response:
    """The audit page again, with what was typed into `form` and the message beside its field."""
    labels = PAST_JOB_LABELS if form == "past-job" else DUTY_LABELS
    data = views.audit(services.fit)
    return form_again(request, "fit/audit.html", data, form=form, values=typed, error=error, labels=labels)


@router.post("/fit/audit/jobs", include_in_schema=False)
def add_past_job(
    request: Request,
    title: str = Form(""),
    employer: str = Form(""),
    start_date: str = Form(""),
    end_date: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = PAST_JOB_LABELS
    read = Reading()
    read.read(_needed, title, "title", labels["title"])
    started = read.read(optional_date, start_date, "start_date", labels["start_date"])
    ended = read.read(optional_date, end_date, "end_date", labels["end_date"])
    if not end_date.strip():
        read.problems["end_date"] = "End date is needed: a past job is one that has ended"
    try:
        read.done()
        job = services.fit.add_past_job(title, employer=employer, start_date=started, end_date=ended)
    except BadInput as error:
        return _audit_again(request, services, "past-job", typed, error)
    return RedirectResponse(f"/fit/audit#job-{job.id}", status_code=303)


@router.post("/fit/audit/duties", include_in_schema=False)
def add_duty(
    request: Request,
    job_id: str = Form(""),
    name: str = Form(""),
    description: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    read.read(_chosen_id, job_id, "job_id", DUTY_LABELS["job_id"])
    read.read(_needed, name, "name", DUTY_LABELS["name"])
    try:
        read.done()
        duty = services.fit.add_responsibility(int(job_id), name, description=description)
    except BadInput as error:
        return _audit_again(request, services, "duty", typed, error)
    return RedirectResponse(f"/fit/audit#duty-{duty.id}", status_code=303)


# ---- environment ----


@page(router, "/fit/environment", "fit/environment.html")
def environment_page(saved: bool = False, services: Services = Depends(get_services)) -> views.EnvironmentPage:
    return views.environment(services.fit, saved=saved)


ENVIRONMENT_LABELS = {
    "team_min": "smallest team size",
    "team_max": "largest team size",
    "hours_per_week": "hours per week",
    "focus": "focus",
    "collaboration": "collaboration",
    "work_mode": "work mode",
}


@router.post("/fit/environment", include_in_schema=False)
def save_environment(
    request: Request,
    focus: str = Form(""),
    collaboration: str = Form(""),
    team_min: str = Form(""),
    team_max: str = Form(""),
    work_mode: str = Form(""),
    sector: str = Form(""),
    mission: str = Form(""),
    hours_per_week: str = Form(""),
    notes: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = ENVIRONMENT_LABELS
    read = Reading()
    smallest = read.read(optional_int, team_min, "team_min", labels["team_min"])
    largest = read.read(optional_int, team_max, "team_max", labels["team_max"])
    hours = read.read(optional_hours, hours_per_week, "hours_per_week", labels["hours_per_week"])
    try:
        read.done()
        services.fit.save_environment(
            focus=focus or None,
            collaboration=collaboration or None,
            team_min=smallest,
            team_max=largest,
            work_mode=work_mode or None,
            sector=sector,
            mission=mission,
            hours_per_week=hours,
            notes=notes,
        )
    except BadInput as error:
        page_data = views.environment(services.fit)
        return form_again(
            request, "fit/environment.html", page_data, form="environment", values=typed, error=error, labels=labels
        )
    return RedirectResponse("/fit/environment?saved=true", status_code=303)


# ---- ideal-role profile ----


@page(router, "/fit/profile", "fit/profile.html")
def profile_page(saved: bool = False, services: Services = Depends(get_services)) -> views.ProfilePage:
    return views.profile(services.fit, saved=saved)


@router.post("/fit/profile", include_in_schema=False)
def edit_profile(
    statement: str = Form(""), label: str = Form(""), services: Services = Depends(get_services)
) -> Response:
    services.fit.edit_profile(statement=statement, label=label)
    return RedirectResponse("/fit/profile?saved=true", status_code=303)


@router.post("/fit/profile/generated", include_in_schema=False)
def use_generated(services: Services = Depends(get_services)) -> Response:
    services.fit.use_generated_statement()
    return RedirectResponse("/fit/profile?saved=true", status_code=303)


@router.get("/fit/profile/export.json", include_in_schema=False)
@router.get("/api/fit/profile/export", summary="The ideal-role profile as JSON")
def export_profile(services: Services = Depends(get_services)) -> Response:
    return _download(services.fit.profile_export(), f"ideal-role-{services.today.isoformat()}.json")


@router.get("/fit/profile/resume.json", include_in_schema=False)
@router.get("/api/fit/profile/jsonresume", summary="The ideal-role profile as a JSON Resume fragment")
def export_json_resume(services: Services = Depends(get_services)) -> Response:
    data = services.fit.json_resume(services.preferences.get("name"))
    return _download(data, f"resume-fragment-{services.today.isoformat()}.json")


def _download(data: object, filename: str) -> Response:
    return Response(
        json.dumps(data, indent=1, ensure_ascii=False) + "\n",
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# ---- applications ----


@page(router, "/fit/applications", "fit/applications.html")
def applications_page(services: Services = Depends(get_services)) -> views.ApplicationsPage:
    return views.applications(services.fit)


APPLICATION_LABELS = {
    "employer": "Employer",
    "role_title": "Role title",
    "stage": "a new application",
    "on": "date",
    "next_step_on": "next step date",
}


@router.post("/fit/applications", include_in_schema=False)
def add_application(
    request: Request,
    employer: str = Form(""),
    role_title: str = Form(""),
    link: str = Form(""),
    stage: str = Form("wishlist"),
    on: str = Form(""),
    next_step: str = Form(""),
    next_step_on: str = Form(""),
    people_met: str = Form(""),
    notes: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = APPLICATION_LABELS
    read = Reading()
    read.read(_needed, employer, "employer", labels["employer"])
    read.read(_needed, role_title, "role_title", labels["role_title"])
    on_day = read.read(optional_date, on, "on", labels["on"])
    next_day = read.read(optional_date, next_step_on, "next_step_on", labels["next_step_on"])
    try:
        read.done()
        application = services.fit.add_application(
            employer,
            role_title,
            link=link,
            stage=stage,
            on=on_day,
            next_step=next_step,
            next_step_on=next_day,
            people_met=_names(people_met),
            notes=notes,
        )
    except BadInput as error:
        data = views.applications(services.fit)
        return form_again(
            request, "fit/applications.html", data, form="application", values=typed, error=error, labels=labels
        )
    return RedirectResponse(f"/fit/applications#application-{application.id}", status_code=303)


def _applications_again(
    request: Request, services: Services, form: str, typed: dict[str, str], error: BadInput, labels: dict[str, str]
) -> Response:
    """The applications page again, with what was typed into `form` (one application's) beside its fields."""
    data = views.applications(services.fit)
    return form_again(request, "fit/applications.html", data, form=form, values=typed, error=error, labels=labels)


ADVANCE_LABELS = {"stage": "stage", "on": "date", "note": "Note"}


@router.post("/fit/applications/{application_id}/advance", include_in_schema=False)
def advance_application(
    request: Request,
    application_id: int,
    stage: str = Form(""),
    on: str = Form(""),
    note: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    if stage not in STAGES:
        read.problems["stage"] = "Choose where it stands now" if not stage else f"stage '{stage}' is not one we know"
    day = read.read(optional_date, on, "on", ADVANCE_LABELS["on"])
    try:
        read.done()
        services.fit.advance(application_id, stage, on=day, note=note)
    except BadInput as error:
        return _applications_again(request, services, f"advance-{application_id}", typed, error, ADVANCE_LABELS)
    return RedirectResponse(f"/fit/applications#application-{application_id}", status_code=303)


@router.post("/fit/applications/{application_id}/follow-up", include_in_schema=False)
def follow_up(application_id: int, services: Services = Depends(get_services)) -> Response:
    services.fit.record_follow_up(application_id)
    return RedirectResponse(f"/fit/applications#application-{application_id}", status_code=303)


NEXT_STEP_LABELS = {"next_step": "Next step", "next_step_on": "next step date"}


@router.post("/fit/applications/{application_id}/next-step", include_in_schema=False)
def next_step(
    request: Request,
    application_id: int,
    next_step: str = Form(""),
    next_step_on: str = Form(""),
    people_met: str = Form(""),
    notes: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    day = read.read(optional_date, next_step_on, "next_step_on", NEXT_STEP_LABELS["next_step_on"])
    try:
        read.done()
        services.fit.set_next_step(application_id, next_step, on=day, people_met=_names(people_met), notes=notes)
    except BadInput as error:
        return _applications_again(request, services, f"next-{application_id}", typed, error, NEXT_STEP_LABELS)
    return RedirectResponse(f"/fit/applications#application-{application_id}", status_code=303)


# ---- offers ----


@page(router, "/fit/offers", "fit/offers.html")
def offers_page(services: Services = Depends(get_services)) -> views.OffersPage:
    return views.offers(services.fit)


OFFER_LABELS = {
    "salary": "salary",
    "currency": "currency",
    "hours_per_week": "hours per week",
    "work_mode": "work mode",
    "team_size": "team size",
    "start_date": "start date",
    "deadline": "deadline",
}


@router.post("/fit/offers", include_in_schema=False)
def add_offer(
    request: Request,
    application_id: int = Form(...),
    salary: str = Form(""),
    currency: str = Form(""),
    hours_per_week: str = Form(""),
    work_mode: str = Form(""),
    team_size: str = Form(""),
    main_duties: str = Form(""),
    start_date: str = Form(""),
    deadline: str = Form(""),
    notes: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    labels = OFFER_LABELS
    read = Reading()
    amount = read.read(optional_amount, salary, "salary", labels["salary"])
    hours = read.read(optional_hours, hours_per_week, "hours_per_week", labels["hours_per_week"])
    size = read.read(optional_int, team_size, "team_size", labels["team_size"])
    starts = read.read(optional_date, start_date, "start_date", labels["start_date"])
    answer_by = read.read(optional_date, deadline, "deadline", labels["deadline"])
    try:
        read.done()
        services.fit.add_offer(
            application_id,
            salary=amount,
            currency=currency,
            hours_per_week=hours,
            work_mode=work_mode or None,
            team_size=size,
            main_duties=main_duties,
            start_date=starts,
            deadline=answer_by,
            notes=notes,
        )
    except BadInput as error:
        return form_again(
            request,
            "fit/offers.html",
            views.offers(services.fit),
            form="offer",
            values=typed,
            error=error,
            labels=labels,
        )
    return RedirectResponse("/fit/offers", status_code=303)
