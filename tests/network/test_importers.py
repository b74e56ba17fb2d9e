"""The importers on real files and on generated ones: every ez-vcard sample imports or is refused with a reason;
LinkedIn exports with and without their preamble; re-importing adds nobody twice; a bad file changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.network.linkedin import parse_date, read_connections
from onward.network.schemas import ContactRecord
from onward.network.vcard import decode, read_vcards, write_vcards
from onward.services import Services

VCARDS = "vcard_samples_ez-vcard"
LINKEDIN = "linkedin_connections_format/Connections_preamble_and_header_only.csv"


def _samples(shared_data: Callable[[str], Path]) -> list[Path]:
    return sorted(shared_data(VCARDS).glob("*.vcf"))


def test_every_ez_vcard_sample_imports_or_is_refused_with_a_reason(
    services: Services, shared_data: Callable[[str], Path]
) -> None:
    samples = _samples(shared_data)
    assert len(samples) >= 15
    imported = 0
    for path in samples:
        try:
            result = services.network.imports.import_data(path.read_bytes(), path.name, "vcard")
        except BadInput as error:
            assert error.message.startswith(path.name), error.message
            assert len(error.message) > len(path.name) + 10, "a refusal says why"
            continue
        assert result.added + result.merged + result.unchanged + len(result.refused) >= 1, path.name
        for refusal in result.refused:
            assert refusal.reason
        imported += 1
    # The whole set reads: phones' quoted-printable 2.1, Outlook, Lotus Notes, iPhone (CR CR LF) included.
    assert imported == len(samples)
    names = {c.name for c in services.network.contacts.list_all()}
    assert {"Frank Dawson", "Tim Howes", "Simon Perreault", "John Doe III", "Greg Dartmouth"} <= names
    assert "Ñ Ñ Ñ Ñ Ñ" in names  # quoted-printable UTF-8 decoded, soft line breaks followed


def test_importing_the_samples_again_adds_nobody(services: Services, shared_data: Callable[[str], Path]) -> None:
    for path in _samples(shared_data):
        services.network.imports.import_data(path.read_bytes(), path.name)
    before = services.network.contacts.count()
    for path in _samples(shared_data):
        again = services.network.imports.import_data(path.read_bytes(), path.name)
        assert again.added == 0, path.name
    assert services.network.contacts.count() == before


def test_a_vcard_sample_keeps_what_matters(shared_data: Callable[[str], Path]) -> None:
    path = shared_data(VCARDS) / "John_Doe_EVOLUTION.vcf"
    records, refused = read_vcards(decode(path.read_bytes(), path.name), path.name)
    assert refused == []
    (john,) = records
    assert john.emails == ["john.doe@ibm.com"]
    assert john.organisation == "IBM"
    assert john.role == "Money Counter"
    assert john.external_ids == ["uid:477343c8e6bf375a9bac1f96a5000837"]
    assert "VIP" in john.tags


def test_a_broken_vcard_is_refused_naming_the_file_and_changes_nothing(services: Services) -> None:
    services.network.imports.import_data(b"BEGIN:VCARD\nVERSION:3.0\nFN:Kept\nEND:VCARD\n", "good.vcf")
    broken = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nthis line has no colon\nEND:VCARD\n"
    )
    with pytest.raises(BadInput, match=r"^broken\.vcf: this vCard could not be read"):
        services.network.imports.import_data(broken, "broken.vcf", "vcard")
    assert [c.name for c in services.network.contacts.list_all()] == ["Kept"]


def test_a_card_without_name_or_email_is_left_out_with_the_reason(services: Services) -> None:
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\n"
    result = services.network.imports.import_data(data, "two.vcf")
    assert result.added == 1
    assert [(r.where, r.reason) for r in result.refused] == [
        ("card 2", "the card has no name and no e-mail address: nothing to keep")
    ]


def _linkedin(shared_data: Callable[[str], Path], rows: str) -> bytes:
    return shared_data(LINKEDIN).read_bytes() + rows.encode("utf-8")


def test_linkedin_export_with_its_preamble(services: Services, shared_data: Callable[[str], Path]) -> None:
    data = _linkedin(
        shared_data,
        'Priya,Shah ,https://www.linkedin.com/in/priya-shah/,,Northside,"Director, Programmes",09 Oct 2024\n'
        "\U0001f31f Sam\t,Lee,https://www.linkedin.com/in/sam-lee,sam@x.example,City Library,Officer,01 Feb 2025\n",
    )
    result = services.network.imports.import_data(data, "Connections.csv", "linkedin")
    assert (result.added, result.merged, result.unchanged) == (2, 0, 0)
    people = {c.name: c for c in services.network.contacts.list_all()}
    priya = people["Priya Shah"]
    assert priya.role == "Director, Programmes"
    assert priya.met_on == dt.date(2024, 10, 9)
    assert priya.linkedin_url == "https://linkedin.com/in/priya-shah"
    assert people["\U0001f31f Sam Lee"].emails == ["sam@x.example"]
    again = services.network.imports.import_data(data, "Connections.csv", "linkedin")
    assert (again.added, again.merged, again.unchanged) == (0, 0, 2)


def test_linkedin_resaved_by_excel_without_preamble_and_short_dates(services: Services) -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Dana,Reyes,https://www.linkedin.com/in/dana-reyes,,Harbour,Head,6-Feb-26\n"
    )
    result = services.network.imports.import_data(data, "Connections.csv")
    assert result.format == "linkedin" and result.added == 1
    assert services.network.contacts.list_all()[0].met_on == dt.date(2026, 2, 6)


def test_a_bad_linkedin_date_refuses_the_file_naming_the_line(services: Services) -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Dana,Reyes,https://www.linkedin.com/in/dana,,Harbour,Head,09 Oct 2024\n"
        b"Tom,Okafor,https://www.linkedin.com/in/tom,,Northside,Tutor,sometime\n"
    )
    with pytest.raises(BadInput, match=r"Connections\.csv, line 3: Connected On 'sometime' is not a date"):
        services.network.imports.import_data(data, "Connections.csv", "linkedin")
    assert services.network.contacts.count() == 0


def test_plain_csv_and_its_mistakes(services: Services) -> None:
    good = (
        "Name,Email,Company,Tags,Relationship,Support,Favourite colour\n"
        "Ada,ada@x.example,Analytical,math;history,mentor,yes,blue\n"
    )
    result = services.network.imports.import_data(good.encode(), "people.csv", "csv")
    assert result.added == 1 and result.notes == ["columns not used: Favourite colour"]
    (ada,) = services.network.contacts.list_all()
    assert (ada.organisation, ada.tags, ada.relationship, ada.support) == (
        "Analytical",
        ["math", "history"],
        "mentor",
        True,
    )
    bad = "Name,Email,Met on\nBo,bo@x.example,2024-01-01\nCy,cy@x.example,last spring\n"
    with pytest.raises(BadInput, match=r"people2\.csv, line 3: met on 'last spring' is not a date"):
        services.network.imports.import_data(bad.encode(), "people2.csv", "csv")
    assert services.network.contacts.count() == 1


# ---- generated files ----

names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n"), min_size=1, max_size=30
).filter(lambda s: s.strip())
slugs = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=3, max_size=20)
months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(names, names, slugs, names, names, st.dates(dt.date(2005, 1, 1), dt.date(2026, 11, 1))), max_size=8
    )
)
def test_any_linkedin_export_reads_whole_and_keeps_each_person(
    rows: list[tuple[str, str, str, str, str, dt.date]],
) -> None:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for first, last, slug, company, position, day in rows:
        when = f"{day.day:02d} {months[day.month - 1]} {day.year}"
        lines.append(
            ",".join(
                [
                    _cell(first),
                    _cell(last),
                    f"https://www.linkedin.com/in/{slug}",
                    "",
                    _cell(company),
                    _cell(position),
                    when,
                ]
            )
        )
    records, refused = read_connections("\n".join(lines) + "\n", "Connections.csv")
    assert refused == []
    assert len(records) == len(rows)
    for record, (first, last, slug, company, _position, day) in zip(records, rows, strict=True):
        assert record.name == " ".join(f"{first} {last}".split())[:200]
        assert record.organisation == " ".join(company.split())[:200]
        assert record.met_on == day
        assert record.external_ids == [f"linkedin:https://linkedin.com/in/{slug}"]


@given(day=st.dates(dt.date(1970, 1, 1), dt.date(2068, 12, 31)))
def test_linkedin_dates_in_both_spellings(day: dt.date) -> None:
    assert parse_date(f"{day.day:02d} {months[day.month - 1]} {day.year}") == day
    assert parse_date(f"{day.day}-{months[day.month - 1]}-{day.year}") == day


records = st.builds(
    ContactRecord,
    name=names.map(lambda s: " ".join(s.split())),
    where=st.just("generated"),
    emails=st.lists(st.emails(), max_size=3, unique_by=str.casefold),
    phones=st.lists(st.from_regex(r"\+?[0-9][0-9 ]{5,14}[0-9]", fullmatch=True), max_size=2, unique=True),
    organisation=st.text(max_size=20).map(lambda s: " ".join(s.split())),
    role=st.text(max_size=20).map(lambda s: " ".join(s.split())),
    how_met=st.text(max_size=30).map(lambda s: " ".join(s.split())),
    met_on=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2026, 11, 1)),
    tags=st.lists(slugs, max_size=3, unique=True),
    notes=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=60).map(str.strip),
    relationship=st.sampled_from(("", "mentor", "former colleague", "friend")),
    cadence_days=st.none() | st.integers(1, 3650),
    support=st.booleans(),
    external_ids=st.just([]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(records, min_size=1, max_size=5))
def test_vcard_export_reads_back_without_loss(people: list[ContactRecord]) -> None:
    uids = [f"onward:test-{i}" for i in range(len(people))]
    text = write_vcards(people, uids)
    back, refused = read_vcards(text, "export.vcf")
    assert refused == []
    fields = (
        "name",
        "emails",
        "phones",
        "organisation",
        "role",
        "how_met",
        "met_on",
        "tags",
        "notes",
        "relationship",
        "cadence_days",
        "support",
    )
    for before, after, uid in zip(people, back, uids, strict=True):
        for name in fields:
            assert getattr(after, name) == getattr(before, name), name
        assert after.external_ids[0] == uid
