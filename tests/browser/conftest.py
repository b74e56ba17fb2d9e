"""Browser tests: the real server process on a free port over a temp data dir, driven by Debian's Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from ..conftest import TEST_CACHE_DIR, TODAY

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


@dataclass
class Server:
    url: str  # the printed address with its token
    base: str
    data_dir: Path
    outbound_log: Path
    screenshots: Path


def _prepare_task_embeddings() -> None:
    """Compute the O*NET task embeddings into the shared test cache first, so the server finds them ready."""
    from onward.fit.embedding import ml_available
    from onward.fit.matching import task_index

    if ml_available():
        task_index(TEST_CACHE_DIR, use_embeddings=True).task_vectors(wait=True)


@contextmanager
def running_server(root: Path) -> Iterator[Server]:
    """Start the real server (through guarded_server.py) over a fresh data folder in `root`; stop it after."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
    env.update(
        ONWARD_DATA_DIR=str(root / "data"),
        ONWARD_TODAY=TODAY.isoformat(),
        ONWARD_TEST_OUTBOUND_LOG=str(root / "outbound.log"),
        ONWARD_CACHE_DIR=str(TEST_CACHE_DIR),
    )
    process = subprocess.Popen(
        [sys.executable, str(HERE / "guarded_server.py"), "--port", "0", "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    url = ""
    deadline = time.monotonic() + 60
    lines = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=\S+", line)
        if match:
            url = match.group(0)
            base = match.group(1)
            break
    if not url:
        process.kill()
        pytest.fail("server did not start:\n" + "".join(lines))
    shots = root / "screenshots"
    shots.mkdir()
    try:
        yield Server(url=url, base=base, data_dir=root / "data", outbound_log=root / "outbound.log", screenshots=shots)
    finally:
        process.terminate()
        process.wait(timeout=10)


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
    _prepare_task_embeddings()
    with running_server(tmp_path_factory.mktemp("onward-server")) as started:
        yield started


@pytest.fixture
def matching_server(server: Server) -> Server:
    """The shared server, once matching by meaning is ready on it."""
    _wait_until_matching_is_ready(server)
    return server


@pytest.fixture
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own that has matched nothing yet (the machine cache holds the task embeddings)."""
    _prepare_task_embeddings()
    with running_server(tmp_path_factory.mktemp("onward-fresh-server")) as started:
        yield started
