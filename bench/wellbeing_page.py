"""Server time of the well-being pages over the heavy user (1,800 check-ins, 120 questionnaires), as ratios to
the bare /api/health endpoint measured in the same run. Target: the well-being page <= 50 ms."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings
from web_requests import baseline, measure_pages, signed_in

PAGES = ["/wellbeing", "/api/wellbeing", "/wellbeing/trends", "/api/wellbeing/trends", "/wellbeing/survey/cbi"]
REQUESTS = 100


def main() -> None:
    from onward.web.app import create_app

    build()
    with signed_in(create_app(heavy_user_settings(), token="bench")) as client:
        base = baseline(client, 500)
        print(f"wellbeing baseline /api/health: p50 {base:.2f} ms")
        measure_pages(client, "wellbeing page", PAGES, base, REQUESTS, warm=5)


if __name__ == "__main__":
    main()
