"""Server time of the well-being pages over the heavy user (1,800 check-ins, 120 questionnaires), as ratios to
the bare /api/health endpoint measured in the same run. Target: the well-being page <= 50 ms."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings
from web_requests import percentile, server_times

PAGES = ["/wellbeing", "/api/wellbeing", "/wellbeing/trends", "/api/wellbeing/trends", "/wellbeing/survey/cbi"]
REQUESTS = 100
TARGET_MS = 50.0


def main() -> None:
    from fastapi.testclient import TestClient

    from onward.web.app import create_app

    build()
    app = create_app(heavy_user_settings(), token="bench")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        client.get("/?token=bench")
        client.post("/workspace/own", data={"csrf_token": client.cookies.get("onward_csrf")})
        server_times(client, "/api/health", 50)
        base = statistics.median(server_times(client, "/api/health", 500))
        print(f"wellbeing baseline /api/health: p50 {base:.2f} ms")
        for path in PAGES:
            server_times(client, path, 5)
            times = server_times(client, path, REQUESTS)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            verdict = "ok" if p50 <= TARGET_MS else "OVER TARGET"
            print(
                f"wellbeing page {path}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
                f"ratio to bare endpoint {p50 / base:.0f}x (target <= {TARGET_MS:.0f} ms) {verdict}"
            )


if __name__ == "__main__":
    main()
