"""Browser tests: the real server process on a free port over a temp data dir, driven by Debian's Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _prepare_task_embeddings()
    root = tmp_path_factory.mktemp("onward-server")
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
    yield Server(url=url, base=base, data_dir=root / "data", outbound_log=root / "outbound.log", screenshots=shots)
    process.terminate()
    process.wait(timeout=10)
