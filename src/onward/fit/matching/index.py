"""Matching the tasks a person loves against O*NET occupations: BM25, embeddings, or both fused by rank.

The query's texts are split into lines (fusion.py). Four views rank the occupations:

- words, whole text: BM25 of all the texts together against one document per occupation (its title,
  alternate titles, task statements, description and Detailed Work Activities);
- meaning, line by line: each line's cosine similarity to each task statement, an occupation's value for a
  line being the mean of its two best statements, and its score the mean of its five best lines;
- meaning, whole occupation: each line's cosine similarity to the occupation's mean statement vector, again
  the mean of the five best lines;
- titles, whole text (hybrid only, at half weight): BM25 of all the texts against one document per
  occupation made of its title and alternate titles alone, where the words a posting or a description uses
  for the job itself ("nurse", "controller") are not outweighed by the many words of its tasks.

"hybrid" fuses the four by reciprocal rank, "embeddings" the two meaning views, "bm25" the words view and
the line-by-line view by BM25 instead of cosine (tuned on bench/fit_matching.py's tuning half, reported on
the other half; see there for what else was tried). By the hybrid, an O*NET specialisation (a code not
ending in .00, such as Acute Care Nurses beside Registered Nurses) has its fused score divided by 1.03: it
is the rarer job, so it should come before another only when it is 3% ahead of it. A score is the fused
reciprocal rank scaled to 1 for first place in every view, less a penalty when one of the occupation's core
tasks resembles something the person could do without. The reasons shown are the lines that drove the
match: the occupation's best lines in the line-by-line view, each with its closest task.
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
from onward.fit.matching.fusion import QueryLines, best_lines_mean, query_lines, reciprocal_rank_fusion
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
EMBEDDING_WEIGHT = 0.6  # a statement's hybrid similarity (avoid penalty, kinds of work): share of the cosine
LIKED_WEIGHT = 0.6  # a liked task pulls less than a loved one
# Below this a "could do without" task is merely unrelated, not a reason to demote. BM25 similarities run lower
# than cosine ones (common words such as "teach" weigh little), so BM25 alone has its own threshold.
AVOID_THRESHOLDS = {"hybrid": 0.4, "embeddings": 0.4, "bm25": 0.25}
AVOID_WEIGHT = 1.0
TITLES_WEIGHT = 0.5  # the titles view's weight in the hybrid's fusion (the other views weigh 1)
SPECIALISATION_LEAD = 1.03  # by the hybrid, an O*NET specialisation's fused score is divided by this
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
        self.documents = _statement_bm25(f"{self.texts_digest}-occupations", self.occupation_documents())
        titles = self.occupation_titles()
        titles_digest = hashlib.sha256("\n".join(titles).encode("utf-8")).hexdigest()[:12]
        self.titles = _statement_bm25(f"{titles_digest}-titles", titles)
        # O*NET's specialisations (codes not ending in .00) of a SOC occupation, such as Acute Care Nurses.
        self.specialised = np.asarray([not code.endswith(".00") for code in self.occupation_codes], dtype=bool)
        self._centroids: Matrix | None = None
        self.uses_embeddings = use_embeddings and ml_available()
        self.embeddings = TaskVectors(self.texts, self.cache_file()) if self.uses_embeddings else None

    def occupation_documents(self) -> list[str]:
        """Return one text per occupation (in index order) for the whole-text words view: its title, alternate
        titles, task statements and description, and Detailed Work Activities."""
        documents = []
        for number, code in enumerate(self.occupation_codes):
            info = self.catalog.occupation(code)
            statements = self.texts[int(self.starts[number]) : int(self.ends[number])]
            documents.append(" ".join([info.title, *info.alternate_titles, *statements, *info.work_activities]))
        return documents

    def occupation_titles(self) -> list[str]:
        """Return one text per occupation (in index order) for the titles view: its title and alternate titles."""
        titles = []
        for code in self.occupation_codes:
            info = self.catalog.occupation(code)
            titles.append(" ".join([info.title, *info.alternate_titles]))
        return titles

    def centroids(self) -> Matrix | None:
        """Return each occupation's mean statement vector (unit length), or None before the embeddings are ready."""
        vectors = self.embeddings.vectors if self.embeddings is not None else None
        if vectors is None:
            return None
        if self._centroids is None:
            sums = np.add.reduceat(vectors, self.starts, axis=0)
            self._centroids = np.asarray(sums / np.linalg.norm(sums, axis=1, keepdims=True), dtype=np.float32)
        return self._centroids

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
        one with a single lucky sentence (kept after issue #10: on bench/fit_matching.py's tuning half the
        line view lost with one task).
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

    def avoid_penalty(self, loved: Matrix, avoid: Matrix, threshold: float) -> npt.NDArray[np.float64]:
        """Return per occupation how far its worst core task is above `threshold` in likeness to something the
        person could do without (line × statement similarities `loved` and `avoid`, by one measure)."""
        if avoid.shape[0] == 0:
            return np.zeros(len(self.starts))
        # A core task counts against an occupation only when it is closer to something the person could
        # do without than to anything they love.
        best_loved = loved.max(axis=0) if loved.shape[0] else np.zeros(loved.shape[1])
        against = np.where(self.core[None, :] & (avoid > best_loved[None, :]), avoid, 0.0)
        worst = self.best_per_occupation(against.astype(np.float32)).max(axis=0).astype(np.float64)
        return np.asarray(AVOID_WEIGHT * np.maximum(worst - threshold, 0.0), dtype=np.float64)


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


@dataclass(frozen=True)
class OccupationRanking:
    """Every occupation's score for one query (index order), and what the reasons shown are read from."""

    method: str
    scores: npt.NDArray[np.float64]  # fused score less the penalty, one per occupation
    penalties: npt.NDArray[np.float64]
    lines: QueryLines
    line_similarity: Matrix  # line × statement: cosine (hybrid, embeddings) or BM25 (bm25)
    line_profile: Matrix  # line × occupation: the mean of its two best statements' similarities
    avoid: list[str]
    avoid_similarity: Matrix | None  # avoid text × statement, and what the loved lines reach, by the same measure
    loved_similarity: Matrix | None


def rank_occupations(
    index: TaskIndex, query: FitQuery, method: str, vectors: Vectors | None = None
) -> OccupationRanking:
    """Return every occupation scored for the query by `method` (the views of this module's docstring, fused).

    `vectors` are the query lines' embeddings when already known. The embeddings must be ready unless the
    method is bm25.
    """
    texts, weights = query_texts(query)
    lines = query_lines(texts, weights)
    views: list[npt.NDArray[np.float64]] = []
    if method in ("bm25", "hybrid"):
        views.append(index.documents.similarity([" ".join(texts)])[0].astype(np.float64))
    if method == "bm25":
        line_similarity = index.bm25_similarity(lines.lines)
        line_profile = index.occupation_profile(line_similarity)
        # Words alone also look line by line: a short text's few words find the one task that says them,
        # where a whole occupation's document dilutes them.
        views.append(best_lines_mean(line_profile, lines.weights))
    else:
        task_vectors, centroids = index.task_vectors(), index.centroids()
        assert task_vectors is not None and centroids is not None and index.embedder is not None
        if vectors is None:
            vectors = index.embedder.encode(lines.lines)
        line_similarity = np.asarray(np.clip(vectors @ task_vectors.T, 0.0, 1.0), dtype=np.float32)
        line_profile = index.occupation_profile(line_similarity)
        views.append(best_lines_mean(line_profile, lines.weights))
        views.append(best_lines_mean(vectors @ centroids.T, lines.weights))
    weights = [1.0] * len(views)
    if method == "hybrid":
        views.append(index.titles.similarity([" ".join(texts)])[0].astype(np.float64))
        weights.append(TITLES_WEIGHT)
    fused = reciprocal_rank_fusion(views, weights=weights)
    if method == "hybrid":
        fused = np.where(index.specialised, fused / SPECIALISATION_LEAD, fused)
    avoid = list(query.avoid)
    avoid_similarity = loved_similarity = None
    penalties = np.zeros(len(index.starts))
    if avoid:
        loved_similarity = index.similarity(lines.lines, method, vectors)
        avoid_similarity = index.similarity(avoid, method)
        penalties = index.avoid_penalty(loved_similarity, avoid_similarity, AVOID_THRESHOLDS[method])
    return OccupationRanking(
        method,
        fused - penalties,
        penalties,
        lines,
        line_similarity,
        line_profile,
        avoid,
        avoid_similarity,
        loved_similarity,
    )


def _evidence(index: TaskIndex, ranking: OccupationRanking, occupation: int) -> list[Evidence]:
    """Return the lines that drove an occupation's place, each with its closest task, strongest first."""
    lines = ranking.lines
    contribution = lines.weights * ranking.line_profile[:, occupation]
    evidence = []
    for row in np.argsort(-contribution, kind="stable")[:EVIDENCE_PER_MATCH]:
        task = index.best_task(ranking.line_similarity[row], occupation)
        value = round(float(ranking.line_similarity[row, task]), 3)
        evidence.append(Evidence(lines.lines[int(row)], index.texts[task], value))
    return evidence


def _avoid_evidence(index: TaskIndex, ranking: OccupationRanking, occupation: int) -> list[Evidence]:
    """Return the core tasks that cost an occupation its penalty, with the "could do without" text each is like."""
    if ranking.avoid_similarity is None or ranking.loved_similarity is None or ranking.penalties[occupation] <= 0:
        return []
    threshold = AVOID_THRESHOLDS[ranking.method]
    loved = ranking.loved_similarity.max(axis=0)
    found = []
    for row, text in enumerate(ranking.avoid):
        against = np.where(ranking.avoid_similarity[row] > loved, ranking.avoid_similarity[row], 0.0)
        task = index.best_task(against.astype(np.float32), occupation, core_only=True)
        value = float(against[task])
        if value > threshold:
            found.append(Evidence(text, index.texts[task], round(value, 3)))
    found.sort(key=lambda e: -e.similarity)
    return found[:EVIDENCE_PER_MATCH]


def match_occupations(
    index: TaskIndex, query: FitQuery, *, top: int = 10, wait: bool = True, method: str | None = None
) -> OccupationMatches:
    """Return the `top` occupations that fit the query, each with the pairs that drove it.

    `method` (bm25, embeddings or hybrid) is chosen by the index unless given: hybrid once the embeddings are
    ready, BM25 meanwhile (`preparing` then says so) and without them.
    """
    preparing = False
    if method is None:
        method = "bm25"
        if index.uses_embeddings:
            if index.task_vectors(wait=wait) is not None:
                method = "hybrid"
            else:
                preparing = not index.failed()
    if query.is_empty:
        return OccupationMatches(method, METHOD_LABELS[method], preparing, [])
    ranking = rank_occupations(index, query, method)
    order = np.argsort(-ranking.scores, kind="stable")[: max(top, 0)]
    catalog = index.catalog
    results = []
    for occupation in order:
        occupation = int(occupation)
        code = index.occupation_codes[occupation]
        info = catalog.occupation(code)
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
                score=round(float(ranking.scores[occupation]), 3),
                description=info.description,
                job_zone=info.job_zone,
                job_zone_name=zone.name if zone else "",
                evidence=_evidence(index, ranking, occupation),
                avoid=_avoid_evidence(index, ranking, occupation),
                related=related,
            )
        )
    return OccupationMatches(method, METHOD_LABELS[method], preparing, results)
