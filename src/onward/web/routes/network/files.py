"""Network files: contacts in (vCard, LinkedIn, CSV), contacts out (vCard 4.0), follow-ups out (.ics)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from onward.background import Reporter
from onward.errors import OnwardError
from onward.network import views
from onward.network.schemas import ContactImportResult
from onward.services import Services
from onward.web.deps import get_services
from onward.web.imports import ImportRun, run_of, start_import
from onward.web.pages import file_download, page, render
from onward.web.uploads import read_upload

router = APIRouter()
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TEMPLATE = "network/import.html"
PAGE = "/network/import"
STEPS = {"reading": "Reading the contacts", "comparing": "Comparing with the contacts already here"}


@dataclass
class ImportPage(views.ImportPage):
    run: ImportRun | None = None  # the upload imported last (in the background): its progress, then outcome


def _page(services: Services, error: str | None = None) -> ImportPage:
    run = run_of(services, "contacts")
    if error is None and run is not None and not run.running:
        return ImportPage(result=run.result, error=run.error, run=run)
    return ImportPage(error=error, run=run)


@page(router, PAGE, TEMPLATE)
def import_page(services: Services = Depends(get_services)) -> ImportPage:
    return _page(services)


@router.post("/network/import", include_in_schema=False)
async def upload_contacts(
    request: Request,
    file: UploadFile = File(...),
    format: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    """Import contacts in the background; the page shows how far it is, then what it did."""
    imports = services.network.imports
    try:
        data, name = await read_upload(file, MAX_UPLOAD_BYTES)

        def work(reporter: Reporter) -> ContactImportResult:
            return imports.import_data(data, name, format or None, reporter)

        return await start_import(services, "contacts", name, work, page=PAGE, steps=STEPS)
    except OnwardError as error:
        return render(request, TEMPLATE, _page(services, error.message), status_code=error.http_status)


@router.get("/network/contacts.vcf", include_in_schema=False)
@router.get(
    "/api/network/contacts.vcf", summary="Every contact as a vCard 4.0 file", responses=file_download("text/vcard")
)
def export_contacts(services: Services = Depends(get_services)) -> Response:
    return Response(
        services.network.imports.export_vcard(),
        media_type="text/vcard; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="contacts-{services.today.isoformat()}.vcf"'},
    )


@router.get("/network/follow-ups.ics", include_in_schema=False)
@router.get(
    "/api/network/follow-ups.ics",
    summary="Open follow-ups as an iCalendar file",
    responses=file_download("text/calendar"),
)
def export_follow_ups(services: Services = Depends(get_services)) -> Response:
    return Response(
        services.network.follow_ups.calendar(),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="onward-follow-ups.ics"'},
    )
