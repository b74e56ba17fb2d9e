"""Results: per rating question the spread and mean beside the person's own rating; per open question every
sentence shuffled and the themes that recur. Nothing is shown until the request's minimum number of answers.

One of the parts `FeedbackService` (service.py) is made of.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from onward.errors import NotFound
from onward.feedback.models import FeedbackInvite, FeedbackRequest, FeedbackResponse
from onward.feedback.requests import status_of
from onward.feedback.schemas import OpenResult, RatingResult, Results, question_of
from onward.feedback.sentences import shuffle_sentences, split_sentences
from onward.feedback.themes import Theme, recurring_themes

CACHED = 32  # open questions' sentences and themes kept

if TYPE_CHECKING:
    from onward.workspace import Workspace


def rating_result(asked: dict[str, Any], values: list[int], self_rating: int | None) -> RatingResult:
    distribution = [values.count(score) for score in range(1, 6)]
    mean = round(sum(values) / len(values), 2) if values else None
    difference = round(mean - self_rating, 2) if mean is not None and self_rating is not None else None
    return RatingResult(
        asked["text"], list(asked.get("labels") or []), distribution, len(values), mean, self_rating, difference
    )


class FeedbackResults:
    """The results of the requests of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        # Splitting and grouping hundreds of answers is the costly part; the answers rarely change between
        # visits, so the last few computations are kept, keyed by the answers' text itself.
        self._computed: OrderedDict[str, tuple[list[str], list[Theme]]] = OrderedDict()

    def _sentences_and_themes(self, texts: list[str], seed: str) -> tuple[list[str], list[Theme]]:
        key = hashlib.sha256(json.dumps([seed, texts]).encode()).hexdigest()
        if key in self._computed:
            self._computed.move_to_end(key)
            return self._computed[key]
        split = [split_sentences(text) for text in texts]  # once, for both uses
        found = shuffle_sentences([s for parts in split for s in parts], seed), recurring_themes(texts, split=split)
        self._computed[key] = found
        if len(self._computed) > CACHED:
            self._computed.popitem(last=False)
        return found

    def results(self, request_id: int) -> Results:
        with self.workspace.session() as session:
            request = session.get(FeedbackRequest, request_id)
            if request is None:
                raise NotFound(f"there is no feedback request {request_id}")
            # Sorted by content, never by id or time: neither may show through.
            rows = sorted(
                session.execute(
                    select(FeedbackResponse.answers, FeedbackResponse.respondent).where(
                        FeedbackResponse.request_id == request.id
                    )
                ).all(),
                key=lambda row: repr(row[0]),
            )
            invited = len(
                session.scalars(select(FeedbackInvite.id).where(FeedbackInvite.request_id == request.id)).all()
            )
            shown = len(rows) >= request.min_answers
            ratings: list[RatingResult] = []
            open_results: list[OpenResult] = []
            if shown:
                for index, asked in enumerate(request.questions):
                    given = [
                        (row[0][index], row[1]) for row in rows if index < len(row[0]) and row[0][index] is not None
                    ]
                    if asked["kind"] == "rating":
                        own = request.self_ratings[index] if index < len(request.self_ratings) else None
                        ratings.append(rating_result(asked, [v for v, _ in given if isinstance(v, int)], own))
                    else:
                        texts = [str(v) for v, _ in given]
                        seed = f"{request.id}:{index}:{len(rows)}"
                        named = [] if request.anonymous else sorted((who, str(v)) for v, who in given)
                        sentences, themes = self._sentences_and_themes(texts, seed)
                        open_results.append(OpenResult(asked["text"], sentences, themes, named))
            return Results(
                request_id=request.id,
                title=request.title,
                anonymous=request.anonymous,
                answers=len(rows),
                invited=invited,
                min_answers=request.min_answers,
                shown=shown,
                status=status_of(request, self.workspace.today),
                ratings=ratings,
                open=open_results,
                questions=[question_of(q) for q in request.questions],
                self_ratings=list(request.self_ratings),
            )
