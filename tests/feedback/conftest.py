from __future__ import annotations

from onward.feedback.schemas import InviteLink


def token_of(link: InviteLink) -> str:
    return link.url.rsplit("/", 1)[1]
