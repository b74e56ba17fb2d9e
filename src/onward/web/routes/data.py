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

from onward.errors import BadInput
from onward.services import Services
from onward.store.transfer import dumps
from onward.web.deps import get_services
from onward.web.pages import page, render
from onward.web.uploads import read_upload

router = APIRouter()


@dataclass
class DataPage:
    workspace: str
    empty: bool
    database: str


@page(router, "/data", "data.html")
def data_page(request: Request, services: Services = Depends(get_services)) -> DataPage:
    return DataPage(
        workspace=request.state.workspace_kind,
        empty=services.is_empty(),
        database=services.store.dialect,
    )


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
    raw, name = await read_upload(file)
    # Parsing and storing run in the thread pool: a big export must not hold up other requests.
    data = await run_in_threadpool(_parse_json, raw, name)
    added = await run_in_threadpool(services.import_, data, merge=merge)
    return render(request, "data_imported.html", {"added": added, "filename": file.filename})


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
