"""The store: SQLAlchemy models, owner-scoped sessions, migrations, transfer and backup.

The names below load on first use (PEP 562), so `onward.store.lite` and `onward.store.heads` can be imported
without SQLAlchemy: the CLI's fast lane (onward.cli.fast) reads the SQLite file with the standard library alone.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onward.store.base import Base, Owned, Owner, utcnow
    from onward.store.engine import Store

_HOMES = {"Base": "base", "Owned": "base", "Owner": "base", "utcnow": "base", "Store": "engine"}

__all__ = ["Base", "Owned", "Owner", "Store", "utcnow"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'onward.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"onward.store.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
