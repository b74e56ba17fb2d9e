"""Attribution for every data set Onward ships as package data (shown on the About page)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataSource:
    name: str
    publisher: str
    licence: str
    url: str
    attribution: str


# Each domain that ships reference data appends its source here when it lands.
DATA_SOURCES: list[DataSource] = []
