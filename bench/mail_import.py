"""Mail import rate: a generated mailbox as an mbox and as a Maildir, imported by Onward (read, requests found,
written to SQLite) next to a bare header-only parse of the same files with the standard library (compat32,
the floor). Goal: at least 60% of the floor, with flat memory (peak RSS printed for a quarter and the whole).
Rates are per CPU second of each measuring process (the cores are shared); wall-clock rates are printed too.

    python bench/mail_import.py [--messages 100000]     (default 20,000: the CPU is shared)
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=int(os.environ.get("ONWARD_BENCH_MAIL", DEFAULT_MESSAGES)))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else (sys.argv[1:] if __name__ == "__main__" else []))
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="onward-bench-mail-") as folder:
        work = Path(folder)
        quarter = work / "quarter"
        quarter.mkdir()
        sizes = {"quarter": write_mailboxes(quarter, args.messages // 4), "whole": write_mailboxes(work, args.messages)}
        for index, kind in enumerate(("mbox", "Maildir")):
            whole = sizes["whole"][index]
            base = measure("floor", whole, work / "unused.sqlite")
            ours = measure("import", whole, work / f"{kind}.sqlite")
            small = measure("import", sizes["quarter"][index], quarter / f"{kind}.sqlite")
            # Rates per CPU second of each process (the machine's cores are shared, so wall time says more
            # about the neighbours than about the code); wall-clock rates follow in brackets.
            floor_rate, rate = base["count"] / base["cpu_seconds"], ours["count"] / ours["cpu_seconds"]
            floor_wall, wall = base["count"] / base["seconds"], ours["count"] / ours["seconds"]
            print(
                f"mail import, {kind}, {int(ours['count']):,} messages: {rate:,.0f} msg/s, stdlib header-only floor "
                f"{floor_rate:,.0f} msg/s: {rate / floor_rate:.0%} of the floor (goal 60%; by the clock {wall:,.0f} "
                f"and {floor_wall:,.0f} msg/s, {wall / floor_wall:.0%}); peak RSS "
                f"{ours['peak_mb']:.0f} MB ({small['peak_mb']:.0f} MB for a quarter as many; floor "
                f"{base['peak_mb']:.0f} MB)"
            )


if __name__ == "__main__":
    main()
