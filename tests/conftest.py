"""Shared fixtures: settings over a temp data dir, a database on SQLite and on a real PostgreSQL, the team's data
folder, and guards that fail any test whose code, or a live server it uses, opens a connection beyond this machine."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
from pytest_postgresql import factories

from onward.services import Services
from onward.settings import Settings

from . import live_server

HERE = Path(__file__).parent

# Property tests check behaviour, never speed (speed lives in bench/): no per-example deadline, which a loaded
# machine can miss and report as a failure or a "flaky" test. A test's own @settings still applies on top.
hypothesis.settings.register_profile("onward", deadline=None)
hypothesis.settings.load_profile("onward")


def _shared_data() -> Path:
    """Return the team's folder of public data sets (../shared/data beside the repository on our machines).

    A clean clone may live elsewhere (CI clones into its own folder), so ONWARD_SHARED_DATA and the team
    folder's usual place are tried too.
    """
    candidates = [os.environ.get("ONWARD_SHARED_DATA"), HERE.parent.parent / "shared" / "data", "/work/shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return HERE.parent.parent / "shared" / "data"


SHARED_DATA = _shared_data()
TODAY = dt.date(2026, 11, 30)  # a Monday: weeks in tests start on a known day
# Sentence embeddings of the O*NET tasks take a minute or more to compute: every test (and the browser tests'
# server) shares one cache folder, kept between runs (it is keyed by the data's and the model's version).
TEST_CACHE_DIR = Path(os.environ.get("ONWARD_TEST_CACHE_DIR") or HERE.parent / ".cache" / "tests")

postgresql_proc = factories.postgresql_proc(executable=str(HERE / "pg_ctl_as_postgres.sh"))
postgresql = factories.postgresql("postgresql_proc")


# ---- no outbound network: an audit hook refuses any connection that leaves this machine ----


def _is_local(address: object) -> bool:
    if isinstance(address, str | bytes):  # a unix socket path
        return True
    if isinstance(address, tuple) and address:
        host = address[0]
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return True


OUTBOUND_ATTEMPTS: list[str] = []


def _network_guard(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.connect" and not _is_local(args[1]):
        OUTBOUND_ATTEMPTS.append(repr(args[1]))
        raise ConnectionRefusedError(f"test guard: outbound connection to {args[1]!r} refused")
    if event == "socket.getaddrinfo" and args[0] not in (None, "localhost", "127.0.0.1", "::1"):
        OUTBOUND_ATTEMPTS.append(repr(args[0]))
        raise socket.gaierror(f"test guard: name lookup of {args[0]!r} refused")


sys.addaudithook(_network_guard)


_REPORTED = {"attempts": 0}  # how many of OUTBOUND_ATTEMPTS a test has already failed for


@pytest.fixture(autouse=True)
def _nothing_went_online() -> Iterator[None]:
    """Fail the test during which its own code, or a live server (tests/live_server.py), tried to reach the network.

    The attempts were refused, but code that swallows the error would pass without this check.
    """
    yield
    attempts, _REPORTED["attempts"] = OUTBOUND_ATTEMPTS[_REPORTED["attempts"] :], len(OUTBOUND_ATTEMPTS)
    if attempts:
        pytest.fail(
            "the test process tried to reach the network during this test or its set-up (each attempt was "
            "refused): " + "; ".join(attempts),
            pytrace=False,
        )
    for server in list(live_server.RUNNING):
        server.fail_if_it_went_online("during this test or its set-up")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's ONWARD_* variables."""
    for name in list(os.environ):
        if name.startswith("ONWARD_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def shared_data() -> Callable[[str], Path]:
    """Return `need(name)`: the path of `name` in the team's data folder, failing the test in one line without it."""

    def need(name: str) -> Path:
        if not SHARED_DATA.is_dir():
            pytest.fail(
                f"this test needs the team's data folder {SHARED_DATA}, which is missing "
                "(../shared/data beside the repository, or set ONWARD_SHARED_DATA)",
                pytrace=False,
            )
        path = SHARED_DATA / name
        if not path.exists():
            pytest.fail(f"this test needs {name} in the team's data folder {SHARED_DATA}", pytrace=False)
        return path

    return need


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file, or a new database on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onward.sqlite'}"
    return postgresql_url(request.getfixturevalue("postgresql"))


def postgresql_url(connection: Any) -> str:
    """Return the SQLAlchemy URL of the database behind pytest-postgresql's `postgresql` connection."""
    info = connection.info
    return f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=db_url, today=TODAY, open_browser=False, cache_dir=TEST_CACHE_DIR
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = Services.local(settings)
    yield built
    built.store.dispose()
