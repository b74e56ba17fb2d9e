"""Network files: contacts in (vCard, LinkedIn, CSV), contacts out (vCard 4.0), follow-ups out (.ics)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.errors import BadInput
from onward.network import views
from onward.services import Services
from onward.web.deps import get_services
from onward.web.pages import file_download, page, render

router = APIRouter()
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TEMPLATE = "network/import.html"


@page(router, "/network/import", TEMPLATE)
def import_page() -> views.ImportPage:
    return views.ImportPage()


@router.post("/network/import", include_in_schema=False)
async def upload_contacts(
    request: Request,
    file: UploadFile = File(...),
    format: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    name = file.filename or "upload"
    try:
        data = await file.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise BadInput(f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        result = await run_in_threadpool(services.network.imports.import_data, data, name, format or None)
    except BadInput as error:
        return render(request, TEMPLATE, views.ImportPage(error=error.message), status_code=400)
    return render(request, TEMPLATE, views.ImportPage(result=result))


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
