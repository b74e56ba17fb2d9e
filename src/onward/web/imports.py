"""An upload imported in the background, with its progress on the page: one mechanism for every import form.

The form's POST reads the upload (`onward.web.uploads`, one size limit), hands the import to `start_import` and
answers with a redirect to its page: the import runs in a thread of its own (`onward.background`), so one big
file never holds up other requests. The page shows the run (`run_of`, and `_import_progress.html`): while it
goes on, a progress bar that htmx polls (`/imports/{kind}/status`, routes/imports.py; without JavaScript, a
plain reload link); once done, the page's own result, or the form again with the import's message (an import
is all or nothing, so a refused file changed nothing). `/api/imports/{kind}` is the JSON twin of that progress.

The importer says how far it is through its `Reporter` (`step(state, done=, total=)`, then `advance(n)`); the
route names those steps in plain words (`steps`). One import runs at a time in a workspace (two writers would
only wait on each other's transaction); the last run of each kind is kept, so its page shows the outcome until
the next import of that kind.
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi.responses import RedirectResponse

from onward.background import FAILED, READY, BackgroundWork, Reporter
from onward.errors import BadInput, OnwardError, as_onward_error
from onward.services import Services

QUICK_WAIT = 1.0  # seconds the POST waits before redirecting: a small file's page then shows its result at once
STEP_WORDS = {"starting": "Starting", "reading": "Reading the file"}  # the steps every import shares


@dataclass
class ImportRun:
    """An import a page started, as the page and its JSON twin show it."""

    kind: str  # "tasks", "calendar", "postings", "contacts", "workspace", "journal"
    label: str  # the file's name (or "the pasted text")
    state: str  # a step of the import ("starting", "reading", "saving", …), then "ready" or "failed"
    step: str  # that step in words ("Saving tasks")
    done: int
    total: int  # 0 while the step has no count (the bar then only says it is busy)
    percent: int
    page: str  # the page that shows it
    result: Any = None  # what the import returned, once ready
    error: str | None = None  # why it stopped, once failed: nothing was changed

    @property
    def running(self) -> bool:
        return self.state not in (READY, FAILED)


@dataclass
class _Outcome:
    result: Any
    error: OnwardError | None


@dataclass
class _Job:
    label: str
    page: str
    steps: Mapping[str, str]
    work: BackgroundWork[_Outcome]


class Imports:
    """The background imports of one workspace: at most one running, the last of each kind kept."""

    def __init__(self) -> None:
        self._jobs: dict[str, _Job] = {}
        self._lock = threading.Lock()

    def start(
        self,
        kind: str,
        label: str,
        work: Callable[[Reporter], Any],
        *,
        page: str,
        steps: Mapping[str, str] | None = None,
    ) -> None:
        """Start `work(reporter)` in the background as the import of `kind`; BadInput if one is under way.

        The import's own error (bad input naming the record) becomes the run's message; it is not raised.
        """
        box = [work]  # the work, and the upload it holds, are let go once it has run

        def run(reporter: Reporter) -> _Outcome:
            job = box.pop()
            try:
                return _Outcome(job(reporter), None)
            except Exception as error:  # bad input is the run's message; anything else fails the run (logged)
                known = as_onward_error(error)
                if known is None:
                    raise
                return _Outcome(None, known)

        with self._lock:
            busy = next((job for job in self._jobs.values() if job.work.progress().running), None)
            if busy is not None:
                raise BadInput(f"the import of {busy.label} is still under way; try again once it is done")
            job = _Job(label, page, {**STEP_WORDS, **(steps or {})}, BackgroundWork(f"{kind}-import", run))
            self._jobs.pop(kind, None)
            self._jobs[kind] = job  # last in the dict: the latest
            job.work.start()

    def run(self, kind: str) -> ImportRun | None:
        """The last import of `kind` (running or done), or None when there was none."""
        with self._lock:
            job = self._jobs.get(kind)
        if job is None:
            return None
        progress = job.work.progress()
        outcome = job.work.result
        state, error, result = progress.state, None, None
        if outcome is not None and outcome.error is not None:
            state, error = FAILED, outcome.error.message
        elif outcome is not None:
            result = outcome.result
        elif progress.failed:
            error = f"something went wrong ({progress.error}); nothing was changed"
        total = progress.total
        percent = 100 if state == READY else min(100, round(100 * progress.done / total)) if total else 0
        return ImportRun(
            kind=kind,
            label=job.label,
            state=state,
            step=job.steps.get(state, "Importing"),
            done=min(progress.done, total) if total else progress.done,
            total=total,
            percent=percent,
            page=job.page,
            result=result,
            error=error,
        )

    def latest(self, kinds: tuple[str, ...]) -> ImportRun | None:
        """The import started last among `kinds` (a page with two forms shows the one used last)."""
        with self._lock:
            kind = next((kind for kind in reversed(self._jobs) if kind in kinds), None)
        return None if kind is None else self.run(kind)

    async def wait(self, kind: str, seconds: float) -> None:
        """Wait, without holding up the server, up to `seconds` for the import of `kind` to finish."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            run = self.run(kind)
            if run is None or not run.running:
                return
            await asyncio.sleep(0.02)


_IMPORTS: weakref.WeakKeyDictionary[Services, Imports] = weakref.WeakKeyDictionary()
_IMPORTS_LOCK = threading.Lock()


def imports_of(services: Services) -> Imports:
    """The background imports of the workspace `services` serves."""
    with _IMPORTS_LOCK:
        imports = _IMPORTS.get(services)
        if imports is None:
            imports = _IMPORTS[services] = Imports()
        return imports


def run_of(services: Services, *kinds: str) -> ImportRun | None:
    """The import of `kinds` started last in this workspace, for its page to show (None when there was none)."""
    return imports_of(services).latest(kinds)


async def start_import(
    services: Services,
    kind: str,
    label: str,
    work: Callable[[Reporter], Any],
    *,
    page: str,
    steps: Mapping[str, str] | None = None,
) -> RedirectResponse:
    """Start the import and answer with a redirect to `page`, where its progress, then its outcome, shows.

    A small file is usually done within QUICK_WAIT, so its page shows the result straight away. Raises
    BadInput (for the form to show) when another import is under way.
    """
    imports = imports_of(services)
    imports.start(kind, label, work, page=page, steps=steps)
    await imports.wait(kind, QUICK_WAIT)
    return RedirectResponse(f"{page}#import-{kind}", status_code=303)
