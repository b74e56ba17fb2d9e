"""The first page: what Onward is for, the demo or your own workspace, and the overview once started."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from onward.demo import DEMO_STORY, fill_demo
from onward.services import Services
from onward.today import TodayItem
from onward.web.deps import WORKSPACE_COOKIE, get_services
from onward.web.pages import NavItem, page

router = APIRouter()


@dataclass
class HomePage:
    """What the first page shows."""

    workspace: str
    started: bool
    name: str
    today: str
    sections: list[NavItem] = field(default_factory=list)
    due: list[TodayItem] = field(default_factory=list)  # each domain's Today items (onward.today)
    demo_story: str = DEMO_STORY


@page(router, "/", "home.html")
def home(request: Request, services: Services = Depends(get_services)) -> HomePage:
    kind = request.state.workspace_kind
    started = kind == "demo" or services.preferences.get("started") == "yes" or not services.is_empty()
    return HomePage(
        workspace=kind,
        started=started,
        name=services.preferences.get("name"),
        today=services.today.isoformat(),
        sections=list(request.app.state.nav),
        due=services.today_items() if started else [],
    )


@router.get("/api/health", include_in_schema=True)
def health() -> dict[str, bool]:
    """A bare endpoint: the app is up (no database access)."""
    return {"ok": True}


@router.post("/workspace/demo", include_in_schema=False)
def open_demo(request: Request) -> RedirectResponse:
    """Switch this browser to the demo workspace, filling it the first time."""
    demo: Services = request.app.state.workspaces.get("demo")
    if demo.is_empty():
        fill_demo(demo)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(WORKSPACE_COOKIE, "demo", httponly=True, samesite="strict")
    return response


@router.post("/workspace/own", include_in_schema=False)
def open_own(request: Request, name: str = Form("")) -> RedirectResponse:
    """Switch this browser to the user's own workspace (and remember they started)."""
    own: Services = request.app.state.workspaces.get("own")
    own.preferences.set("started", "yes")
    if name.strip():
        own.preferences.set("name", name.strip()[:100])
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(WORKSPACE_COOKIE, "own", httponly=True, samesite="strict")
    return response
