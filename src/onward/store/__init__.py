"""The store: SQLAlchemy models, owner-scoped sessions, migrations, transfer and backup."""

from onward.store.base import Base, Owned, Owner, utcnow
from onward.store.engine import Store

__all__ = ["Base", "Owned", "Owner", "Store", "utcnow"]
