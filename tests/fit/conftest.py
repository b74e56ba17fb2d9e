"""Fixtures for matching: the O*NET task index in BM25-only and hybrid modes (embeddings cached once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.fit.matching.embedding import ml_available
from onward.fit.matching.index import TaskIndex, task_index

from ..conftest import TEST_CACHE_DIR

# The LinkedIn sample is CC BY-SA test data: read from the team's data folder (the `shared_data` fixture), never
# copied into the package.
LINKEDIN = "linkedin_job_postings_sample/postings.csv"
# The schema.org examples are small: a copy (with its SOURCE.md) lives in tests/data.
SCHEMA_ORG = Path(__file__).resolve().parents[1] / "data" / "schemaorg_jobposting_examples"

needs_ml = pytest.mark.skipif(not ml_available(), reason="the ml extra (sentence embeddings) is not installed")


@pytest.fixture(scope="session", params=["bm25", pytest.param("hybrid", marks=needs_ml)])
def index(request: pytest.FixtureRequest) -> TaskIndex:
    """The task index; in hybrid mode with its embeddings ready (computed once into the test cache)."""
    built = task_index(TEST_CACHE_DIR, use_embeddings=request.param == "hybrid")
    built.task_vectors(wait=True)
    return built
