"""Browser tests: the real server process on a free port over a temp data dir, driven by Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    from onward.fit.embedding import ml_available
    from onward.fit.matching import task_index

    if ml_available():
        task_index(TEST_CACHE_DIR, use_embeddings=True).task_vectors(wait=True)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server most browser tests share, over one data folder."""
    _prepare_task_embeddings()
    with live_server(tmp_path_factory.mktemp("onward-server")) as running:
        yield running
