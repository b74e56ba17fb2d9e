"""Questionnaires taken (CBI, WHO-5), scored by their published rules. One of the parts of `WellbeingService`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from onward.errors import BadInput, NotFound
from onward.wellbeing import instruments
from onward.wellbeing.models import InstrumentResponse
from onward.wellbeing.schemas import ResponseView

if TYPE_CHECKING:
    from onward.workspace import Workspace

SUGGESTED_EVERY_DAYS = (14, 28)  # every two to four weeks


class Questionnaires:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def take(self, instrument: str, answers: Sequence[int | None], *, taken_on: dt.date | None = None) -> ResponseView:
        """Score and keep one questionnaire (answers in the published order, None for a skipped item)."""
        day = taken_on or self.workspace.today
        if day > self.workspace.today:
            raise BadInput(f"date: {day} is in the future")
        given = instruments.check_answers(instrument, answers)
        if all(answer is None for answer in given):
            raise BadInput("no question was answered; nothing to keep")
        scores = instruments.score(instrument, given)
        with self.workspace.session() as session:
            row = InstrumentResponse(instrument=instrument, taken_on=day, items=given, scores=scores)
            session.add(row)
            session.flush()
            return ResponseView(row.id, instrument, day, list(given), dict(scores))

    def get(self, response_id: int) -> ResponseView:
        with self.workspace.session() as session:
            row = session.get(InstrumentResponse, response_id)
            if row is None:
                raise NotFound(f"there is no questionnaire {response_id}")
            return ResponseView(row.id, row.instrument, row.taken_on, list(row.items), dict(row.scores))

    def history(self, instrument: str | None = None) -> list[ResponseView]:
        """Return the questionnaires taken, oldest first (one kind, or both)."""
        query = select(
            InstrumentResponse.id,
            InstrumentResponse.instrument,
            InstrumentResponse.taken_on,
            InstrumentResponse.items,
            InstrumentResponse.scores,
        ).order_by(InstrumentResponse.taken_on, InstrumentResponse.id)
        if instrument is not None:
            instruments.items_of(instrument)
            query = query.where(InstrumentResponse.instrument == instrument)
        with self.workspace.session() as session:
            return [
                ResponseView(i, kind, day, list(items), dict(scores))
                for i, kind, day, items, scores in session.execute(query)
            ]

    def previous(self, response: ResponseView) -> ResponseView | None:
        """Return the same questionnaire taken just before this one, if any."""
        earlier = [
            r for r in self.history(response.instrument) if (r.taken_on, r.id) < (response.taken_on, response.id)
        ]
        return earlier[-1] if earlier else None
