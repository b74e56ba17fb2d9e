"""Matching the tasks a person loves against O*NET occupations' task statements: BM25, embeddings, or both.

Every text is compared with every task statement. A similarity is in 0…1: BM25 scores are saturated
(1 − e^(−score/10)), embeddings give cosine similarities, and the hybrid weighs them 0.6 embeddings + 0.4 BM25
(tuned on bench/fit_matching.py; see there for what else was tried). An occupation's score for one text is
the mean of its two best tasks' similarities; its score for the person is the weighted mean over their texts
(loved 1.0, liked 0.6), less a penalty when one of its core tasks resembles something they could do without.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from onward.fit.matching.bm25 import Bm25Index
from onward.fit.matching.embedding import Embedder, Vectors, ml_available, model_key
from onward.fit.matching.occupations import Catalog, load_catalog
from onward.fit.matching.query import FitQuery
from onward.fit.matching.task_vectors import Preparation, TaskVectors

Matrix = npt.NDArray[np.float32]
METHODS = ("hybrid", "bm25", "embeddings")
METHOD_LABELS = {
    "hybrid": "words and meaning (BM25 + sentence embeddings)",
    "bm25": "shared words only (BM25)",
    "embeddings": "meaning only (sentence embeddings)",
}
EMBEDDING_WEIGHT = 0.6  # hybrid: share of the embedding similarity (the rest is BM25)
LIKED_WEIGHT = 0.6  # a liked task pulls less than a loved one
# Below this a "could do without" task is merely unrelated, not a reason to demote. BM25 similarities run lower
# than cosine ones (common words such as "teach" weigh little), so BM25 alone has its own threshold.
AVOID_THRESHOLDS = {"hybrid": 0.4, "embeddings": 0.4, "bm25": 0.25}
AVOID_WEIGHT = 1.0
EVIDENCE_PER_MATCH = 3


@dataclass(frozen=True)
class Evidence:
    """One pair that drove a match: the person's text and the occupation's task (or posting line)."""

    yours: str
    theirs: str
    similarity: float


@dataclass(frozen=True)
class RelatedOccupation:
    code: str
    title: str


@dataclass(frozen=True)
class OccupationMatch:
    code: str
    title: str
    score: float
    description: str
    job_zone: int | None
    job_zone_name: str
    evidence: list[Evidence]
    avoid: list[Evidence] = field(default_factory=list)  # their tasks that look like what you could do without
    related: list[RelatedOccupation] = field(default_factory=list)


@dataclass(frozen=True)
class OccupationMatches:
    """Ranked occupations and how they were found (`method`: hybrid, bm25 or embeddings)."""

    method: str
    method_label: str
    preparing: bool  # matching by meaning is getting ready in the background; these results use BM25 meanwhile
    results: list[OccupationMatch]


class TaskIndex:
    """BM25 over the O*NET task statements (and description sentences), and their sentence embeddings.

    The embeddings are the same on every workspace of a machine: they are kept in the machine's cache folder,
    keyed by the data's version, the texts and the model (see task_vectors.py), and prepared in the background
    the first time matching by meaning is asked for.
    """

    def __init__(self, catalog: Catalog, cache_dir: Path | None, *, use_embeddings: bool) -> None:
        self.catalog = catalog
        self.cache_dir = cache_dir
        statements = catalog.statements()
        self.texts = [statement.text for statement in statements]
        codes = [statement.code for statement in statements]
        starts = [i for i, code in enumerate(codes) if i == 0 or codes[i - 1] != code]
        self.starts = np.asarray(starts, dtype=np.int64)
        self.occupation_codes = [codes[i] for i in starts]
        self.ends = np.append(self.starts[1:], len(codes))
        self.segment = np.repeat(np.arange(len(starts)), self.ends - self.starts)  # statement → occupation
        self.texts_digest = hashlib.sha256("\n".join(self.texts).encode("utf-8")).hexdigest()[:12]
        self.core = np.asarray([statement.core for statement in statements], dtype=bool)
        self.bm25 = _statement_bm25(self.texts_digest, self.texts)
        self.uses_embeddings = use_embeddings and ml_available()
        self.embeddings = TaskVectors(self.texts, self.cache_file()) if self.uses_embeddings else None

    # ---- embeddings of the tasks: read from the machine's cache file, or computed once in the background ----

    def cache_file(self) -> Path | None:
        """Return the machine's cache file of these texts' embeddings (None without embeddings or cache folder)."""
        if self.cache_dir is None or not self.uses_embeddings:
            return None
        return self.cache_dir / f"onet-{self.catalog.version}-{self.texts_digest}-{model_key()}.npy"

    @property
    def embedder(self) -> Embedder | None:
        """The sentence model once matching by meaning is ready in this process (None before, and in BM25 mode)."""
        return self.embeddings.embedder if self.embeddings is not None else None

    def is_ready(self) -> bool:
        """Return True when matching by meaning is ready in this process (model loaded, embeddings in memory)."""
        return self.embeddings is not None and self.embeddings.vectors is not None

    def embeddings_cached(self) -> bool:
        """Return True when this machine's cache holds the embeddings (preparing is then only loading the model)."""
        return self.embeddings is not None and self.embeddings.cached()

    def failed(self) -> bool:
        """Return True when preparing the embeddings failed (matching then stays with BM25 alone)."""
        return self.embeddings is not None and self.embeddings.progress().state == "failed"

    def preparation(self) -> Preparation | None:
        """Return how far the embeddings are (None in BM25-only mode)."""
        return self.embeddings.progress() if self.embeddings is not None else None

    def task_vectors(
        self, *, wait: bool = True, on_progress: Callable[[Preparation], None] | None = None
    ) -> Vectors | None:
        """Return the tasks' embeddings; without `wait`, None while they are prepared in the background.

        None as well in BM25-only mode, and when preparing them failed.
        """
        if self.embeddings is None:
            return None
        if wait:
            return self.embeddings.wait(on_progress)
        self.embeddings.start()
        return self.embeddings.vectors

    # ---- similarities ----

    def bm25_similarity(self, texts: Sequence[str]) -> Matrix:
        """Return text × statement BM25 similarities in 0…1."""
        return self.bm25.similarity(texts)

    def similarity(self, texts: Sequence[str], method: str, vectors: Vectors | None = None) -> Matrix:
        """Return text × task similarities (0…1) by `method`; `vectors` are the texts' embeddings if known."""
        if method == "bm25" or not texts:
            return self.bm25_similarity(texts)
        task_vectors = self.task_vectors()
        assert task_vectors is not None and self.embedder is not None
        if vectors is None:
            vectors = self.embedder.encode(texts)
        cosine = np.clip(vectors @ task_vectors.T, 0.0, 1.0)
        if method == "embeddings":
            return np.asarray(cosine, dtype=np.float32)
        combined = EMBEDDING_WEIGHT * cosine + (1.0 - EMBEDDING_WEIGHT) * self.bm25_similarity(texts)
        return np.asarray(combined, dtype=np.float32)

    def best_per_occupation(self, similarity: Matrix) -> Matrix:
        """Return text × occupation: each occupation's best task similarity for each text."""
        if similarity.shape[0] == 0:
            return np.zeros((0, len(self.starts)), dtype=np.float32)
        return np.maximum.reduceat(similarity, self.starts, axis=1)

    def occupation_profile(self, similarity: Matrix) -> Matrix:
        """Return text × occupation: the mean of each occupation's two best task similarities for each text.

        Two tasks rather than one: an occupation that matches a text twice is more likely the right one than
        one with a single lucky sentence (top-1 on the bench: 0.28 with one task, 0.32 with two).
        """
        best = self.best_per_occupation(similarity)
        if similarity.shape[0] == 0:
            return best
        is_best = similarity == best[:, self.segment]
        ties = np.add.reduceat(is_best, self.starts, axis=1) > 1
        second = np.maximum.reduceat(np.where(is_best, -1.0, similarity), self.starts, axis=1)
        second = np.where(ties | (second < 0), best, second)
        return np.asarray((best + second) / 2, dtype=np.float32)

    def best_task(self, similarity_row: Matrix, occupation: int, *, core_only: bool = False) -> int:
        """Return the index of the occupation's task most similar to one text."""
        start, end = int(self.starts[occupation]), int(self.ends[occupation])
        values = similarity_row[start:end].copy()
        if core_only:
            values[~self.core[start:end]] = -1.0
        return start + int(np.argmax(values))

    def occupation_scores(
        self,
        similarity: Matrix,
        weights: Sequence[float],
        avoid_similarity: Matrix | None = None,
        *,
        avoid_threshold: float = AVOID_THRESHOLDS["hybrid"],
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Return (score, penalty) per occupation: weighted mean of best-task similarities, less the avoid penalty."""
        best = self.occupation_profile(similarity).astype(np.float64)
        w = np.asarray(weights, dtype=np.float64)
        score = (w[:, None] * best).sum(axis=0) / max(w.sum(), 1e-9)
        penalty = np.zeros(len(self.starts))
        if avoid_similarity is not None and avoid_similarity.shape[0]:
            # A core task counts against an occupation only when it is closer to something the person could
            # do without than to anything they love.
            loved = similarity.max(axis=0) if similarity.shape[0] else np.zeros(similarity.shape[1])
            against = np.where(self.core[None, :] & (avoid_similarity > loved[None, :]), avoid_similarity, 0.0)
            worst = self.best_per_occupation(against.astype(np.float32)).max(axis=0).astype(np.float64)
            penalty = AVOID_WEIGHT * np.maximum(worst - avoid_threshold, 0.0)
        return score - penalty, penalty


# One index per (cache folder, embeddings on or off) per process, sharing one BM25 index of the statements
# (building it takes about a second); the model and the task vectors are shared by every workspace.
_INDEXES: dict[tuple[str, bool], TaskIndex] = {}
_INDEXES_LOCK = threading.Lock()
_BM25: dict[str, Bm25Index] = {}
_BM25_LOCK = threading.Lock()


def _statement_bm25(digest: str, texts: list[str]) -> Bm25Index:
    """Return the BM25 index of these statements (`digest` names them), built once per process."""
    with _BM25_LOCK:
        if digest not in _BM25:
            _BM25[digest] = Bm25Index(texts)
        return _BM25[digest]


def task_index(cache_dir: Path | None, *, use_embeddings: bool) -> TaskIndex:
    """Return the process's task index for this cache folder (embeddings only when asked and installed).

    Building it never loads the model: that happens in the background when matching by meaning is first needed.
    """
    key = (str(cache_dir), use_embeddings)
    with _INDEXES_LOCK:
        if key not in _INDEXES:
            _INDEXES[key] = TaskIndex(load_catalog(), cache_dir, use_embeddings=use_embeddings)
        return _INDEXES[key]


def build_in_background(cache_dir: Path | None, *, use_embeddings: bool) -> threading.Thread:
    """Build the task index (BM25 over every statement; not the model) in a background thread, so the first
    page that matches finds it ready."""
    worker = threading.Thread(
        target=task_index, args=(cache_dir,), kwargs={"use_embeddings": use_embeddings}, name="onet-bm25", daemon=True
    )
    worker.start()
    return worker


def query_texts(query: FitQuery) -> tuple[list[str], list[float]]:
    """Return the texts that pull matches up, and their weights (loved 1.0, liked 0.6)."""
    texts = [*query.loved, *query.liked]
    weights = [1.0] * len(query.loved) + [LIKED_WEIGHT] * len(query.liked)
    return texts, weights


def match_occupations(index: TaskIndex, query: FitQuery, *, top: int = 10, wait: bool = True) -> OccupationMatches:
    """Return the `top` occupations whose tasks look most like the query's, each with the pairs that drove it."""
    method = "bm25"
    preparing = False
    if index.uses_embeddings:
        if index.task_vectors(wait=wait) is not None:
            method = "hybrid"
        else:
            preparing = not index.failed()
    texts, weights = query_texts(query)
    if not texts:
        return OccupationMatches(method, METHOD_LABELS[method], preparing, [])
    similarity = index.similarity(texts, method)
    avoid = list(query.avoid)
    avoid_similarity = index.similarity(avoid, method) if avoid else None
    threshold = AVOID_THRESHOLDS[method]
    scores, penalties = index.occupation_scores(similarity, weights, avoid_similarity, avoid_threshold=threshold)
    order = np.argsort(-scores, kind="stable")[: max(top, 0)]
    catalog = index.catalog
    results = []
    for occupation in order:
        occupation = int(occupation)
        code = index.occupation_codes[occupation]
        info = catalog.occupation(code)
        evidence = []
        for row, text in enumerate(texts):
            task = index.best_task(similarity[row], occupation)
            evidence.append(Evidence(text, index.texts[task], round(float(similarity[row, task]), 3)))
        evidence.sort(key=lambda e: -e.similarity)
        avoid_evidence = []
        if avoid_similarity is not None and penalties[occupation] > 0:
            loved = similarity.max(axis=0)
            for row, text in enumerate(avoid):
                against = np.where(avoid_similarity[row] > loved, avoid_similarity[row], 0.0).astype(np.float32)
                task = index.best_task(against, occupation, core_only=True)
                value = float(against[task])
                if value > threshold:
                    avoid_evidence.append(Evidence(text, index.texts[task], round(value, 3)))
            avoid_evidence.sort(key=lambda e: -e.similarity)
        zone = catalog.job_zone(info.job_zone)
        related = [
            RelatedOccupation(other, catalog.occupation(other).title)
            for other in info.related[:5]
            if other in catalog.occupations
        ]
        results.append(
            OccupationMatch(
                code=code,
                title=info.title,
                score=round(float(scores[occupation]), 3),
                description=info.description,
                job_zone=info.job_zone,
                job_zone_name=zone.name if zone else "",
                evidence=evidence[:EVIDENCE_PER_MATCH],
                avoid=avoid_evidence[:EVIDENCE_PER_MATCH],
                related=related,
            )
        )
    return OccupationMatches(method, METHOD_LABELS[method], preparing, results)
