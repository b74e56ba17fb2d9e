"""Server time per request for the first page and a bare JSON endpoint, over the heavy user's data.

Server time is what the app itself reports in its Server-Timing header (middleware to response), so
client and transport noise stay out. The bare endpoint is the baseline; pages aim at <= 10x it and <= 50 ms.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings

REQUESTS = 1000
BASELINE = "/api/health"
AIM_MS, AIM_RATIO = 50.0, 10.0


def server_times(client: object, path: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        response = client.get(path)  # type: ignore[attr-defined]
        assert response.status_code == 200, (path, response.status_code)
        times.append(float(response.headers["server-timing"].split("dur=")[1]))
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


@contextmanager
def signed_in(app: Any) -> Iterator[Any]:
    """A test client signed in with the bench token, owning the heavy user's workspace."""
    from fastapi.testclient import TestClient

    with TestClient(app, base_url="http://127.0.0.1") as client:
        client.get("/?token=bench")
        client.post("/workspace/own", data={"csrf_token": client.cookies.get("onward_csrf")})
        yield client


def baseline(client: Any, count: int = REQUESTS) -> float:
    """The bare endpoint's median server time (after a warm-up), what every page is measured against."""
    server_times(client, BASELINE, 50)
    return statistics.median(server_times(client, BASELINE, count))


def page_line(prefix: str, label: str, times: list[float], base_p50: float, *, aimed: bool = True) -> str:
    """One printed figure: p50, p95 and the ratio to the bare endpoint, with the verdict against the aim
    (p95 <= 50 ms and p50 <= 10x the bare endpoint) when the page has one."""
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    line = f"{prefix} {label}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, ratio to bare endpoint {p50 / base_p50:.1f}x"
    if aimed:
        verdict = "ok" if p50 / base_p50 <= AIM_RATIO and p95 <= AIM_MS else "OVER TARGET"
        line += f" (aim <= {AIM_RATIO:.0f}x, <= {AIM_MS:.0f} ms) {verdict}"
    return line


def measure_pages(
    client: Any, prefix: str, paths: list[str], base_p50: float, count: int, *, warm: int = 10, aimed: bool = True
) -> None:
    """Warm each page up, time `count` requests and print its line."""
    for path in paths:
        server_times(client, path, warm)
        print(page_line(prefix, path, server_times(client, path, count), base_p50, aimed=aimed))


def main(paths: list[str] | None = None) -> None:
    from onward.web.app import create_app

    build()
    app = create_app(heavy_user_settings(), token="bench")
    with signed_in(app) as client:
        targets = paths or ["/"] + [item.path for item in app.state.nav]
        base_p50 = baseline(client)
        print(f"web {BASELINE}: p50 {base_p50:.2f} ms (baseline)")
        measure_pages(client, "web", targets, base_p50, REQUESTS, warm=20)


if __name__ == "__main__":
    main(sys.argv[1:] or None)
