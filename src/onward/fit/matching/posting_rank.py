"""Ranking postings against what the person loves, could do without, and the environment they want.

Two stages. First every posting gets a quick score from one matrix product: the person's texts against each
posting's mean duty vector (and BM25 over its title and duties). Then the best few hundred are scored line by
line (each loved text against each duty), which gives the evidence pairs and the explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from onward.fit.matching.bm25 import Bm25Index
from onward.fit.matching.embedding import Vectors
from onward.fit.matching.index import AVOID_THRESHOLDS, AVOID_WEIGHT, EMBEDDING_WEIGHT, Evidence
from onward.fit.matching.postings import MANY_HATS

Scores = npt.NDArray[np.float64]
CANDIDATES = 300  # postings scored line by line after the quick pass
MANY_HATS_PENALTY = 0.1  # when the person wants focus
VARIETY_BONUS = 0.02  # per extra kind of work (up to three) when the person wants variety
# Similarities read as "much like" and "somewhat like" (BM25 similarities run lower than cosine ones).
READINGS = {"hybrid": (0.55, 0.4), "bm25": (0.45, 0.3)}


@dataclass(frozen=True)
class PostingRow:
    """What stage two needs of one stored posting."""

    id: int
    title: str
    company: str
    location: str
    url: str
    work_mode: str | None
    salary: str
    posted: dt.date | None
    duties: list[str]
    kinds_of_work: list[str]
    line_vectors: Vectors | None  # one row per duty (hybrid)


@dataclass(frozen=True)
class PostingRank:
    id: int
    title: str
    company: str
    location: str
    url: str
    work_mode: str | None
    salary: str
    posted: dt.date | None
    score: float
    evidence: list[Evidence]
    avoid_evidence: list[Evidence] = field(default_factory=list)
    kinds_of_work: list[str] = field(default_factory=list)
    many_hats: bool = False
    explanation: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PostingRanking:
    """Ranked postings (`total` were considered) and how they were compared (`method`)."""

    method: str
    method_label: str
    preparing: bool
    total: int
    results: list[PostingRank]


class PostingCorpus:
    """Every posting of a workspace in memory for the quick pass: ids, BM25 over title and duties, mean vectors."""

    def __init__(self, ids: Sequence[int], documents: Sequence[str], vectors: Vectors | None) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.bm25 = Bm25Index(documents) if len(documents) else None
        self.vectors = vectors

    def __len__(self) -> int:
        return len(self.ids)

    def quick_scores(
        self,
        texts: Sequence[str],
        weights: Sequence[float],
        avoid: Sequence[str],
        *,
        text_vectors: Vectors | None = None,
        avoid_vectors: Vectors | None = None,
    ) -> Scores:
        """Return one score per posting: weighted similarity to the texts, less resemblance to `avoid`."""
        if not len(self) or not texts:
            return np.zeros(len(self))

        def similarity(queries: Sequence[str], vectors: Vectors | None) -> npt.NDArray[np.float32]:
            words = self.bm25.similarity(queries) if self.bm25 is not None else np.zeros((len(queries), len(self)))
            if vectors is None or self.vectors is None:
                return np.asarray(words, dtype=np.float32)
            meaning = np.clip(vectors @ self.vectors.T, 0.0, 1.0)
            return np.asarray(EMBEDDING_WEIGHT * meaning + (1 - EMBEDDING_WEIGHT) * words, dtype=np.float32)

        w = np.asarray(weights, dtype=np.float64)
        scores: Scores = (w @ similarity(texts, text_vectors)) / max(w.sum(), 1e-9)
        if avoid:
            worst = similarity(avoid, avoid_vectors).max(axis=0)
            threshold = AVOID_THRESHOLDS["hybrid" if avoid_vectors is not None else "bm25"]
            scores = scores - AVOID_WEIGHT * np.maximum(worst - threshold, 0.0)
        return scores

    def candidates(self, scores: Scores, count: int = CANDIDATES) -> list[int]:
        """Return the ids of the `count` best-scored postings, best first."""
        best = np.argpartition(-scores, count - 1)[:count] if len(scores) > count else np.arange(len(scores))
        best = best[np.argsort(-scores[best], kind="stable")]
        return [int(i) for i in self.ids[best]]


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def explain(
    row: PostingRow,
    evidence: list[Evidence],
    avoid_evidence: list[Evidence],
    *,
    method: str,
    wants_focus: bool | None,
) -> tuple[list[str], bool, float]:
    """Return the sentences that explain a posting's place, whether it reads as many hats, and the environment term."""
    lines: list[str] = []
    strong, some = READINGS.get(method, READINGS["hybrid"])
    if evidence and evidence[0].similarity >= strong:
        lines.append(f"Much like what you love: {_quote(evidence[0].theirs)} (you: {_quote(evidence[0].yours)}).")
    elif evidence and evidence[0].similarity >= some:
        lines.append(f"Somewhat like what you love: {_quote(evidence[0].theirs)} (you: {_quote(evidence[0].yours)}).")
    else:
        lines.append("Little in it looks like the tasks you love.")
    for pair in avoid_evidence[:1]:
        lines.append(
            f"It also asks for something you could do without: {_quote(pair.theirs)} (like your {_quote(pair.yours)})."
        )
    kinds = row.kinds_of_work
    many_hats = len(kinds) >= MANY_HATS.get(method, 4)
    environment = 0.0
    listed = ", ".join(kinds[:5]) + (", …" if len(kinds) > 5 else "")
    if many_hats:
        sentence = f"Its duties span {len(kinds)} kinds of work ({listed}): it reads as “wear many hats”"
        if wants_focus:
            environment = -MANY_HATS_PENALTY
            lines.append(sentence + ", and you would rather focus on one or two main tasks.")
        elif wants_focus is False:
            environment = VARIETY_BONUS * min(len(kinds) - 1, 3)
            lines.append(sentence + ", and you enjoy variety.")
        else:
            lines.append(sentence + ".")
    elif wants_focus and len(kinds) == 1:
        lines.append("Its duties hang together around one kind of work, as you prefer.")
    elif wants_focus is False and len(kinds) >= 2:
        environment = VARIETY_BONUS * min(len(kinds) - 1, 3)
        lines.append(f"Some variety, as you like: {len(kinds)} kinds of work ({listed}).")
    return lines, many_hats, environment


def rank_rows(
    rows: list[PostingRow],
    texts: Sequence[str],
    weights: Sequence[float],
    avoid: Sequence[str],
    *,
    method: str,
    wants_focus: bool | None,
    text_vectors: Vectors | None = None,
    avoid_vectors: Vectors | None = None,
) -> list[PostingRank]:
    """Return the rows scored line by line, best first, each with evidence pairs and an explanation."""
    lines = [line for row in rows for line in row.duties]
    all_queries = [*texts, *avoid]
    # Line by line, the hybrid compares meaning only: BM25 over a few hundred lines has unsteady word weights
    # ("reports" in "direct reports" would read like "grant reports").
    use_meaning = method == "hybrid" and text_vectors is not None
    words = Bm25Index(lines) if lines and not use_meaning else None
    word_similarity = words.similarity(all_queries) if words is not None else None
    queries = None
    if use_meaning and text_vectors is not None:
        queries = np.vstack([text_vectors, avoid_vectors]) if avoid_vectors is not None else text_vectors
    w = np.asarray(weights, dtype=np.float64)
    threshold = AVOID_THRESHOLDS["hybrid" if queries is not None else "bm25"]
    ranked: list[PostingRank] = []
    start = 0
    for row in rows:
        count = len(row.duties)
        if queries is not None and row.line_vectors is not None:
            similarity = np.clip(queries @ row.line_vectors.T, 0.0, 1.0)
        elif word_similarity is not None:
            similarity = word_similarity[:, start : start + count]
        else:
            similarity = np.zeros((len(all_queries), count))
        start += count
        if count == 0:
            similarity = np.zeros((len(all_queries), 1))
        best_line = similarity.argmax(axis=1)
        best = similarity.max(axis=1)
        love = float(w @ best[: len(texts)] / max(w.sum(), 1e-9)) if len(texts) else 0.0
        # A line closer to something loved than to the thing to avoid is not held against the posting.
        loved_per_line = similarity[: len(texts)].max(axis=0) if len(texts) else np.zeros(similarity.shape[1])
        evidence = sorted(
            (
                Evidence(text, row.duties[int(best_line[i])], round(float(best[i]), 3))
                for i, text in enumerate(texts)
                if count
            ),
            key=lambda e: -e.similarity,
        )
        avoid_evidence = []
        for i, text in enumerate(avoid):
            against = similarity[len(texts) + i] * (similarity[len(texts) + i] > loved_per_line)
            line = int(np.argmax(against))
            if count and against[line] > threshold:
                avoid_evidence.append(Evidence(text, row.duties[line], round(float(against[line]), 3)))
        avoid_evidence.sort(key=lambda e: -e.similarity)
        penalty = AVOID_WEIGHT * max((e.similarity - threshold for e in avoid_evidence), default=0.0)
        explanation, many_hats, environment = explain(
            row, evidence, avoid_evidence, method=method, wants_focus=wants_focus
        )
        ranked.append(
            PostingRank(
                id=row.id,
                title=row.title,
                company=row.company,
                location=row.location,
                url=row.url,
                work_mode=row.work_mode,
                salary=row.salary,
                posted=row.posted,
                score=round(love - penalty + environment, 3),
                evidence=evidence[:3],
                avoid_evidence=avoid_evidence[:3],
                kinds_of_work=row.kinds_of_work,
                many_hats=many_hats,
                explanation=explanation,
            )
        )
    ranked.sort(key=lambda r: (-r.score, r.id))
    return ranked
