"""Feedback's line in the first page's Today list: the next 1:1 when it is today or has been missed."""

from __future__ import annotations

from typing import Protocol

from onward.feedback.service import FeedbackService
from onward.today import TodayItem


class HasFeedback(Protocol):
    @property
    def feedback(self) -> FeedbackService: ...


def items(services: HasFeedback) -> list[TodayItem]:
    today = services.feedback.workspace.today
    next_on = services.feedback.meetings.next_meeting()
    if next_on is None or next_on > today:
        return []
    if next_on == today:
        return [TodayItem("feedback", "Your 1:1", "today", "/feedback/meetings")]
    # Calm, not an alarm: a meeting that slipped is common; log it when it happens.
    return [TodayItem("feedback", "Your next 1:1", f"was planned for {next_on:%d %B}", "/feedback/meetings")]
