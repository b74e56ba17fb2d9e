"""Run `onward serve` with an audit hook that records (and refuses) any connection leaving this machine.

Tests start the real server through this file (tests/live_server.py) and fail when the record is not empty:
the running app must never reach out to the network.

With ONWARD_TEST_SLOW_PAGE set to a folder, the app also serves a test-only page, `/test/slow`, that creates
`entered` in that folder and then waits (up to 10 s) until `release` appears there: a request held inside a
page, for the test that proves nothing blocks the server.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import time
from pathlib import Path
from typing import Any

RECORD = Path(os.environ["ONWARD_TEST_OUTBOUND_LOG"])


def _local(host: object) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


def _guard(event: str, args: tuple[object, ...]) -> None:
    target: object = None
    if event == "socket.connect" and isinstance(args[1], tuple) and not _local(args[1][0]):
        target = args[1]
    elif event == "socket.getaddrinfo" and not _local(args[0]):
        target = args[0]
    if target is not None:
        with RECORD.open("a") as handle:
            handle.write(f"{event} {target!r}\n")
        raise ConnectionRefusedError(f"outbound connection to {target!r} refused")


sys.addaudithook(_guard)
RECORD.write_text("")


def _add_slow_page(folder: Path) -> None:
    """Make the app that `onward serve` builds also serve `/test/slow` (see the module's docstring)."""
    from fastapi import APIRouter, FastAPI

    import onward.web.app
    from onward.web.pages import page

    router = APIRouter()

    @page(router, "/test/slow", "error.html")
    def slow() -> dict[str, object]:
        (folder / "entered").touch()
        deadline = time.monotonic() + 10
        while not (folder / "release").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return {"status": 200, "message": "done"}

    create_app = onward.web.app.create_app

    def create_app_with_slow_page(*args: Any, **kwargs: Any) -> FastAPI:
        app = create_app(*args, **kwargs)
        app.include_router(router)
        return app

    onward.web.app.create_app = create_app_with_slow_page


if os.environ.get("ONWARD_TEST_SLOW_PAGE"):
    _add_slow_page(Path(os.environ["ONWARD_TEST_SLOW_PAGE"]))

from onward.cli.main import main  # noqa: E402 - the hook must be in place before Onward loads

sys.exit(main(["serve", *sys.argv[1:]]))
