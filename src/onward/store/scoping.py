"""Owner scoping in the store layer: a session is bound to one owner and sees only that owner's rows.

Routes and commands never add `owner_id` filters themselves; forgetting one cannot leak data because
every ORM SELECT, UPDATE and DELETE goes through `_scope_to_owner` below.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from onward.store.base import Owned

OWNER_KEY = "owner_id"
UNSCOPED_KEY = "unscoped"


class OwnerScopeError(RuntimeError):
    """Raised when code tries to read or write owned rows without an owner, or across owners."""


def session_owner(session: Session) -> int | None:
    """Return the owner a session is bound to, or None for an explicitly unscoped (maintenance) session."""
    owner = session.info.get(OWNER_KEY)
    if owner is None and not session.info.get(UNSCOPED_KEY):
        raise OwnerScopeError("this session is not bound to an owner")
    return owner


@event.listens_for(Session, "do_orm_execute")
def _scope_to_owner(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.is_column_load or state.is_relationship_load:
        # Lazy loads start from rows that were already scoped.
        return
    owner = session_owner(state.session)
    if owner is None:
        return
    state.statement = state.statement.options(
        with_loader_criteria(Owned, lambda cls: cls.owner_id == owner, include_aliases=True)
    )


@event.listens_for(Session, "before_flush")
def _stamp_owner(session: Session, _context: Any, _instances: Any) -> None:
    owner = session_owner(session)
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, Owned):
            continue
        if obj.owner_id is None:
            if owner is None:
                raise OwnerScopeError(f"{type(obj).__name__} needs an owner")
            obj.owner_id = owner
        elif owner is not None and obj.owner_id != owner:
            raise OwnerScopeError(f"{type(obj).__name__} belongs to another owner")
