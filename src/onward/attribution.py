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

# fit: occupations, task statements, alternate titles, job zones, related occupations (src/onward/data/onet/).
ONET = DataSource(
    name="O*NET 30.1 Database",
    publisher="U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
    licence="CC BY 4.0",
    url="https://www.onetcenter.org/database.html",
    attribution=(
        "This product incorporates information from the O*NET 30.1 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
        "trademark of USDOL/ETA. Onward has modified all or some of this information. USDOL/ETA has not "
        "approved, endorsed, or tested these modifications."
    ),
)
DATA_SOURCES.append(ONET)
