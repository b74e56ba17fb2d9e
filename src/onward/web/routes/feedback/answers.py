"""The answer pages: `GET /f/<token>` shows the form, `POST /f/<token>` stores the answer (from the form or as
JSON `{"answers": [...]}`), a second POST replaces it. The only pages open without signing in (web/security.py
lets exactly this path through), so they are rate-limited per link and per client address, in this process.

Errors here are drawn on the answer page's own plain layout: a respondent never sees Onward's menu.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput, NotFound, OnwardError
from onward.feedback.answers import NO_SUCH_LINK
from onward.feedback.schemas import AnswerForm
from onward.feedback.service import owner_of_link
from onward.services import Services
from onward.web.pages import render
from onward.workspace import Workspace

router = APIRouter()

WINDOW_SECONDS = 600.0
PER_LINK = 30  # loading, answering and editing a few times fits well inside this
PER_ADDRESS = 120  # several colleagues behind one office address still fit
TOO_MANY = "There have been many tries from here in a short time. Please wait a few minutes, then try again."


class RateLimiter:
    """At most `limit` hits per key in any `window` seconds (a sliding window, in memory, thread-safe)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 50_000:  # forget quiet keys so guessing cannot grow memory without end
                self._hits = {k: v for k, v in self._hits.items() if v and now - v[-1] < self.window}
            return True


def _limiters(request: Request) -> tuple[RateLimiter, RateLimiter]:
    state = request.app.state
    if not hasattr(state, "feedback_limits"):
        state.feedback_limits = (RateLimiter(PER_LINK, WINDOW_SECONDS), RateLimiter(PER_ADDRESS, WINDOW_SECONDS))
    limits: tuple[RateLimiter, RateLimiter] = state.feedback_limits
    return limits


def _allowed(request: Request, token: str) -> bool:
    per_link, per_address = _limiters(request)
    address = request.client.host if request.client else "unknown"
    # Both are counted on every request: an address guessing many links is stopped even though each is new.
    return per_address.allow(address) & per_link.allow(token)


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept or request.headers.get("content-type", "").startswith("application/json")


def _answer_response(request: Request, template: str, data: Any, status: int = 200, **extra: Any) -> Response:
    response = render(request, template, data, status_code=status, **extra)
    _private(response)
    return response


def _private(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"  # a shared phone's back button should not show the answer
    response.headers["X-Robots-Tag"] = "noindex"


def _problem(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        response: Response = JSONResponse({"error": message}, status_code=status)
        _private(response)
    else:
        response = _answer_response(
            request, "feedback/answer_problem.html", {"status": status, "message": message}, status
        )
    if status == 429:
        response.headers["Retry-After"] = str(int(WINDOW_SECONDS // 10))
    return response


def _services_for(request: Request, token: str) -> Services:
    """Return the services of the owner whose link this is (NotFound when it is no one's)."""
    own: Services = request.app.state.workspaces.get("own")
    owner = owner_of_link(own.store, token)
    if owner is None:
        raise NotFound(NO_SUCH_LINK)
    if owner == own.workspace.owner_id:
        return own
    return Services(Workspace(own.workspace.settings, own.store, owner))


def _form(services: Services, token: str) -> AnswerForm:
    return services.feedback.answers.form(token)


@router.get("/f/{token}", include_in_schema=False)
async def answer_page(request: Request, token: str) -> Response:
    if not _allowed(request, token):
        return _problem(request, 429, TOO_MANY)
    try:
        services = await run_in_threadpool(_services_for, request, token)
        form = await run_in_threadpool(_form, services, token)
    except OnwardError as error:
        return _problem(request, error.http_status, error.message)
    if _wants_json(request):
        response: Response = JSONResponse(_jsonable(form))
        _private(response)
        return response
    return _answer_response(request, "feedback/answer.html", form, saved=request.query_params.get("saved") == "1")


async def _posted_values(request: Request, questions: list[dict[str, Any]]) -> tuple[list[Any], dict[str, str]]:
    """Return the posted values (one per question) and, for a form, what was typed (to show it again)."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BadInput('the body is not JSON; send {"answers": [...]}') from None
        if not isinstance(body, dict) or "answers" not in body:
            raise BadInput('send {"answers": [...]}: one value per question, in order')
        values = body["answers"]
        return (values if isinstance(values, list) else [values]), {}
    form = await request.form()
    typed = {f"q{i}": str(form.get(f"q{i}", "")) for i in range(1, len(questions) + 1)}
    return [typed[f"q{i}"] for i in range(1, len(questions) + 1)], typed


@router.post("/f/{token}", include_in_schema=False)
async def answer(request: Request, token: str) -> Response:
    if not _allowed(request, token):
        return _problem(request, 429, TOO_MANY)
    typed: dict[str, str] = {}
    try:
        services = await run_in_threadpool(_services_for, request, token)
        questions = await run_in_threadpool(services.feedback.answers.questions, token)
        values, typed = await _posted_values(request, questions)
        replaced = await run_in_threadpool(services.feedback.answers.submit, token, values)
    except BadInput as error:
        if _wants_json(request):
            return _problem(request, 400, error.message)
        form = await run_in_threadpool(_form, services, token)
        return _answer_response(request, "feedback/answer.html", form, 400, problem=error.message, typed_answers=typed)
    except OnwardError as error:
        return _problem(request, error.http_status, error.message)
    if _wants_json(request):
        response: Response = JSONResponse({"saved": True, "replaced": replaced})
        _private(response)
        return response
    form = await run_in_threadpool(_form, services, token)
    return _answer_response(request, "feedback/answer.html", form, saved=True, replaced=replaced)


def _jsonable(data: Any) -> Any:
    from onward.web.pages import to_jsonable

    return to_jsonable(data)
