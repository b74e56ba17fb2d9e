"""The matching half of the fit domain's public API: occupations that fit, and postings imported and ranked."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onward.background import Reporter
from onward.errors import BadInput, NotFound
from onward.fit.matching.embedding import DIMENSIONS, Embedder, ml_available, pack, unpack
from onward.fit.matching.index import (
    METHOD_LABELS,
    OccupationMatches,
    TaskIndex,
    build_in_background,
    match_occupations,
    task_index,
)
from onward.fit.matching.posting_import import ParsedPosting, parse_postings, read_postings
from onward.fit.matching.posting_models import POSTING_SOURCES, Posting
from onward.fit.matching.posting_rank import PostingCorpus, PostingRanking, PostingRow, rank_rows
from onward.fit.matching.postings import analyse_many, analysis_key, dedupe_key, fingerprint, near_identical
from onward.fit.matching.query import FitQuery
from onward.fit.matching.task_vectors import Preparation
from onward.fit.models import WORK_MODES
from onward.fit.service import FitService
from onward.settings import Settings
from onward.workspace import Workspace

# The packed mean vector is the first 384 float16 values: exactly 1024 base64 characters.
MEAN_VECTOR_CHARS = DIMENSIONS * 2 * 4 // 3
ANALYSE_BATCH = 64  # postings analysed at a time (one embedding batch), between reports to a progress bar
BM25_NOTE = "Sentence embeddings are not installed (the ml extra), so matching uses shared words only."
BM25_CHOSEN_NOTE = "Matching uses shared words only, as set by ONWARD_TEXT_MATCHING=bm25."
PREPARING_NOTE = "Matched by words only for now — matching by meaning is getting ready ({progress})."
LOADING_PROGRESS = "loading the language model"
COMPUTING_PROGRESS = "{done:,} of {total:,} tasks"
FAILED_NOTE = "Matching by meaning could not be prepared ({error}), so matching uses shared words only."
NOT_STARTED_NOTE = "Matching by meaning gets ready the first time occupations or postings are matched."
MatchingState = Literal["ready", "preparing", "not_started", "words_only", "failed"]


@dataclass(frozen=True)
class MatchingStatus:
    """Whether matching by meaning is ready: what a page shows, and polls, while it gets ready.

    `state`: ready (words and meaning); preparing (loading the model, or computing the task embeddings:
    `done` of `total`); not_started (it starts with the first match); words_only (BM25 by choice or without
    the ml extra); failed. `label` is the sentence shown to people (empty when ready).
    """

    state: MatchingState
    done: int
    total: int
    label: str


def wants_embeddings(settings: Settings) -> bool:
    """Return True when these settings match by meaning as well as words (and the ml extra is installed)."""
    return settings.text_matching == "auto" and ml_available()


def start_preparing(settings: Settings) -> None:
    """Build the O*NET task index (BM25) in the background at start-up; the model waits for the first match."""
    build_in_background(settings.resolved_cache_dir(), use_embeddings=wants_embeddings(settings))


@dataclass(frozen=True)
class PostingImportResult:
    """What an import did: postings added, and duplicates merged into postings already there."""

    added: int
    merged: int
    postings: int  # records read


@dataclass(frozen=True)
class PostingView:
    id: int
    title: str
    company: str
    location: str
    source: str
    work_mode: str | None
    posted: dt.date | None
    duties: list[str]
    kinds_of_work: list[str]
    times_seen: int


# The quick-pass corpus of each workspace, kept between requests while its postings do not change.
_CORPORA: dict[tuple[str, int, str], tuple[tuple[Any, ...], PostingCorpus]] = {}
_CORPORA_LOCK = threading.Lock()
_MAX_CORPORA = 8


class MatchingService:
    """Occupations and postings matched to what one workspace's person loves (see onward.fit.matching.index)."""

    def __init__(self, workspace: Workspace, fit: FitService) -> None:
        self.workspace = workspace
        self.fit = fit

    # ---- how matching works here ----

    @property
    def wants_embeddings(self) -> bool:
        return wants_embeddings(self.workspace.settings)

    def _words_only_note(self) -> str:
        return BM25_CHOSEN_NOTE if self.workspace.settings.text_matching == "bm25" else BM25_NOTE

    def note(self, method: str, preparing: bool) -> str:
        """Return the sentence that says why results use words only (empty for the hybrid)."""
        if method == "hybrid":
            return ""
        return self.status(method, preparing).label

    def status(self, method: str | None = None, preparing: bool = False) -> MatchingStatus:
        """Return whether matching by meaning is ready; given a result's `method` and `preparing`, the status
        that result was made under (a page never says "ready" above results by words only)."""
        if not self.wants_embeddings:
            return MatchingStatus("words_only", 0, 0, self._words_only_note())
        progress = self.index().preparation()
        assert progress is not None
        if method == "hybrid" or (progress.ready and method is None):
            return MatchingStatus("ready", progress.total, progress.total, "")
        if progress.state == "failed":
            return MatchingStatus("failed", progress.done, progress.total, FAILED_NOTE.format(error=progress.error))
        if progress.state == "waiting" and not preparing:
            return MatchingStatus("not_started", 0, progress.total, NOT_STARTED_NOTE)
        label = PREPARING_NOTE.format(progress=self._progress_words(progress))
        return MatchingStatus("preparing", progress.done, progress.total, label)

    @staticmethod
    def _progress_words(progress: Preparation) -> str:
        if progress.state in ("computing", "ready"):
            return COMPUTING_PROGRESS.format(done=progress.done, total=progress.total)
        return LOADING_PROGRESS

    def prepare(self, on_progress: Callable[[Preparation], None] | None = None) -> MatchingStatus:
        """Get matching by meaning ready now (the CLI): load the model and read, or compute once per machine,
        the task embeddings; `on_progress` hears how far it is. Return the status after."""
        self.index().task_vectors(wait=True, on_progress=on_progress)
        return self.status()

    def index(self, *, embeddings: bool | None = None) -> TaskIndex:
        """Return the O*NET task index (with embeddings when wanted and installed, or as `embeddings` says)."""
        use = self.wants_embeddings if embeddings is None else embeddings and self.wants_embeddings
        return task_index(self.workspace.settings.resolved_cache_dir(), use_embeddings=use)

    def _method(self, wait: bool) -> tuple[str, bool, Embedder | None]:
        """Return (method, preparing, embedder): hybrid once the task embeddings are ready."""
        index = self.index()
        if not index.uses_embeddings:
            return "bm25", False, None
        if index.task_vectors(wait=wait) is None:
            return "bm25", not index.failed(), None
        return "hybrid", False, index.embedder

    def profile_query(self, *, wants_focus: bool | None = None) -> FitQuery:
        """Return the query from the person's rated duties and saved environment; `wants_focus` overrides
        the saved focus-or-variety choice for this one ranking."""
        import dataclasses

        query = self.fit.fit_query()
        return query if wants_focus is None else dataclasses.replace(query, wants_focus=wants_focus)

    # ---- occupations ----

    def match_occupations(self, query: FitQuery, top: int = 10, *, wait: bool = True) -> OccupationMatches:
        """Return the occupations whose tasks look most like the query's loved and liked texts."""
        if top < 1:
            raise BadInput(f"top must be at least 1, not {top}")
        return match_occupations(self.index(), query, top=top, wait=wait)

    # ---- postings: import ----

    def import_postings(self, path: Path, format: str, *, wait: bool = True) -> PostingImportResult:
        """Import postings from a file (all or nothing); duplicates merge into postings already there."""
        return self._store(read_postings(path, format), wait=wait)

    def import_text(
        self, text: str, format: str, name: str, *, wait: bool = True, reporter: Reporter | None = None
    ) -> PostingImportResult:
        """Import postings from text (an upload or a paste), read as csv, jsonld or text.

        A `reporter` (onward.background) hears "reading", "comparing" (postings compared with those already
        here, done of total), then "matching" (the new or changed postings' duties found, done of total).
        """
        if not text.strip():
            raise BadInput(f"{name}: there is nothing to import")
        if reporter is not None:
            reporter.step("reading")
        return self._store(parse_postings(text, format, name), wait=wait, reporter=reporter)

    def add_postings(
        self, records: Sequence[dict[str, Any]], *, source: str, embed: bool = True
    ) -> PostingImportResult:
        """Add postings given as dicts of Posting fields (the demo); `embed=False` leaves the model unloaded."""
        if source not in POSTING_SOURCES:
            raise BadInput(f"source must be one of {', '.join(POSTING_SOURCES)}")
        parsed = []
        for number, record in enumerate(records, start=1):
            if record.get("work_mode") not in (None, *WORK_MODES):
                raise BadInput(f"posting {number}: work mode must be one of {', '.join(WORK_MODES)}")
            parsed.append(ParsedPosting(where=f"posting {number}", source=source, **record))
        return self._store(parsed, wait=True, embed=embed)

    def _store(
        self, parsed: list[ParsedPosting], *, wait: bool, embed: bool = True, reporter: Reporter | None = None
    ) -> PostingImportResult:
        method, _preparing, embedder = self._method(wait) if embed else ("bm25", False, None)
        key = analysis_key(method, embedder)
        added = merged = 0
        with self.workspace.session() as session:
            # Postings already stored are known by id; those added by this import by their row.
            by_key: dict[str, int | Posting] = dict(session.execute(select(Posting.dedupe_key, Posting.id)).all())
            by_print: list[tuple[str, int | Posting]] = [
                (print_, row_id)
                for print_, row_id in session.execute(select(Posting.fingerprint, Posting.id))
                if print_ is not None
            ]
            changed: list[Posting] = []
            if reporter is not None:
                reporter.step("comparing", done=0, total=len(parsed))
            for item in parsed:
                if reporter is not None:
                    reporter.advance(1)
                dkey = dedupe_key(item.title, item.company, item.location)
                print_ = fingerprint(item.description)
                found = by_key.get(dkey)
                if found is None and print_ is not None:
                    found = next((row for other, row in by_print if near_identical(print_, other)), None)
                if found is not None:
                    target = found if isinstance(found, Posting) else session.get(Posting, found)
                    assert target is not None
                    if self._merge(target, item) and target not in changed:
                        changed.append(target)
                    merged += 1
                    continue
                row = self._new_row(item, dkey, print_)
                session.add(row)
                by_key[dkey] = row
                if print_ is not None:
                    by_print.append((print_, row))
                changed.append(row)
                added += 1
            self._analyse(changed, key, method, embedder, reporter)
            session.flush()
        return PostingImportResult(added=added, merged=merged, postings=len(parsed))

    @staticmethod
    def _new_row(item: ParsedPosting, dkey: str, print_: str | None) -> Posting:
        return Posting(
            title=item.title[:300],
            company=item.company[:200],
            location=item.location[:200],
            description=item.description,
            url=item.url[:1000],
            source=item.source,
            external_id=item.external_id[:200] if item.external_id else None,
            employment_type=item.employment_type[:100],
            work_mode=item.work_mode,
            salary=item.salary[:200],
            posted=item.posted,
            dedupe_key=dkey,
            fingerprint=print_,
        )

    def _analyse(
        self,
        rows: list[Posting],
        key: str,
        method: str,
        embedder: Embedder | None,
        reporter: Reporter | None = None,
    ) -> None:
        """Find each posting's duties, kinds of work and (in hybrid mode) embeddings, and keep them on the row.

        Postings are analysed ANALYSE_BATCH at a time, so a reporter hears how far the matching is.
        """
        index = self.index(embeddings=method == "hybrid")  # BM25 alone never loads the model
        if reporter is not None:
            reporter.step("matching", done=0, total=len(rows))
        for first in range(0, len(rows), ANALYSE_BATCH):
            batch = rows[first : first + ANALYSE_BATCH]
            found = analyse_many(index, [(r.title, r.description) for r in batch], method=method, embedder=embedder)
            for row, analysis in zip(batch, found, strict=True):
                row.duties = analysis.duties
                row.kinds_of_work = analysis.kinds_of_work
                row.vectors = pack(analysis.vectors) if analysis.vectors is not None else None
                row.analysis = key
            if reporter is not None:
                reporter.advance(len(batch))

    @staticmethod
    def _merge(row: Posting, item: ParsedPosting) -> bool:
        """Fill the posting's blanks from a duplicate; return True when its description changed."""
        row.times_seen = (row.times_seen or 1) + 1
        for name in ("company", "location", "url", "employment_type", "salary"):
            if not getattr(row, name) and getattr(item, name):
                setattr(row, name, getattr(item, name))
        if row.external_id is None and item.external_id:
            row.external_id = item.external_id[:200]
        if row.work_mode is None and item.work_mode:
            row.work_mode = item.work_mode
        if row.posted is None and item.posted:
            row.posted = item.posted
        if len(item.description) > len(row.description or ""):
            row.description = item.description
            return True
        return False

    def list_postings(self) -> list[PostingView]:
        """Return every posting, newest first."""
        with self.workspace.session() as session:
            rows = session.scalars(select(Posting).order_by(Posting.posted.desc().nulls_last(), Posting.id.desc()))
            return [
                PostingView(
                    r.id,
                    r.title,
                    r.company,
                    r.location,
                    r.source,
                    r.work_mode,
                    r.posted,
                    list(r.duties or []),
                    list(r.kinds_of_work or []),
                    r.times_seen,
                )
                for r in rows
            ]

    def delete_posting(self, posting_id: int) -> None:
        with self.workspace.session() as session:
            row = session.get(Posting, posting_id)
            if row is None:
                raise NotFound(f"there is no posting {posting_id}")
            session.delete(row)

    # ---- postings: ranking ----

    def _refresh(self, session: Session, key: str, method: str, embedder: Embedder | None) -> None:
        """Analyse again the postings analysed another way (for example before the model was installed)."""
        stale = list(session.scalars(select(Posting).where(Posting.analysis != key)))
        if stale:
            self._analyse(stale, key, method, embedder)
            session.flush()

    def _corpus(self, session: Session, key: str) -> PostingCorpus:
        """Return the quick-pass corpus of this workspace's postings (cached while they do not change)."""
        stamp = tuple(
            session.execute(
                select(
                    func.count(Posting.id),
                    func.max(Posting.id),
                    func.sum(Posting.times_seen),
                    func.max(Posting.updated_at),
                )
            ).one()
        )
        cache_key = (self.workspace.store.url, self.workspace.owner_id, key)
        with _CORPORA_LOCK:
            cached = _CORPORA.get(cache_key)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        ids: list[int] = []
        documents: list[str] = []
        packed: list[str] = []
        query = select(Posting.id, Posting.title, Posting.duties, func.substr(Posting.vectors, 1, MEAN_VECTOR_CHARS))
        for row_id, title, duties, mean in session.execute(query.order_by(Posting.id)):
            ids.append(row_id)
            documents.append(" ".join([title, *(duties or [])]))
            packed.append(mean or "")
        vectors = None
        if key.startswith("hybrid") and packed and all(packed):
            vectors = unpack("".join(packed))  # one decode for every posting: each chunk is whole base64
        corpus = PostingCorpus(ids, documents, vectors)
        with _CORPORA_LOCK:
            if len(_CORPORA) >= _MAX_CORPORA:
                _CORPORA.pop(next(iter(_CORPORA)))
            _CORPORA[cache_key] = (stamp, corpus)
        return corpus

    def rank_postings(self, query: FitQuery, top: int = 10, *, wait: bool = True) -> PostingRanking:
        """Return the postings that fit the query best, each with evidence pairs and a readable explanation."""
        from onward.fit.matching.index import query_texts

        if top < 1:
            raise BadInput(f"top must be at least 1, not {top}")
        method, preparing, embedder = self._method(wait)
        key = analysis_key(method, embedder)
        texts, weights = query_texts(query)
        avoid = list(query.avoid)
        with self.workspace.session() as session:
            self._refresh(session, key, method, embedder)
            corpus = self._corpus(session, key)
            if not texts or not len(corpus):
                return PostingRanking(method, METHOD_LABELS[method], preparing, len(corpus), [])
            text_vectors = embedder.encode(texts) if embedder is not None else None
            avoid_vectors = embedder.encode(avoid) if embedder is not None and avoid else None
            scores = corpus.quick_scores(texts, weights, avoid, text_vectors=text_vectors, avoid_vectors=avoid_vectors)
            candidate_ids = corpus.candidates(scores, max(top * 10, 100))
            by_id = {r.id: r for r in session.scalars(select(Posting).where(Posting.id.in_(candidate_ids)))}
            rows = [self._row(by_id[i], method) for i in candidate_ids if i in by_id]
        ranked = rank_rows(
            rows,
            texts,
            weights,
            avoid,
            method=method,
            wants_focus=query.wants_focus,
            text_vectors=text_vectors,
            avoid_vectors=avoid_vectors,
        )
        return PostingRanking(method, METHOD_LABELS[method], preparing, len(corpus), ranked[:top])

    @staticmethod
    def _row(posting: Posting, method: str) -> PostingRow:
        lines = None
        if method == "hybrid" and posting.vectors:
            lines = unpack(posting.vectors)[1:]
        duties = list(posting.duties or [])
        if lines is not None and len(lines) != len(duties):
            lines = None
        return PostingRow(
            id=posting.id,
            title=posting.title,
            company=posting.company,
            location=posting.location,
            url=posting.url,
            work_mode=posting.work_mode,
            salary=posting.salary,
            posted=posting.posted,
            duties=duties,
            kinds_of_work=list(posting.kinds_of_work or []),
            line_vectors=np.ascontiguousarray(lines) if lines is not None else None,
        )
