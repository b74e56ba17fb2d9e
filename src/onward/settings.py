"""Every setting Onward reads, declared once: typed, documented, settable as ONWARD_<NAME>."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from onward.zones import local_timezone_name as local_timezone_name  # kept importable from here
from onward.zones import zone_named


def default_data_dir() -> Path:
    """Return the per-user data folder (platformdirs), where the SQLite file and backups live."""
    import platformdirs

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def default_cache_dir() -> Path:
    """Return the per-user cache folder (platformdirs), shared by every data folder on this computer."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("onward", appauthor=False))


DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_work_days(text: str) -> frozenset[int]:
    """Return the weekdays (Monday = 0) named in "Mon,Tue,…" (full names and any case welcome)."""
    days = set()
    for part in text.split(","):
        name = part.strip().lower()[:3]
        if not name:
            continue
        if name not in DAY_NAMES:
            raise ValueError(f"'{part.strip()}' is not a day name (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
        days.add(DAY_NAMES.index(name))
    if not days:
        raise ValueError("name at least one working day (for example Mon,Tue,Wed,Thu,Fri)")
    return frozenset(days)


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
    allowed_hosts: str = Field(
        default="",
        description=(
            "Host names the web app answers besides 127.0.0.1, localhost, ::1 and the address it listens on, "
            "separated by commas (e.g. onward.example.org behind a proxy). Others are refused (DNS rebinding)."
        ),
    )
    open_browser: bool = Field(default=True, description="Open the web browser when `onward serve` starts.")
    forecast_weeks: int = Field(default=8, ge=1, le=104, description="Weeks shown in load forecasts by default.")
    # Urgency coefficients: Taskwarrior's defaults (https://taskwarrior.org/docs/urgency/), see workload/urgency.py.
    urgency_due: float = Field(
        default=12.0,
        description=(
            "Urgency points for the due date at its strongest (a week overdue); two weeks or more away it "
            "gives a fifth of it. Taskwarrior's urgency.due.coefficient."
        ),
    )
    urgency_importance: float = Field(
        default=6.0,
        description="Urgency points for importance 5 (4: 82.5%, 3: 65%, 2: 30%, 1: none), as Taskwarrior's priority H.",
    )
    urgency_age: float = Field(
        default=2.0, description="Urgency points for a task entered a year ago or more (less when newer)."
    )
    urgency_age_max_days: int = Field(
        default=365, ge=0, description="Age in days at which the age term is full (Taskwarrior's urgency.age.max)."
    )
    urgency_blocking: float = Field(
        default=8.0, description="Urgency points when another open task waits for this one."
    )
    urgency_blocked: float = Field(
        default=-5.0, description="Urgency points (negative: less urgent) when the task waits for another open task."
    )
    urgency_waiting: float = Field(
        default=-3.0, description="Urgency points (negative: less urgent) when the task is marked waiting."
    )
    urgent_from: float = Field(
        default=7.5,
        description=(
            "Priorities: a task counts as urgent from this many urgency points, not counting importance "
            "(with the defaults, roughly: due within two or three days, or overdue)."
        ),
    )
    important_from: int = Field(
        default=4, ge=1, le=5, description="Priorities: a task counts as important from this importance (1–5)."
    )
    timezone: str | None = Field(
        default=None,
        description=(
            "Your time zone, as an IANA name such as Europe/Paris or America/Chicago. Imported calendar "
            "events and task due times are placed in it. Empty means this computer's time zone."
        ),
    )
    work_start: dt.time = Field(
        default=dt.time(9, 0),
        description="When your working day starts (HH:MM, your time zone). Mail sent before it counts as after hours.",
    )
    work_end: dt.time = Field(
        default=dt.time(17, 30),
        description="When your working day ends (HH:MM). Anything at or after it counts as after hours.",
    )
    work_days: str = Field(
        default="Mon,Tue,Wed,Thu,Fri",
        description="Your working days, as short English day names separated by commas (e.g. Mon,Tue,Wed,Thu).",
    )
    quiet_start: dt.time = Field(
        default=dt.time(21, 0),
        description="Quiet hours start (HH:MM): Onward shows no reminders from then until quiet hours end.",
    )
    quiet_end: dt.time = Field(
        default=dt.time(7, 0),
        description="Quiet hours end (HH:MM). Quiet hours may run past midnight (21:00 to 07:00).",
    )
    tentative_meeting_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "How much of a tentative meeting counts against your available hours (0 to 1). "
            "Busy meetings count in full; free and cancelled ones not at all."
        ),
    )
    cache_dir: Path | None = Field(
        default=None,
        description=(
            "Folder for things Onward computes once per computer and keeps (sentence embeddings of the O*NET "
            "tasks), shared by every data folder. Empty means your user cache folder (on Linux ~/.cache/onward)."
        ),
    )
    text_matching: Literal["auto", "bm25"] = Field(
        default="auto",
        description=(
            "How occupations and postings are matched to your tasks: 'auto' uses BM25 with sentence embeddings "
            "when the ml extra is installed (BM25 alone otherwise); 'bm25' always uses BM25 alone."
        ),
    )

    professional_help_line: str = Field(
        default=(
            "If it has felt this heavy for a while, a doctor, a counsellor or your employer's assistance "
            "programme can help. Asking is a good step, not a failure."
        ),
        description=(
            "Well-being: the line about professional help in the low-point message (for example your "
            "employee-assistance programme's number, or a local helpline)."
        ),
    )

    public_url: str | None = Field(
        default=None,
        description=(
            "Address respondents use to reach the feedback answer pages, e.g. https://onward.example.org; feedback "
            "links are built from it. Empty means the local server's address (only this computer can open it)."
        ),
    )

    mail_addresses: str = Field(
        default="",
        description=(
            "Your own email addresses, separated by commas: mail from them counts as sent by you. Empty means "
            "the addresses given to `onward mail import --me`, else a guess (the most frequent sender of your "
            "sent folders)."
        ),
    )
    mail_keep_bodies: bool = Field(
        default=False,
        description=(
            "Keep whole message bodies when importing mail. Off by default: Onward keeps the headers, a short "
            "snippet and the request it found, which is all its mail pages need."
        ),
    )

    @field_validator("database_url", "demo_database_url", "token", "timezone", "cache_dir", "public_url", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"'{value}' is not a time zone name (try one like Europe/Paris)") from None
        return value

    @field_validator("work_days")
    @classmethod
    def _known_days(cls, value: str) -> str:
        parse_work_days(value)  # raises ValueError with the day it does not know
        return value

    @field_validator("work_end")
    @classmethod
    def _end_after_start(cls, value: dt.time, info: Any) -> dt.time:
        start = info.data.get("work_start")
        if start is not None and value <= start:
            raise ValueError(f"the working day must end after it starts ({start:%H:%M})")
        return value

    def zone(self) -> dt.tzinfo:
        """Return the user's time zone: the setting, else this computer's, else its current UTC offset."""
        return zone_named(self.timezone)  # onward.zones: the fast lane reads it the same way

    def effective_today(self) -> dt.date:
        """Return the date Onward treats as today."""
        return self.today or dt.date.today()

    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to the SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'onward.sqlite'}"

    def resolved_cache_dir(self) -> Path:
        """Return the folder for computed caches: the setting, else the user cache folder (not per data folder)."""
        return self.cache_dir or default_cache_dir()

    def resolved_demo_database_url(self) -> str:
        """Return the demo workspace's database URL."""
        return self.demo_database_url or f"sqlite:///{self.data_dir / 'demo.sqlite'}"

    def resolved_public_url(self) -> str:
        """Return the address feedback links start with: the setting, else the local server's address."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

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
