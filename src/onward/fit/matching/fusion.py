"""Putting views of one query together: its lines, the best lines' mean, and reciprocal-rank fusion.

A query is the person's texts (or a pasted posting): each text is split into lines, and each line is
compared with every occupation. A long text is mostly lines that say nothing about the work (benefits,
equal-opportunity statements, pay), and those lines score every occupation about alike; so an occupation is
judged by the mean of its few best lines, not by all of them (measured on bench/fit_matching.py's tuning
half: weighting lines by how duty-like they read, by a verb list or by their closeness to any O*NET task, did
no better than this).

Views scored on different scales (BM25 over whole occupations, cosine over single statements) are fused by
rank, not by score: each contributes 1 / (k + rank) (Cormack et al., 2009), so no view needs calibrating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from onward.fit.matching.textsplit import split_lines

Scores = npt.NDArray[np.float64]
BEST_LINES = 5  # an occupation is judged by the mean of its five best lines
RRF_K = 60  # reciprocal-rank fusion's constant: ranks 1 and 10 weigh 1/61 and 1/70


@dataclass(frozen=True)
class QueryLines:
    """A query's lines: the text each came from (its index in the query), and the weight it carries."""

    lines: list[str]
    source: list[int]  # index of the text each line comes from
    weights: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.lines)


def query_lines(texts: Sequence[str], weights: Sequence[float]) -> QueryLines:
    """Return the lines of every text (a text too short to split stands as one line), weighted by its text."""
    lines: list[str] = []
    source: list[int] = []
    line_weights: list[float] = []
    for number, (text, weight) in enumerate(zip(texts, weights, strict=True)):
        found = split_lines(text)
        # One sentence stays as the person wrote it (the reasons shown quote it back to them).
        if len(found) <= 1 and text.strip():
            found = [" ".join(text.split())]
        for line in found:
            lines.append(line)
            source.append(number)
            line_weights.append(weight)
    return QueryLines(lines, source, np.asarray(line_weights, dtype=np.float64))


def best_lines_mean(
    profile: npt.NDArray[np.floating], weights: npt.NDArray[np.float64], best: int = BEST_LINES
) -> Scores:
    """Return, per occupation (column), the mean of its `best` highest weighted line scores (rows)."""
    if profile.shape[0] == 0:
        return np.zeros(profile.shape[1])
    weighted = weights[:, None] * profile.astype(np.float64)
    count = min(best, weighted.shape[0])
    top = -np.partition(-weighted, count - 1, axis=0)[:count]
    return np.asarray(top.mean(axis=0), dtype=np.float64)


def ranks(scores: Scores) -> npt.NDArray[np.int64]:
    """Return each item's rank (0 = best; ties keep their order)."""
    order = np.argsort(-scores, kind="stable")
    rank = np.empty(len(scores), dtype=np.int64)
    rank[order] = np.arange(len(scores))
    return rank


def reciprocal_rank_fusion(views: Sequence[Scores], k: int = RRF_K, weights: Sequence[float] | None = None) -> Scores:
    """Return the fused score of each item, scaled so that first place in every view scores 1.

    `weights` (one per view, 1 each unless given) let a view that only sharpens the others count for less.
    """
    if not views:
        raise ValueError("nothing to fuse")
    weights = [1.0] * len(views) if weights is None else list(weights)
    if len(weights) != len(views):
        raise ValueError("one weight per view")
    fused = sum(
        (weight / (k + 1 + ranks(view)) for view, weight in zip(views, weights, strict=True)), np.zeros(len(views[0]))
    )
    return np.asarray(fused * (k + 1) / sum(weights), dtype=np.float64)
