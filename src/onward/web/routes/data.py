"""Your data: export everything as JSON, import an export, download a backup."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse

from onward.background import Reporter
from onward.errors import BadInput, OnwardError
from onward.services import Services
from onward.store.transfer import dumps
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of, start_import
from onward.web.pages import page, render
from onward.web.uploads import read_upload

router = APIRouter()
PAGE = "/data"
STEPS = {"reading": "Reading the export", "saving": "Adding the records"}


@dataclass
class DataPage:
    workspace: str
    empty: bool
    database: str
    run: ImportRun | None = None  # the export imported last (in the background): its progress, then outcome
    error: str | None = None  # why an import was refused: nothing was changed


def _page(request: Request, services: Services, error: str | None = None) -> DataPage:
    run = run_of(services, "workspace")
    if error is None and run is not None and not run.running:
        error = run.error
    return DataPage(
        workspace=request.state.workspace_kind,
        empty=services.is_empty(),
        database=services.store.dialect,
        run=run,
        error=error,
    )


@page(router, PAGE, "data.html")
def data_page(request: Request, services: Services = Depends(get_services)) -> DataPage:
    return _page(request, services)


@router.get("/data/export.json", include_in_schema=False)
@router.get("/api/export", summary="The whole workspace as an Onward export")
def export(services: Services = Depends(get_services)) -> Response:
    filename = f"onward-export-{services.today.isoformat()}.json"
    return Response(
        dumps(services.export()),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/data/import", include_in_schema=False)
async def import_file(
    request: Request,
    file: UploadFile = File(...),
    merge: bool = Form(False),
    services: Services = Depends(get_services),
) -> Response:
    """Import an Onward export in the background (all or nothing); the page shows how far it is, then what
    it added."""
    try:
        raw, name = await read_upload(file)

        def work(reporter: Reporter) -> dict[str, int]:
            reporter.step("reading")
            return services.import_(_parse_json(raw, name), merge=merge, reporter=reporter)

        return await start_import(services, "workspace", name, work, page=PAGE, steps=STEPS)
    except OnwardError as error:
        page_data = await run_in_threadpool(_page, request, services, error.message)
        return render(request, "data.html", page_data, status_code=error.http_status)


def _parse_json(raw: bytes, name: str) -> object:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(f"{name}: not JSON ({error})") from None
    except RecursionError:
        raise BadInput(f"{name}: not JSON (nested too deeply)") from None


@router.get("/data/backup", include_in_schema=False)
def download_backup(services: Services = Depends(get_services)) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="onward-backup-"))
    suffix = "sqlite" if services.store.dialect == "sqlite" else "json.gz"
    path = folder / f"onward-backup-{services.today.isoformat()}.{suffix}"
    services.backup(path)

    def cleanup() -> None:
        path.unlink(missing_ok=True)
        folder.rmdir()

    return FileResponse(path, filename=path.name, background=BackgroundTask(cleanup))
