"""Network commands: `onward contacts` (import, list, due, export, add, edit, log …) and `onward outreach`.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of
from onward.fields import optional_date, optional_int

if TYPE_CHECKING:
    from onward.network.schemas import ContactView
    from onward.network.service import NetworkService

contacts_app = typer.Typer(help=messages.CONTACTS_HELP, no_args_is_help=True)
outreach_app = typer.Typer(help=messages.OUTREACH_HELP, no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")


def register(app: typer.Typer) -> None:
    app.add_typer(contacts_app, name="contacts")
    app.add_typer(outreach_app, name="outreach")


def _network(ctx: typer.Context) -> NetworkService:
    return services_of(ctx).network


def _line(c: ContactView) -> str:
    work = ", ".join(p for p in (c.role, c.organisation) if p)
    last = c.last_contacted.isoformat() if c.last_contacted else "not yet"
    return f"{c.id:>5}  {c.name}" + (f" ({work})" if work else "") + f" · last in touch {last}"


@contacts_app.command("import", help=messages.CONTACTS_IMPORT_HELP)
def contacts_import(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The file to import."),
    format_: str = typer.Option(
        None, "--format", help="vcard, linkedin or csv (worked out from the file if left out)."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.errors import BadInput

    if not file.is_file():
        raise BadInput(messages.NO_FILE.format(path=file))
    result = _network(ctx).imports.import_data(file.read_bytes(), file.name, format_)
    if as_json:
        print_json(result)
        return
    typer.echo(
        messages.CONTACTS_IMPORTED.format(
            file=result.file,
            format=result.format,
            added=result.added,
            merged=result.merged,
            unchanged=result.unchanged,
            refused=len(result.refused),
        )
    )
    for refusal in result.refused:
        typer.echo(f"  left out {refusal.where}: {refusal.reason}")
    for note in result.notes:
        typer.echo(f"  {note}")


@contacts_app.command("list", help=messages.CONTACTS_LIST_HELP)
def contacts_list(
    ctx: typer.Context,
    search: str = typer.Option(
        "", "--search", help="Only contacts matching these words (name, organisation, role, tags)."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    network = _network(ctx)
    found = network.contacts.page(search, limit=None) if search else network.contacts.list_all()
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo(messages.NO_CONTACTS)
    for contact in found:
        typer.echo(_line(contact))


@contacts_app.command("due", help=messages.CONTACTS_DUE_HELP)
def contacts_due(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    due = _network(ctx).follow_ups.due()
    if as_json:
        print_json(due)
        return
    if not due.follow_ups and not due.losing_touch:
        typer.echo(messages.NOTHING_DUE)
        return
    if due.follow_ups:
        typer.echo("Follow-ups due:")
        for f in due.follow_ups:
            when = "today" if f.days_overdue <= 0 else f"{f.days_overdue} days overdue"
            typer.echo(f"  {f.contact_name} (contact {f.contact_id}): after the {f.about}, {when}")
    if due.losing_touch:
        typer.echo(f"Losing touch ({len(due.losing_touch)}):")
        for lt in due.losing_touch:
            typer.echo(
                f"  {lt.name} (contact {lt.contact_id}): every {lt.cadence_days} days, {lt.days_overdue} days beyond"
            )


@contacts_app.command("export", help=messages.CONTACTS_EXPORT_HELP)
def contacts_export(ctx: typer.Context, file: Path = typer.Argument(..., help="The .vcf file to write.")) -> None:
    text = _network(ctx).imports.export_vcard()
    file.write_text(text, encoding="utf-8", newline="")
    typer.echo(messages.CONTACTS_EXPORTED.format(count=text.count("BEGIN:VCARD"), path=file))


def _values(
    name: str | None,
    email: list[str] | None,
    phone: list[str] | None,
    organisation: str | None,
    role: str | None,
    relationship: str | None,
    how_met: str | None,
    met_on: str | None,
    tag: list[str] | None,
    cadence: str | None,
    notes: str | None,
    support: bool | None,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in (
        ("name", name),
        ("organisation", organisation),
        ("role", role),
        ("relationship", relationship),
        ("how_met", how_met),
        ("notes", notes),
        ("support", support),
    ):
        if value is not None:
            values[key] = value
    for key, items in (("emails", email), ("phones", phone), ("tags", tag)):
        if items:
            values[key] = list(items)
    if met_on is not None:
        values["met_on"] = optional_date(met_on, "met on")
    if cadence is not None:
        values["cadence_days"] = None if cadence in ("", "none", "0") else optional_int(cadence, "keep in touch every")
    return values


EMAIL = typer.Option(None, "--email", help="An e-mail address (repeat for more).")
PHONE = typer.Option(None, "--phone", help="A phone number (repeat for more).")
ORG = typer.Option(None, "--organisation", help="Where they work.")
ROLE = typer.Option(None, "--role", help="Their role.")
REL = typer.Option(None, "--relationship", help="colleague, former colleague, manager, mentor, professor, friend, …")
HOW = typer.Option(None, "--how-met", help="How you met, e.g. 'at the 2024 literacy conference'.")
MET = typer.Option(None, "--met-on", help="When you met (YYYY-MM-DD).")
TAG = typer.Option(None, "--tag", help="A tag (repeat for more).")
CADENCE = typer.Option(None, "--cadence", help="Keep in touch every N days ('none' clears it).", metavar="DAYS")
NOTES = typer.Option(None, "--notes", help="Notes.")
SUPPORT = typer.Option(None, "--support/--no-support", help="Someone you can lean on when things are hard.")


@contacts_app.command("add", help=messages.CONTACTS_ADD_HELP)
def contacts_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Their name."),
    email: list[str] = EMAIL,
    phone: list[str] = PHONE,
    organisation: str = ORG,
    role: str = ROLE,
    relationship: str = REL,
    how_met: str = HOW,
    met_on: str = MET,
    tag: list[str] = TAG,
    cadence: str = CADENCE,
    notes: str = NOTES,
    support: bool = SUPPORT,
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.network.schemas import ContactRecord

    values = _values(
        name, email, phone, organisation, role, relationship, how_met, met_on, tag, cadence, notes, support
    )
    contact = _network(ctx).contacts.add(ContactRecord(where="the command line", **values))
    if as_json:
        print_json(contact)
        return
    typer.echo(f"Added {contact.name} (contact {contact.id}).")


@contacts_app.command("edit", help=messages.CONTACTS_EDIT_HELP)
def contacts_edit(
    ctx: typer.Context,
    contact_id: int = typer.Argument(..., help="The contact's id (as `contacts list` shows it)."),
    name: str = typer.Option(None, "--name", help="Their name."),
    email: list[str] = EMAIL,
    phone: list[str] = PHONE,
    organisation: str = ORG,
    role: str = ROLE,
    relationship: str = REL,
    how_met: str = HOW,
    met_on: str = MET,
    tag: list[str] = TAG,
    cadence: str = CADENCE,
    notes: str = NOTES,
    support: bool = SUPPORT,
    as_json: bool = JSON_OPTION,
) -> None:
    values = _values(
        name, email, phone, organisation, role, relationship, how_met, met_on, tag, cadence, notes, support
    )
    contact = _network(ctx).contacts.edit(contact_id, **values)
    if as_json:
        print_json(contact)
        return
    typer.echo(f"Saved {contact.name}." + (" Marked as someone you can lean on." if contact.support else ""))


@contacts_app.command("show", help=messages.CONTACTS_SHOW_HELP)
def contacts_show(ctx: typer.Context, contact_id: int = typer.Argument(...), as_json: bool = JSON_OPTION) -> None:
    from onward.network import views

    page = views.contact(_network(ctx), contact_id)
    if as_json:
        print_json(page)
        return
    c = page.contact
    typer.echo(_line(c).strip())
    for label, value in (
        ("e-mail", ", ".join(c.emails)),
        ("phone", ", ".join(c.phones)),
        ("relationship", c.relationship),
        ("how met", c.how_met),
        ("tags", ", ".join(c.tags)),
        ("support", "yes" if c.support else ""),
    ):
        if value:
            typer.echo(f"  {label}: {value}")
    for i in page.interactions:
        follow = f"; follow up {i.follow_up_on}{' (done)' if i.follow_up_done else ''}" if i.follow_up_on else ""
        typer.echo(f"  [{i.id}] {i.on} {i.kind}{' · ' + i.outcome if i.outcome else ''}{follow}")


@contacts_app.command("log", help=messages.CONTACTS_LOG_HELP)
def contacts_log(
    ctx: typer.Context,
    contact_id: int = typer.Argument(...),
    kind: str = typer.Option(..., "--kind", help="coffee, call, message, email, meeting or other."),
    on: str = typer.Option(None, "--on", help="When (YYYY-MM-DD; today if left out)."),
    outcome: str = typer.Option("", "--outcome", help="What came of it, e.g. helpful, replied, no reply."),
    notes: str = typer.Option("", "--notes", help="Notes."),
    follow_up: str = typer.Option(None, "--follow-up", help="When to follow up (YYYY-MM-DD)."),
) -> None:
    logged = _network(ctx).interactions.log(
        contact_id,
        kind,
        on=optional_date(on, "date"),
        outcome=outcome,
        notes=notes,
        follow_up_on=optional_date(follow_up, "follow up on"),
    )
    typer.echo(f"Logged the {logged.kind} with {logged.contact_name} on {logged.on} (interaction {logged.id}).")


@contacts_app.command("done", help=messages.CONTACTS_DONE_HELP)
def contacts_done(ctx: typer.Context, interaction_id: int = typer.Argument(...)) -> None:
    done = _network(ctx).interactions.follow_up_done(interaction_id)
    typer.echo(f"Follow-up with {done.contact_name} marked done.")


@contacts_app.command("suggest", help=messages.CONTACTS_SUGGEST_HELP)
def contacts_suggest(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    found = _network(ctx).suggestions()
    if as_json:
        print_json(found)
        return
    for title, group in (
        ("Matching the role you are after", found.matching_role),
        ("Mentors and professors", found.mentors),
        ("Met or worked with this past year", found.met_this_year),
        ("Losing touch", found.losing_touch),
    ):
        if group:
            typer.echo(f"{title}:")
            for s in group:
                typer.echo(f"  {s.name} (contact {s.contact_id}): {s.reason}")


@contacts_app.command("duplicates", help=messages.CONTACTS_DUPLICATES_HELP)
def contacts_duplicates(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    groups = _network(ctx).duplicates.groups()
    if as_json:
        print_json(groups)
        return
    if not groups:
        typer.echo("No duplicates found.")
    for g in groups:
        others = " ".join(str(c.id) for c in g.contacts if c.id != g.keep_id)
        typer.echo(f"{g.merged.name}: {g.reason}; merge with `onward contacts merge {g.keep_id} {others}`")


@contacts_app.command("merge", help=messages.CONTACTS_MERGE_HELP)
def contacts_merge(
    ctx: typer.Context,
    keep: int = typer.Argument(..., help="The contact to keep."),
    others: list[int] = typer.Argument(..., help="The contacts to merge into it."),
    yes: bool = typer.Option(False, "--yes", help="Merge (without it, only the preview is shown)."),
    as_json: bool = JSON_OPTION,
) -> None:
    network = _network(ctx)
    if not yes:
        plan = network.duplicates.preview(keep, others)
        if as_json:
            print_json(plan)
            return
        m = plan.merged
        typer.echo(f"Merging into {m.name} (contact {keep}) would give:")
        typer.echo(f"  e-mail: {', '.join(m.emails) or '—'}; phone: {', '.join(m.phones) or '—'}")
        typer.echo(f"  tags: {', '.join(m.tags) or '—'}")
        typer.echo(f"  {plan.interactions_moving} interactions move over.")
        typer.echo(messages.MERGE_PREVIEW)
        return
    merged = network.duplicates.merge(keep, others)
    if as_json:
        print_json(merged)
        return
    typer.echo(f"Merged into {merged.name} (contact {merged.id}).")


@contacts_app.command("calendar", help=messages.CONTACTS_CALENDAR_HELP)
def contacts_calendar(ctx: typer.Context, file: Path = typer.Argument(..., help="The .ics file to write.")) -> None:
    data = _network(ctx).follow_ups.calendar()
    file.write_bytes(data)
    typer.echo(messages.CALENDAR_WRITTEN.format(count=data.count(b"BEGIN:VEVENT"), path=file))


@contacts_app.command("cadence", help=messages.CONTACTS_CADENCE_HELP)
def contacts_cadence(ctx: typer.Context, tag: str = typer.Argument(...), days: int = typer.Argument(...)) -> None:
    cadences = _network(ctx).contacts.set_tag_cadence(tag, days or None)
    typer.echo("; ".join(f"{t}: every {d} days" for t, d in cadences.items()) or "No tag cadences.")


@outreach_app.command("draft", help=messages.OUTREACH_DRAFT_HELP)
def outreach_draft(
    ctx: typer.Context, contact_id: int = typer.Argument(..., help="The contact's id."), as_json: bool = JSON_OPTION
) -> None:
    draft = _network(ctx).outreach.draft(contact_id)
    if as_json:
        print_json(draft)
        return
    typer.echo(f"To: {draft.name}" + (f" <{draft.email}>" if draft.email else ""))
    typer.echo(f"Subject: {draft.subject}\n")
    typer.echo(draft.body)


@outreach_app.command("sent", help=messages.OUTREACH_SENT_HELP)
def outreach_sent(
    ctx: typer.Context,
    contact_id: int = typer.Argument(...),
    text: str = typer.Option(None, "--text", help="The message as sent (the draft when left out)."),
    no_follow_up: bool = typer.Option(False, "--no-follow-up", help="No follow-up reminder."),
) -> None:
    network = _network(ctx)
    body = text if text is not None else network.outreach.draft(contact_id).body
    logged = network.outreach.mark_sent(contact_id, body, follow_up=not no_follow_up)
    follow = f"; follow up on {logged.follow_up_on}" if logged.follow_up_on else ""
    typer.echo(f"Noted: message to {logged.contact_name} sent on {logged.on}{follow}.")
