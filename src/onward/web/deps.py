"""Request dependencies: which workspace (own or demo) a request works on."""

from __future__ import annotations

import threading
from typing import Literal

from fastapi import Request

from onward.services import Services
from onward.settings import Settings

WORKSPACE_COOKIE = "onward_workspace"
WorkspaceKind = Literal["own", "demo"]


class Workspaces:
    """The user's own workspace and the demo workspace, each opened (and migrated) on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._open: dict[str, Services] = {}
        self._lock = threading.Lock()

    def get(self, kind: WorkspaceKind) -> Services:
        with self._lock:
            if kind not in self._open:
                url = (
                    self.settings.resolved_demo_database_url()
                    if kind == "demo"
                    else self.settings.resolved_database_url()
                )
                self._open[kind] = Services.local(self.settings, url)
            return self._open[kind]

    def close(self) -> None:
        for services in self._open.values():
            services.store.dispose()


def workspace_kind(request: Request) -> WorkspaceKind:
    return "demo" if request.cookies.get(WORKSPACE_COOKIE) == "demo" else "own"


def get_services(request: Request) -> Services:
    """Return the services of the workspace this browser is looking at."""
    kind = workspace_kind(request)
    request.state.workspace_kind = kind
    workspaces: Workspaces = request.app.state.workspaces
    return workspaces.get(kind)
