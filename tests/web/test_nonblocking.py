"""Nothing blocks the server: while one request waits inside a slow page, others are answered."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..live_server import Server, live_server


@pytest.fixture
def slow_server(tmp_path: Path, db_url: str) -> Iterator[tuple[Server, Path]]:
    """The real server, whose test-only page `/test/slow` waits until `release` appears in the folder given."""
    signals = tmp_path / "signals"
    signals.mkdir()
    with live_server(tmp_path / "server", ONWARD_DATABASE_URL=db_url, ONWARD_TEST_SLOW_PAGE=str(signals)) as running:
        try:
            yield running, signals
        finally:
            (signals / "release").touch()


def _wait_for(path: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def test_health_answers_while_a_slow_page_is_held(slow_server: tuple[Server, Path]) -> None:
    server, signals = slow_server
    with httpx.Client(base_url=server.base, timeout=10) as browser:
        assert browser.get(server.url, follow_redirects=False).status_code == 303
        outcome: dict[str, int] = {}

        def open_slow_page() -> None:
            outcome["status"] = browser.get("/test/slow").status_code

        slow = threading.Thread(target=open_slow_page)
        slow.start()
        assert _wait_for(signals / "entered", 10), "the slow page was never entered"
        try:
            # The slow page holds its request; the event loop must still answer others at once.
            health = httpx.get(f"{server.base}/api/health", timeout=2)
            assert health.status_code == 200
        finally:
            (signals / "release").touch()
            slow.join(10)
    assert outcome["status"] == 200
