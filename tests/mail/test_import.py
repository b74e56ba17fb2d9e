"""Importing mailboxes: every format, the Enron sample, broken messages counted and named (never fatal), and a
second import adding nothing (by Message-ID, or a hash of key headers). On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.mail.sources import _SEPARATOR, _separators
from onward.services import Services

from .conftest import ENRON, raw, write_maildir, write_mbox

GOOD = [raw(f"m{n}@example.org", subject=f"Note {n}", body=f"From here on, note {n}.") for n in range(5)]
BROKEN = b"this is not a message at all\n"


def test_an_mbox_imports_and_a_second_import_adds_nothing(mail_services: Services, tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "Inbox.mbox", [*GOOD, raw(None, subject="no id")])
    first = mail_services.mail.imports.import_path(mbox)
    assert (first.imported, first.duplicates, first.broken) == (6, 0, 0)
    again = mail_services.mail.imports.import_path(mbox, "mbox")
    assert (again.imported, again.duplicates, again.broken) == (0, 6, 0)
    assert mail_services.mail.counts() == {"sent": 0, "received": 6}


def test_a_line_starting_from_in_a_body_does_not_split_the_message(mail_services: Services, tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "x.mbox", [raw("f@x.org", body="Hi\n\nFrom time to time we meet.")])
    result = mail_services.mail.imports.import_path(mbox)
    assert (result.imported, result.broken) == (1, 0)


def test_a_maildir_with_folders_imports_each_folder(mail_services: Services, tmp_path: Path) -> None:
    root = write_maildir(tmp_path / "Mail", GOOD[:3])
    write_maildir(root, [raw("s1@example.org", sender="alex@example.org")], folder=".Sent")
    (root / "tmp" / "half-written").write_bytes(b"Message-ID: <tmp@x>\n")  # still arriving: not read
    (root / "dovecot-uidlist").write_text("3 V1 N4\n")
    result = mail_services.mail.imports.import_path(root)
    assert (result.imported, result.broken) == (4, 0)
    # the sent folder's sender is the guess for "me"
    assert mail_services.mail.me.addresses() == {"alex@example.org"}
    assert mail_services.mail.counts() == {"sent": 1, "received": 3}


def test_eml_files_and_a_folder_of_them(mail_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for number, message in enumerate(GOOD):
        (folder / f"{number}.eml").write_bytes(message)
    (folder / "notes.txt").write_text("not mail")
    one = mail_services.mail.imports.import_path(folder / "0.eml")
    assert one.imported == 1
    rest = mail_services.mail.imports.import_path(folder, "eml")
    assert (rest.imported, rest.duplicates, rest.broken) == (4, 1, 0)


def test_a_broken_message_is_counted_and_named_and_the_rest_imports(mail_services: Services, tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "mixed.mbox", [GOOD[0], BROKEN, GOOD[1], b"From: a@b.org\n\nno date"])
    result = mail_services.mail.imports.import_path(mbox)
    assert (result.imported, result.broken) == (2, 2)
    assert result.problems == [
        "mixed.mbox message 2: it does not start with mail headers",
        "mixed.mbox message 4: no readable Date header",
    ]


def test_a_missing_path_or_a_bad_csv_is_refused_before_anything_is_written(
    mail_services: Services, tmp_path: Path
) -> None:
    with pytest.raises(BadInput, match="no such file or folder"):
        mail_services.mail.imports.import_path(tmp_path / "nowhere.mbox")
    bad = tmp_path / "mail.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(BadInput, match="needs a 'message' column"):
        mail_services.mail.imports.import_path(bad)
    assert mail_services.mail.counts() == {"sent": 0, "received": 0}


def test_the_enron_sample_imports_from_its_tree_and_its_csv(
    mail_services: Services, shared_data: Callable[[str], Path]
) -> None:
    tree = mail_services.mail.imports.import_path(shared_data(f"{ENRON}/maildir"))
    rows = sum(1 for _ in csv.DictReader(shared_data(f"{ENRON}/sample_raw_dataset.csv").open()))
    assert (tree.imported + tree.duplicates, tree.broken) == (rows, 0)
    again = mail_services.mail.imports.import_path(shared_data(f"{ENRON}/sample_raw_dataset.csv"))
    assert (again.imported, again.duplicates, again.broken) == (0, rows, 0)
    assert tree.requests > 50  # what people ask of each other in a real mailbox


def test_bodies_are_kept_only_when_asked(mail_services: Services, tmp_path: Path) -> None:
    from sqlalchemy import select

    from onward.mail.models import MailMessage

    mbox = write_mbox(tmp_path / "a.mbox", GOOD[:1])
    mail_services.mail.imports.import_path(mbox)
    write_mbox(tmp_path / "b.mbox", GOOD[1:2])
    mail_services.mail.imports.import_path(tmp_path / "b.mbox", keep_bodies=True)
    with mail_services.workspace.session() as session:
        bodies = dict(session.execute(select(MailMessage.message_key, MailMessage.body)).all())
    assert bodies == {"<m0@example.org>": None, "<m1@example.org>": "From here on, note 1.\n"}


# ---- hypothesis: any mix of good, repeated and broken messages ----

junk = st.binary(max_size=300).filter(lambda data: b"From:" not in data and b"\nFrom " not in data)
serial = itertools.count()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plan=st.lists(
        st.one_of(st.tuples(st.just("good"), st.integers(0, 8)), st.tuples(st.just("broken"), junk)), max_size=25
    ),
    with_ids=st.booleans(),
)
def test_any_mailbox_imports_its_good_messages_once_and_counts_the_rest(
    mail_services: Services, tmp_path: Path, plan: list[tuple[str, object]], with_ids: bool
) -> None:
    run = next(serial)  # each example its own messages: the database is shared between examples
    messages, good = [], set()
    for kind, value in plan:
        if kind == "good":
            good.add(value)
            message_id = f"{run}.{value}@example.org" if with_ids else None
            messages.append(raw(message_id, subject=f"run {run} message {value}"))
        else:
            messages.append(b"X" + bytes(value))  # type: ignore[arg-type]
    mbox = write_mbox(tmp_path / f"run{run}.mbox", messages)
    first = mail_services.mail.imports.import_path(mbox)
    assert first.imported == len(good)
    assert first.imported + first.duplicates + first.broken == len(messages)
    again = mail_services.mail.imports.import_path(mbox)
    assert (again.imported, again.duplicates, again.broken) == (0, first.imported + first.duplicates, first.broken)


@given(st.lists(st.sampled_from([b"\r", b"\n", b"From ", b"From x\n", b"x", b">From ", b" "]), max_size=30))
def test_mbox_separators_are_found_where_the_separator_pattern_finds_them(pieces: list[bytes]) -> None:
    buffer = b"".join(pieces)
    found = [(match.start(), match.end()) for match in _SEPARATOR.finditer(buffer)]
    assert list(_separators(buffer)) == found
