"""What the workload service hands out: plain dataclasses, the same for pages, JSON and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class JobView:
    id: int
    employer: str
    title: str
    description: str
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass
class ResponsibilityView:
    id: int
    job_id: int
    job_title: str
    name: str
    description: str
    origin: str
    expected_end: dt.date | None
    enjoyment: str | None
    skill: int | None
    energy: int | None
    can_hand_off: bool
    open_tasks: int
    remaining_hours: float
