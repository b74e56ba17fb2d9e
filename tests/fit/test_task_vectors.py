"""The O*NET task embeddings are computed once per computer, into the user cache folder, and shared by every
data folder; the file is written whole or not at all, and preparing reports how far it is.

These use the real model over a few occupations' statements (a few seconds), not the 20,922 of the catalog.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import platformdirs
import pytest

from onward.fit.matching.index import TaskIndex
from onward.fit.matching.occupations import Catalog, load_catalog
from onward.fit.matching.task_vectors import Preparation, TaskVectors
from onward.settings import Settings

from .conftest import needs_ml

CODES = ("25-3011.00", "47-2152.00", "43-3031.00")  # adult literacy teachers, plumbers, bookkeepers


def small_catalog() -> Catalog:
    """The shipped catalog cut down to three occupations (their statements get a cache file of their own)."""
    catalog = load_catalog()
    return dataclasses.replace(
        catalog,
        occupations={code: catalog.occupations[code] for code in CODES},
        tasks=tuple(task for task in catalog.tasks if task.code in CODES),
    )


def test_the_cache_folder_is_the_users_and_not_the_data_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = Settings(data_dir=tmp_path / "one"), Settings(data_dir=tmp_path / "two")
    expected = Path(platformdirs.user_cache_dir("onward", appauthor=False))
    assert first.resolved_cache_dir() == second.resolved_cache_dir() == expected
    assert not expected.is_relative_to(tmp_path)
    monkeypatch.setenv("ONWARD_CACHE_DIR", str(tmp_path / "machine-cache"))
    assert Settings(data_dir=tmp_path / "one").resolved_cache_dir() == tmp_path / "machine-cache"


@needs_ml
def test_a_second_data_folder_reuses_the_machines_embeddings_and_computes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_CACHE_DIR", str(tmp_path / "machine-cache"))
    catalog = small_catalog()
    first = Settings(data_dir=tmp_path / "first-data")
    index = TaskIndex(catalog, first.resolved_cache_dir(), use_embeddings=True)
    assert index.embeddings_cached() is False and index.is_ready() is False
    vectors = index.task_vectors(wait=True)
    assert vectors is not None and vectors.shape == (len(index.texts), 384)
    done = index.preparation()
    assert done == Preparation("ready", len(index.texts), len(index.texts), computed=len(index.texts))
    path = index.cache_file()
    assert path is not None and path.is_file()
    assert not path.is_relative_to(tmp_path / "first-data")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    written = path.stat().st_mtime_ns

    # A fresh data folder, as a new `ONWARD_DATA_DIR` (and a new process: a new index) would be.
    second = Settings(data_dir=tmp_path / "second-data")
    again = TaskIndex(catalog, second.resolved_cache_dir(), use_embeddings=True)
    assert again.cache_file() == path and again.embeddings_cached()
    reused = again.task_vectors(wait=True)
    assert again.preparation() == Preparation("ready", len(index.texts), len(index.texts), computed=0)
    assert path.stat().st_mtime_ns == written
    assert reused is not None and np.array_equal(reused, vectors)


@needs_ml
def test_a_damaged_cache_file_is_computed_again_and_replaced_whole(tmp_path: Path) -> None:
    catalog = small_catalog()
    index = TaskIndex(catalog, tmp_path, use_embeddings=True)
    path = index.cache_file()
    assert path is not None
    path.write_bytes(b"\x93NUMPY half a file")
    vectors = index.task_vectors(wait=True)
    assert vectors is not None
    assert index.preparation().computed == len(index.texts)  # type: ignore[union-attr]
    assert np.array_equal(np.load(path), vectors)


@needs_ml
def test_preparing_reports_how_far_it_is_until_ready(tmp_path: Path) -> None:
    texts = [task.text for task in small_catalog().tasks][:40]
    vectors = TaskVectors(texts, tmp_path / "some.npy", chunk=8)
    assert vectors.progress().state == "waiting" and vectors.vectors is None
    seen: list[Preparation] = []
    result = vectors.wait(seen.append, interval=0.01)
    assert result is not None and result.shape == (40, 384)
    computing = [p.done for p in seen if p.state == "computing"]
    assert computing == sorted(computing) and all(0 <= done <= 40 for done in computing)
    assert seen[-1] == Preparation("ready", 40, 40, computed=40)
    assert vectors.embedder is not None
    vectors.start()  # idempotent: nothing starts again
    assert vectors.progress() == seen[-1]


def test_without_embeddings_there_is_nothing_to_prepare(tmp_path: Path) -> None:
    index = TaskIndex(small_catalog(), tmp_path, use_embeddings=False)
    assert index.task_vectors(wait=False) is None and index.preparation() is None
    assert index.cache_file() is None and list(tmp_path.iterdir()) == []


def test_when_the_model_cannot_load_preparing_fails_once_and_says_why(tmp_path: Path) -> None:
    vectors = TaskVectors(["Teach adults to read"], tmp_path / "tasks.npy", load=lambda: None)
    assert vectors.wait() is None
    failed = vectors.progress()
    assert failed.state == "failed" and "ml extra" in failed.error
    vectors.start()  # a page asking again does not start it over and over
    assert vectors.progress() == failed
    assert not (tmp_path / "tasks.npy").exists()
