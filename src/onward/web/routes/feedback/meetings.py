"""The 1:1 pages: every meeting with what was raised and agreed (each agreement a task on the plate), logging
a new one, adding an agreement afterwards, and attaching the one-page workload report as it stands."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.feedback import views
from onward.fields import Reading, optional_date
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page

router = APIRouter()

MEETING_LABELS = {
    "held_on": "date",
    "next_on": "next 1:1",
    "agreements": "agreements",
    "concerns": "concerns",
    "with_whom": "with",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@page(router, "/feedback/meetings", "feedback/meetings.html")
def meetings_page(services: Services = Depends(get_services)) -> views.MeetingsPage:
    return views.meetings_page(services.feedback)


@router.post("/feedback/meetings", include_in_schema=False)
def log_meeting(
    request: Request,
    held_on: str = Form(""),
    with_whom: str = Form(""),
    concerns: str = Form(""),
    agreements: str = Form(""),
    notes: str = Form(""),
    next_on: str = Form(""),
    attach_report: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    held = read.read(optional_date, held_on, "held_on", MEETING_LABELS["held_on"])
    following = read.read(optional_date, next_on, "next_on", MEETING_LABELS["next_on"])
    try:
        read.done()
        meeting = services.feedback.meetings.log(
            held,
            with_whom=with_whom,
            concerns=_lines(concerns),
            agreements=[(line, None) for line in _lines(agreements)],
            notes=notes,
            next_on=following,
            attach_report=attach_report == "yes",
        )
    except BadInput as error:
        data = views.meetings_page(services.feedback)
        return form_again(
            request, "feedback/meetings.html", data, form="meeting", values=typed, error=error, labels=MEETING_LABELS
        )
    return RedirectResponse(f"/feedback/meetings#meeting-{meeting.id}", status_code=303)


AGREEMENT_LABELS = {"text": "agreement", "due": "due date"}


@router.post("/feedback/meetings/{meeting_id:int}/agreements", include_in_schema=False)
def add_agreement(
    request: Request,
    meeting_id: int,
    text: str = Form(""),
    due: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    by = read.read(optional_date, due, "due", AGREEMENT_LABELS["due"])
    try:
        read.done()
        services.feedback.meetings.add_agreement(meeting_id, text, by)
    except BadInput as error:
        data = views.meetings_page(services.feedback)
        form = f"agreement-{meeting_id}"
        return form_again(
            request, "feedback/meetings.html", data, form=form, values=typed, error=error, labels=AGREEMENT_LABELS
        )
    return RedirectResponse(f"/feedback/meetings#meeting-{meeting_id}", status_code=303)


@router.post("/feedback/meetings/{meeting_id:int}/report", include_in_schema=False)
def attach_report(meeting_id: int, services: Services = Depends(get_services)) -> Response:
    services.feedback.meetings.attach_report(meeting_id)
    return RedirectResponse(f"/feedback/meetings#meeting-{meeting_id}", status_code=303)
