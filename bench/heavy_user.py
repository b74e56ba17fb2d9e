"""A deterministic "heavy user": five years of use, filled by each domain's `bench.py` as domains land.

Targets (DESIGN): 20,000 tasks, 1,800 check-ins, 3,000 contacts, 100,000 mail messages, 200 journal entries.
The database is built once per generator version and reused by every benchmark.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onward.domains import DOMAINS  # noqa: E402
from onward.services import Services  # noqa: E402
from onward.settings import Settings  # noqa: E402

OUT = Path(__file__).parent / "out"
TODAY = dt.date(2026, 11, 30)
SEED = 20261130
GENERATOR_VERSION = "2-" + "-".join(DOMAINS)  # 2: the workload heavy user (20,000 tasks)


def heavy_user_settings() -> Settings:
    return Settings(data_dir=OUT, database_url=f"sqlite:///{heavy_user_db()}", today=TODAY, open_browser=False)


def heavy_user_db() -> Path:
    return OUT / f"heavy-{GENERATOR_VERSION}.sqlite"


def build(force: bool = False) -> Path:
    """Build (or reuse) the heavy user's database; return its path."""
    path = heavy_user_db()
    if path.exists() and not force:
        return path
    OUT.mkdir(exist_ok=True)
    for stale in OUT.glob("heavy-*.sqlite*"):
        stale.unlink()
    services = Services.local(heavy_user_settings())
    services.preferences.set("name", "Heavy User")
    started = time.perf_counter()

    def report(domain: str, counts: dict[str, int]) -> None:
        nonlocal started
        print(f"heavy user: {domain}: {counts} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        started = time.perf_counter()

    services.fill_heavy_user(random.Random(SEED), report)
    services.store.dispose()
    return path


if __name__ == "__main__":
    print(build(force="--force" in sys.argv))
