"""The 1:1 report page: shown, 'What I need' kept, downloads in every format."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import csrf

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_report_page_keeps_what_i_need_and_downloads(client: TestClient) -> None:
    token = csrf(client)
    client.post("/workspace/demo", data={"csrf_token": token})
    page = client.get("/workload/report")
    assert page.status_code == 200 and "One page for your 1:1" in page.text
    client.post(
        "/workload/report/needs", data={"csrf_token": token, "needs": "Clear priorities\n\nA second pair of hands"}
    )
    assert client.get("/api/workload/report").json()["needs"] == ["Clear priorities", "A second pair of hands"]
    pdf = client.get("/workload/report/download?format=pdf&paper=letter")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    markdown = client.get("/workload/report/download?format=md").text
    assert "- A second pair of hands" in markdown
    assert client.get("/workload/report/download?format=docx").status_code == 400
