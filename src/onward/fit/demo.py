"""The fit domain's part of Alex's demo workspace."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from onward.fit import demo_matching

if TYPE_CHECKING:
    from onward.services import Services


def fill(services: Services, today: dt.date) -> None:
    """Add Alex's demo postings (the rest of the fit demo joins here)."""
    demo_matching.fill(services, today)
