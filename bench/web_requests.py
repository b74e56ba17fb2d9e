"""Server time per request for the first page and a bare JSON endpoint, over the heavy user's data.

Server time is what the app itself reports in its Server-Timing header (middleware to response), so
client and transport noise stay out. The bare endpoint is the baseline; pages aim at <= 10x it and <= 50 ms.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings

REQUESTS = 1000


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


def main(paths: list[str] | None = None) -> None:
    from fastapi.testclient import TestClient

    from onward.web.app import create_app

    build()
    app = create_app(heavy_user_settings(), token="bench")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        client.get("/?token=bench")
        client.post("/workspace/own", data={"csrf_token": client.cookies.get("onward_csrf")})
        baseline_path = "/api/health"
        targets = paths or ["/"] + [item.path for item in app.state.nav]
        server_times(client, baseline_path, 50)  # warm up
        base = server_times(client, baseline_path, REQUESTS)
        base_p50 = statistics.median(base)
        print(f"web {baseline_path}: p50 {base_p50:.2f} ms, p95 {percentile(base, 0.95):.2f} ms (baseline)")
        for path in targets:
            server_times(client, path, 20)
            times = server_times(client, path, REQUESTS)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            verdict = "ok" if p50 / base_p50 <= 10 and p95 <= 50 else "OVER TARGET"
            print(
                f"web {path}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
                f"ratio to bare endpoint {p50 / base_p50:.1f}x (aim <= 10x, <= 50 ms) {verdict}"
            )


if __name__ == "__main__":
    main(sys.argv[1:] or None)
