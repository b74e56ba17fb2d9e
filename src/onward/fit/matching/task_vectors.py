"""The sentence embeddings of the O*NET task statements: the same on every workspace of a machine, so they are
computed once into the machine's cache folder and read from there afterwards.

Computing them takes one to four minutes on a laptop, so it runs in the background (onward.background: one
thread, started once) and reports how far it is; meanwhile matching uses BM25 alone and says so. The file is
written to a temporary name and renamed into place, so another process sees either no file or the whole file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onward.background import BackgroundWork, Progress, Reporter
from onward.fit.matching.embedding import DIMENSIONS, Embedder, Vectors, load_embedder

CHUNK = 256  # statements per encode call: small enough for steady progress, big enough to keep torch busy
STATES = ("waiting", "loading", "computing", "ready", "failed")  # the states a Preparation is in
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preparation(Progress):
    """How far the task embeddings are: waiting to start, loading the model, computing (`done` statements of
    `total`: all of them once read from the cache file), ready, or failed."""

    computed: int = 0  # statements this process computed itself (0 when the machine's cache file was read)


class TaskVectors:
    """The embeddings of `texts`, read from `path` or computed in the background (onward.background) and saved
    there."""

    def __init__(
        self,
        texts: Sequence[str],
        path: Path | None,
        *,
        load: Callable[[], Embedder | None] = load_embedder,
        chunk: int = CHUNK,
    ) -> None:
        self.texts = list(texts)
        self.path = path
        self._load = load
        self._chunk = chunk
        self._computed = 0
        self._embedder: Embedder | None = None
        self._work: BackgroundWork[Vectors] = BackgroundWork("onet-embeddings", self._run, total=len(self.texts))

    @property
    def vectors(self) -> Vectors | None:
        """The embeddings once ready (None before)."""
        return self._work.result

    @property
    def embedder(self) -> Embedder | None:
        """The model once the embeddings are ready (None before: it is loaded in the background too)."""
        return self._embedder if self._work.result is not None else None

    def progress(self) -> Preparation:
        progress = self._work.progress()
        state = progress.state if progress.state in STATES else "loading"  # "starting" is loading the model
        return Preparation(state, progress.done, progress.total, progress.error, computed=self._computed)

    def cached(self) -> bool:
        """Return True when the machine's cache file is there (so preparing is only loading the model)."""
        return self.path is not None and self.path.exists()

    def start(self) -> None:
        """Start preparing in the background, unless it is under way or done (a failure is not retried)."""
        self._work.start()

    def stop(self) -> None:
        """Stop computing after the current chunk (nothing is written); `start` begins again."""
        self._work.stop()

    def wait(self, on_progress: Callable[[Preparation], None] | None = None, interval: float = 0.2) -> Vectors | None:
        """Return the embeddings, preparing them first if need be (None if that failed); `on_progress`
        hears how far it is every `interval` seconds meanwhile."""
        return self._work.wait(None if on_progress is None else lambda _: on_progress(self.progress()), interval)

    # ---- the background work ----

    def _run(self, report: Reporter) -> Vectors | None:
        report.step("loading")
        embedder = self._load()  # torch and the model: only now, and only here
        if embedder is None:
            raise RuntimeError("the ml extra (sentence embeddings) is not installed")
        vectors = self._read()
        if vectors is None:
            vectors = self._compute(embedder, report)
        if vectors is not None:
            self._embedder = embedder
        return vectors

    def _read(self) -> Vectors | None:
        """Return the vectors of the cache file, or None when it is missing, damaged or of other texts."""
        if self.path is None or not self.path.exists():
            return None
        try:
            vectors = np.load(self.path)
        except (OSError, ValueError, EOFError):
            return None  # computed again, and the file replaced
        if vectors.shape != (len(self.texts), DIMENSIONS):
            return None
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _compute(self, embedder: Embedder, report: Reporter) -> Vectors | None:
        """Return the embeddings computed chunk by chunk (None when stopped), saved to the cache file."""
        report.step("computing", done=0)
        # Shortest first: each chunk then holds texts of about one length, as one big encode call would sort them.
        order = sorted(range(len(self.texts)), key=lambda i: len(self.texts[i]))
        vectors = np.zeros((len(self.texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), self._chunk):
            if report.stopping:
                return None
            finished = self._read() if start else None  # another process may have finished them meanwhile
            if finished is not None:
                return finished
            picked = order[start : start + self._chunk]
            vectors[picked] = embedder.encode([self.texts[i] for i in picked])
            report.advance(len(picked))
            self._computed += len(picked)
        self._write(vectors)
        return vectors

    def _write(self, vectors: Vectors) -> None:
        """Save the vectors atomically: a temporary file in the same folder, renamed over the cache file."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name + ".", suffix=".part")
            partial = Path(name)
            try:
                with os.fdopen(handle, "wb") as out:
                    np.save(out, vectors)
                    out.flush()
                    os.fsync(out.fileno())
                partial.replace(self.path)
            finally:
                partial.unlink(missing_ok=True)
        except OSError:  # a read-only cache folder: keep them in memory for this process
            log.warning("could not save the task embeddings to %s", self.path, exc_info=True)
