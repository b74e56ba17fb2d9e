"""The occupations and postings pages (and their JSON twins) over a real app and database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from onward.attribution import DATA_SOURCES, ONET

from .conftest import csrf


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
    response = client.post("/fit/postings/import", data=form, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert "Imported: 1 added" in page.text
    data = client.get("/api/fit/postings").json()
    titles = [r["title"] for r in data["results"]]
    assert "Literacy Program Lead" in titles[:2]
    lead = data["results"][titles.index("Literacy Program Lead")]
    assert "what you love" in lead["explanation"][0]
    again = client.post("/fit/postings/import", data=form, follow_redirects=False)
    assert "imported=0&merged=1" in again.headers["location"]


def test_a_bad_upload_changes_nothing_and_says_which_record(client: TestClient) -> None:
    bad = b"title,company\nGood posting,Acme\n,Nameless Inc\n"
    response = client.post(
        "/fit/postings/import",
        data={"csrf_token": csrf(client), "format": "csv"},
        files={"file": ("jobs.csv", bad, "text/csv")},
    )
    assert response.status_code == 400
    assert "jobs.csv line 3: the posting has no title" in response.text
    assert client.get("/api/fit/postings").json()["total"] == 0
