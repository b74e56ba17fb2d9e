"""Mail pages. An import runs in the background (onward.background): the page answers at once and shows how far
it is, polling a small fragment until it is done."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from onward.background import Reporter
from onward.errors import BadInput
from onward.mail import views
from onward.mail.importer import MailImportResult
from onward.mail.requests import SHOWN_STATES
from onward.mail.sources import FORMATS
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page, render

router = APIRouter()
IMPORT_LABELS = {"path": "path", "me": "your addresses", "format": "format"}


@page(router, "/mail", "mail/index.html")
def mail_overview(services: Services = Depends(get_services)) -> views.MailOverview:
    return views.overview(services.mail)


@page(router, "/mail/hours", "mail/hours.html")
def mail_hours(services: Services = Depends(get_services)) -> views.HoursPage:
    return views.hours(services.mail)


@page(router, "/mail/requests", "mail/requests.html")
def mail_requests(
    state: str = Query("proposed", description="proposed, accepted, dismissed, done, or all"),
    services: Services = Depends(get_services),
) -> views.RequestsPage:
    return views.requests(services.mail, state)


@page(router, "/mail/messages/{message_id}", "mail/message.html")
def mail_message(message_id: int, services: Services = Depends(get_services)) -> views.MessagePage:
    return views.message(services.mail, message_id)


@router.get("/api/mail/import")
def import_progress(services: Services = Depends(get_services)) -> views.ImportStatus:
    """The import started from the web page: what it reads, how far it is (percent), and its counts when done."""
    return views.import_status(services.mail)


@router.get("/mail/import/status", include_in_schema=False)
def import_status_fragment(request: Request, services: Services = Depends(get_services)) -> Response:
    status = views.import_status(services.mail)
    return render(request, "mail/_import_status.html", status, status=status)


@router.post("/mail/import", include_in_schema=False)
async def start_import(
    request: Request,
    path: str = Form(""),
    format: str = Form("auto"),
    me: str = Form(""),
    keep_bodies: str = Form(""),
    file: UploadFile | None = File(None),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    """Start importing a mailbox on this computer (a path) or an uploaded mbox / .eml file, in the background."""
    mail = services.mail
    upload: Path | None = None
    try:
        if format not in FORMATS:
            raise BadInput(f"format must be one of {', '.join(FORMATS)}")
        addresses = [part for part in me.replace(";", ",").split(",") if part.strip()]
        if addresses:
            await run_in_threadpool(mail.me.add_addresses, addresses)
        if file is not None and file.filename:
            upload = await run_in_threadpool(_save_upload, file, services)
            source, label = upload, file.filename
        elif path.strip():
            source, label = Path(path.strip()).expanduser(), path.strip()
            if not source.exists():
                raise BadInput(f"path: there is no file or folder {label} on this computer")
        else:
            raise BadInput("path: give the path of a mailbox on this computer, or choose a file to upload")
    except BadInput as error:
        data = await run_in_threadpool(views.overview, mail)
        return form_again(
            request, "mail/index.html", data, form="import", values=typed, error=error, labels=IMPORT_LABELS
        )

    def work(reporter: Reporter) -> MailImportResult:
        try:
            return mail.imports.import_path(source, format, keep_bodies=bool(keep_bodies) or None, reporter=reporter)
        finally:
            if upload is not None:
                shutil.rmtree(upload.parent, ignore_errors=True)

    mail.imports.start(work, label)
    return RedirectResponse("/mail#import", status_code=303)


def _save_upload(file: UploadFile, services: Services) -> Path:
    """Copy an upload to a private temporary folder in the data folder (read by the import, then removed)."""
    base = services.workspace.settings.data_dir / "mail-uploads"
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=base))
    target = folder / Path(file.filename or "upload").name
    with target.open("wb") as out:
        shutil.copyfileobj(file.file, out, length=1 << 20)
    return target


@router.post("/mail/me", include_in_schema=False)
def set_me(
    request: Request,
    me: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    """Replace the addresses that are the person's own; every message is sorted again by them."""
    try:
        services.mail.me.set_addresses([me])
    except BadInput as error:
        data = views.overview(services.mail)
        return form_again(request, "mail/index.html", data, form="me", values=typed, error=error, labels={"me": "me"})
    return RedirectResponse("/mail#me", status_code=303)


@router.post("/mail/requests/{message_id}/{action}", include_in_schema=False)
def act_on_request(
    message_id: int,
    action: str,
    back: str = Form("proposed"),
    services: Services = Depends(get_services),
) -> Response:
    """Accept (a task with a link back), dismiss, mark done, or put back in the inbox."""
    inbox = services.mail.requests
    actions = {"accept": inbox.accept, "dismiss": inbox.dismiss, "done": inbox.mark_done, "reopen": inbox.reopen}
    if action not in actions:
        raise BadInput(f"'{action}' is not something to do with a request (accept, dismiss, done, reopen)")
    actions[action](message_id)
    state = back if back in (*SHOWN_STATES, "all") else "proposed"
    return RedirectResponse(f"/mail/requests?state={state}#request-{message_id}", status_code=303)
