"""The demo workspace: Alex, a program coordinator at a small non-profit, eight months into a job whose
"temporary" duties have piled up. Each domain adds its part with the demo filler its record in onward.domains names.
"""

from __future__ import annotations

from onward.errors import Conflict
from onward.services import Services

DEMO_PERSON = "Alex"
DEMO_STORY = (
    "Alex coordinates programs at Riverside Literacy, a small non-profit. Eight months in, the "
    "'temporary' grant reporting and volunteer scheduling never went away, mistakes started creeping in, "
    "and last week their manager said so."
)


def fill_demo(services: Services) -> list[str]:
    """Fill an empty workspace with the demo; return the domains that added data. Refuses a non-empty one."""
    if not services.is_empty():
        raise Conflict("the demo needs an empty database; this one already holds data")
    services.preferences.set("name", DEMO_PERSON)
    services.preferences.set("demo", "yes")
    return ["workspace", *services.fill_demo()]
