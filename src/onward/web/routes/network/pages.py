"""Network pages: the overview, contacts and their interactions, outreach drafts, what is due, duplicates."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import BadInput
from onward.fields import Reading, optional_date, optional_int
from onward.network import views
from onward.network.schemas import ContactRecord
from onward.services import Services
from onward.web.deps import get_services
from onward.web.forms import form_again, typed_in
from onward.web.pages import page

router = APIRouter()

CONTACT_LABELS = {
    "name": "name",
    "emails": "email",
    "met_on": "met on",
    "cadence_days": "keep in touch every",
    "relationship": "relationship",
}
INTERACTION_LABELS = {"kind": "kind", "on": "date", "follow_up_on": "follow up on"}


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", ",").replace(";", ",").split(",") if part.strip()]


def _contact_record(typed: dict[str, str], support: bool) -> ContactRecord:
    """Return the contact form as a record, or raise one BadInput with a message per field that needs a look."""
    read = Reading()
    met_on = read.read(optional_date, typed.get("met_on", ""), "met_on", CONTACT_LABELS["met_on"])
    cadence = read.read(optional_int, typed.get("cadence_days", ""), "cadence_days", CONTACT_LABELS["cadence_days"])
    read.done()
    return ContactRecord(
        name=typed.get("name", ""),
        where="the form",
        emails=_list(typed.get("emails", "")),
        phones=_list(typed.get("phones", "")),
        organisation=typed.get("organisation", ""),
        role=typed.get("role", ""),
        how_met=typed.get("how_met", ""),
        met_on=met_on,
        tags=_list(typed.get("tags", "")),
        notes=typed.get("notes", ""),
        relationship=typed.get("relationship", ""),
        cadence_days=cadence,
        support=support,
    )


# ---- overview and contacts ----


@page(router, "/network", "network/index.html")
def network_overview(services: Services = Depends(get_services)) -> views.NetworkOverview:
    return views.overview(services.network)


@page(router, "/network/contacts", "network/contacts.html")
def contacts_page(q: str = "", offset: int = 0, services: Services = Depends(get_services)) -> views.ContactsPage:
    return views.contacts(services.network, q, offset)


@page(router, "/network/contacts/new", "network/new.html")
def new_contact_page() -> views.NewContactPage:
    return views.NewContactPage()


@router.post("/network/contacts", include_in_schema=False)
def add_contact(
    request: Request,
    support: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        contact = services.network.contacts.add(_contact_record(typed, bool(support)))
    except BadInput as error:
        return form_again(
            request,
            "network/new.html",
            views.NewContactPage(),
            form="contact",
            values=typed,
            error=error,
            labels=CONTACT_LABELS,
        )
    return RedirectResponse(f"/network/contacts/{contact.id}", status_code=303)


@page(router, "/network/contacts/{contact_id}", "network/contact.html")
def contact_page(contact_id: int, saved: bool = False, services: Services = Depends(get_services)) -> views.ContactPage:
    return views.contact(services.network, contact_id, saved=saved)


@router.post("/network/contacts/{contact_id}", include_in_schema=False)
def edit_contact(
    request: Request,
    contact_id: int,
    support: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        record = _contact_record(typed, bool(support))
        values = {
            name: getattr(record, name)
            for name in (
                "name",
                "emails",
                "phones",
                "organisation",
                "role",
                "how_met",
                "met_on",
                "tags",
                "notes",
                "relationship",
                "cadence_days",
                "support",
            )
        }
        services.network.contacts.edit(contact_id, **values)
    except BadInput as error:
        return form_again(
            request,
            "network/contact.html",
            views.contact(services.network, contact_id),
            form="contact",
            values=typed,
            error=error,
            labels=CONTACT_LABELS,
        )
    return RedirectResponse(f"/network/contacts/{contact_id}?saved=true", status_code=303)


@router.post("/network/contacts/{contact_id}/delete", include_in_schema=False)
def delete_contact(contact_id: int, services: Services = Depends(get_services)) -> Response:
    services.network.contacts.delete(contact_id)
    return RedirectResponse("/network/contacts", status_code=303)


@router.post("/network/contacts/{contact_id}/interactions", include_in_schema=False)
def log_interaction(
    request: Request,
    contact_id: int,
    kind: str = Form(""),
    on: str = Form(""),
    notes: str = Form(""),
    outcome: str = Form(""),
    follow_up_on: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    read = Reading()
    day = read.read(optional_date, on, "on", INTERACTION_LABELS["on"])
    follow_up = read.read(optional_date, follow_up_on, "follow_up_on", INTERACTION_LABELS["follow_up_on"])
    try:
        read.done()
        services.network.interactions.log(
            contact_id, kind, on=day, notes=notes, outcome=outcome, follow_up_on=follow_up
        )
    except BadInput as error:
        return form_again(
            request,
            "network/contact.html",
            views.contact(services.network, contact_id),
            form="interaction",
            values=typed,
            error=error,
            labels=INTERACTION_LABELS,
        )
    return RedirectResponse(f"/network/contacts/{contact_id}#interactions", status_code=303)


@router.post("/network/interactions/{interaction_id}/done", include_in_schema=False)
def follow_up_done(
    interaction_id: int, back: str = Form("/network/due"), services: Services = Depends(get_services)
) -> Response:
    services.network.interactions.follow_up_done(interaction_id)
    return RedirectResponse(back if back.startswith("/network") else "/network/due", status_code=303)


# ---- outreach ----


@page(router, "/network/contacts/{contact_id}/outreach", "network/outreach.html")
def outreach_page(contact_id: int, services: Services = Depends(get_services)) -> views.OutreachPage:
    return views.outreach(services.network, contact_id)


OUTREACH_LABELS = {"body": "message"}


@router.post("/network/contacts/{contact_id}/outreach/sent", include_in_schema=False)
def outreach_sent(
    request: Request,
    contact_id: int,
    body: str = Form(""),
    follow_up: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.network.outreach.mark_sent(contact_id, body, follow_up=bool(follow_up))
    except BadInput as error:  # an emptied message comes back with the subject as typed and the message beside it
        data = views.outreach(services.network, contact_id)
        return form_again(
            request, "network/outreach.html", data, form="outreach", values=typed, error=error, labels=OUTREACH_LABELS
        )
    return RedirectResponse(f"/network/contacts/{contact_id}#interactions", status_code=303)


# ---- due, cadences, duplicates ----


@page(router, "/network/due", "network/due.html")
def due_page(everyone: bool = False, services: Services = Depends(get_services)) -> views.DuePage:
    return views.due(services.network, everyone=everyone)


CADENCE_LABELS = {"tag": "tag", "days": "keep in touch every"}


@router.post("/network/tags", include_in_schema=False)
def set_tag_cadence(
    request: Request,
    tag: str = Form(""),
    days: str = Form(""),
    typed: dict[str, str] = Depends(typed_in),
    services: Services = Depends(get_services),
) -> Response:
    try:
        services.network.contacts.set_tag_cadence(tag, optional_int(days, CADENCE_LABELS["days"]))
    except BadInput as error:
        data = views.due(services.network, everyone=False)
        return form_again(
            request, "network/due.html", data, form="cadence", values=typed, error=error, labels=CADENCE_LABELS
        )
    return RedirectResponse("/network/due#cadences", status_code=303)


@page(router, "/network/duplicates", "network/duplicates.html")
def duplicates_page(merged: str = "", services: Services = Depends(get_services)) -> views.DuplicatesPage:
    return views.duplicates(services.network, merged)


@router.post("/network/duplicates/merge", include_in_schema=False)
async def merge_duplicates(request: Request, services: Services = Depends(get_services)) -> Response:
    form = await request.form()
    keep = optional_int(str(form.get("keep", "")), "contact to keep")
    others = [optional_int(str(v), "contact to merge") for v in form.getlist("merge")]
    if keep is None:
        raise BadInput("merge: choose the contact to keep")
    from starlette.concurrency import run_in_threadpool

    merged = await run_in_threadpool(
        services.network.duplicates.merge, keep, [o for o in others if o is not None and o != keep]
    )
    return RedirectResponse(f"/network/duplicates?merged={merged.name}", status_code=303)
