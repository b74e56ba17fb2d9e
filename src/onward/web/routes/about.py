"""About Onward: what it is, privacy, and the attribution of every data set it ships."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter

from onward import __version__
from onward.attribution import DATA_SOURCES, DataSource
from onward.web.pages import page

router = APIRouter()


@dataclass
class AboutPage:
    version: str
    sources: list[DataSource] = field(default_factory=list)


@page(router, "/about", "about.html")
def about() -> AboutPage:
    return AboutPage(version=__version__, sources=list(DATA_SOURCES))
