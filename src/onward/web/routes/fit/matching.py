"""Pages of fit's matching half: the occupations that fit (/fit/occupations) and postings (/fit/postings).

No menu entry: the Fit page links here. Matching never waits for matching by meaning to get ready (the model
loads, and the task embeddings are read from the machine's cache or computed once, in the background): until
then the pages use BM25, say so, show how far it is (`matching_status` in the JSON twins) and reload themselves
when it is ready. The BM25 index of the O*NET tasks is built in the background as the app starts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.background import Reporter
from onward.errors import BadInput, OnwardError
from onward.fit.matching import views
from onward.fit.matching.service import MatchingStatus, PostingImportResult, start_preparing
from onward.services import Services
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of, start_import
from onward.web.pages import page, render
from onward.web.uploads import read_upload


@asynccontextmanager
async def _prepare_matching(app: FastAPI) -> AsyncIterator[None]:
    """At start-up, build the task index (BM25) in the background, so the first match finds it ready."""
    start_preparing(app.state.settings)
    yield


router = APIRouter(lifespan=_prepare_matching)
MATCHING_PAGES = ("/fit/occupations", "/fit/postings")  # the pages that poll the status while it gets ready
IMPORT_STEPS = {
    "reading": "Reading the postings",
    "comparing": "Comparing with the postings already here",
    "matching": "Finding each posting's duties",
}


@dataclass
class PostingsPage(views.PostingsPage):
    run: ImportRun | None = None  # the postings imported last (in the background): its progress, then outcome
    error: str | None = None  # why an import was refused: nothing was changed


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@page(router, "/fit/occupations", "fit_matching/occupations.html")
def occupations(
    tasks: str = Query("", description="Task texts to match, one per line (default: your rated duties)."),
    avoid: str = Query("", description="Tasks you could do without, one per line."),
    top: int = Query(10, ge=1, le=50),
    services: Services = Depends(get_services),
) -> views.OccupationsPage:
    return views.occupations(services.fit_matching, _lines(tasks), _lines(avoid), top, wait=False)


@page(router, "/fit/postings", "fit_matching/postings.html")
def postings(
    focus: str = Query("", description="'focus' (one or two main tasks) or 'variety'; empty when not said."),
    top: int = Query(20, ge=1, le=200),
    imported: int | None = Query(None, include_in_schema=False),
    merged: int | None = Query(None, include_in_schema=False),
    services: Services = Depends(get_services),
) -> PostingsPage:
    return _postings(services, focus, top, imported, merged)


def _postings(
    services: Services,
    focus: str = "",
    top: int = 20,
    imported: int | None = None,
    merged: int | None = None,
    error: str | None = None,
) -> PostingsPage:
    run = run_of(services, "postings")
    if error is None and imported is None and run is not None and not run.running:
        error = run.error
        if run.result is not None:
            imported, merged = run.result.added, run.result.merged
    base = views.postings(services.fit_matching, focus, top, imported=imported, merged=merged, wait=False)
    return PostingsPage(**vars(base), run=run, error=error)


@router.get("/api/fit/matching/status")
def matching_status(services: Services = Depends(get_services)) -> MatchingStatus:
    """Whether matching by meaning is ready (state, done of total task embeddings, the sentence pages show)."""
    return services.fit_matching.status()


@router.get("/fit/matching/status", include_in_schema=False)
def matching_status_fragment(request: Request, services: Services = Depends(get_services)) -> Response:
    """The progress notice a matching page polls; once ready, an element that swaps in the page's results
    by meaning (or, from elsewhere, a plain reload)."""
    status = services.fit_matching.status()
    reload = ""
    if status.state != "preparing":
        current = urlsplit(request.headers.get("hx-current-url", ""))
        if current.path in MATCHING_PAGES:
            reload = current.path + (f"?{current.query}" if current.query else "")
    response = render(request, "fit_matching/_status.html", status, status=status, reload=reload)
    if status.state != "preparing" and not reload:
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/fit/postings/import", include_in_schema=False)
async def import_postings(
    request: Request,
    format: str = Form("text"),
    text: str = Form(""),
    file: UploadFile | None = File(None),
    services: Services = Depends(get_services),
) -> Response:
    """Import pasted text or an uploaded file (all or nothing) in the background, matching each posting's
    duties; the postings page shows how far it is, then the ranking."""
    matching = services.fit_matching
    try:
        if file is not None and file.filename:
            raw, name = await read_upload(file)
        else:
            raw, name = text.encode(), "the pasted text"

        def work(reporter: Reporter) -> PostingImportResult:
            reporter.step("reading")
            try:
                content = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise BadInput(f"{name}: not a text file (UTF-8)") from None
            return matching.import_text(content, format, name, wait=False, reporter=reporter)

        return await start_import(services, "postings", name, work, page="/fit/postings", steps=IMPORT_STEPS)
    except OnwardError as error:
        page_data = await run_in_threadpool(_postings, services, error=error.message)
        return render(request, "fit_matching/postings.html", page_data, status_code=error.http_status)
