"""The network service on both databases: contacts and the support flag, interactions and last contact,
duplicates merged after a preview, who is due, the .ics follow-ups, suggestions and outreach drafts."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from onward.demo import fill_demo
from onward.errors import BadInput
from onward.hours import WorkingHours
from onward.network.followups import follow_up_moment
from onward.network.schemas import ContactRecord
from onward.services import Services

from ..conftest import TODAY


def _add(services: Services, name: str, **values: object) -> int:
    return services.network.contacts.add(ContactRecord(name=name, where="test", **values)).id  # type: ignore[arg-type]


def test_support_people_and_people_for_other_domains(services: Services) -> None:
    maya = _add(services, "Maya Patel", emails=["maya@x.example"], phones=["0123"], relationship="friend", support=True)
    _add(services, "Chris Ward", emails=["chris@x.example"])
    ben = _add(services, "Ben Castillo", phones=["555 1234"])
    lean_on = services.network.support_people()
    assert [(p.name, p.email, p.phone) for p in lean_on] == [("Maya Patel", "maya@x.example", "0123")]
    services.network.contacts.set_support(ben, True)
    assert [p.name for p in services.network.support_people()] == ["Ben Castillo", "Maya Patel"]
    assert [(p.name, p.email) for p in services.network.people([maya, ben])] == [
        ("Ben Castillo", ""),
        ("Maya Patel", "maya@x.example"),
    ]
    assert len(services.network.people()) == 3


def test_a_contact_form_mistake_names_the_field(services: Services) -> None:
    with pytest.raises(BadInput, match=r"^relationship must be one of"):
        _add(services, "Ada", relationship="nemesis")
    with pytest.raises(BadInput, match=r"^email 'ada at x' is not an e-mail address"):
        _add(services, "Ada", emails=["ada at x"])
    _add(services, "Ada", emails=["ada@x.example"])
    with pytest.raises(BadInput, match="already Ada's"):
        _add(services, "Ada L.", emails=["ADA@x.example"])


def test_last_contacted_comes_from_the_newest_interaction(services: Services) -> None:
    jo = _add(services, "Jo")
    assert services.network.contacts.get(jo).last_contacted is None
    services.network.interactions.log(jo, "coffee", on=TODAY - dt.timedelta(days=9))
    services.network.interactions.log(jo, "call", on=TODAY - dt.timedelta(days=2), outcome="helpful")
    contact = services.network.contacts.get(jo)
    assert (contact.last_contacted, contact.interactions) == (TODAY - dt.timedelta(days=2), 2)
    with pytest.raises(BadInput, match="after today"):
        services.network.interactions.log(jo, "call", on=TODAY + dt.timedelta(days=1))
    with pytest.raises(BadInput, match=r"^kind must be one of"):
        services.network.interactions.log(jo, "carrier pigeon")


def test_duplicates_are_previewed_then_merged_and_a_reimport_still_matches(services: Services) -> None:
    vcard = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Aisha Rahman\nORG:Bright Futures Trust\n"
        b"EMAIL:aisha@bf.example\nUID:abc-1\nEND:VCARD\n"
    )
    services.network.imports.import_data(vcard, "phone.vcf")
    linkedin = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Aisha,Rahman,https://www.linkedin.com/in/aisha,,Bright Futures Trust,Programme Lead,01 Mar 2025\n"
    )
    services.network.imports.import_data(linkedin, "Connections.csv")
    first, second = (c.id for c in services.network.contacts.list_all())
    services.network.interactions.log(second, "message", on=TODAY)
    (group,) = services.network.duplicates.groups()
    assert group.reason == "same name and organisation (Bright Futures Trust)"
    assert group.merged.emails == ["aisha@bf.example"] and group.merged.role == "Programme Lead"
    assert services.network.contacts.count() == 2  # the preview changed nothing
    merged = services.network.duplicates.merge(group.keep_id, [first, second])
    assert services.network.contacts.count() == 1
    assert (merged.emails, merged.role, merged.interactions) == (["aisha@bf.example"], "Programme Lead", 1)
    assert merged.linkedin_url == "https://linkedin.com/in/aisha"
    for data, name in ((vcard, "phone.vcf"), (linkedin, "Connections.csv")):
        assert services.network.imports.import_data(data, name).added == 0
    assert services.network.duplicates.groups() == []


def test_losing_touch_follows_the_contact_or_tag_cadence(services: Services) -> None:
    services.network.contacts.set_tag_cadence("teaching", 60)
    margaret = _add(services, "Margaret", tags=["Teaching"], met_on=TODAY - dt.timedelta(days=900))
    maya = _add(services, "Maya", cadence_days=30, met_on=TODAY - dt.timedelta(days=400))
    _add(services, "No cadence", met_on=TODAY - dt.timedelta(days=4000))
    services.network.interactions.log(margaret, "email", on=TODAY - dt.timedelta(days=130))
    services.network.interactions.log(maya, "call", on=TODAY - dt.timedelta(days=20))
    losing = services.network.follow_ups.losing_touch()
    assert [(lt.name, lt.cadence_days, lt.days_overdue) for lt in losing] == [("Margaret", 60, 70)]


def test_follow_ups_due_and_the_today_list_says_losing_touch_once(services: Services) -> None:
    priya = _add(services, "Priya")
    dana = _add(services, "Dana")
    services.network.interactions.log(
        priya, "meeting", on=TODAY - dt.timedelta(days=10), follow_up_on=TODAY - dt.timedelta(days=2)
    )
    services.network.interactions.log(dana, "call", on=TODAY, follow_up_on=TODAY)
    later = services.network.interactions.log(dana, "call", on=TODAY, follow_up_on=TODAY + dt.timedelta(days=5))
    for i in range(4):
        _add(services, f"Old friend {i}", cadence_days=30, met_on=TODAY - dt.timedelta(days=200))
    due = services.network.follow_ups.due()
    assert [(f.contact_name, f.days_overdue) for f in due.follow_ups] == [("Priya", 2), ("Dana", 0)]
    lines = [item for item in services.today_items() if item.domain == "network"]
    assert [(i.title, i.detail) for i in lines] == [
        ("Follow up with Priya", "follow-up 2 days overdue"),
        ("Follow up with Dana", "follow-up due today"),
        ("4 people you are losing touch with", "longer than you wanted since you were last in touch"),
    ]
    services.network.interactions.follow_up_done(due.follow_ups[0].interaction_id)
    assert [f.contact_name for f in services.network.follow_ups.due().follow_ups] == ["Dana"]
    assert later.follow_up_on not in [f.on for f in services.network.follow_ups.due().follow_ups]


def test_follow_up_events_start_the_working_day_and_never_in_quiet_hours(services: Services) -> None:
    zone = services.workspace.settings.zone()
    hours = WorkingHours(zone, dt.time(9), dt.time(17), frozenset(range(5)), dt.time(21), dt.time(7))
    monday = TODAY  # a Monday
    assert follow_up_moment(monday, hours) == dt.datetime(2026, 11, 30, 9, tzinfo=zone)
    assert follow_up_moment(monday + dt.timedelta(days=5), hours).date() == monday + dt.timedelta(
        days=7
    )  # Saturday → Monday
    early = WorkingHours(zone, dt.time(6), dt.time(14), frozenset(range(5)), dt.time(22), dt.time(7, 30))
    assert follow_up_moment(monday, early) == dt.datetime(2026, 11, 30, 7, 30, tzinfo=zone)

    priya = _add(services, "Priya")
    services.network.interactions.log(priya, "coffee", on=TODAY, follow_up_on=TODAY + dt.timedelta(days=3))
    calendar = icalendar.Calendar.from_ical(services.network.follow_ups.calendar())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Follow up with Priya"
    start = event.decoded("dtstart").astimezone(zone)
    settings_hours = WorkingHours.from_settings(services.workspace.settings)
    assert start.time() == settings_hours.start and not settings_hours.is_quiet(start)
    again = icalendar.Calendar.from_ical(services.network.follow_ups.calendar())
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(event["uid"])]


def test_outreach_draft_says_the_role_and_asks_clearly_then_sent_is_logged(services: Services) -> None:
    fill_demo(services)
    priya = next(c for c in services.network.contacts.list_all() if c.name == "Priya Shah")
    draft = services.network.outreach.draft(priya.id)
    assert draft.body.startswith("Hi Priya,")
    assert "an adult literacy educator" in draft.body  # the label of fit's ideal-role profile
    assert "adult literacy workshops" in draft.body  # a duty Alex loves and is best at
    assert "Programme Director at Northside Adult Learning Centre" in draft.body
    assert "twenty minutes" in draft.body
    assert draft.mailto.startswith("mailto:priya.shah@northside.example?subject=")
    assert draft.body.endswith("Alex")
    edited = draft.body.replace("twenty minutes", "fifteen minutes")
    logged = services.network.outreach.mark_sent(priya.id, edited)
    assert (logged.kind, logged.outcome, logged.notes) == ("email", "sent", edited)
    assert logged.follow_up_on == TODAY + dt.timedelta(days=7)
    assert services.network.contacts.get(priya.id).last_contacted == TODAY


def test_suggestions_group_people_with_reasons(services: Services) -> None:
    fill_demo(services)
    found = services.network.suggestions()
    matching = {s.name: s.reason for s in found.matching_role}
    assert matching["Priya Shah"] == "works at Northside Adult Learning Centre, where you have an application open"
    assert "literacy" in matching["Jo Fielding"]
    assert {s.name for s in found.mentors} == {"Margaret Lin", "Dr Samuel Adeyemi"}
    every = [
        s.contact_id
        for group in (found.matching_role, found.mentors, found.met_this_year, found.losing_touch)
        for s in group
    ]
    assert len(every) == len(set(every)), "a person shows in one group only"


def test_export_then_import_into_a_new_workspace_keeps_everything(services: Services, tmp_path: object) -> None:
    fill_demo(services)
    text = services.network.imports.export_vcard()
    assert services.network.imports.import_data(text.encode(), "mine.vcf").added == 0
    from onward.settings import Settings

    other = Services.local(Settings(data_dir=services.workspace.settings.data_dir, today=TODAY), "sqlite://")
    result = other.network.imports.import_data(text.encode(), "mine.vcf")
    assert result.added == services.network.contacts.count()
    keep = (
        "name",
        "emails",
        "organisation",
        "role",
        "how_met",
        "met_on",
        "tags",
        "relationship",
        "cadence_days",
        "support",
        "key",
    )
    mine = [{k: getattr(c, k) for k in keep} for c in services.network.contacts.list_all()]
    theirs = [{k: getattr(c, k) for k in keep} for c in other.network.contacts.list_all()]
    assert theirs == mine


def test_importing_a_workspace_export_again_adds_no_contact_or_interaction(services: Services) -> None:
    fill_demo(services)
    data = services.export()
    added = services.import_(data, merge=True)
    assert added.get("contacts", 0) == 0 and added.get("interactions", 0) == 0
    assert len(services.network.follow_ups.due().follow_ups) == 2
