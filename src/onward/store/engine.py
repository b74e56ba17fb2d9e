"""The Store: one engine, migrations applied at start, sessions bound to an owner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from onward.store import limits, scoping
from onward.store.base import Base, Owner
from onward.store.lite import LOCAL_OWNER_NAME, PRAGMAS

limits.install()  # the columns' limits hold on every ORM write (store/limits.py)


def make_engine(url: str) -> Engine:
    """Return an engine; SQLite gets its folder created, WAL, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:  # WAL, foreign keys, synchronous=NORMAL (the fast lane sets the same)
            cursor.execute(pragma)
        cursor.close()

    return engine


class Store:
    """Access to one database: migrations, owner-scoped sessions and the local owner."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision of every domain (Alembic `upgrade heads`)."""
        from onward.store.migrate import upgrade

        upgrade(self.engine)

    @contextmanager
    def session(self, owner_id: int) -> Iterator[Session]:
        """Yield a session that sees only `owner_id`'s rows; commits on success, rolls back on error."""
        session = self._sessions(info={scoping.OWNER_KEY: owner_id})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def unscoped_session(self) -> Iterator[Session]:
        """Yield a session over every owner's rows: for backup, restore and account maintenance only."""
        session = self._sessions(info={scoping.UNSCOPED_KEY: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def local_owner_id(self) -> int:
        """Return the single owner of local mode, creating it on first use."""
        with self.unscoped_session() as session:
            owner_id = session.scalar(select(Owner.id).order_by(Owner.id).limit(1))
            if owner_id is None:
                owner = Owner(name=LOCAL_OWNER_NAME)
                session.add(owner)
                session.flush()
                owner_id = owner.id
            return owner_id

    def owner_has_data(self, owner_id: int) -> bool:
        """Return True when the owner has any row in any domain table (preferences do not count)."""
        from onward.store.transfer import owned_tables

        with self.session(owner_id) as session:
            for table in owned_tables():
                if table.name == "owner_settings":
                    continue
                count = session.scalar(select(func.count()).select_from(table).where(table.c.owner_id == owner_id))
                if count:
                    return True
        return False

    def dispose(self) -> None:
        self.engine.dispose()


__all__ = ["Base", "Store", "make_engine"]
