"""Journal pages: the journal, writing to a prompt, one entry (read, edit, delete) and search.

A save that does not go through comes back with everything typed in it (onward.web.forms.form_again), so a
reflection is never lost to a mistake in a date or a tag.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.fields import optional_date
from onward.reflection import views
from onward.reflection.drafts import NEW, edit_form
from onward.reflection.search import Filters
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page, render

router = APIRouter()
LABELS = {"text": "entry", "tags": "tags", "on": "date", "prompt": "prompt"}


def _again(request: Request, template: str, data: object, typed: dict[str, str], error: BadInput) -> Response:
    """The form again with everything typed in it, the message beside its field."""
    return form_again(request, template, data, form="entry", values=typed, error=error, labels=LABELS)


@page(router, "/reflection", "reflection/index.html")
def journal_page(services: Services = Depends(get_services)) -> views.JournalPage:
    return views.journal(services.reflection)


@page(router, "/reflection/write", "reflection/write.html")
def write_page(prompt: str = "", services: Services = Depends(get_services)) -> views.WritePage:
    return views.write(services.reflection, prompt or None)


@router.post("/reflection/entries", include_in_schema=False)
def add_entry(
    request: Request,
    text: str = Form(""),
    prompt: str = Form(""),
    tags: str = Form(""),
    on: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        entry = services.reflection.add(text, prompt=prompt or None, tags=tags, on=optional_date(on, "date"))
    except BadInput as error:
        data = views.write(services.reflection, prompt or None)
        return _again(request, "reflection/write.html", data, typed, error)
    services.reflection.drafts.clear(NEW)
    return RedirectResponse(f"/reflection/entries/{entry.id}?saved=true", status_code=303)


@page(router, "/reflection/entries/{entry_id}", "reflection/entry.html")
def entry_page(entry_id: int, saved: bool = False, services: Services = Depends(get_services)) -> views.EntryPage:
    return views.entry(services.reflection, entry_id, saved=saved)


@router.post("/reflection/entries/{entry_id}", include_in_schema=False)
def edit_entry(
    request: Request,
    entry_id: int,
    text: str = Form(""),
    prompt: str = Form(""),
    tags: str = Form(""),
    on: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.reflection.edit(entry_id, text=text, prompt=prompt or "free", tags=tags, on=optional_date(on, "date"))
    except BadInput as error:
        data = views.entry(services.reflection, entry_id)
        return _again(request, "reflection/entry.html", data, typed, error)
    services.reflection.drafts.clear(edit_form(entry_id))
    return RedirectResponse(f"/reflection/entries/{entry_id}?saved=true", status_code=303)


@router.post("/reflection/entries/{entry_id}/delete", include_in_schema=False)
def delete_entry(entry_id: int, services: Services = Depends(get_services)) -> Response:
    services.reflection.delete(entry_id)
    services.reflection.drafts.clear(edit_form(entry_id))
    return RedirectResponse("/reflection?deleted=true", status_code=303)


@router.post("/reflection/draft", include_in_schema=False)
def keep_draft(
    request: Request,
    form: str = Form(...),
    text: str = Form(""),
    prompt: str = Form(""),
    tags: str = Form(""),
    on: str = Form(""),
    services: Services = Depends(get_services),
) -> Response:
    """Keep what is being typed (htmx posts the form every few seconds); answer with the line that says so."""
    if form != NEW and not (form.startswith("entry-") and form[6:].isdigit()):
        raise BadInput(f"there is no journal form '{form[:40]}'")
    draft = services.reflection.drafts.keep(form, prompt=prompt, text=text, tags=tags, on=on)
    return render(request, "reflection/_draft_status.html", None, draft=draft, kept_now=True)


@router.post("/reflection/draft/discard", include_in_schema=False)
def discard_draft(
    form: str = Form(...), back: str = Form("/reflection/write"), services: Services = Depends(get_services)
) -> Response:
    services.reflection.drafts.clear(form)
    # Only back to a journal page of this app, never elsewhere.
    return RedirectResponse(back if back.startswith("/reflection/") else "/reflection/write", status_code=303)


@page(router, "/reflection/search", "reflection/search.html")
def search_page(
    q: str = "",
    prompt: str = "",
    tag: str = "",
    since: str = "",
    until: str = "",
    services: Services = Depends(get_services),
) -> views.SearchPage:
    filters = Filters(
        prompt=prompt or None,
        tag=tag or None,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
    )
    return views.search(services.reflection, q, filters)
