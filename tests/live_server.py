"""The real `onward serve` in its own process, on a free port over a temp data folder, cut off from the network.

One helper for every test that needs a live server (the browser tests, the non-blocking test). The server runs
through `guarded_server.py`, which records and refuses any connection leaving this machine; the autouse fixture
`_nothing_went_online` (tests/conftest.py) fails the test during which a running server tried, and stopping a
server fails if it tried since the last check, so an attempt at start-up or between tests is caught too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GUARDED_SERVER = HERE / "guarded_server.py"
ADDRESS = re.compile(r"(http://127\.0\.0\.1:\d+)/\?token=\S+")
START_TIMEOUT = 60  # seconds; a cold start on a busy two-core machine takes a few

RUNNING: list[Server] = []  # the live servers, for the per-test check of their outbound record


@dataclass
class Server:
    url: str  # the printed address with its token: opening it signs the browser in
    base: str
    data_dir: Path
    outbound_log: Path
    screenshots: Path
    _reported: int = field(default=0, repr=False)

    def outbound_attempts(self) -> list[str]:
        """Return every connection the server tried to open beyond this machine, since it started."""
        if not self.outbound_log.exists():
            return []
        return self.outbound_log.read_text(encoding="utf-8").splitlines()

    def fail_if_it_went_online(self, when: str) -> None:
        """Fail the running test if the server tried to reach the network since the last check."""
        attempts = self.outbound_attempts()
        new, self._reported = attempts[self._reported :], len(attempts)
        if new:
            pytest.fail(
                f"the server at {self.base} tried to reach the network {when} (Onward never may; "
                f"each attempt was refused): " + "; ".join(new),
                pytrace=False,
            )


@contextmanager
def live_server(root: Path, **env: str) -> Iterator[Server]:
    """Run `onward serve` over `root/data` with the ONWARD_* settings in `env`; yield it once it listens."""
    from .conftest import TEST_CACHE_DIR, TODAY

    root.mkdir(parents=True, exist_ok=True)
    outbound_log = root / "outbound.log"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
    environment.update(
        ONWARD_DATA_DIR=str(root / "data"),
        ONWARD_TODAY=TODAY.isoformat(),
        ONWARD_CACHE_DIR=str(TEST_CACHE_DIR),
        ONWARD_TEST_OUTBOUND_LOG=str(outbound_log),
    )
    environment.update(env)
    process = subprocess.Popen(
        [sys.executable, str(GUARDED_SERVER), "--port", "0", "--no-browser"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    deadline, lines, match = time.monotonic() + START_TIMEOUT, [], None
    while time.monotonic() < deadline and match is None:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = ADDRESS.search(line)
    if match is None:
        process.kill()
        pytest.fail("the server did not start:\n" + "".join(lines))
    # Keep reading what the server prints, so a chatty server never blocks on a full pipe.
    threading.Thread(target=process.stdout.read, daemon=True).start()
    screenshots = root / "screenshots"
    screenshots.mkdir(exist_ok=True)
    server = Server(match.group(0), match.group(1), root / "data", outbound_log, screenshots)
    RUNNING.append(server)
    try:
        yield server
    finally:
        RUNNING.remove(server)
        process.terminate()
        process.wait(timeout=10)
    server.fail_if_it_went_online("while it ran")
