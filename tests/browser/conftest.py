"""Browser tests: the real server process on a free port over a temp data dir, driven by Debian's Chromium."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ..conftest import TEST_CACHE_DIR
from ..live_server import Server, live_server

HERE = Path(__file__).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = (HERE / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, Any]:
    return {"viewport": {"width": 1280, "height": 900}}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: `pytest -m "not browser"` leaves these out
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _prepare_task_embeddings() -> None:
    """Compute the O*NET task embeddings into the shared test cache first, so the server finds them ready."""
    from onward.fit.matching.embedding import ml_available
    from onward.fit.matching.index import task_index

    if ml_available():
        task_index(TEST_CACHE_DIR, use_embeddings=True).task_vectors(wait=True)


def _wait_until_matching_is_ready(server: Server, timeout: float = 600) -> None:
    """Ask for a match once (which starts loading the model) and wait until matching by meaning is ready,
    so the pages tested afterwards show it as a person would after the first minute."""
    with httpx.Client(base_url=server.base, timeout=30) as client:
        client.get(server.url.removeprefix(server.base))  # the token link: the cookie signs the client in
        client.get("/api/fit/occupations", params={"tasks": "Teach adults to read"})
        deadline = time.monotonic() + timeout
        while client.get("/api/fit/matching/status").json()["state"] == "preparing":
            if time.monotonic() > deadline:
                pytest.fail("matching by meaning was not ready in time")
            time.sleep(0.5)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server most browser tests share, over one data folder."""
    _prepare_task_embeddings()
    with live_server(tmp_path_factory.mktemp("onward-server")) as running:
        yield running


@pytest.fixture
def matching_server(server: Server) -> Server:
    """The shared server, once matching by meaning is ready on it."""
    _wait_until_matching_is_ready(server)
    return server


@pytest.fixture
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own that has matched nothing yet (the machine cache holds the task embeddings)."""
    _prepare_task_embeddings()
    with live_server(tmp_path_factory.mktemp("onward-fresh-server")) as running:
        yield running
