"""Nothing blocks the server: while one request waits inside a slow page, others are answered."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi import APIRouter

from onward.settings import Settings
from onward.web.app import create_app
from onward.web.pages import page
from tests.web.conftest import TOKEN


@pytest.fixture
def slow_server(settings: Settings) -> Iterator[tuple[str, threading.Event, threading.Event]]:
    """A real uvicorn server whose test-only page `/test/slow` waits until `release` is set."""
    entered, release = threading.Event(), threading.Event()
    router = APIRouter()

    @page(router, "/test/slow", "error.html")
    def slow() -> dict[str, object]:
        entered.set()
        release.wait(10)
        return {"status": 200, "message": "done"}

    app = create_app(settings, token=TOKEN)
    app.include_router(router)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}", entered, release
    finally:
        release.set()
        server.should_exit = True
        thread.join(10)
        sock.close()


def test_health_answers_while_a_slow_page_is_held(slow_server: tuple[str, threading.Event, threading.Event]) -> None:
    base, entered, release = slow_server
    with httpx.Client(base_url=base, timeout=10) as browser:
        assert browser.get(f"/?token={TOKEN}", follow_redirects=False).status_code == 303
        outcome: dict[str, int] = {}

        def open_slow_page() -> None:
            outcome["status"] = browser.get("/test/slow").status_code

        slow = threading.Thread(target=open_slow_page)
        slow.start()
        assert entered.wait(5), "the slow page was never entered"
        try:
            # The slow page holds its request; the event loop must still answer others at once.
            health = httpx.get(f"{base}/api/health", timeout=2)
            assert health.status_code == 200
        finally:
            release.set()
            slow.join(10)
    assert outcome["status"] == 200
