"""The sentence embeddings of the O*NET task statements: the same on every workspace of a machine, so they are
computed once into the machine's cache folder and read from there afterwards.

Computing them takes one to four minutes on a laptop, so it runs in a background thread (one at a time) that
reports how far it is; meanwhile matching uses BM25 alone and says so. The file is written to a temporary
name and renamed into place, so another process sees either no file or the whole file.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from onward.fit.embedding import DIMENSIONS, Embedder, Vectors, load_embedder

CHUNK = 256  # statements per encode call: small enough for steady progress, big enough to keep torch busy
PreparationState = Literal["waiting", "loading", "computing", "ready", "failed"]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preparation:
    """How far the task embeddings are: waiting to start, loading the model, computing (done of total), ready."""

    state: PreparationState
    done: int  # statements embedded so far (all of them once read from the cache file)
    total: int
    computed: int  # statements this process computed itself (0 when the machine's cache file was read)
    error: str = ""

    @property
    def ready(self) -> bool:
        return self.state == "ready"


class TaskVectors:
    """The embeddings of `texts`, read from `path` or computed in a background thread and saved there."""

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
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        self._state: PreparationState = "waiting"
        self._done = 0
        self._computed = 0
        self._error = ""
        self._vectors: Vectors | None = None
        self._embedder: Embedder | None = None

    @property
    def vectors(self) -> Vectors | None:
        """The embeddings once ready (None before)."""
        return self._vectors

    @property
    def embedder(self) -> Embedder | None:
        """The model once the embeddings are ready (None before: it is loaded in the background too)."""
        return self._embedder if self._vectors is not None else None

    def progress(self) -> Preparation:
        with self._lock:
            return Preparation(self._state, self._done, len(self.texts), self._computed, self._error)

    def cached(self) -> bool:
        """Return True when the machine's cache file is there (so preparing is only loading the model)."""
        return self.path is not None and self.path.exists()

    def start(self) -> None:
        """Start preparing in the background, unless it is under way or done (a failure is not retried)."""
        with self._lock:
            if self._worker is None:
                self._stop.clear()
                self._state = "loading"  # "waiting" means not started
                self._worker = threading.Thread(target=self._run, name="onet-embeddings", daemon=True)
                self._worker.start()

    def stop(self) -> None:
        """Stop computing after the current chunk (nothing is written); `start` begins again."""
        with self._lock:
            worker = self._worker
            self._stop.set()
        if worker is not None:
            worker.join()
        with self._lock:
            if self._state != "ready":
                self._worker, self._state, self._done = None, "waiting", 0

    def wait(self, on_progress: Callable[[Preparation], None] | None = None, interval: float = 0.2) -> Vectors | None:
        """Return the embeddings, preparing them first if need be (None if that failed); `on_progress`
        hears how far it is every `interval` seconds meanwhile."""
        self.start()
        worker = self._worker
        while worker is not None and worker.is_alive():
            worker.join(interval)
            if on_progress is not None:
                on_progress(self.progress())
        if on_progress is not None:
            on_progress(self.progress())
        return self._vectors

    # ---- the background work ----

    def _set(self, state: PreparationState, done: int | None = None) -> None:
        with self._lock:
            self._state = state
            if done is not None:
                self._done = done

    def _run(self) -> None:
        try:
            self._set("loading")
            embedder = self._load()  # torch and the model: only now, and only here
            if embedder is None:
                raise RuntimeError("the ml extra (sentence embeddings) is not installed")
            vectors = self._read()
            if vectors is None:
                vectors = self._compute(embedder)
            if vectors is None:  # stopped
                return
            with self._lock:
                self._embedder, self._vectors = embedder, vectors
                self._state, self._done = "ready", len(self.texts)
        except Exception as error:  # shown on the pages; matching goes on with BM25 alone
            log.exception("could not prepare the task embeddings")
            with self._lock:
                self._state, self._error = "failed", str(error) or type(error).__name__

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

    def _compute(self, embedder: Embedder) -> Vectors | None:
        """Return the embeddings computed chunk by chunk (None when stopped), saved to the cache file."""
        self._set("computing", 0)
        # Shortest first: each chunk then holds texts of about one length, as one big encode call would sort them.
        order = sorted(range(len(self.texts)), key=lambda i: len(self.texts[i]))
        vectors = np.zeros((len(self.texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), self._chunk):
            if self._stop.is_set():
                return None
            finished = self._read() if start else None  # another process may have finished them meanwhile
            if finished is not None:
                return finished
            picked = order[start : start + self._chunk]
            vectors[picked] = embedder.encode([self.texts[i] for i in picked])
            with self._lock:
                self._done += len(picked)
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
