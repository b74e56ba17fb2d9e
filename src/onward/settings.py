"""Every setting Onward reads, declared once: typed, documented, settable as ONWARD_<NAME>."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Return the per-user data folder (platformdirs), where the SQLite file and backups live."""
    import platformdirs

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


class Settings(BaseSettings):
    """Onward's settings. Each field's description is its help text in `onward settings` and the docs."""

    model_config = SettingsConfigDict(env_prefix="ONWARD_", extra="ignore", validate_default=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for Onward's own files: the SQLite database, the demo database, exports.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "Database to use, as an SQLAlchemy URL. Empty means the SQLite file onward.sqlite in the data "
            "folder. For hosted use: postgresql+psycopg://user:password@host/dbname."
        ),
    )
    demo_database_url: str | None = Field(
        default=None,
        description="Database of the demo workspace. Empty means demo.sqlite in the data folder.",
    )
    today: dt.date | None = Field(
        default=None,
        description="Fix 'today' (YYYY-MM-DD) for demos, tests and reproducible reports. Empty means the real date.",
    )
    host: str = Field(default="127.0.0.1", description="Address the web app listens on.")
    port: int = Field(default=8765, description="Port the web app listens on; 0 picks a free one.")
    token: str | None = Field(
        default=None,
        description=("Access token for local mode. Empty means a new random token at each start, printed in the URL."),
        repr=False,
    )
    open_browser: bool = Field(default=True, description="Open the web browser when `onward serve` starts.")
    forecast_weeks: int = Field(default=8, ge=1, le=104, description="Weeks shown in load forecasts by default.")
    cache_dir: Path | None = Field(
        default=None,
        description=(
            "Folder for things Onward computes once and keeps (sentence embeddings of the O*NET tasks). "
            "Empty means the folder 'cache' in the data folder."
        ),
    )
    text_matching: Literal["auto", "bm25"] = Field(
        default="auto",
        description=(
            "How occupations and postings are matched to your tasks: 'auto' uses BM25 with sentence embeddings "
            "when the ml extra is installed (BM25 alone otherwise); 'bm25' always uses BM25 alone."
        ),
    )

    @field_validator("database_url", "demo_database_url", "token", "cache_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value == "" else value

    def effective_today(self) -> dt.date:
        """Return the date Onward treats as today."""
        return self.today or dt.date.today()

    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to the SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'onward.sqlite'}"

    def resolved_cache_dir(self) -> Path:
        """Return the folder for computed caches, defaulting to 'cache' in the data folder."""
        return self.cache_dir or self.data_dir / "cache"

    def resolved_demo_database_url(self) -> str:
        """Return the demo workspace's database URL."""
        return self.demo_database_url or f"sqlite:///{self.data_dir / 'demo.sqlite'}"

    def with_database(self, url: str) -> Settings:
        """Return a copy of these settings pointed at another database."""
        return self.model_copy(update={"database_url": url})


def documented_settings() -> list[tuple[str, str, str]]:
    """Return (environment variable, type, help) for every setting, for docs and `onward settings`."""
    rows = []
    for name, field in Settings.model_fields.items():
        annotation = getattr(field.annotation, "__name__", str(field.annotation)).replace("typing.", "")
        rows.append((f"ONWARD_{name.upper()}", annotation, field.description or ""))
    return rows
