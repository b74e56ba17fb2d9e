"""create_app(settings): the FastAPI app. Nothing is built at import time."""

from __future__ import annotations

import gc
import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from onward import __version__
from onward.domains import REGISTRY
from onward.errors import NotFound, OnwardError, as_onward_error
from onward.settings import Settings
from onward.web import routes
from onward.web.deps import Workspaces
from onward.web.pages import STATIC, NavItem, render
from onward.web.security import allowed_hosts, check_csrf, make_access_middleware, new_token

# The foundation's pages; each domain's are named by its record in onward.domains.
FOUNDATION_ROUTES = ("about", "data", "home", "imports", "patterns")


def _route_modules() -> list[str]:
    """Return the routes modules to mount: the foundation's, then each domain's, in registry order."""
    return [*FOUNDATION_ROUTES, *(name for domain in REGISTRY for name in domain.routes)]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    """Return one error in the form the caller asked for: JSON, an htmx fragment, or a page."""
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status_code=status)


def create_app(settings: Settings, *, token: str | None = None) -> FastAPI:
    """Return the web app over `settings`; `token` (or settings.token, or a random one) guards local mode."""
    access_token = token or settings.token or new_token()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # A workload page builds thousands of short-lived objects per request; with the default thresholds
        # the collector ran full passes mid-request (p95 ~130 ms vs p50 ~40 ms for 2,000 open tasks).
        # Freezing what start-up made and collecting the young generation less often took p95 to ~55 ms.
        gc.freeze()
        gc.set_threshold(20_000, 50, 100)
        yield
        app.state.workspaces.close()

    app = FastAPI(
        title="Onward",
        version=__version__,
        docs_url=None,  # Swagger UI loads from a CDN; Onward never reaches out. The schema is at /api/openapi.json.
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(check_csrf)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.token = access_token
    app.state.workspaces = Workspaces(settings)
    for name in _route_modules():
        app.include_router(importlib.import_module(f"{routes.__name__}.{name}").router)
    nav = [NavItem(d.menu.label, d.menu.path, d.menu.order, d.menu.summary) for d in REGISTRY if d.menu]
    app.state.nav = sorted(nav, key=lambda item: item.order)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def forbidden(request: Request) -> Response:
        return error_response(
            request,
            403,
            "Open Onward with the link printed in the terminal where it started (it carries a one-time token).",
        )

    def wrong_host(request: Request) -> Response:
        return error_response(
            request, 400, "Onward does not answer on this address (add it to the allowed_hosts setting if it is yours)."
        )

    # The feedback links' own address (ONWARD_PUBLIC_URL) is a name this app answers to as well.
    public_host = urlsplit(settings.public_url).hostname if settings.public_url else None
    hosts = allowed_hosts(settings.host, ",".join(filter(None, [settings.allowed_hosts, public_host])))
    app.middleware("http")(make_access_middleware(access_token, forbidden, hosts, wrong_host))

    @app.exception_handler(OnwardError)
    async def onward_error(request: Request, error: OnwardError) -> Response:
        return error_response(request, error.http_status, error.message)

    async def mapped_error(request: Request, error: Exception) -> Response:
        # The one mapping of onward.errors: bad input that surfaces deep down is a 4xx with a plain message.
        known = as_onward_error(error)
        if known is None:
            raise error
        return error_response(request, known.http_status, known.message)

    for kind in mapped_errors():
        app.add_exception_handler(kind, mapped_error)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        parts = []
        for problem in error.errors():
            where = ".".join(str(p) for p in problem.get("loc", ())[1:]) or "input"
            parts.append(f"{where}: {problem.get('msg', 'invalid')}")
        return error_response(request, 400, "; ".join(parts))

    @app.exception_handler(404)
    async def not_found(request: Request, _error: Exception) -> Response:
        return error_response(request, 404, NotFound("there is no page here").message)

    app.openapi = lambda: documented_errors(app)  # type: ignore[method-assign]
    return app


def mapped_errors() -> tuple[type[Exception], ...]:
    """The exceptions onward.errors.as_onward_error turns into a message (SQLAlchemy imported late)."""
    from sqlalchemy.exc import DataError, IntegrityError

    return (RecursionError, OverflowError, UnicodeError, IntegrityError, DataError)


ERROR_BODY = {
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    }
}
# What each status means in Onward (onward.errors); every operation may answer these.
ERROR_STATUSES = {
    "400": "Bad input: the message names the field or record and the reason",
    "403": "Not signed in, or a form without its CSRF token",
    "404": "No such record (or not yours)",
}
WRITE_STATUSES = {
    "409": "Clashes with what is there (a duplicate, or a non-empty workspace)",
    "413": "The upload is larger than Onward takes",
}


def documented_errors(app: FastAPI) -> dict[str, Any]:
    """Return the OpenAPI schema with the error codes the app really answers (400, not FastAPI's 422)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
    for path in schema.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # the validation handler answers 400
            statuses = ERROR_STATUSES | (WRITE_STATUSES if method in ("post", "put", "patch", "delete") else {})
            for status, description in statuses.items():
                responses.setdefault(status, {"description": description, **ERROR_BODY})
    schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
    schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
    app.openapi_schema = schema
    return schema
