"""The occupations and postings pages (and their JSON twins) over a real app and database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onward.attribution import DATA_SOURCES, ONET
from onward.fit.matching.embedding import ml_available
from onward.fit.matching.index import task_index
from onward.fit.matching.service import BM25_CHOSEN_NOTE
from onward.settings import Settings
from onward.web.app import create_app

from ..conftest import TEST_CACHE_DIR
from .conftest import TOKEN, csrf, import_upload

needs_ml = pytest.mark.skipif(not ml_available(), reason="the ml extra (sentence embeddings) is not installed")
sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
# Keys of the occupations page's JSON twin before `matching_status` was added: none may go.
OCCUPATIONS_KEYS = {"method", "method_label", "note", "preparing", "own_duties", "loved", "liked", "avoid"}
OCCUPATIONS_KEYS |= {"results", "source"}


def test_the_onet_attribution_is_listed_and_shown_on_the_about_page(client: TestClient) -> None:
    assert ONET in DATA_SOURCES
    assert "CC BY 4.0" in ONET.licence
    page = client.get("/about").text
    assert "O*NET 30.1 Database" in page
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications" in page


def test_occupations_page_matches_typed_tasks_and_labels_the_method(client: TestClient) -> None:
    page = client.get("/fit/occupations", params={"tasks": "Teach adults to read\nTrain volunteer tutors"})
    assert page.status_code == 200
    assert "Adult Basic Education" in page.text
    assert "Their task:" in page.text
    data = client.get("/api/fit/occupations", params={"tasks": "Teach adults to read"}).json()
    assert data["method"] in ("hybrid", "bm25")
    assert data["method_label"] and data["results"][0]["evidence"][0]["yours"] == "Teach adults to read"
    assert data["source"]["licence"] == "CC BY 4.0"


def test_pasting_a_posting_imports_it_and_the_demo_ranks_it_with_reasons(client: TestClient) -> None:
    client.post("/workspace/demo", data={"csrf_token": csrf(client)})
    posting = (
        "Literacy Program Lead\n"
        "- Plan and lead evening literacy workshops for adult learners\n"
        "- Train and coach volunteer tutors\n"
    )
    form = {"csrf_token": csrf(client), "format": "text", "text": posting}
    status, page = import_upload(client, "/fit/postings/import", "postings", data=form)
    assert status == 303 and "Imported: 1 added" in page
    data = client.get("/api/fit/postings").json()
    titles = [r["title"] for r in data["results"]]
    assert "Literacy Program Lead" in titles[:2]
    lead = data["results"][titles.index("Literacy Program Lead")]
    assert "what you love" in lead["explanation"][0]
    _, again = import_upload(client, "/fit/postings/import", "postings", data=form)
    assert "Imported: 0 added, 1 merged into postings already here" in again


def test_a_bad_upload_changes_nothing_and_says_which_record(client: TestClient) -> None:
    bad = b"title,company\nGood posting,Acme\n,Nameless Inc\n"
    _, page = import_upload(
        client,
        "/fit/postings/import",
        "postings",
        data={"csrf_token": csrf(client), "format": "csv"},
        files={"file": ("jobs.csv", bad, "text/csv")},
    )
    assert "Nothing was imported: jobs.csv line 3: the posting has no title" in page
    assert 'action="/fit/postings/import"' in page  # the form again
    assert client.get("/api/fit/postings").json()["total"] == 0


@pytest.fixture
def cold_client(settings: Settings, tmp_path: Path) -> Iterator[TestClient]:
    """A browser on an app whose machine cache is empty: the task embeddings are not there yet."""
    cold = settings.model_copy(update={"cache_dir": tmp_path / "cold-cache"})
    with TestClient(create_app(cold, token=TOKEN), base_url="http://127.0.0.1") as client:
        assert client.get(f"/?token={TOKEN}", follow_redirects=False).status_code == 303
        try:
            yield client
        finally:  # the test is over: no need to compute 20,922 embeddings in the background
            embeddings = task_index(cold.resolved_cache_dir(), use_embeddings=True).embeddings
            assert embeddings is not None
            embeddings.stop()


@needs_ml
@sqlite_only
def test_before_matching_by_meaning_is_ready_a_page_answers_by_words_and_says_how_far(
    cold_client: TestClient,
) -> None:
    tasks = {"tasks": "Teach adults to read\nTrain volunteer tutors"}
    page = cold_client.get("/fit/occupations", params=tasks)
    assert page.status_code == 200
    assert "Matched by words only for now — matching by meaning is getting ready (" in page.text
    assert 'hx-get="/fit/matching/status"' in page.text  # the notice polls until ready
    assert "Adult Basic Education" in page.text  # shared words find it meanwhile

    data = cold_client.get("/api/fit/occupations", params=tasks).json()
    assert set(data) >= OCCUPATIONS_KEYS
    assert data["method"] == "bm25" and data["preparing"] is True and data["results"]
    status = data["matching_status"]
    assert status["state"] == "preparing"
    assert status["total"] == len(task_index(TEST_CACHE_DIR, use_embeddings=False).texts)
    assert 0 <= status["done"] < status["total"]
    assert status["label"].startswith("Matched by words only for now") and data["note"] == status["label"]

    polled = cold_client.get("/fit/matching/status", headers={"HX-Request": "true"})
    assert polled.status_code == 200 and 'id="matching-status"' in polled.text
    assert "HX-Refresh" not in polled.headers
    assert cold_client.get("/api/fit/matching/status").json()["state"] == "preparing"
    postings = cold_client.get("/api/fit/postings").json()
    assert postings["matching_status"]["state"] == "preparing" and postings["total"] == 0


@needs_ml
@sqlite_only
def test_once_ready_the_polled_notice_brings_in_the_results_by_meaning(client: TestClient) -> None:
    tasks = {"tasks": "Teach adults to read"}
    client.get("/api/fit/occupations", params=tasks)  # starts getting ready, if it had not
    task_index(TEST_CACHE_DIR, use_embeddings=True).task_vectors(wait=True)
    assert client.get("/api/fit/matching/status").json() == {
        "state": "ready",
        "done": len(task_index(TEST_CACHE_DIR, use_embeddings=False).texts),
        "total": len(task_index(TEST_CACHE_DIR, use_embeddings=False).texts),
        "label": "",
    }
    here = {"HX-Request": "true", "HX-Current-URL": "http://127.0.0.1/fit/occupations?tasks=Teach+adults+to+read"}
    polled = client.get("/fit/matching/status", headers=here)
    assert 'hx-get="/fit/occupations?tasks=Teach+adults+to+read"' in polled.text
    assert 'hx-select="#matches"' in polled.text and "HX-Refresh" not in polled.headers
    elsewhere = client.get("/fit/matching/status", headers={"HX-Request": "true", "HX-Current-URL": "http://x/y"})
    assert elsewhere.headers["HX-Refresh"] == "true" and "hx-get" not in elsewhere.text
    page = client.get("/fit/occupations", params=tasks).text
    assert 'id="matches"' in page and "matching-status" not in page
    data = client.get("/api/fit/occupations", params=tasks).json()
    assert data["method"] == "hybrid" and data["note"] == ""
    assert data["matching_status"]["state"] == "ready"


@sqlite_only
def test_matching_by_words_by_choice_says_so_and_never_polls(settings: Settings) -> None:
    chosen = settings.model_copy(update={"text_matching": "bm25"})
    with TestClient(create_app(chosen, token=TOKEN), base_url="http://127.0.0.1") as client:
        client.get(f"/?token={TOKEN}")
        status = client.get("/api/fit/matching/status").json()
        assert status == {"state": "words_only", "done": 0, "total": 0, "label": BM25_CHOSEN_NOTE}
        page = client.get("/fit/occupations", params={"tasks": "Teach adults to read"})
        assert BM25_CHOSEN_NOTE in page.text and "matching-status" not in page.text
        data = client.get("/api/fit/occupations", params={"tasks": "Teach adults to read"}).json()
        assert data["method"] == "bm25" and data["matching_status"]["state"] == "words_only"
