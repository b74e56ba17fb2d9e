"""Typed-in values on the command line: read as on the forms ("37,5" is 37.5), and a blank or bad value is
one plain `error:` line and exit code 1, never a traceback."""

from __future__ import annotations

import json


def test_a_blank_date_is_one_plain_line_and_exit_1(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, err = onward("capacity", "except", "", "2026-12-24")
    assert (code, out, err) == (1, "", "error: first day: a date is needed (use YYYY-MM-DD)\n")
    code, _, err = onward("capacity", "except", "2026-12-21", "next week")
    assert code == 1 and err == "error: last day: 'next week' is not a date (use YYYY-MM-DD)\n"
    assert "Traceback" not in err


def test_hours_with_a_comma_are_hours_in_every_command(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("capacity", "set", "--weekly-hours", "37,5", "--day", "fri=7,5")
    assert code == 0 and "37.5 h a week" in out and "fri 7.5" in out
    assert onward("capacity", "except", "2026-12-24", "2026-12-24", "--hours-per-day", "3,5")[0] == 0
    shown = json.loads(onward("capacity", "show", "--json")[1])
    assert (shown["weekly_hours"], shown["exceptions"][0]["hours_per_day"]) == (37.5, 3.5)
    assert onward("colleagues", "add", "Jo", "--weekly-limit", "6,5")[0] == 0
    assert json.loads(onward("colleagues", "list", "--json")[1])[0]["weekly_limit_hours"] == 6.5
    assert onward("environment", "set", "--hours", "7,5", "--team-min", "3")[0] == 0
    environment = json.loads(onward("environment", "show", "--json")[1])
    assert (environment["hours_per_week"], environment["team_min"]) == (7.5, 3)  # 7,5 is never 75
    assert onward("environment", "set", "--hours", "none")[0] == 0
    assert json.loads(onward("environment", "show", "--json")[1])["hours_per_week"] is None


def test_a_bad_number_says_the_same_as_the_form(onward) -> None:  # type: ignore[no-untyped-def]
    code, _, err = onward("capacity", "set", "--weekly-hours", "1,200")
    assert code == 1 and err == "error: --weekly-hours: '1,200' could mean 1200 or 1.2; write 1200 or 1.2\n"
    code, _, err = onward("capacity", "set", "--day", "fri=lots")
    assert code == 1 and err == "error: --day fri=lots is not a number (got 'lots')\n"
    code, _, err = onward("environment", "set", "--team-min", "four")
    assert code == 1 and err == "error: --team-min is not a whole number (got 'four')\n"
    code, _, err = onward("colleagues", "add", "Jo", "--weekly-limit", "")
    assert code == 1 and err == "error: --weekly-limit: a number of hours is needed\n"


def test_an_offer_from_the_command_line(onward) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = onward("applications", "add", "Metro", "Coordinator", "--stage", "applied")
    app_id = out.split()[2].rstrip(":")
    code, _, err = onward("offers", "add", app_id, "--salary", "forty thousand")
    assert code == 1 and err == "error: --salary is not a number (got 'forty thousand')\n"
    assert onward("offers", "add", app_id, "--salary", "48.000", "--hours", "37,5", "--team-size", "6")[0] == 0
    offer = json.loads(onward("offers", "compare", "--json")[1])["offers"][0]["offer"]
    assert (offer["salary"], offer["hours_per_week"], offer["team_size"]) == (48000, 37.5, 6)
