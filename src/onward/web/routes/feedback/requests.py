"""Feedback pages: the overview, asking for feedback, one request (close, reopen, revoke, new links) and its
results. Links are shown once, on the page that made them; only their hashes are kept."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput
from onward.feedback import views
from onward.feedback.schemas import Results
from onward.fields import optional_date, optional_int
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page, render

router = APIRouter()

NEW_LABELS = {
    "title": "title",
    "invite": "invite",
    "min_answers": "minimum answers",
    "closes_on": "close date",
    "ratings": "question",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@page(router, "/feedback", "feedback/index.html")
def feedback_index(services: Services = Depends(get_services)) -> views.FeedbackIndex:
    return views.index(services.feedback)


@page(router, "/feedback/new", "feedback/new.html")
def new_request_page(services: Services = Depends(get_services)) -> views.NewRequestPage:
    return views.new_request(services.feedback, services.preferences.get("name"))


@router.post("/feedback/new", include_in_schema=False)
async def create_request(request: Request, services: Services = Depends(get_services)) -> Response:
    form = await request.form()
    typed = await typed_in(request)
    contact_ids = [int(v) for v in form.getlist("contact") if isinstance(v, str) and v.isdigit()]

    def make() -> Response:
        try:
            min_answers = optional_int(str(form.get("min_answers", "")), "minimum answers")
            created = services.feedback.requests.create(
                str(form.get("title", "")),
                ratings=_lines(str(form.get("ratings", ""))),
                open_questions=_lines(str(form.get("open_questions", ""))),
                invite=_lines(str(form.get("invite", ""))),
                contact_ids=contact_ids,
                anonymous=form.get("mode", "anonymous") != "named",
                min_answers=min_answers if min_answers is not None else 3,
                reason=str(form.get("reason", "")),
                asker=str(form.get("asker", "")),
                closes_on=optional_date(str(form.get("closes_on", "")), "close date"),
            )
        except BadInput as error:
            page_data = views.new_request(services.feedback, services.preferences.get("name"))
            return form_again(
                request, "feedback/new.html", page_data, form="new", values=typed, error=error, labels=NEW_LABELS
            )
        data = views.links_page(services.feedback, created.request_id, created.links)
        return render(request, "feedback/links.html", data)

    return await run_in_threadpool(make)


@page(router, "/feedback/{request_id:int}", "feedback/request.html")
def request_page(request_id: int, services: Services = Depends(get_services)) -> views.RequestPage:
    return views.request_page(services.feedback, request_id)


@router.post("/feedback/{request_id:int}/close", include_in_schema=False)
def close_request(request_id: int, services: Services = Depends(get_services)) -> Response:
    services.feedback.requests.close(request_id)
    return RedirectResponse(f"/feedback/{request_id}", status_code=303)


REQUEST_PAGE_LABELS = {"closes_on": "close date", "invite": "invite"}


def _request_again(
    request: Request, services: Services, request_id: int, form: str, typed: dict[str, str], error: BadInput
) -> Response:
    """The request's page again, with what was typed into `form` and the message beside its field."""
    data = views.request_page(services.feedback, request_id)
    labels = REQUEST_PAGE_LABELS
    return form_again(request, "feedback/request.html", data, form=form, values=typed, error=error, labels=labels)


@router.post("/feedback/{request_id:int}/reopen", include_in_schema=False)
def reopen_request(
    request: Request,
    request_id: int,
    closes_on: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.feedback.requests.reopen(request_id, optional_date(closes_on, REQUEST_PAGE_LABELS["closes_on"]))
    except BadInput as error:
        return _request_again(request, services, request_id, "reopen", typed, error)
    return RedirectResponse(f"/feedback/{request_id}", status_code=303)


@router.post("/feedback/{request_id:int}/revoke", include_in_schema=False)
def revoke_request(request_id: int, services: Services = Depends(get_services)) -> Response:
    services.feedback.requests.revoke(request_id)
    return RedirectResponse(f"/feedback/{request_id}", status_code=303)


@router.post("/feedback/{request_id:int}/invites", include_in_schema=False)
def add_invites(
    request: Request,
    request_id: int,
    invite: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        made = services.feedback.requests.add_invites(request_id, _lines(invite))
    except BadInput as error:
        return _request_again(request, services, request_id, "invite", typed, error)
    return render(request, "feedback/links.html", views.links_page(services.feedback, request_id, made))


@router.post("/feedback/{request_id:int}/invites/{invite_id:int}/link", include_in_schema=False)
def new_link(request: Request, request_id: int, invite_id: int, services: Services = Depends(get_services)) -> Response:
    made = services.feedback.requests.new_link(request_id, invite_id)
    return render(request, "feedback/links.html", views.links_page(services.feedback, request_id, [made]))


@page(router, "/feedback/{request_id:int}/results", "feedback/results.html")
def results_page(request_id: int, services: Services = Depends(get_services)) -> Results:
    return views.results_page(services.feedback, request_id)


@router.post("/feedback/{request_id:int}/self-rating", include_in_schema=False)
async def rate_myself(request: Request, request_id: int, services: Services = Depends(get_services)) -> Response:
    form = await request.form()

    def save() -> Response:
        asked = services.feedback.requests.get(request_id).questions
        values = [
            optional_int(str(form.get(f"q{i}", "")), f"your rating of question {i}") for i in range(1, len(asked) + 1)
        ]
        services.feedback.requests.rate_myself(request_id, values)
        return RedirectResponse(f"/feedback/{request_id}/results#ratings", status_code=303)

    return await run_in_threadpool(save)
