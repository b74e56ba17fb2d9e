"""The held-out sets of bench/fit_matching.py: real postings and short role descriptions, titles blanked.

Postings. The LinkedIn sample (CC BY-SA 4.0, ../shared/data; read here only, never shipped) holds postings
whose title, once seniority words ("Senior", "II"), brackets and a trailing " - place" are dropped, is the
title or an alternate title of exactly one O*NET occupation: that occupation is the posting's label. From the
description the posting's own title and every title of the label (its O*NET title and alternate titles) are
blanked out, singular or plural, so the answer cannot be read off the text. The labelled postings are split by
a fixed seed into a tuning half and a report half: constants in onward.fit.matching were chosen on the tuning
half only, and the bench prints the report half only.

Role descriptions. ESCO 1.2.0 (European Commission; reuse authorised, CC BY 4.0, see its SOURCE.md) describes
each occupation in two to five sentences written by another publisher ("Medical writers produce and process
scientific documents …"). An ESCO occupation whose preferred label is the title or an alternate title of
exactly one O*NET occupation is labelled with it. Its ESCO labels and the O*NET occupation's titles are blanked
from the description. Nothing was ever tuned on this set, and it does not leak: its text comes from ESCO, not
from the O*NET task statements, DWAs or descriptions the index is made of, and the only link between the two
(the title) is removed.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The team's data folder sits next to the checkout (../shared/data), or next to the worktrees' folder.
SHARED = Path(
    os.environ.get("ONWARD_SHARED_DATA")
    or next(
        (
            p
            for p in (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data", Path("/work/shared/data"))
            if p.is_dir()
        ),
        ".",
    )
)
LINKEDIN = SHARED / "linkedin_job_postings_sample" / "postings.csv"
ESCO = SHARED / "esco_1_2_0" / "occupations_en.csv"
SEED = 20261202  # fixes the tuning / report split of the postings
BLANK = " "

_SENIORITY = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|entry[- ]level|i{1,3}|iv|[1-4])(?=\s|$|[,.])", re.I
)


@dataclass(frozen=True)
class Item:
    """One held-out text and the O*NET code it should match."""

    name: str  # the posting's or ESCO occupation's title (never part of `text`)
    text: str  # titles blanked
    code: str


def title_key(title: str) -> str:
    """Return a job title folded the way labels are looked up: no brackets, place, seniority or case."""
    title = re.sub(r"\(.*?\)", " ", title.lower())
    title = re.split(r"\s[-–|/]\s|,", title)[0]
    title = _SENIORITY.sub(" ", title)
    return " ".join(title.split())


def titles_by_key(catalog: object) -> dict[str, set[str]]:
    """Return folded title → the codes of the O*NET occupations with that title or alternate title."""
    found: dict[str, set[str]] = {}
    for occupation in catalog.occupations.values():  # type: ignore[attr-defined]
        for title in (occupation.title, *occupation.alternate_titles):
            found.setdefault(title_key(title), set()).add(occupation.code)
            found.setdefault(title.lower().strip(), set()).add(occupation.code)
    return found


def blank(text: str, titles: Iterable[str]) -> str:
    """Return `text` with every title in `titles` removed (whole words, any case, singular or plural)."""
    words = sorted({t.strip() for t in titles if len(t.strip()) >= 3}, key=len, reverse=True)
    if not words:
        return text
    parts = []
    for title in words:
        pattern = r"\s+".join(re.escape(w) for w in title.split())
        pattern = re.sub(r"man$", "m[ae]n", pattern)  # "Chairman" / "Chairmen"
        parts.append(pattern + r"(?:e?s)?")
    rx = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.I)
    return rx.sub(BLANK, text)


def occupation_titles(catalog: object, code: str) -> list[str]:
    occupation = catalog.occupation(code)  # type: ignore[attr-defined]
    return [occupation.title, *occupation.alternate_titles]


def labelled_postings(catalog: object) -> list[Item]:
    """Return the LinkedIn postings labelled by title, with their titles blanked from the description."""
    lookup = titles_by_key(catalog)
    with LINKEDIN.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    items = []
    for row in rows:
        title = row["title"].strip()
        codes = lookup.get(title.lower()) or lookup.get(title_key(title), set())
        if len(codes) != 1 or not row["description"].strip():
            continue
        code = next(iter(codes))
        text = blank(row["description"], [title, title_key(title), *occupation_titles(catalog, code)])
        items.append(Item(title, text, code))
    return items


def halves(items: Sequence[Item], seed: int = SEED) -> tuple[list[Item], list[Item]]:
    """Return (tuning half, report half), shuffled by a fixed seed."""
    order = list(items)
    random.Random(seed).shuffle(order)
    middle = len(order) // 2
    return order[:middle], order[middle:]


def esco_descriptions(catalog: object) -> list[Item]:
    """Return ESCO occupation descriptions labelled with the one O*NET occupation of the same title, blanked."""
    lookup = titles_by_key(catalog)
    with ESCO.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    items = []
    for row in rows:
        label = row["preferredLabel"].strip()
        codes = lookup.get(label.lower(), set())
        if len(codes) != 1 or not row["description"].strip():
            continue
        code = next(iter(codes))
        own = [label, *row["altLabels"].splitlines(), *row["hiddenLabels"].splitlines()]
        text = blank(row["description"], [*own, *occupation_titles(catalog, code)])
        items.append(Item(label, " ".join(text.split()), code))
    return items


class VectorCache:
    """Sentence embeddings of the bench's texts kept on disk between runs (embedding costs about 4 ms a line)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[str, object] = {}
        if path.exists():
            import numpy as np

            with np.load(path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self.added = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def fill(self, embedder: object, texts: Iterable[str]) -> None:
        """Embed the texts not yet cached, and remember them all in the embedder (so matching finds them)."""
        import numpy as np

        wanted = list(dict.fromkeys(texts))
        missing = [t for t in wanted if self.key(t) not in self.vectors]
        if missing:
            found = embedder.encode(missing)  # type: ignore[attr-defined]
            for text, vector in zip(missing, found, strict=True):
                self.vectors[self.key(text)] = vector
            self.added += len(missing)
        embedder.remembered.update({t: np.asarray(self.vectors[self.key(t)]) for t in wanted})  # type: ignore[attr-defined]

    def save(self) -> None:
        import numpy as np

        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.asarray(list(self.vectors))
        vectors = np.vstack([np.asarray(v) for v in self.vectors.values()]).astype(np.float32)
        partial = self.path.with_suffix(".part.npz")
        np.savez(partial, keys=keys, vectors=vectors)
        partial.replace(self.path)
