"""Journal search over the heavy user's 2,000 entries (target: <= 20 ms), as ratios to a baseline measured in the
same run: a primary-key lookup of one entry through the same owner-scoped session (the cost of any query).

Each line gives wall time and this process's CPU time (SQLite runs in-process, so it is the query's cost
too); the verdict reads the CPU p50, as wall time on a shared machine also counts waiting for a core.
Also the server time of the journal and search pages (Server-Timing), against the bare JSON endpoint.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heavy_user import build, heavy_user_settings
from web_requests import baseline, measure_pages, percentile, signed_in

RUNS = 300
TARGET_MS = 20.0
SEARCHES = [  # (label, words, filters)
    ("one common word", "rota", {}),
    ("two words", "manager report", {}),
    ("a rare phrase", "allotment sister", {}),
    ("words + tag + dates", "teaching", {"tag": "hope", "since": "2024-01-01"}),
    ("filters only (newest first)", "", {"prompt": "care"}),
]


CPU: list[float] = []  # this process's CPU time of each run of the last `timed` (SQLite runs in-process)


def timed(call: object, runs: int) -> list[float]:
    """Return the wall time of each run in ms; CPU holds their CPU time (steadier on a shared machine)."""
    times = []
    CPU.clear()
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
    return times


def main() -> None:
    import datetime as dt

    from sqlalchemy import select

    from onward.reflection.models import JournalEntry
    from onward.reflection.search import Filters
    from onward.services import Services

    build()
    services = Services.local(heavy_user_settings())
    journal = services.reflection
    entries = journal.count()
    first_id = journal.find(limit=1)[0].entry.id

    def lookup() -> None:
        with services.workspace.session() as session:
            session.scalar(select(JournalEntry.id).where(JournalEntry.id == first_id))

    timed(lookup, 50)
    base = statistics.median(timed(lookup, RUNS))
    print(
        "journal baseline (one entry by id, owner-scoped session): "
        f"p50 {base:.2f} ms, CPU {statistics.median(CPU):.2f} ms "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall time waits when it is higher)"
    )
    for label, words, raw in SEARCHES:
        filters = Filters(
            prompt=raw.get("prompt"),
            tag=raw.get("tag"),
            since=dt.date.fromisoformat(raw["since"]) if "since" in raw else None,
        )
        hits = len(journal.find(words, filters))

        def search(words: str = words, filters: Filters = filters) -> None:
            journal.find(words, filters)

        timed(search, 20)
        times = timed(search, RUNS)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        # The verdict reads the CPU time: on a machine shared with other work, wall time also counts waiting.
        verdict = "ok" if statistics.median(CPU) <= TARGET_MS else "OVER TARGET"
        verdict += "" if p50 <= TARGET_MS else f"; wall p50 over {TARGET_MS:g} ms"
        print(
            f"journal search over {entries:,} entries, {label} ({hits} shown): p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
            f"CPU p50 {statistics.median(CPU):.2f} ms, "
            f"{p50 / base:.1f}x the baseline (aim <= {TARGET_MS:g} ms of CPU) {verdict}"
        )
    services.store.dispose()

    from onward.web.app import create_app

    with signed_in(create_app(heavy_user_settings(), token="bench")) as client:
        bare = baseline(client, 200)
        pages = ["/reflection", "/reflection/search?q=manager+report", "/api/reflection/search?q=rota&tag=work"]
        measure_pages(client, "web", pages, bare, 100, aimed=False)


if __name__ == "__main__":
    main()
