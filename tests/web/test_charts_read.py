"""Charts a person can read: each duty keeps its own colour on every page and after edits, the hours axis is
marked in round numbers, week labels never run into each other, and the numbers are there as a table for a
phone (the picture's text is drawn at half size there)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from onward.charts import BarChart, Series, nice_scale

from .conftest import csrf

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

BAR = re.compile(r'<rect [^>]*fill="(#[0-9A-Fa-f]{6})"><title>([^<]+), [A-Z][a-z]{2} \d+: [\d.]+</title>')


def colours(html: str) -> dict[str, str]:
    """Return each series' fill colour, read from the load chart's bars (their tooltips name the series)."""
    found: dict[str, set[str]] = {}
    for fill, name in BAR.findall(html):
        found.setdefault(name, set()).add(fill)
    assert all(len(fills) == 1 for fills in found.values()), found  # one colour per duty within a chart
    return {name: fills.pop() for name, fills in found.items()}


@SQLITE
def test_a_duty_keeps_its_colour_on_every_page_and_after_its_hours_change(client: TestClient) -> None:
    token = csrf(client)
    client.post("/workspace/demo", data={"csrf_token": token})
    plate, load = colours(client.get("/workload").text), colours(client.get("/workload/load").text)
    report = colours(client.get("/workload/report").text)
    assert len(plate) >= 4
    assert plate == {k: v for k, v in load.items() if k in plate}
    assert {k: v for k, v in report.items() if k in plate} == {k: v for k, v in plate.items() if k in report}
    assert len(set(plate.values())) == len(plate)  # no two duties on one chart share a colour

    # The smallest duty becomes the biggest: it moves to the bottom of the stack, and keeps its colour.
    smallest = min(
        (
            d
            for d in client.get("/api/workload/load").json()["load_chart"]["stacks"]
            if d["name"] in plate and d["name"] not in ("Meetings", "Everything else")
        ),
        key=lambda d: sum(d["values"]),
    )["name"]
    tag = "#" + smallest.split()[0].lower()
    answer = client.post("/workload/capture", data={"line": f"Big push {tag} due:fri 200h !3", "csrf_token": token})
    assert answer.status_code in (200, 303), answer.text
    stacks = client.get("/api/workload/load").json()["load_chart"]["stacks"]
    assert max(stacks, key=lambda d: sum(d["values"]))["name"] == smallest
    after = colours(client.get("/workload").text)
    assert after[smallest] == plate[smallest]
    assert {k: v for k, v in after.items() if k in plate} == {k: v for k, v in plate.items() if k in after}


def test_the_hours_axis_reads_in_round_numbers() -> None:
    for highest in (0.4, 3.0, 7.3, 34.9, 35.0, 36.2, 118.0, 990.0):
        ticks = nice_scale(highest)
        step = ticks[1] - ticks[0]
        assert ticks[0] == 0 and ticks[-1] >= highest and len(ticks) <= 6
        mantissa = step / 10 ** int(f"{step:e}".split("e")[1])
        assert round(mantissa, 6) in (1.0, 2.0, 2.5, 5.0), (highest, ticks)
        assert all(abs((b - a) - step) < 1e-9 for a, b in itertools.pairwise(ticks))
    svg = BarChart("Hours", "hours", ["Nov 30", "Dec 7"], [Series("Grants", [35.0, 12.0])]).svg()
    axis = re.findall(r'text-anchor="end" fill="#1f2933">([\d.]+)</text>', svg)
    assert axis == ["0", "10", "20", "30", "40"]


def test_week_labels_are_thinned_so_they_never_touch() -> None:
    labels = [f"Week {i:02d} ✓" for i in range(26)]
    svg = BarChart("Hours", "hours", labels, [Series("Grants", [1.0] * 26)]).svg()
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle"', svg)]
    assert 4 <= len(xs) < 26
    width = len(labels[0]) * 6.2
    assert all(b - a > width for a, b in itertools.pairwise(xs))


def first_chart_table(client: TestClient, path: str) -> str:
    """Open the demo and return the first chart table of the page at `path`, up to its end."""
    csrf(client)
    client.post("/workspace/demo", data={"csrf_token": csrf(client)})
    page = client.get(path).text
    table = page[page.index('<div class="chart-table">') :]
    return table[: table.index("</table>")]


@SQLITE
def test_the_numbers_come_as_a_table_too(client: TestClient) -> None:
    table = first_chart_table(client, "/workload/load")
    api = client.get("/api/workload/load").json()
    first_week = api["load_chart"]["labels"][0]
    assert f'<th scope="row">{first_week}</th>' in table
    assert "Hours you have" in table and "Total" in table
    assert "<svg" not in client.get("/api/workload/load").text  # the twin carries numbers, not pictures


@SQLITE
def test_the_report_page_tables_its_weeks_for_a_phone_and_the_printed_page_does_not(client: TestClient) -> None:
    table = first_chart_table(client, "/workload/report")
    assert "Hours needed each week" in table and "Available" in table and "Load %" in table
    weeks = client.get("/api/workload/report").json()["weeks"]
    assert table.count('<th scope="row">') == len(weeks)
    printed = client.get("/workload/report/download", params={"format": "html"}).text
    assert "chart-table" not in printed and "<svg" in printed


def test_legends_are_whole_and_inside_the_picture() -> None:
    names = ["Hours needed ÷ hours available", "Adult literacy workshops", "Office IT and newsletter", "Grants"]
    chart = BarChart("Hours", "hours", ["Nov 30"], [Series(n, [1.0]) for n in names], width=480)
    svg = chart.svg()
    for name in names:
        assert f">{name}</text>" in svg
    width = float(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))  # type: ignore[union-attr]
    for x, text in re.findall(r'<text x="(\d+)" y="\d+" fill="#1f2933">([^<]+)</text>', svg):
        assert float(x) + len(text) * 6.2 <= width, text


def test_a_long_series_of_past_weeks_tables_its_latest_twelve() -> None:
    labels = [f"W{i}" for i in range(30)]
    chart = BarChart("Mail sent after hours", "messages", labels, [Series("Mail", [float(i) for i in range(30)])])
    assert chart.table().count('<th scope="row">') == 30  # weeks ahead: every one
    latest = replace(chart, table_latest=True).table()
    assert latest.count('<th scope="row">') == 12 and "(the latest 12)" in latest
    assert '<th scope="row">W29</th><td class="num">29</td>' in latest and ">W17<" not in latest
