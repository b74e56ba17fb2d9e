"""Network figures: importing 3,000 LinkedIn connections (aim <= 2 s) and the contacts, due and overview pages over
the heavy user's 3,000 contacts and 20,000 interactions (aim <= 50 ms server time), each with a baseline from the
same run (the bare /api/health endpoint).

    python bench/network.py
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import SEED, TODAY, build, heavy_user_settings
from web_requests import baseline, measure_pages, signed_in

CONNECTIONS = 3_000
REQUESTS = 200
PAGES = [
    "/network/contacts",
    "/api/network/contacts",
    "/network/contacts?q=north",
    "/network/due",
    "/api/network/due",
    "/network",
    "/api/network",
]
AIMED = {"/network/contacts", "/network/due", "/network"}  # the pages a person opens
PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
)


def connections_file(count: int, rng: random.Random) -> bytes:
    """Return a LinkedIn Connections.csv of `count` people, shaped like a real export (preamble, quoting)."""
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    for i in range(count):
        first, last = rng.choice(("Priya", "Tom", "Dana", "Sam")), f"{rng.choice(('Shah', 'Lee', 'Reyes'))}{i}"
        writer.writerow(
            [
                first,
                last + " ",
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}",
                f"{first.lower()}.{last.lower()}@example.org" if rng.random() < 0.2 else "",
                rng.choice(("Northside Adult Learning", "City Library Service", "Harbour Trust")),
                rng.choice(("Programme Director", "Principal Consultant, Business Performance", "Tutor")),
                f"{rng.randint(1, 28):02d} {rng.choice(months)} {rng.randint(2010, 2026)}",
            ]
        )
    return out.getvalue().encode("utf-8")


def import_figures() -> None:
    from onward.services import Services
    from onward.settings import Settings

    data = connections_file(CONNECTIONS, random.Random(SEED))
    started = time.perf_counter()
    rows = sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"))))
    baseline = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=f"sqlite:///{folder}/bench.sqlite", today=TODAY)
        services = Services.local(settings)
        started = time.perf_counter()
        result = services.network.imports.import_data(data, "Connections.csv", "linkedin")
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = services.network.imports.import_data(data, "Connections.csv", "linkedin")
        second = time.perf_counter() - started
        services.store.dispose()
    assert result.added == CONNECTIONS and again.added == 0, (result, again)
    verdict = "ok" if first <= 2 else "OVER TARGET"
    print(f"network csv.reader over the file ({rows} lines): {baseline * 1000:.1f} ms (baseline)")
    print(
        f"network import {CONNECTIONS:,} LinkedIn connections: {first:.2f} s, {first / baseline:.0f}x the bare read "
        f"(aim <= 2 s) {verdict}"
    )
    print(f"network re-import of the same file (nobody added twice): {second:.2f} s, {second / baseline:.0f}x")


def page_figures() -> None:
    from onward.web.app import create_app

    build()
    with signed_in(create_app(heavy_user_settings(), token="bench")) as client:
        count = client.get("/api/network/contacts").json()["total"]
        base_p50 = baseline(client, REQUESTS)
        print(f"network heavy user: {count:,} contacts; /api/health p50 {base_p50:.2f} ms (baseline)")
        for path in PAGES:  # the pages a person opens carry the aim; the rest are figures
            measure_pages(client, "network", [path], base_p50, REQUESTS, aimed=path in AIMED)


def main() -> None:
    import_figures()
    page_figures()


if __name__ == "__main__":
    main()
