"""Heavy one-off work in a thread of its own, with progress any page or command can read.

Pages never wait for such work (the task embeddings today; big imports next): they start it, answer at once
with what they have, and show `progress()`; the CLI shows the same progress as a bar (`cli/progress.py`).
The work is a function given a `Reporter`: it says which step it is on and how far it is, and checks
`reporter.stopping` between pieces so it can be stopped cleanly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

WAITING, READY, FAILED = "waiting", "ready", "failed"


@dataclass(frozen=True)
class Progress:
    """How far a piece of work is: `state` is "waiting" (not started), a step of the work (e.g. "computing"),
    "ready" or "failed" (then `error` says why); `done` of `total` counts its pieces."""

    state: str
    done: int
    total: int
    error: str = ""

    @property
    def ready(self) -> bool:
        return self.state == READY

    @property
    def failed(self) -> bool:
        return self.state == FAILED

    @property
    def running(self) -> bool:
        return self.state not in (WAITING, READY, FAILED)


class Reporter:
    """What the work function uses to say how far it is."""

    def __init__(self, owner: BackgroundWork[Any]) -> None:
        self._owner = owner

    def step(self, state: str, *, done: int | None = None, total: int | None = None) -> None:
        self._owner._report(state, done, total, 0)

    def advance(self, pieces: int) -> None:
        self._owner._report(None, None, None, pieces)

    @property
    def stopping(self) -> bool:
        return self._owner._stop.is_set()


class BackgroundWork(Generic[T]):
    """Runs `work(reporter)` once, in a daemon thread, the first time it is started.

    Its result is kept (`result`); a failure is logged, shown as the "failed" state and not retried. `stop()`
    asks the work to stop (it returns None) and waits for it; `start()` then begins again.
    """

    def __init__(self, name: str, work: Callable[[Reporter], T | None], *, total: int = 0) -> None:
        self.name = name
        self._work = work
        self._total = total
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state, self._done, self._error = WAITING, 0, ""
        self._result: T | None = None

    @property
    def result(self) -> T | None:
        """What the work returned, once ready (None before)."""
        return self._result

    def progress(self) -> Progress:
        with self._lock:
            return Progress(self._state, self._done, self._total, self._error)

    def start(self) -> None:
        """Start the work, unless it is under way, done, or failed."""
        with self._lock:
            if self._thread is None:
                self._stop.clear()
                self._state = "starting"
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()

    def stop(self) -> None:
        """Ask the work to stop and wait for it; unless it finished, it is back to waiting."""
        with self._lock:
            thread = self._thread
            self._stop.set()
        if thread is not None:
            thread.join()
        with self._lock:
            if self._state != READY:
                self._thread, self._state, self._done = None, WAITING, 0

    def wait(self, on_progress: Callable[[Progress], None] | None = None, interval: float = 0.2) -> T | None:
        """Start the work if need be and return its result (None if it failed or was stopped); `on_progress`
        hears how far it is every `interval` seconds meanwhile, and once at the end."""
        self.start()
        thread = self._thread
        while thread is not None and thread.is_alive():
            thread.join(interval)
            if on_progress is not None:
                on_progress(self.progress())
        if on_progress is not None:
            on_progress(self.progress())
        return self._result

    # ---- the thread ----

    def _report(self, state: str | None, done: int | None, total: int | None, pieces: int) -> None:
        with self._lock:
            if state is not None:
                self._state = state
            if total is not None:
                self._total = total
            if done is not None:
                self._done = done
            self._done += pieces

    def _run(self) -> None:
        try:
            result = self._work(Reporter(self))
        except Exception as error:  # shown where the progress is; callers go on without the result
            log.exception("%s failed", self.name)
            with self._lock:
                self._state, self._error = FAILED, str(error) or type(error).__name__
            return
        if result is None:  # stopped
            return
        with self._lock:
            self._result, self._state, self._done = result, READY, self._total
