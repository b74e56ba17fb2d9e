"""Mail import rate: a generated mailbox as an mbox and as a Maildir, imported by Onward (read, requests found,
written to SQLite) next to a bare header-only parse of the same files with the standard library (compat32,
the floor). Goal: at least 60% of the floor, with flat memory (peak RSS printed for a quarter and the whole).
Rates are per CPU second of each measuring process (the cores are shared); wall-clock rates are printed too.
Floor and import run in turns (3 rounds each by default): the rates are the rounds' medians, each with its
spread, and the share of the floor is the median of each import round against the floor round just before it.

    python bench/mail_import.py [--messages 100000] [--rounds 3]     (default 20,000: the CPU is shared)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from email import policy
from email.parser import BytesHeaderParser
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_MESSAGES = 20_000
DEFAULT_ROUNDS = 3


def write_mailboxes(folder: Path, count: int) -> tuple[Path, Path]:
    """Write `count` generated messages as one mbox and as a Maildir (cur/new/tmp)."""
    from onward.mail.generate import mailbox

    per_week = 200
    weeks = max(1, count // (2 * per_week))
    messages = mailbox(
        ("Bench User", "bench@example.org"),
        "example.org",
        dt.date(2025, 1, 6),
        weeks,
        ZoneInfo("Europe/Paris"),
        random.Random(14),
        sent_per_week=per_week,
    )
    mbox, maildir = folder / "mail.mbox", folder / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    with mbox.open("wb") as out:
        for number, (_, raw) in enumerate(messages):
            if number >= count:
                break
            out.write(b"From bench@example.org Mon Jan  6 10:00:00 2025\n" + raw.replace(b"\r\n", b"\n") + b"\n")
            (maildir / "cur" / f"{1736150400 + number}.M{number}P1.bench:2,S").write_bytes(raw)
    return mbox, maildir


def floor(path: Path) -> int:
    """The standard library's header-only parse of every message (the floor): mailbox for an mbox, the files
    read one by one for a Maildir. Returns the number of messages."""
    import mailbox

    parser = BytesHeaderParser(policy=policy.compat32)
    count = 0
    if path.is_file():
        box = mailbox.mbox(path, create=False)
        for key in box.iterkeys():
            parser.parsebytes(box.get_bytes(key))
            count += 1
    else:
        for directory, _, files in os.walk(path):
            for name in files:
                with open(os.path.join(directory, name), "rb") as handle:
                    parser.parse(handle)
                count += 1
    return count


def child(kind: str, path: Path, database: Path) -> None:
    """One measurement in a fresh process, so its peak RSS is its own: prints JSON. The database is created
    (and migrated) and dateparser imported before the clock starts: the rate is the import's alone."""
    if kind == "floor":
        start, cpu = time.perf_counter(), time.process_time()
        count = floor(path)
    else:
        import dateparser  # noqa: F401 - loaded once per process; not the import's cost

        from onward.services import Services
        from onward.settings import Settings

        settings = Settings(data_dir=database.parent, database_url=f"sqlite:///{database}", open_browser=False)
        services = Services.local(settings)
        services.mail.me.add_addresses(["bench@example.org"])
        start, cpu = time.perf_counter(), time.process_time()
        result = services.mail.imports.import_path(path)
        count = result.imported + result.duplicates + result.broken
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"count": count, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak}))


def measure(kind: str, path: Path, database: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(database)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    data: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _spread(values: list[float]) -> str:
    """The rounds' range around their median, as a share of it: "±4%" (half the range)."""
    return f"±{(max(values) - min(values)) / 2 / _median(values):.0%}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=int(os.environ.get("ONWARD_BENCH_MAIL", DEFAULT_MESSAGES)))
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="floor and import rounds, alternating")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else (sys.argv[1:] if __name__ == "__main__" else []))
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    rounds = max(1, args.rounds)
    with tempfile.TemporaryDirectory(prefix="onward-bench-mail-") as folder:
        work = Path(folder)
        quarter = work / "quarter"
        quarter.mkdir()
        sizes = {"quarter": write_mailboxes(quarter, args.messages // 4), "whole": write_mailboxes(work, args.messages)}
        for index, kind in enumerate(("mbox", "Maildir")):
            whole = sizes["whole"][index]
            # Floor and import alternate, round by round, so a busy neighbour slows both alike; each import
            # writes a fresh database.
            floors, imports = [], []
            for number in range(rounds):
                floors.append(measure("floor", whole, work / "unused.sqlite"))
                imports.append(measure("import", whole, work / f"{kind}-{number}.sqlite"))
            small = measure("import", sizes["quarter"][index], quarter / f"{kind}.sqlite")
            # Rates per CPU second of each process (the machine's cores are shared, so wall time says more
            # about the neighbours than about the code); wall-clock rates follow in brackets. Medians of the
            # rounds, each with its spread (half the range, as a share of the median); the share of the floor
            # is the median of each round's import against the floor run just before it.
            floor_rates = [run["count"] / run["cpu_seconds"] for run in floors]
            rates = [run["count"] / run["cpu_seconds"] for run in imports]
            shares = [ours / base for ours, base in zip(rates, floor_rates, strict=True)]
            floor_wall = _median([run["count"] / run["seconds"] for run in floors])
            wall = _median([run["count"] / run["seconds"] for run in imports])
            peak = max(run["peak_mb"] for run in imports)
            print(
                f"mail import, {kind}, {int(imports[0]['count']):,} messages, median of {rounds} rounds: "
                f"{_median(rates):,.0f} msg/s ({_spread(rates)}), stdlib header-only floor "
                f"{_median(floor_rates):,.0f} msg/s ({_spread(floor_rates)}): {_median(shares):.0%} of the floor "
                f"(rounds {min(shares):.0%}–{max(shares):.0%}; goal 60%) [by the clock {wall:,.0f} and "
                f"{floor_wall:,.0f} msg/s, {wall / floor_wall:.0%}]; peak RSS {peak:.0f} MB "
                f"({small['peak_mb']:.0f} MB for a quarter as many; floor {max(r['peak_mb'] for r in floors):.0f} MB)"
            )


if __name__ == "__main__":
    main()
