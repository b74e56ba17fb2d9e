"""Write src/onward/store/sqlite_schema.sql from a freshly migrated database (run by `make docs`; after a new
migration, run it again: tests/store/test_sqlite_schema.py fails until the script matches the migrations)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

if __name__ == "__main__":
    from onward.store.lite import SCHEMA
    from onward.store.migrate import fresh_schema_script

    SCHEMA.write_text(fresh_schema_script(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
