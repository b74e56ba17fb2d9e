"""Wall time of `onward --help` as a whole process, against a bare `python -c pass` in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONWARD = Path(sys.executable).parent / "onward"
RUNS = 15


def wall(command: list[str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    python = statistics.median(wall([sys.executable, "-c", "pass"]))
    helptime = statistics.median(wall([str(ONWARD), "--help"]))
    verdict = "ok" if helptime <= 0.3 else "OVER TARGET"
    print(f"cli python -c pass: {python * 1000:.0f} ms (baseline)")
    print(
        f"cli onward --help: {helptime * 1000:.0f} ms, {helptime / python:.1f}x bare python (aim <= 300 ms) {verdict}"
    )


if __name__ == "__main__":
    main()
