"""The questionnaires: the CBI and the WHO-5 as published, and each result (which says it is not a diagnosis)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.fields import optional_date, optional_int
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page
from onward.wellbeing import instruments, views

router = APIRouter()


@page(router, "/wellbeing/survey/{instrument}", "wellbeing/survey.html")
def survey_page(instrument: str) -> views.SurveyForm:
    return views.survey_form(instrument)


@router.post("/wellbeing/survey/{instrument}", include_in_schema=False)
def take_survey(
    request: Request,
    instrument: str,
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    items = instruments.items_of(instrument)
    form = views.survey_form(instrument)
    try:
        # Each item's radio buttons post its points; an item left alone is a skipped item.
        answers = [optional_int(typed.get(f"item_{item.number}"), f"question {item.number}") for item in items]
        if instrument == instruments.CBI and all(a is None for a in answers[instruments.CBI_REQUIRED_ITEMS :]):
            answers = answers[: instruments.CBI_REQUIRED_ITEMS]
        taken_on = optional_date(typed.get("taken_on"), "date")
        response = services.wellbeing.questionnaires.take(instrument, answers, taken_on=taken_on)
    except BadInput as error:
        return form_again(request, "wellbeing/survey.html", form, form="survey", values=typed, error=error, labels={})
    return RedirectResponse(f"/wellbeing/surveys/{response.id}", status_code=303)


@page(router, "/wellbeing/surveys/{response_id}", "wellbeing/result.html")
def survey_result(response_id: int, services: Services = Depends(get_services)) -> views.SurveyResult:
    return views.survey_result(services.wellbeing, response_id)
