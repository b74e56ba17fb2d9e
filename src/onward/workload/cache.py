"""Pages' data computed once per state of the workload: the forecast, the ranking, the plate, the charts.

Every write to the workload's tables changes the owner's stamp (triggers made by migration 0004_workload, so
the ORM, bulk inserts, `onward import` and another process all count). A cached value is keyed by the stamp
read *before* it was built, and by today's date: after an edit the stamp differs and the value is built again;
a value built from data newer than its stamp is only ever found under a stamp no longer current.

Callers treat what `get` returns as read-only (copy with `dataclasses.replace` before changing a field).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import text

from onward.workload.models import STAMPS_TABLE

if TYPE_CHECKING:
    from onward.workspace import Workspace

T = TypeVar("T")
ENTRIES = 64  # a handful of pages, each with a few parameters, for the current stamp and the one before


class ViewCache:
    """Values built once per (stamp, today, name, arguments) of one workspace; least recently used go first."""

    def __init__(self, workspace: Workspace, entries: int = ENTRIES) -> None:
        self.workspace = workspace
        self.entries = entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def stamp(self) -> int:
        """Return the owner's workload stamp (0 before anything was written)."""
        query = text(f"SELECT stamp FROM {STAMPS_TABLE} WHERE owner_id = :owner")  # noqa: S608 - a constant
        with self.workspace.store.engine.connect() as connection:
            found = connection.execute(query, {"owner": self.workspace.owner_id}).scalar()
        return int(found or 0)

    def get(self, name: str, args: tuple[Hashable, ...], build: Callable[[], T]) -> T:
        """Return the value `build()` gives for the workload as it is now, building it only when it changed."""
        key = (self.stamp(), self.workspace.today, name, args)
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return cast(T, self._values[key])
        value = build()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.entries:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
