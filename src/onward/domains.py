"""The domains that exist. Each adds itself here when it lands; the menu, the CLI, export and the demo follow.

A domain package `onward.<name>` provides `models.py`; optionally `demo.py` (a `fill(services, today)` that adds
its part of the demo workspace) and `bench.py` (its part of the heavy user). Its pages live in
`onward.web.routes.<name>` and its commands in `onward.cli.<name>`; both are found by name.
"""

from __future__ import annotations

import importlib
from types import ModuleType

DOMAINS: tuple[str, ...] = ("workload", "fit")


def load_models() -> None:
    """Import every domain's models so SQLAlchemy's metadata knows all tables."""
    for name in DOMAINS:
        importlib.import_module(f"onward.{name}.models")


def optional_module(domain: str, module: str) -> ModuleType | None:
    """Return `onward.<domain>.<module>` when the domain has it, else None."""
    try:
        return importlib.import_module(f"onward.{domain}.{module}")
    except ModuleNotFoundError as error:
        if error.name == f"onward.{domain}.{module}":
            return None
        raise
