"""`onward mail …`: import a mailbox (a file, a folder, IMAP), after-hours figures, and the requests inbox.

Only Typer is imported here; the domain loads inside each command so `onward --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from onward.cli import messages
from onward.cli.common import print_json, services_of

if TYPE_CHECKING:
    from onward.background import Progress, Reporter
    from onward.mail.importer import MailImportResult
    from onward.mail.service import MailService

mail_app = typer.Typer(help=messages.MAIL_HELP, no_args_is_help=True)
JSON_OPTION = typer.Option(False, "--json", help="Print as JSON.")
FORMAT_CHOICES = "mbox|maildir|eml|csv|auto"


def register(app: typer.Typer) -> None:
    app.add_typer(mail_app, name="mail")


def _mail(ctx: typer.Context) -> MailService:
    return services_of(ctx).mail


def _with_bar(work: object) -> MailImportResult:
    """Run an import in the background (onward.background) with a Rich bar on stderr; return its result."""
    from onward.background import BackgroundWork
    from onward.cli.progress import with_progress_bar
    from onward.errors import BadInput

    job: BackgroundWork[MailImportResult] = BackgroundWork("mail-import", work)  # type: ignore[arg-type]

    def describe(progress: Progress) -> str | None:
        if not progress.total:
            return None
        return messages.MAIL_READING_PERCENT.format(percent=min(100, round(100 * progress.done / progress.total)))

    with_progress_bar(job.wait, first=messages.MAIL_READING, describe=describe)
    if job.result is None:
        raise BadInput(job.progress().error or "the import stopped; nothing was kept")
    return job.result


def _report(result: MailImportResult) -> None:
    typer.echo(messages.MAIL_IMPORTED.format(**{k: getattr(result, k) for k in ("imported", "duplicates", "broken")}))
    if result.requests:
        typer.echo(messages.MAIL_REQUESTS_FOUND.format(requests=result.requests))
    if result.problems:
        typer.echo(messages.MAIL_BROKEN_SHOWN.format(shown=len(result.problems)), err=True)
        for problem in result.problems:
            typer.echo(f"  {problem}", err=True)


@mail_app.command("import", help=messages.MAIL_IMPORT_HELP)
def import_mail(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="An mbox file, a Maildir or folder of messages, an .eml file, or a CSV."),
    fmt: str = typer.Option("auto", "--format", help=f"{FORMAT_CHOICES} (auto tells them apart).", metavar="FORMAT"),
    me: list[str] = typer.Option(
        [], "--me", help="One of your own addresses (repeat for more); kept.", metavar="ADDRESS"
    ),
    keep_bodies: bool = typer.Option(False, "--keep-bodies", help="Keep whole message bodies too."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.errors import BadInput
    from onward.mail.sources import FORMATS, read_messages

    if fmt not in FORMATS:
        raise BadInput(f"--format must be one of {FORMAT_CHOICES}, not '{fmt}'")
    mail = _mail(ctx)
    read_messages(path.expanduser(), fmt)  # a missing path is one error line, before the bar starts
    if me:
        mail.me.add_addresses(me)

    def work(reporter: Reporter) -> MailImportResult:
        return mail.imports.import_path(path, fmt, keep_bodies=keep_bodies or None, reporter=reporter)

    result = _with_bar(work)
    if as_json:
        print_json(result)
        return
    _report(result)


@mail_app.command("imap", help=messages.MAIL_IMAP_HELP)
def import_imap(
    ctx: typer.Context,
    host: str = typer.Argument(..., help="The IMAP server, e.g. imap.example.org."),
    user: str = typer.Option(..., "--user", help="Your login on that server."),
    folder: list[str] = typer.Option(["INBOX"], "--folder", help="A folder to read (repeat for more)."),
    port: int = typer.Option(993, "--port", help="The server's port."),
    no_ssl: bool = typer.Option(False, "--no-ssl", help="Connect without TLS (only to a server on this computer)."),
    password_env: str = typer.Option(
        "ONWARD_IMAP_PASSWORD", "--password-env", help="The environment variable holding the password.", metavar="NAME"
    ),
    me: list[str] = typer.Option([], "--me", help="One of your own addresses (repeat for more).", metavar="ADDRESS"),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.mail.imap import ImapAccount

    mail = _mail(ctx)
    account = ImapAccount(host, user, port, not no_ssl)

    def work(reporter: Reporter) -> MailImportResult:
        return mail.import_imap(account, list(folder), password_env=password_env, me=me, reporter=reporter)

    result = _with_bar(work)
    if as_json:
        print_json(result)
        return
    _report(result)


@mail_app.command("hours", help=messages.MAIL_HOURS_HELP)
def hours(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    from onward.mail import views

    page = views.hours(_mail(ctx))
    summary = page.summary
    if as_json:
        print_json(summary)
        return
    if not summary.sent_total:
        typer.echo(messages.MAIL_NO_SENT)
        return
    working = page.working
    typer.echo(f"Working hours: {working.start}–{working.end}, {', '.join(working.days)} ({working.zone}).")
    typer.echo(f"{summary.after_hours_total} of {summary.sent_total} sent messages went outside them.")
    typer.echo(page.trend_words)
    typer.echo("\nWeek        sent  after hours")
    for week in summary.weeks[-12:]:
        typer.echo(f"{week.start}  {week.sent:5}  {week.after_hours:5}")
    if page.replies:
        typer.echo("\nReplies within: " + ", ".join(f"{name} {count}" for name, count in page.response_times))


@mail_app.command("requests", help=messages.MAIL_REQUESTS_HELP)
def requests(
    ctx: typer.Context,
    state: str = typer.Option("proposed", "--state", help="proposed, accepted, dismissed, done, or all."),
    as_json: bool = JSON_OPTION,
) -> None:
    from onward.mail import views

    page = views.requests(_mail(ctx), state)
    if as_json:
        print_json(
            [
                {
                    "message_id": item.message_id,
                    "from": item.sender_address,
                    "subject": item.subject,
                    "date": item.date,
                    "request": item.request,
                    "due": item.due,
                }
                for item in page.requests
            ]
        )
        return
    if not page.requests:
        typer.echo(messages.MAIL_NO_REQUESTS)
        return
    for item in page.requests:
        due = f"  due {item.due:%a %d %b}" if item.due else ""
        typer.echo(
            f"{item.message_id}\n  {item.sender}: {item.request}{due}\n  ({item.subject}, {item.date:%Y-%m-%d %H:%M})"
        )


MESSAGE_ARGUMENT = typer.Argument(..., help="The request's Message-ID (as `onward mail requests` prints it).")


@mail_app.command("accept", help=messages.MAIL_ACCEPT_HELP)
def accept(ctx: typer.Context, message_id: str = MESSAGE_ARGUMENT) -> None:
    done = _mail(ctx).requests.accept(message_id)
    typer.echo(messages.MAIL_ACCEPTED.format(task_id=done.task_id, title=done.request))


@mail_app.command("dismiss", help=messages.MAIL_DISMISS_HELP)
def dismiss(ctx: typer.Context, message_id: str = MESSAGE_ARGUMENT) -> None:
    typer.echo(messages.MAIL_SET_ASIDE.format(request=_mail(ctx).requests.dismiss(message_id).request))


@mail_app.command("done", help=messages.MAIL_DONE_HELP)
def mark_done(ctx: typer.Context, message_id: str = MESSAGE_ARGUMENT) -> None:
    typer.echo(messages.MAIL_MARKED_DONE.format(request=_mail(ctx).requests.mark_done(message_id).request))


@mail_app.command("me", help=messages.MAIL_ME_HELP)
def me(
    ctx: typer.Context,
    set_: list[str] = typer.Option(
        [], "--set", help="Your addresses (repeat, or separate by commas).", metavar="ADDRESS"
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    mail = _mail(ctx)
    if set_:
        mail.me.set_addresses(set_)
    stated = mail.me.stated()
    addresses = stated or sorted(mail.me.addresses())
    if as_json:
        print_json({"addresses": addresses, "guessed": not stated and bool(addresses)})
        return
    if not addresses:
        typer.echo(messages.MAIL_ME_NONE)
        return
    typer.echo(", ".join(addresses) + ("" if stated else "  (a guess: the most frequent sender of your sent folders)"))
