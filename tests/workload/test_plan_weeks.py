"""The plan's horizon is read like the forecast's: 1 to 104 weeks, a plain message otherwise (never a 500)."""

from __future__ import annotations

import pytest

from onward.errors import BadInput
from onward.services import Services


@pytest.mark.parametrize("weeks", [0, -1, 105])
def test_a_plan_over_no_weeks_is_refused_plainly(services: Services, weeks: int) -> None:
    with pytest.raises(BadInput, match=f"covers 1 to 104 weeks, not {weeks}"):
        services.workload.handoffs.plan(weeks)
