"""Which time zone the person is in: the setting's name, else this computer's (standard library only, so the
CLI's fast lane reads it as the settings do, before pydantic loads)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_timezone_name() -> str | None:
    """Return this computer's time zone as an IANA name (TZ, /etc/timezone, /etc/localtime), or None."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            return name
    return None


def zone_named(name: str | None) -> dt.tzinfo:
    """Return the zone `name` (the setting), else this computer's, else its current UTC offset."""
    name = name or local_timezone_name()
    if name:
        return ZoneInfo(name)
    # No IANA name to be found (rare: some containers, Windows without TZ): the current offset will do.
    return dt.datetime.now().astimezone().tzinfo or dt.UTC
