"""O*NET occupations as shipped package data: titles, job zones, task statements, alternate and related titles,
Detailed Work Activities.

The data is `onward/data/onet/onet-30.1.json.gz` (built by scripts/build_onet_data.py; CC BY 4.0, see
`onward.attribution.ONET`). It is read once per process.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

DATA_FILE = "onet-30.1.json.gz"


@dataclass(frozen=True)
class JobZone:
    """How much preparation an occupation needs (O*NET job zones 1–5)."""

    zone: int
    name: str
    experience: str
    education: str
    training: str


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    description: str
    job_zone: int | None
    alternate_titles: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # codes, most related first
    work_activities: tuple[str, ...] = ()  # O*NET Detailed Work Activities: its tasks in general words


@dataclass(frozen=True)
class TaskStatement:
    code: str  # the occupation's O*NET-SOC code
    task_id: int
    text: str
    core: bool  # False for supplemental tasks (O*NET marks a few as neither: counted as core)
    from_description: bool = False  # a sentence of the occupation's description, not a task statement


@dataclass(frozen=True)
class Catalog:
    """Every occupation and task statement, tasks grouped by occupation in code order."""

    name: str
    version: str
    digest: str  # sha256 of the data file: caches computed from the tasks are keyed by it
    occupations: dict[str, Occupation]
    tasks: tuple[TaskStatement, ...]
    job_zones: dict[int, JobZone] = field(default_factory=dict)

    def occupation(self, code: str) -> Occupation:
        return self.occupations[code]

    def job_zone(self, zone: int | None) -> JobZone | None:
        return self.job_zones.get(zone) if zone is not None else None

    def statements(self) -> list[TaskStatement]:
        """Return every task statement and description sentence, grouped by occupation in code order.

        The description's sentences count as statements too: they name who the work is for ("adults",
        "out-of-school youths") where the task statements only say "students", and they are all that the
        "All Other" occupations have.
        """
        from onward.fit.matching.textsplit import split_lines

        by_code: dict[str, list[TaskStatement]] = {code: [] for code in self.occupations}
        for task in self.tasks:
            by_code[task.code].append(task)
        for code, occupation in self.occupations.items():
            for line in split_lines(occupation.description):
                if not line.startswith("Excludes"):
                    by_code[code].append(TaskStatement(code, 0, line, core=True, from_description=True))
        return [statement for code in sorted(by_code) for statement in by_code[code]]

    def by_alternate_title(self) -> dict[str, set[str]]:
        """Return lower-cased alternate title → the codes of the occupations that use it."""
        found: dict[str, set[str]] = {}
        for occupation in self.occupations.values():
            for title in occupation.alternate_titles:
                found.setdefault(title.lower(), set()).add(occupation.code)
        return found


def _parse(raw: bytes) -> Catalog:
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    occupations = {
        row["code"]: Occupation(
            code=row["code"],
            title=row["title"],
            description=row["description"],
            job_zone=row["job_zone"],
            alternate_titles=tuple(row["alternate_titles"]),
            related=tuple(code for code, _tier in row["related"]),
            work_activities=tuple(row.get("work_activities", ())),
        )
        for row in data["occupations"]
    }
    tasks = tuple(
        TaskStatement(code=code, task_id=task_id, text=text, core=kind != "supplemental")
        for code, task_id, text, kind in data["tasks"]
    )
    zones = {
        int(zone): JobZone(int(zone), z["name"], z["experience"], z["education"], z["training"])
        for zone, z in data["job_zones"].items()
    }
    return Catalog(
        name=data["name"],
        version=data["version"],
        digest=hashlib.sha256(raw).hexdigest(),
        occupations=occupations,
        tasks=tasks,
        job_zones=zones,
    )


@cache
def load_catalog() -> Catalog:
    """Return the shipped O*NET catalog (read and parsed once per process)."""
    raw = (resources.files("onward") / "data" / "onet" / DATA_FILE).read_bytes()
    return _parse(raw)
