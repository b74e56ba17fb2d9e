"""The journal through the whole-workspace paths: `onward export`/`import` and backup/restore keep the entries
searchable (the full-text index follows every insert and delete), and a re-import adds nothing twice."""

from __future__ import annotations

from pathlib import Path

from onward.demo import fill_demo
from onward.services import Services
from onward.settings import Settings


def test_an_exported_workspace_imports_searchable_and_only_once(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    fill_demo(services)
    data = services.export()
    other = Services.local(settings, f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.import_(data)
    assert [h.entry.text[:20] for h in other.reflection.find("rota grant")] == ["Eleven at night and "]
    other.import_(data, merge=True)
    assert other.reflection.count() == services.reflection.count()
    other.store.dispose()


def test_backup_and_restore_keep_the_journal_searchable(services: Services, tmp_path: Path) -> None:
    services.reflection.add("Allotment on Sunday, phone at home.", tags="care")
    backup = tmp_path / "backup.bin"
    services.backup(backup)
    services.reflection.add("Written after the backup: allotment again.")
    services.restore(backup)
    assert [h.entry.text for h in services.reflection.find("allotment")] == ["Allotment on Sunday, phone at home."]
