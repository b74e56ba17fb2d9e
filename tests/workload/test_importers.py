"""Reading task files from Taskwarrior, Todoist and plain CSV: the mapping, and bad records named by position."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.workload.files.tasks import ImportedTask, guess_format, hours_of, parse_tasks
from onward.workload.files.tasks_csv import YearReference, todoist_date, year_reference

DATA = Path(__file__).parents[1] / "data"
TODAY = dt.date(2026, 11, 30)
NEW_YORK = ZoneInfo("America/New_York")


def read(name: str, fmt: str | None = None, zone: dt.tzinfo = NEW_YORK, text: str | None = None) -> list[ImportedTask]:
    text = text if text is not None else (DATA / name).read_text(encoding="utf-8-sig")
    return parse_tasks(text, name, fmt or guess_format(name, text), zone=zone, today=TODAY)


def by_title(tasks: list[ImportedTask]) -> dict[str, ImportedTask]:
    return {task.title: task for task in tasks}


def test_a_taskwarrior_export_maps_to_onward_words() -> None:
    tasks = by_title(read("taskwarrior-2.6.json"))
    report = tasks["Draft the Q4 grant report for the city fund"]
    assert report.external_id == "cee501f5-e370-48d5-ba73-a09138d773a4"
    assert (report.responsibility, report.importance, report.due, report.effort_hours) == (
        "Grants",
        5,
        dt.date(2026, 12, 4),
        3.0,
    )
    assert report.tags == ["funder", "writing"]
    assert report.annotations == [{"date": "2026-11-29", "text": "Dana has the Q3 figures"}]
    assert report.depends_on == ["96666c1c-8e9f-4535-bafd-acae35f1c167"]
    assert tasks["Collect attendance numbers from the three branches"].effort_hours == 1.5  # PT1H30M
    assert tasks["Train new tutors on the reading assessment"].effort_hours == 16.0  # 2d = two working days
    assert tasks["Order workshop books for January"].status == "waiting"  # wait: still ahead
    assert tasks["Order workshop books for January"].importance == 1  # priority L
    assert tasks["Renew first-aid certificate"].responsibility is None
    assert tasks["Renew first-aid certificate"].importance == 3  # no priority: Onward's default
    assert tasks["Send thank-you notes to donors"].status == "done"
    assert tasks["Send thank-you notes to donors"].completed == dt.date(2026, 11, 29)
    assert tasks["Update the volunteer spreadsheet"].status == "dropped"
    # The recurring template is skipped; its pending instance carries the recurrence.
    newsletters = [t for t in tasks.values() if t.title == "Monthly newsletter"]
    assert len(newsletters) == 1 and newsletters[0].recurrence == "monthly"
    assert len(tasks) == 11


def test_taskwarrior_due_dates_land_on_the_users_day() -> None:
    # "due:2026-12-11T22:00" in New York is 03:00 UTC on the 12th.
    title = "Plan the January workshop series"
    assert by_title(read("taskwarrior-2.6.json"))[title].due == dt.date(2026, 12, 11)
    assert by_title(read("taskwarrior-2.6.json", zone=ZoneInfo("UTC")))[title].due == dt.date(2026, 12, 12)


def test_an_older_taskwarrior_export_with_comma_separated_depends() -> None:
    tasks = by_title(read("taskwarrior-2.5.json"))
    assert tasks["Print the agenda"].depends_on == [
        "8a1c2e4d-93f0-4a5e-b1c7-2d6f0e9a4b11",
        "5b7e0d12-4c3a-4f88-9e21-7a0c6d3f2e90",
    ]
    assert tasks["Print the agenda"].effort_hours == 1.0  # a numeric estimate UDA
    assert tasks["Prepare the board slides"].effort_hours == 2.5
    assert tasks["Ask the treasurer for the budget lines"].status == "waiting"


def test_json_lines_exports_are_read_too() -> None:
    records = json.loads((DATA / "taskwarrior-2.6.json").read_text())
    lines = "\n".join(json.dumps(record) for record in records)
    assert len(read("old.json", "taskwarrior", text=lines)) == 11


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"due": "next friday"}, "'due' is not a date (got 'next friday')"),
        ({"priority": "X"}, "'priority' must be H, M or L"),
        ({"status": "archived"}, "unknown status 'archived'"),
        ({"estimate": "a while"}, "'estimate' is not a number of hours or a duration"),
        ({"description": ""}, "it has no description"),
    ],
)
def test_a_bad_taskwarrior_record_is_named_by_index_and_uuid(change: dict[str, str], message: str) -> None:
    records = json.loads((DATA / "taskwarrior-2.6.json").read_text())
    records[3].update(change)
    with pytest.raises(BadInput) as raised:
        read("tasks.json", "taskwarrior", text=json.dumps(records))
    assert raised.value.message.startswith("tasks.json record 4 (uuid 28fa6a14-60c1-45c2-b3da-46562916dba2): ")
    assert message in raised.value.message


def test_a_file_that_is_not_json_says_so() -> None:
    with pytest.raises(BadInput, match=r"tasks.json: not JSON"):
        read("tasks.json", "taskwarrior", text="[{]")
    with pytest.raises(BadInput, match=r"tasks.json record 2: expected a task object"):
        read("tasks.json", "taskwarrior", text='[{"uuid": "a", "description": "x"}, 3]')


def test_a_todoist_export_maps_sections_priorities_labels_and_notes() -> None:
    tasks = by_title(read("Riverside Literacy.csv"))
    assert guess_format("Riverside Literacy.csv", (DATA / "Riverside Literacy.csv").read_text()) == "todoist"
    email = tasks["Email Mira about the spring venue"]
    assert (email.responsibility, email.importance, email.tags, email.due) == (
        "Riverside Literacy",  # above the first section: the project, named by the file
        5,  # p1
        ["email"],
        dt.date(2026, 12, 3),
    )
    plants = tasks["Water the office plants"]
    assert (plants.recurrence, plants.due, plants.importance) == ("every monday", None, 3)  # p4: no priority
    outcomes = tasks["Write the outcomes section"]
    assert outcomes.responsibility == "Grant reporting"
    assert outcomes.due == dt.date(2026, 12, 8)  # the DEADLINE wins over the planned DATE
    assert outcomes.effort_hours == 3.0  # 180 minutes
    assert outcomes.annotations == [{"date": None, "text": "Mira sent the survey export on Friday"}]
    budget = tasks["Check the budget table"]
    assert budget.importance == 4 and budget.effort_hours == 0.75
    assert "Part of: Write the outcomes section" in budget.notes
    assert tasks["Ask Dana for the Q3 attendance"].importance == 2  # p3: a deliberate low
    assert tasks["Run the December tutor circle"].effort_hours == 8.0  # one day of duration
    assert 'Update the "first session" checklist' in tasks


def test_todoist_ids_are_stable_and_ignore_the_date() -> None:
    first = read("Riverside Literacy.csv")
    text = (DATA / "Riverside Literacy.csv").read_text().replace("2026-12-04", "2026-12-05")
    assert [t.external_id for t in first] == [t.external_id for t in read("Riverside Literacy.csv", text=text)]


def test_a_bad_todoist_row_is_named_by_line() -> None:
    text = (DATA / "Riverside Literacy.csv").read_text().replace("Dec 10 2026", "sometime soon")
    with pytest.raises(BadInput, match=r"Riverside Literacy.csv line 12: DATE is not a date .*'sometime soon'"):
        read("Riverside Literacy.csv", text=text)
    text = (DATA / "Riverside Literacy.csv").read_text().replace(",3,1,Alex", ",9,1,Alex")
    with pytest.raises(BadInput, match=r"line 9: PRIORITY must be 1 \(highest\) to 4"):
        read("Riverside Literacy.csv", text=text)


def test_a_plain_csv_with_its_five_columns() -> None:
    tasks = by_title(read("tasks-plain.csv"))
    handbook = tasks["Draft the volunteer handbook"]
    assert (handbook.responsibility, handbook.due, handbook.effort_hours, handbook.importance) == (
        "Tutor training",
        dt.date(2026, 12, 18),
        6.0,
        4,
    )
    assert tasks["Review the newsletter layout"].importance == 3
    assert tasks["File the mileage claims"].responsibility is None
    assert "Call the library, ask about room B" in tasks


def test_a_plain_csv_from_a_european_spreadsheet() -> None:
    text = "Title;Due;Effort_hours\nPlan the quiz night;2026-12-09;1,5\n"
    [task] = read("quiz.csv", text=text)
    assert (task.title, task.due, task.effort_hours) == ("Plan the quiz night", dt.date(2026, 12, 9), 1.5)


def test_a_plain_csv_never_guesses_what_a_comma_means() -> None:
    [task] = read("quiz.csv", text='title,effort_hours\nPlan the quiz night,"7,5"\n')
    assert task.effort_hours == 7.5  # never 75
    with pytest.raises(BadInput, match=r"quiz.csv line 2: 'effort_hours' is not a number of hours \(got '1,200'\)"):
        read("quiz.csv", text='title,effort_hours\nPlan the quiz night,"1,200"\n')


def test_plain_csv_problems_name_the_line_and_the_columns() -> None:
    with pytest.raises(BadInput, match=r"t.csv line 1: unknown columns 'owner', 'notes'; the columns are title"):
        read("t.csv", text="title,owner,notes\nx,y,z\n")
    text = 'title,due\nfine,2026-12-01\n\n"two\nlines",2026-12-02\nbad,fri?\n'
    with pytest.raises(BadInput) as raised:
        read("t.csv", text=text)
    assert raised.value.message == "t.csv line 6: 'due' is not a date (got 'fri?'; write it as YYYY-MM-DD)"
    with pytest.raises(BadInput, match=r"line 2: 'importance' must be a whole number from 1 to 5"):
        read("t.csv", text="title,importance\nx,7\n")


def test_identical_rows_get_distinct_stable_ids() -> None:
    tasks = read("t.csv", text="title\nCall mum\nCall mum\n")
    assert tasks[1].external_id == tasks[0].external_id + "#2"


@pytest.mark.parametrize(
    ("value", "hours"),
    [(3, 3.0), ("PT3H", 3.0), ("PT1H30M", 1.5), ("P1D", 8.0), ("P1W", 40.0), ("3h", 3.0), ("90min", 1.5), ("2", 2.0)],
)
def test_estimates_in_many_spellings(value: object, hours: float) -> None:
    assert hours_of(value) == hours


def test_todoist_dates_without_a_year_are_the_next_such_day() -> None:
    assert todoist_date("Dec 3", TODAY) == dt.date(2026, 12, 3)
    assert todoist_date("Nov 2", TODAY) == dt.date(2027, 11, 2)
    assert todoist_date("4 Dec 2026 at 5pm", TODAY) == dt.date(2026, 12, 4)


def test_unknown_extensions_ask_for_the_format() -> None:
    with pytest.raises(BadInput, match="--format"):
        guess_format("tasks.xlsx", "")


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe"])
def test_the_fast_local_dates_agree_with_exact_conversion(zone: str) -> None:
    import random

    from onward.workload.files.tasks import LocalDates

    rng, local, tz = random.Random(zone), LocalDates(ZoneInfo(zone)), ZoneInfo(zone)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for _ in range(3000):
        moment = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 365 * 3), seconds=rng.randrange(60))
        assert local(moment.strftime("%Y%m%dT%H%M%SZ")) == moment.astimezone(tz).date()


def test_an_old_todoist_export_keeps_its_own_year_for_dates_without_one() -> None:
    # Exported at the end of 2023: Todoist wrote "Dec 5" for that December, and the year for other years.
    tasks = by_title(read("Harbour Food Bank.csv"))
    assert tasks["Book the van for the winter drive"].due == dt.date(2023, 12, 5)
    assert tasks["Thank the Saturday volunteers"].due == dt.date(2023, 11, 28)
    assert tasks["Send the lottery fund report"].due == dt.date(2023, 11, 24)
    assert tasks["Renew the council grant"].due == dt.date(2024, 1, 15)


def test_the_year_reference_is_the_latest_full_date_else_today() -> None:
    old = (DATA / "Harbour Food Bank.csv").read_text()
    assert year_reference(old, TODAY) == YearReference(dt.date(2024, 1, 15), "file")
    only_short = "\n".join(line for line in old.splitlines() if "2023" not in line and "2024" not in line)
    assert year_reference(only_short, TODAY) == YearReference(TODAY, "today")
    assert by_title(read("Harbour Food Bank.csv", text=only_short))["Thank the Saturday volunteers"].due == dt.date(
        2027, 11, 28
    )
    no_short = "\n".join(line for line in old.splitlines() if "Dec 5" not in line and "Nov 28," not in line)
    assert year_reference(no_short, TODAY) is None


def test_a_day_month_pair_nearest_the_reference_crosses_the_new_year() -> None:
    assert todoist_date("Jan 3", TODAY, near=dt.date(2023, 12, 20)) == dt.date(2024, 1, 3)
    assert todoist_date("Dec 28", TODAY, near=dt.date(2024, 1, 2)) == dt.date(2023, 12, 28)
    assert todoist_date("Feb 29", TODAY, near=dt.date(2023, 6, 1)) == dt.date(2024, 2, 29)


def test_a_bare_taskwarrior_estimate_counts_in_the_unit_given() -> None:
    text = (DATA / "taskwarrior-minutes.json").read_text()

    def efforts(unit: str) -> dict[str, float | None]:
        tasks = parse_tasks(text, "t.json", "taskwarrior", zone=NEW_YORK, today=TODAY, estimate_unit=unit)
        return {task.title: task.effort_hours for task in tasks}

    assert efforts("minutes") == {
        "Call the printer about the flyers": 0.5,
        "Write the volunteer rota": 1.5,
        "Draft the sponsor letter": 2.0,  # PT2H names its unit
    }
    assert efforts("hours") == {
        "Call the printer about the flyers": 30.0,
        "Write the volunteer rota": 90.0,
        "Draft the sponsor letter": 2.0,
    }
    with pytest.raises(BadInput, match=r"unknown estimate unit 'days'; choose hours or minutes"):
        efforts("days")


ESTIMATES = st.one_of(
    st.sampled_from(["PT1H", "PT90M", "3h", "90min", "1,5h", "2", "", "soon", "P", "1,200"]),
    st.booleans(),
    st.integers(min_value=-2, max_value=3),
    st.floats(min_value=0, max_value=3, allow_nan=False),
)
PROJECTS = st.one_of(st.sampled_from(["Grants", "  Grants  ", "Events.Gala", "", "x" * 250]), st.integers(0, 2))


@given(st.lists(st.tuples(ESTIMATES, PROJECTS), min_size=1, max_size=8), st.sampled_from(["hours", "minutes"]))
def test_what_the_parser_remembers_across_records_is_what_each_record_says(
    fields: list[tuple[object, object]], unit: str
) -> None:
    """A big export repeats a few estimates and projects; each record still reads as it would alone
    (True is not 1, "2" in minutes is not "2" in hours, a refused estimate names its own record)."""
    from onward.workload.files.tasks import NAME_MAX, clip, estimate_hours

    records = [
        {"uuid": f"u{index}", "description": "Plan", "estimate": estimate, "project": project}
        for index, (estimate, project) in enumerate(fields, start=1)
    ]
    text = json.dumps(records)
    try:
        tasks = parse_tasks(text, "t.json", "taskwarrior", zone=NEW_YORK, today=TODAY, estimate_unit=unit)
    except BadInput as error:
        alone = []
        for record in records:
            try:
                parse_tasks(
                    json.dumps([record]), "t.json", "taskwarrior", zone=NEW_YORK, today=TODAY, estimate_unit=unit
                )
            except BadInput as own:
                alone.append(own.message.replace("record 1", f"record {record['uuid'][1:]}"))
        assert error.message == alone[0]
        return
    for task, (estimate, project) in zip(tasks, fields, strict=True):
        assert task.effort_hours == (None if estimate in (None, "") else estimate_hours(estimate, unit))
        assert task.responsibility == (clip(" ".join(str(project).split()), NAME_MAX) if project else None)
