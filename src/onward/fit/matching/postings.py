"""What a posting asks of the person: its duty lines, the kinds of work they span, duplicates, and its
embeddings. Pure functions over a TaskIndex; storing and ranking are in posting_store.py and posting_rank.py.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from onward.fit.matching.embedding import Embedder, Vectors
from onward.fit.matching.index import TaskIndex
from onward.fit.matching.textsplit import split_lines

MAX_DUTIES = 16
FALLBACK_LINES = 6  # when no line reads like a task, the first lines stand for the posting
# Lines whose O*NET occupation profiles correlate at least this much are the same kind of work (average
# linkage), and this many kinds or more reads as "wear many hats". BM25 alone sees less, so it is looser.
KIND_SIMILARITY = {"hybrid": 0.5, "bm25": 0.15}
MANY_HATS = {"hybrid": 4, "bm25": 3}
_PREFIX = re.compile(
    r"^(?:you(?:'|’)ll|you will|will|to|(?:be |are |is )?responsible for|responsibilities include|duties include)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
# "Pay: $20.00 per hour", "Schedule: Monday to Friday", "Work Location: In person": a job board's facts.
_LABEL_LINE = re.compile(r"^\s*[A-Za-z][A-Za-z /&'-]{0,30}:\s")
# First words that O*NET uses as verbs but that open a posting's pitch or requirements, not a duty.
_NOT_DUTIES = frozenset({"join", "experi", "posit", "must", "minimum", "apply", "please", "benefit", "salari"})


@dataclass
class DutyAnalysis:
    """The posting's duty lines, the kinds of work among them (each named by a duty), and vectors."""

    duties: list[str]
    kinds_of_work: list[str] = field(default_factory=list)
    method: str = "bm25"  # bm25 | hybrid: what the kinds (and vectors) were computed with
    vectors: Vectors | None = None  # first row: the mean of the duties; then one row per duty

    @property
    def many_hats(self) -> bool:
        return len(self.kinds_of_work) >= MANY_HATS.get(self.method, 4)


@cache
def _task_verbs() -> frozenset[str]:
    """Return the stems of the first words of every O*NET task statement ("Prepare", "Teach", "Repair" …)."""
    from onward.fit.matching.bm25 import _stemmer
    from onward.fit.matching.occupations import load_catalog

    stemmer = _stemmer()
    verbs = set()
    for task in load_catalog().tasks:
        words = _WORD.findall(task.text)
        if words:
            verbs.add(stemmer.stemWord(words[0].lower()))
    return frozenset(verbs)


def reads_like_a_duty(line: str) -> bool:
    """Return True when a line starts like an O*NET task statement does: with a verb of work."""
    from onward.fit.matching.bm25 import _stemmer

    if _LABEL_LINE.match(line):
        return False
    words = _WORD.findall(_PREFIX.sub("", line))
    if not words or len(words) > 40:
        return False
    first = _stemmer().stemWord(words[0].lower())
    return first in _task_verbs() and first not in _NOT_DUTIES


def duty_lines(title: str, description: str) -> tuple[list[str], bool]:
    """Return the lines of a description that read like duties (or its first lines), and whether they do."""
    lines = split_lines(description)
    duties = [line for line in lines if reads_like_a_duty(line)][:MAX_DUTIES]
    if duties:
        return duties, True
    return (lines[:FALLBACK_LINES] or [title]), False


def kinds_of_work(index: TaskIndex, duties: list[str], method: str, vectors: Vectors | None = None) -> list[str]:
    """Return one label per kind of work among the duties (biggest first), each named by its first duty.

    Each duty gets a profile: how well every occupation's tasks explain it. Duties whose profiles correlate
    belong to the same kind of work (average-linkage clustering on correlation distance).
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    if not duties:
        return []
    profiles = index.best_per_occupation(index.similarity(duties, method, vectors)).astype(np.float64)
    if len(duties) == 1:
        labels = np.ones(1, dtype=np.int64)
    else:
        # A constant profile has no correlation; nudge it so linkage never sees NaN.
        profiles[profiles.std(axis=1) == 0, 0] += 1e-6
        tree = linkage(profiles, method="average", metric="correlation")
        labels = fcluster(tree, t=1.0 - KIND_SIMILARITY[method], criterion="distance")
    kinds: list[tuple[int, int, str]] = []
    for label in sorted(set(labels.tolist())):
        members = labels == label
        first = int(np.argmax(members))
        kinds.append((-int(members.sum()), first, _short(duties[first])))
    return [name for _size, _first, name in sorted(kinds)]


def _short(line: str, limit: int = 48) -> str:
    """Return a duty shortened to name its kind of work."""
    line = _PREFIX.sub("", line).strip().rstrip(".;:")
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def analysis_key(method: str, embedder: Embedder | None) -> str:
    """Return the label stored with an analysis: "bm25", or "hybrid:<model>" when it carries embeddings."""
    return f"hybrid:{embedder.key}" if method == "hybrid" and embedder is not None else "bm25"


def analyse_many(
    index: TaskIndex, postings: list[tuple[str, str]], *, method: str, embedder: Embedder | None
) -> list[DutyAnalysis]:
    """Return the analysis of each (title, description): duties, kinds of work, and vectors in hybrid mode."""
    found = [duty_lines(title, description) for title, description in postings]
    line_vectors: list[Vectors | None] = [None] * len(found)
    if method == "hybrid" and embedder is not None:
        everything = embedder.encode([line for duties, _ in found for line in duties])
        start = 0
        for number, (duties, _) in enumerate(found):
            line_vectors[number] = everything[start : start + len(duties)]
            start += len(duties)
    results = []
    for (duties, real), lines in zip(found, line_vectors, strict=True):
        kinds = kinds_of_work(index, duties, method, lines) if real else []
        vectors = None
        if lines is not None:
            mean = lines.mean(axis=0)
            mean /= max(float(np.linalg.norm(mean)), 1e-9)
            vectors = np.vstack([mean[None, :], lines]).astype(np.float32)
        results.append(DutyAnalysis(duties=duties, kinds_of_work=kinds, method=method, vectors=vectors))
    return results


# ---- duplicates ----


def normalise(text: str) -> str:
    """Return text folded for comparison: lower case, accents and punctuation removed, spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def dedupe_key(title: str, company: str, location: str) -> str:
    """Return the key two postings share when their normalised title, company and location are equal."""
    joined = "|".join(normalise(part) for part in (title, company, location))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


NEAR_DUPLICATE_BITS = 8  # of 64; unrelated postings in the LinkedIn sample differ by 16 or more
MIN_FINGERPRINT_WORDS = 40  # shorter descriptions are too generic to call two postings the same


def fingerprint(description: str) -> str | None:
    """Return a 64-bit simhash of the description's word triples (hex), or None when it is too short."""
    words = normalise(description).split()
    if len(words) < MIN_FINGERPRINT_WORDS:
        return None
    digests = b"".join(
        hashlib.blake2b(" ".join(words[i : i + 3]).encode("utf-8"), digest_size=8).digest()
        for i in range(len(words) - 2)
    )
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    weights = (2 * bits.astype(np.int64) - 1).sum(axis=0)
    value = int("".join("1" if w > 0 else "0" for w in weights), 2)
    return f"{value:016x}"


def near_identical(a: str | None, b: str | None) -> bool:
    """Return True when two fingerprints say the descriptions are the same text (give or take a few words)."""
    if a is None or b is None:
        return False
    return bin(int(a, 16) ^ int(b, 16)).count("1") <= NEAR_DUPLICATE_BITS
