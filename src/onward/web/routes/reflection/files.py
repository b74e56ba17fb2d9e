"""The journal out and in: Markdown and JSON downloads, and jrnl's JSON export uploaded from the browser."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.background import Reporter
from onward.errors import BadInput, OnwardError
from onward.reflection.schemas import JournalImport
from onward.services import Services
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of, start_import
from onward.web.pages import file_download, page, render
from onward.web.uploads import read_upload

router = APIRouter()
TEMPLATE = "reflection/import.html"
PAGE = "/reflection/import"
STEPS = {"reading": "Reading the file", "saving": "Adding the entries"}


@dataclass
class ImportPage:
    entries: int
    result: JournalImport | None = None
    error: str | None = None
    run: ImportRun | None = None  # the upload imported last (in the background): its progress, then outcome


def _page(services: Services, error: str | None = None) -> ImportPage:
    run = run_of(services, "journal")
    entries = services.reflection.count()
    if error is None and run is not None and not run.running:
        return ImportPage(entries=entries, result=run.result, error=run.error, run=run)
    return ImportPage(entries=entries, error=error, run=run)


@page(router, PAGE, TEMPLATE)
def import_page(services: Services = Depends(get_services)) -> ImportPage:
    return _page(services)


@router.post("/reflection/import", include_in_schema=False)
async def upload_jrnl(
    request: Request, file: UploadFile = File(...), services: Services = Depends(get_services)
) -> Response:
    """Import a jrnl JSON export in the background; the page shows how far it is, then what it did."""
    reflection = services.reflection
    try:
        data, name = await read_upload(file)

        def work(reporter: Reporter) -> JournalImport:
            reporter.step("reading")
            parsed = _parse_json(data, name)
            try:
                return reflection.import_jrnl(parsed, reporter)
            except BadInput as error:
                raise BadInput(f"{name}: {error.message}; nothing was imported") from None

        return await start_import(services, "journal", name, work, page=PAGE, steps=STEPS)
    except OnwardError as error:
        page_data = await run_in_threadpool(_page, services, error.message)
        return render(request, TEMPLATE, page_data, status_code=error.http_status)


def _parse_json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(f"{name}: not JSON ({error})") from None
    except RecursionError:
        raise BadInput(f"{name}: not JSON (nested too deeply)") from None


def _download(body: str, media_type: str, filename: str) -> Response:
    return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/reflection/export.md", include_in_schema=False)
@router.get(
    "/api/reflection/export/markdown",
    summary="Every journal entry as Markdown",
    responses=file_download("text/markdown"),
)
def export_markdown(services: Services = Depends(get_services)) -> Response:
    text = services.reflection.export_markdown()
    return _download(text, "text/markdown; charset=utf-8", f"journal-{services.today.isoformat()}.md")


@router.get("/reflection/export.json", include_in_schema=False)
@router.get("/api/reflection/export/json", summary="Every journal entry as a jrnl JSON export")
def export_json(services: Services = Depends(get_services)) -> Response:
    body = json.dumps(services.reflection.export_json(), indent=1, ensure_ascii=False) + "\n"
    return _download(body, "application/json", f"journal-{services.today.isoformat()}.json")
