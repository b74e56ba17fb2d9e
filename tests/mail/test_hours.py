"""After hours on the person's own clock: each message's UTC offset honoured, working hours from settings,
weeks with their counts (the numbers well-being reads), the latest message each day, response times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onward.mail import views
from onward.services import Services

from .conftest import raw, write_mbox

ME = "alex@example.org"


def sent(message_id: str, date: str, **extra: str) -> bytes:
    return raw(message_id, sender=ME, to="sam@example.org", date=date, **extra)


def import_mail(services: Services, tmp_path: Path, messages: list[bytes]) -> None:
    services.mail.imports.import_path(write_mbox(tmp_path / "mail.mbox", messages), me=[ME])


def test_hours_are_counted_on_the_persons_clock_whatever_the_senders_offset(
    mail_services: Services, tmp_path: Path
) -> None:
    import_mail(
        mail_services,
        tmp_path,
        [
            sent("a@x", "Mon, 30 Nov 2026 23:10:00 -0500"),  # New York 23:10 = Chicago 22:10: after hours
            sent("b@x", "Tue, 01 Dec 2026 16:00:00 +0100"),  # Paris 16:00 = Chicago 09:00: working hours
            sent("c@x", "Tue, 01 Dec 2026 17:30:00 -0600"),  # at the end of the day: after hours
            sent("d@x", "Sat, 05 Dec 2026 11:00:00 -0600"),  # a day off
            sent("e@x", "Wed, 02 Dec 2026 17:29:59 -0600"),  # a second before the end
            raw("f@x", sender="sam@example.org", to=ME, date="Wed, 02 Dec 2026 23:00:00 -0600"),  # received
        ],
    )
    summary = views.hours(mail_services.mail).summary
    assert (summary.sent_total, summary.after_hours_total) == (5, 3)
    assert summary.by_hour[22] == 1 and summary.by_hour[9] == 1 and summary.by_hour[17] == 2
    assert summary.by_weekday == [1, 2, 1, 0, 0, 1, 0]
    assert [(w.start, w.sent, w.after_hours) for w in summary.weeks] == [(dt.date(2026, 11, 30), 5, 3)]


def test_weeks_for_well_being_match_the_hours_and_include_quiet_weeks(mail_services: Services, tmp_path: Path) -> None:
    import_mail(
        mail_services,
        tmp_path,
        [
            sent("w1@x", "Mon, 02 Nov 2026 22:00:00 -0600"),
            sent("w2@x", "Tue, 03 Nov 2026 10:00:00 -0600"),
            sent("w3@x", "Mon, 16 Nov 2026 21:30:00 -0600"),
            # Sunday 23:30 in Chicago is Monday 05:30 UTC: it still belongs to the week of 16 Nov
            sent("w4@x", "Sun, 22 Nov 2026 23:30:00 -0600"),
        ],
    )
    weeks = mail_services.mail.sent_after_hours_by_week(dt.date(2026, 10, 28), dt.date(2026, 11, 30))
    assert [(w.start, w.sent, w.after_hours) for w in weeks] == [
        (dt.date(2026, 10, 26), 0, 0),
        (dt.date(2026, 11, 2), 2, 1),
        (dt.date(2026, 11, 9), 0, 0),
        (dt.date(2026, 11, 16), 2, 2),
        (dt.date(2026, 11, 23), 0, 0),
        (dt.date(2026, 11, 30), 0, 0),
    ]
    summary = views.hours(mail_services.mail).summary
    overlapping = {w.start: w for w in weeks}
    for week in summary.weeks:
        assert overlapping[week.start] == week


def test_the_working_hours_come_from_the_settings(tmp_path: Path, mail_services: Services) -> None:
    import_mail(mail_services, tmp_path, [sent("s@x", "Mon, 30 Nov 2026 19:00:00 -0600")])
    assert views.hours(mail_services.mail).summary.after_hours_total == 1
    later = Services.local(
        mail_services.workspace.settings.model_copy(update={"work_end": dt.time(20, 0)}),
    )
    try:
        assert views.hours(later.mail).summary.after_hours_total == 0
    finally:
        later.store.dispose()


def test_latest_each_day_counts_after_midnight_as_the_evening_before(mail_services: Services, tmp_path: Path) -> None:
    import_mail(
        mail_services,
        tmp_path,
        [
            sent("l1@x", "Mon, 30 Nov 2026 22:00:00 -0600"),
            sent("l2@x", "Tue, 01 Dec 2026 01:15:00 -0600"),
            sent("l3@x", "Tue, 01 Dec 2026 15:00:00 -0600"),
        ],
    )
    latest = {day.day: day.latest for day in views.hours(mail_services.mail).latest_by_day}
    assert latest == {dt.date(2026, 11, 30): "01:15", dt.date(2026, 12, 1): "15:00"}


def test_response_times_fall_in_gmail_meters_buckets(mail_services: Services, tmp_path: Path) -> None:
    asked = [raw(f"q{n}@x", to=ME, date=f"Mon, 30 Nov 2026 {9 + n}:00:00 -0600") for n in range(3)]
    replies = [
        sent("r0@x", "Mon, 30 Nov 2026 09:04:00 -0600", in_reply_to="q0@x"),  # 4 minutes
        sent("r1@x", "Mon, 30 Nov 2026 12:00:00 -0600", in_reply_to="q1@x"),  # 2 hours
        sent("r2@x", "Wed, 02 Dec 2026 12:00:00 -0600", in_reply_to="q2@x"),  # two days
    ]
    import_mail(mail_services, tmp_path, [*asked, *replies])
    assert mail_services.mail.hours.response_times() == [
        ("5 min", 1),
        ("15 min", 0),
        ("1 h", 0),
        ("4 h", 1),
        ("1 day", 0),
        ("more", 1),
    ]


def test_the_demo_shows_after_hours_sending_falling(mail_services: Services) -> None:
    mail_services.fill_demo()
    page = views.hours(mail_services.mail)
    weeks = page.summary.weeks
    early = sum(w.after_hours for w in weeks[:4]) / sum(w.sent for w in weeks[:4])
    recent = sum(w.after_hours for w in weeks[-5:-1]) / sum(w.sent for w in weeks[-5:-1])
    assert early > 0.3 and recent < 0.25
    assert "down from" in page.trend_words
    assert mail_services.mail.requests.inbox()  # and some requests wait in the inbox


def test_well_being_charts_the_after_hours_mail_and_sees_a_new_import(mail_services: Services, tmp_path: Path) -> None:
    """As wired in onward.services: the well-being trends count the same after-hours mail, and a later import
    shows at once (the counted weeks are kept only while the mailbox is unchanged)."""
    from onward.wellbeing import views as wellbeing_views

    mail_services.wellbeing.check_ins.check_in(mood=3, energy=3)
    trend = wellbeing_views.trend_page(mail_services.wellbeing)
    assert trend.charts.mail is None and trend.weeks[-1].after_hours_mail is None  # no mail yet: said, not 0
    import_mail(mail_services, tmp_path, [sent("a@x", "Mon, 30 Nov 2026 22:10:00 -0600")])
    trend = wellbeing_views.trend_page(mail_services.wellbeing)
    assert trend.charts.mail is not None and trend.weeks[-1].after_hours_mail == 1
    mail_services.mail.imports.import_path(
        write_mbox(tmp_path / "more.mbox", [sent("b@x", "Tue, 01 Dec 2026 23:00:00 -0600")]), me=[ME]
    )
    assert wellbeing_views.trend_page(mail_services.wellbeing).weeks[-1].after_hours_mail == 2
