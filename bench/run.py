"""Run every benchmark and print one line per figure: `python bench/run.py [name ...]`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

# Each domain adds its benchmark module here as it lands.
BENCHMARKS = [
    "cli_startup",
    "web_requests",
    "handoff",
    "workload_page",
    "workload_cli",
    "fit_pages",
    "fit_matching",
    "wellbeing_page",
    "reflection_search",
    "feedback_pages",
    "network",
    "serve_memory",
    "mail_requests",
    "mail_import",
]


def main(names: list[str]) -> None:
    for name in names or BENCHMARKS:
        importlib.import_module(name).main()


if __name__ == "__main__":
    main(sys.argv[1:])
