"""Server time of the fit pages over the heavy user's data (400 applications, 30 offers, years of duties),
as ratios to the bare JSON endpoint (see web_requests.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_requests

FIT_PAGES = ["/fit", "/fit/audit", "/fit/profile", "/fit/applications", "/fit/offers", "/api/fit/offers"]


def main() -> None:
    web_requests.main(FIT_PAGES)


if __name__ == "__main__":
    main()
