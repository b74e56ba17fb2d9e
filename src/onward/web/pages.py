"""One function builds a page's data; it is served as a full page, an htmx fragment, or JSON under /api."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute

from onward import __version__
from onward.charts import BarChart, Chart, LineChart
from onward.web.security import csrf_token

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
# Versioned vendored files: the name says the version, so a change is a new file, never a stale cache.
VENDOR = {"htmx": "vendor/htmx-2.0.11.min.js", "normalize": "vendor/modern-normalize-3.0.1.css"}

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["vendor"] = VENDOR
templates.env.globals["onward_version"] = __version__


def web_link(value: object) -> str | None:
    """Return `value` when it is an http(s) address, else None: links from user data (application and
    posting URLs) are shown as links only then; `javascript:`, `data:` and the like stay plain text."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and " " not in text else None


templates.env.filters["web_link"] = web_link


@dataclass(frozen=True)
class NavItem:
    """An entry in the main menu: a domain's page, registered by the domain's routes module."""

    label: str
    path: str
    order: int
    summary: str


F = TypeVar("F", bound=Callable[..., Any])


def all_routes(routes: Sequence[BaseRoute]) -> Iterator[BaseRoute]:
    """Yield every route, looking inside included routers (newer FastAPI keeps them nested in `app.routes`)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from all_routes(inner.routes)
        else:
            yield route


def route_exists(app: Any, path: str) -> bool:
    """Return True when this build of the app serves `path` (so a page never links to one that is missing)."""
    return any(getattr(route, "path", None) == path for route in all_routes(app.routes))


def to_jsonable(data: Any) -> Any:
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        data = dataclasses.asdict(data)
    return jsonable_encoder(data)


def render(request: Request, template: str, data: Any, *, status_code: int = 200, **extra: Any) -> Response:
    """Render `template` with `data` as a full page, or only its content block for an htmx request."""
    fragment = request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"
    context = {
        "request": request,
        "data": data,
        "fragment": fragment,
        "csrf_token": csrf_token(request),
        "nav": request.app.state.nav,
        "workspace": getattr(request.state, "workspace_kind", "own"),
        **extra,
    }
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def page(router: APIRouter, path: str, template: str, *, api_path: str | None = None) -> Callable[[F], F]:
    """Register a page function twice: as `path` (HTML) and as `/api<path>` (its JSON twin, in OpenAPI)."""

    def decorate(func: F) -> F:
        json_path = api_path or ("/api" + (path if path != "/" else "/home"))
        router.add_api_route(json_path, func, methods=["GET"])
        signature = inspect.signature(func)
        needs_request = "request" in signature.parameters
        is_async = inspect.iscoroutinefunction(func)

        @functools.wraps(func)
        async def html(request: Request, **kwargs: Any) -> Response:
            # A synchronous page function runs in the thread pool, as FastAPI runs its JSON twin, and its
            # template is drawn there too (one hop): a slow page (a database query, matching, a long table)
            # never holds up the event loop.
            if needs_request:
                kwargs["request"] = request
            if is_async:
                return render(request, template, await func(**kwargs))

            def build_and_render() -> Any:
                result = func(**kwargs)
                return result if inspect.isawaitable(result) else render(request, template, result)

            drawn = await run_in_threadpool(build_and_render)
            return render(request, template, await drawn) if inspect.isawaitable(drawn) else drawn

        params = [p for p in signature.parameters.values() if p.name != "request"]
        request_param = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
        html.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[request_param, *params], return_annotation=Response
        )
        router.add_api_route(path, html, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)
        return func

    return decorate


def file_download(media_type: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of a route that answers with a file of `media_type` (so the schema says so)."""
    return {200: {"description": "A file to save", "content": {media_type: {"schema": {"type": "string"}}}}}


def draw_chart(chart: Chart) -> Markup:
    """Draw a view's chart (its data: onward.charts) as SVG, safe to embed: charts.py escapes every text.

    Wide charts (bars, lines) carry their numbers as a table too, which the stylesheet shows on a phone, where
    the picture's 11px text would be drawn at half size.
    """
    table = chart.table() if isinstance(chart, BarChart | LineChart) else ""
    return Markup(chart.svg() + table)  # noqa: S704 - charts.py escapes all user text before it gets here


templates.env.globals["chart"] = draw_chart
