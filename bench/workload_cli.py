"""Onward's task CLI against Taskwarrior itself, as whole processes, on the same 20,000 tasks (2,000 pending).

Times `onward tasks import` vs `task import`, then the everyday listing: `onward tasks list --json` vs
`task next` (or, when `tasks list` is not there yet, `onward tasks export` vs `task export`). Each tool
works in its own fresh folder (TASKDATA / ONWARD_DATA_DIR). Installs Debian's `taskwarrior` when missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ONWARD = str(Path(sys.executable).parent / "onward")
SEED = 20261130
TASKS = 20_000
PENDING = 2_000
IMPORT_RUNS = 3
LIST_RUNS = 5
PROJECTS = [
    "Grants",
    "Adult literacy",
    "Tutor training",
    "Library partnerships",
    "Newsletter",
    "Events.Gala",
    "Events.Holiday party",
    "Volunteers",
    "Board",
    "Admin",
    "Reporting",
    "Outreach",
]
VERBS = ["Draft", "Review", "Send", "Call", "Plan", "Update", "Book", "Prepare", "Follow up on", "File"]
THINGS = [
    "the grant report",
    "volunteer rota",
    "board slides",
    "newsletter",
    "tutor notes",
    "budget lines",
    "room booking",
    "thank-you notes",
    "attendance numbers",
    "partner agreement",
]


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def generate(rng: random.Random, today: dt.date) -> list[dict[str, object]]:
    """Return a deterministic Taskwarrior export: five years of tasks, the last PENDING of them still open."""
    start = dt.datetime.combine(today, dt.time(9)) - dt.timedelta(days=5 * 365)
    ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(TASKS)]
    records: list[dict[str, object]] = []
    for i, task_uuid in enumerate(ids):
        entry = start + dt.timedelta(minutes=int(i * (5 * 365 * 24 * 60) / TASKS))
        pending = i >= TASKS - PENDING
        record: dict[str, object] = {
            "uuid": task_uuid,
            "description": f"{rng.choice(VERBS)} {rng.choice(THINGS)} #{i}",
            "entry": stamp(entry),
            "modified": stamp(entry + dt.timedelta(hours=2)),
            "project": rng.choice(PROJECTS),
            "status": "pending" if pending else ("deleted" if rng.random() < 0.05 else "completed"),
            "estimate": f"PT{rng.choice([1, 2, 3, 4, 6])}H" if rng.random() < 0.7 else f"PT{rng.choice([15, 30, 45])}M",
        }
        if rng.random() < 0.6:
            record["priority"] = rng.choice("HML")
        if rng.random() < 0.4:
            record["tags"] = rng.sample(["writing", "email", "calls", "waiting", "funder", "quick"], 2)
        if pending:
            if rng.random() < 0.7:
                record["due"] = stamp(dt.datetime.combine(today, dt.time(17)) + dt.timedelta(days=rng.randint(-10, 90)))
            if rng.random() < 0.1 and i > TASKS - PENDING:
                record["depends"] = [ids[rng.randint(TASKS - PENDING, i - 1)]]
            if rng.random() < 0.1:
                record["annotations"] = [{"entry": stamp(entry), "description": "Asked Dana; waiting to hear."}]
        else:
            record["end"] = stamp(entry + dt.timedelta(days=rng.randint(1, 20)))
        records.append(record)
    return records


def ensure_taskwarrior() -> str | None:
    """Return the path of `task`, installing Debian's taskwarrior when missing (None if that is impossible)."""
    found = shutil.which("task")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "taskwarrior"], check=False, capture_output=True)
    return shutil.which("task")


def wall(command: list[str], env: dict[str, str], check: bool = True) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def taskwarrior_env(folder: Path) -> dict[str, str]:
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={folder / 'data'}\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.0\n"
        "uda.estimate.type=duration\nuda.estimate.label=Estimate\n",
        encoding="utf-8",
    )
    return {**os.environ, "TASKRC": str(rc), "TASKDATA": str(folder / "data")}


def onward_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONWARD_")}
    return {**env, "ONWARD_DATA_DIR": str(folder), "ONWARD_TIMEZONE": "UTC"}


def has_tasks_list(env: dict[str, str]) -> bool:
    probe = subprocess.run([ONWARD, "tasks", "list", "--help"], env=env, capture_output=True, check=False)
    return probe.returncode == 0


def ratio_line(label: str, onward: float, task: float) -> str:
    verdict = "ok" if onward <= task else "SLOWER than Taskwarrior"
    return f"{label}: onward {onward * 1000:.0f} ms, task {task * 1000:.0f} ms, ratio {onward / task:.2f} ({verdict})"


def main() -> None:
    task = ensure_taskwarrior()
    if task is None:
        print("workload cli: taskwarrior is not installed and could not be installed; skipped")
        return
    version = subprocess.run([task, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="onward-bench-tw-") as tmp:
        root = Path(tmp)
        export = root / "tasks.json"
        export.write_text(json.dumps(generate(random.Random(SEED), dt.date.today())), encoding="utf-8")
        print(f"workload cli: {TASKS} tasks ({PENDING} pending), {export.stat().st_size / 1e6:.1f} MB, task {version}")

        onward_imports, task_imports = [], []
        for run in range(IMPORT_RUNS):
            onward_imports.append(wall([ONWARD, "tasks", "import", str(export)], onward_env(root / f"onward{run}")))
            (root / f"tw{run}").mkdir()
            task_imports.append(wall([task, "import", str(export)], taskwarrior_env(root / f"tw{run}")))
        onward_import, task_import = statistics.median(onward_imports), statistics.median(task_imports)
        print(ratio_line(f"workload cli import {TASKS} tasks", onward_import, task_import))

        onward_at, task_at = onward_env(root / "onward0"), taskwarrior_env(root / "tw0")
        if has_tasks_list(onward_at):
            label = "tasks list --json vs task next"
            onward_cmd = [ONWARD, "tasks", "list", "--json"]
            task_cmd = [task, "next"]
        else:
            label = "tasks export (no `tasks list` on this branch) vs task export"
            onward_cmd = [ONWARD, "tasks", "export", str(root / "tasks.ics")]
            task_cmd = [task, "export"]
            wall([task, "next"], task_at, check=False)
            task_next = statistics.median(wall([task, "next"], task_at, check=False) for _ in range(LIST_RUNS))
            print(f"workload cli task next: {task_next * 1000:.0f} ms (the mark for `onward tasks list --json`)")
        # One untimed run each: Taskwarrior's first report after an import also tidies its files (gc).
        wall(onward_cmd, onward_at)
        wall(task_cmd, task_at, check=False)
        onward_list = statistics.median(wall(onward_cmd, onward_at) for _ in range(LIST_RUNS))
        task_list = statistics.median(wall(task_cmd, task_at, check=False) for _ in range(LIST_RUNS))
        print(ratio_line(f"workload cli {label}", onward_list, task_list))


if __name__ == "__main__":
    main()
