"""Build Onward's compact O*NET package data from the O*NET 30.1 text files.

Usage: python scripts/build_onet_data.py [SOURCE_DIR] [OUTPUT_FILE]
(default: ../shared/data/onet_30_1 → src/onward/data/onet/onet-30.1.json.gz)

Keeps what occupation matching shows: occupations (title, description, job zone), their task statements
(core / supplemental), alternate titles, related occupations and Detailed Work Activities (the general wording
O*NET links each task to: "Teach basic literacy skills"), plus the job zone names. The output is
byte-for-byte reproducible (sorted keys, gzip without a timestamp).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "onet_30_1"
DEFAULT_OUTPUT = ROOT / "src" / "onward" / "data" / "onet" / "onet-30.1.json.gz"
VERSION = "30.1"
TASK_TYPES = {"Core": "core", "Supplemental": "supplemental", "n/a": ""}


def read(source: Path, name: str) -> list[dict[str, str]]:
    """Return the rows of one tab-separated O*NET file as dicts keyed by its header."""
    with (source / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(source: Path) -> dict[str, object]:
    """Return the package data as one JSON-ready dict."""
    zones = {row["O*NET-SOC Code"]: int(row["Job Zone"]) for row in read(source, "Job Zones.txt")}
    zone_names = {
        row["Job Zone"]: {
            "name": row["Name"],
            "experience": row["Experience"],
            "education": row["Education"],
            "training": row["Job Training"],
        }
        for row in read(source, "Job Zone Reference.txt")
    }
    alternate: dict[str, list[str]] = defaultdict(list)
    for row in read(source, "Alternate Titles.txt"):
        alternate[row["O*NET-SOC Code"]].append(row["Alternate Title"].strip())
    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for row in read(source, "Related Occupations.txt"):
        tier = row["Relatedness Tier"].lower()
        related[row["O*NET-SOC Code"]].append((int(row["Index"]), row["Related O*NET-SOC Code"], tier))
    activity_titles = {row["DWA ID"]: row["DWA Title"].strip() for row in read(source, "DWA Reference.txt")}
    activities: dict[str, set[str]] = defaultdict(set)
    for row in read(source, "Tasks to DWAs.txt"):
        activities[row["O*NET-SOC Code"]].add(activity_titles[row["DWA ID"]])
    occupations = []
    for row in read(source, "Occupation Data.txt"):
        code = row["O*NET-SOC Code"]
        occupations.append(
            {
                "code": code,
                "title": row["Title"].strip(),
                "description": row["Description"].strip(),
                "job_zone": zones.get(code),
                "alternate_titles": sorted(set(alternate.get(code, []))),
                "related": [[other, tier] for _, other, tier in sorted(related.get(code, []))],
                "work_activities": sorted(activities.get(code, set())),
            }
        )
    occupations.sort(key=lambda o: str(o["code"]))
    known = {o["code"] for o in occupations}
    tasks = []
    for row in read(source, "Task Statements.txt"):
        if row["O*NET-SOC Code"] not in known:
            raise SystemExit(f"task {row['Task ID']} names an unknown occupation {row['O*NET-SOC Code']}")
        tasks.append([row["O*NET-SOC Code"], int(row["Task ID"]), row["Task"].strip(), TASK_TYPES[row["Task Type"]]])
    # Tasks grouped by occupation in code order: matching reduces over contiguous runs.
    tasks.sort(key=lambda t: (str(t[0]), int(t[1])))
    return {
        "name": "O*NET 30.1 Database",
        "version": VERSION,
        "job_zones": zone_names,
        "occupations": occupations,
        "tasks": tasks,
    }


def write(data: dict[str, object], output: Path) -> str:
    """Write `data` as gzip JSON without a timestamp; return the sha256 of the JSON text."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(buffer.getvalue())
    return hashlib.sha256(text).hexdigest()


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    data = build(source)
    digest = write(data, output)
    occupations = data["occupations"]
    tasks = data["tasks"]
    assert isinstance(occupations, list) and isinstance(tasks, list)
    print(
        f"{output}: {len(occupations)} occupations, {len(tasks)} task statements, "
        f"{output.stat().st_size / 1e6:.2f} MB, sha256 {digest[:16]}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
