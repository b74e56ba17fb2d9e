"""Mail's line in the first page's Today list: requests due today or overdue, as one calm line with a count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from onward.today import TodayItem

if TYPE_CHECKING:
    from onward.mail.service import MailService


class HasMail(Protocol):
    @property
    def mail(self) -> MailService: ...


def items(services: HasMail) -> list[TodayItem]:
    today = services.mail.workspace.today
    due = [item for item in services.mail.requests.inbox() if item.due is not None and item.due <= today]
    if not due:
        return []
    overdue = any(item.due is not None and item.due < today for item in due)
    if len(due) == 1:
        return [
            TodayItem("mail", due[0].request[:80], f"asked by {due[0].sender}", f"/mail/messages/{due[0].id}", overdue)
        ]
    return [
        TodayItem(
            "mail", f"{len(due)} requests from your mail are due", "when you are ready", "/mail/requests", overdue
        )
    ]
