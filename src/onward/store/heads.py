"""Which revisions the code's migrations end at, read without Alembic or SQLAlchemy (a millisecond, not a
third of a second): the cheap "is the schema at head?" check every start makes."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)


def script_heads() -> set[str] | None:
    """Return the newest revision of every branch, read from the revision files' headers, or None if unsure.

    Any file this cannot read sends the caller to Alembic itself.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down[1]))
    return revisions - parents or None
