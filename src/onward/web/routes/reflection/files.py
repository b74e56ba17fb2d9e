"""The journal out and in: Markdown and JSON downloads, and jrnl's JSON export uploaded from the browser."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput
from onward.reflection.schemas import JournalImport
from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import file_download, page, render

router = APIRouter()
TEMPLATE = "reflection/import.html"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


@dataclass
class ImportPage:
    entries: int
    result: JournalImport | None = None
    error: str | None = None


@page(router, "/reflection/import", TEMPLATE)
def import_page(services: Services = Depends(get_services)) -> ImportPage:
    return ImportPage(entries=services.reflection.count())


@router.post("/reflection/import", include_in_schema=False)
async def upload_jrnl(
    request: Request, file: UploadFile = File(...), services: Services = Depends(get_services)
) -> Response:
    name = file.filename or "upload"
    try:
        data = await file.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise BadInput(f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        try:
            parsed = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BadInput(f"{name}: not JSON ({error})") from None
        try:
            result = await run_in_threadpool(services.reflection.import_jrnl, parsed)
        except BadInput as error:
            raise BadInput(f"{name}: {error.message}; nothing was imported") from None
    except BadInput as error:
        data_page = ImportPage(entries=services.reflection.count(), error=error.message)
        return render(request, TEMPLATE, data_page, status_code=400)
    return render(request, TEMPLATE, ImportPage(entries=services.reflection.count(), result=result))


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
