"""`onward serve` as a person starts it: its memory before and after the first match, and how soon the
occupations page answers on a fresh data folder, with the machine's cache of task embeddings cold and warm.

Each run starts the real server (`onward serve --port 0`) as a subprocess over a fresh ONWARD_DATA_DIR and
reads its resident memory from /proc/PID/status (VmRSS). The cold run uses an empty cache folder, so the
O*NET task embeddings are computed once (minutes); the warm run then uses the same folder, now filled, as every
later data folder on that computer would. Times run from starting the process: to the first answer of
/fit/occupations (by words while meaning gets ready) and to the first answer by meaning.

`ONWARD_BENCH_SKIP_COLD=1` leaves the cold run out (it costs minutes of CPU).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TASKS = {"tasks": "Teach adults to read\nTrain volunteer tutors"}
START = "from onward.cli.main import run; run()"
TIMEOUT = 1800.0  # seconds: a cold run on a busy two-core machine takes many minutes


@dataclass
class Run:
    first_answer: float  # seconds from starting the process to the first /fit/occupations page
    first_answer_method: str  # the method badge of that page
    by_meaning: float  # seconds from starting the process to the first answer by meaning
    rss_after_match: float  # MB, after the first answer by meaning


def rss_mb(pid: int) -> float:
    """Return the process's resident memory in MB, from /proc/PID/status."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert found, "no VmRSS in /proc/PID/status"
    return int(found.group(1)) / 1024


@contextmanager
def serving(cache_dir: Path) -> Iterator[tuple[subprocess.Popen[str], httpx.Client, float]]:
    """Start `onward serve` over a fresh data folder and this cache folder; give the process, a client
    signed in with the printed token link, and when the process was started."""
    with tempfile.TemporaryDirectory(prefix="onward-bench-serve-") as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
        env.update(
            ONWARD_DATA_DIR=data,
            ONWARD_CACHE_DIR=str(cache_dir),
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
        )
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", START, "serve", "--port", "0", "--no-browser"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            assert process.stdout is not None
            url = ""
            for line in process.stdout:
                found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
                if found:
                    url = found.group(0)
                    break
            assert url, "onward serve printed no address"
            with httpx.Client(base_url=url.split("/?", 1)[0], timeout=TIMEOUT) as client:
                client.get(url)  # the token link: its cookie signs the client in
                yield process, client, started
        finally:
            process.terminate()
            process.wait(timeout=30)


def first_match(cache_dir: Path) -> Run:
    """Time the first occupations page, and the first answer by meaning, of a fresh server; its RSS after."""
    with serving(cache_dir) as (process, client, started):
        page = client.get("/fit/occupations", params=TASKS)
        first_answer = time.perf_counter() - started
        assert page.status_code == 200, page.status_code
        badge = re.search(r'data-testid="method">([^<]*)<', page.text)
        while client.get("/api/fit/occupations", params=TASKS).json()["method"] != "hybrid":
            assert time.perf_counter() - started < TIMEOUT, "matching by meaning was never ready"
            time.sleep(0.5)
        by_meaning = time.perf_counter() - started
        return Run(first_answer, badge.group(1) if badge else "?", by_meaning, rss_mb(process.pid))


def rss_before_a_match(cache_dir: Path) -> float:
    """Return the RSS (MB) of a server that has started and built its task index, and matched nothing."""
    with serving(cache_dir) as (process, client, _started):
        # The status answer waits for the task index (BM25), which start-up builds in the background.
        state = client.get("/api/fit/matching/status").json()["state"]
        assert state in ("not_started", "words_only"), state
        return rss_mb(process.pid)


def main() -> None:
    from onward.fit.matching.embedding import ml_available

    if not ml_available():
        print("serve memory: the ml extra is not installed; nothing to compare")
        return
    skip_cold = os.environ.get("ONWARD_BENCH_SKIP_COLD") == "1"
    with tempfile.TemporaryDirectory(prefix="onward-bench-cache-") as empty:
        cache = Path(empty)
        cold = None
        if skip_cold:
            cache = Path(os.environ.get("ONWARD_CACHE_DIR") or ROOT / "bench" / "out" / "cache")
            if not any(cache.glob("*.npy")):
                # Nothing to be warm with yet: this run fills the folder, and counts as the cold one.
                print(f"serve: {cache} holds no task embeddings yet, so this run computes them (cold)")
                cold = first_match(cache)
        else:
            cold = first_match(cache)  # computes the task embeddings into the empty cache folder
        warm = first_match(cache)
        before = rss_before_a_match(cache)
    print(f"serve RSS before the first match (started, task index built): {before:.0f} MB (baseline)")
    print(
        f"serve RSS after the first match by meaning: {warm.rss_after_match:.0f} MB, "
        f"{warm.rss_after_match / before:.1f}x the baseline"
    )
    print(
        f"serve fresh data folder, warm machine cache: first /fit/occupations answer after "
        f"{warm.first_answer:.1f} s ({warm.first_answer_method}), by meaning after {warm.by_meaning:.1f} s"
    )
    if cold is None:
        print("serve cold machine cache: left out (ONWARD_BENCH_SKIP_COLD=1)")
        return
    print(
        f"serve fresh data folder, cold machine cache: first /fit/occupations answer after "
        f"{cold.first_answer:.1f} s ({cold.first_answer_method}), by meaning after {cold.by_meaning:.1f} s"
    )
    print(
        f"serve cold vs warm machine cache: first answer {cold.first_answer / warm.first_answer:.1f}x, "
        f"by meaning {cold.by_meaning / warm.by_meaning:.1f}x (every later data folder gets the warm case)"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
