"""O*NET occupations ship with the package, carry their attribution, and match the tasks a person loves."""

from __future__ import annotations

from onward.fit.matching.index import TaskIndex, match_occupations
from onward.fit.matching.occupations import load_catalog
from onward.fit.matching.query import FitQuery


def test_the_shipped_catalog_holds_every_occupation_task_and_title() -> None:
    catalog = load_catalog()
    assert catalog.version == "30.1"
    assert len(catalog.occupations) == 1016
    assert len(catalog.tasks) == 18796
    adult_ed = catalog.occupation("25-3011.00")
    assert adult_ed.title.startswith("Adult Basic Education")
    assert adult_ed.job_zone == 4
    assert catalog.job_zone(4) is not None and "Considerable Preparation" in catalog.job_zone(4).name  # type: ignore[union-attr]
    assert "Literacy Teacher" in adult_ed.alternate_titles
    assert adult_ed.related and all(code in catalog.occupations for code in adult_ed.related)
    core = [t for t in catalog.tasks if t.code == "25-3011.00" and t.core]
    assert core and any(not t.core for t in catalog.tasks)


def _codes(index: TaskIndex, query: FitQuery, top: int = 5) -> list[str]:
    return [m.code for m in match_occupations(index, query, top=top).results]


def test_clear_tasks_find_their_occupations(index: TaskIndex) -> None:
    method = "hybrid" if index.embedder is not None else "bm25"
    assert match_occupations(index, FitQuery(loved=("Teach adults to read",)), top=1).method == method
    assert "25-3011.00" in _codes(index, FitQuery(loved=("Teach adults to read",)))  # adult literacy instructors
    plumbing = FitQuery(loved=("Repair leaking water pipes and install plumbing fixtures",))
    assert "47-2152.00" in _codes(index, plumbing)
    books = FitQuery(loved=("Keep the books and reconcile the accounts",))
    assert "43-3031.00" in _codes(index, books)
    training = FitQuery(loved=("Train new employees and design training workshops",))
    assert "13-1151.00" in _codes(index, training)


def test_each_match_carries_its_evidence_job_zone_and_related_occupations(index: TaskIndex) -> None:
    found = match_occupations(index, FitQuery(loved=("Teach adults to read", "Train volunteer tutors")), top=5)
    adult_ed = next(m for m in found.results if m.code == "25-3011.00")
    assert {e.yours for e in adult_ed.evidence} == {"Teach adults to read", "Train volunteer tutors"}
    assert any("tutors" in e.theirs for e in adult_ed.evidence)
    assert adult_ed.job_zone == 4 and adult_ed.job_zone_name.startswith("Job Zone Four")
    assert adult_ed.related and adult_ed.related[0].title


def test_tasks_to_avoid_demote_occupations_whose_core_tasks_look_like_them(index: TaskIndex) -> None:
    loved = ("Write grant proposals to get research funding",)
    avoid = ("Teach courses in their subject to college students",)
    top = 30
    before = match_occupations(index, FitQuery(loved=loved), top=top).results
    after = match_occupations(index, FitQuery(loved=loved, avoid=avoid), top=top).results
    teachers_before = [m.code for m in before[:5] if m.code.startswith("25-1")]
    assert teachers_before, "postsecondary teachers write grant proposals too"
    score_before = {m.code: m.score for m in before}
    score_after = {m.code: m.score for m in after}
    demoted = [code for code in teachers_before if score_after.get(code, -1.0) < score_before[code]]
    assert demoted, f"none of {teachers_before} scored lower once {avoid[0]!r} was to be avoided"
    flagged = next((m for m in after if m.code == demoted[0]), None)
    assert flagged is not None, (
        f"{demoted[0]} left the top {top} once {avoid[0]!r} was to be avoided, so the reason shown for its demotion "
        "cannot be checked: pick tasks that demote it less"
    )
    assert any(e.yours == avoid[0] for e in flagged.avoid), f"{demoted[0]} does not say why it was demoted"
    # Researchers and grant writers (Fundraisers) write proposals without teaching courses: one of them now
    # comes first.
    assert after[0].code.startswith("19-") or after[0].code == "13-1131.00", after[0]


def test_nothing_to_match_gives_no_results(index: TaskIndex) -> None:
    assert match_occupations(index, FitQuery(loved=()), top=5).results == []


def test_a_general_duty_finds_the_occupation_before_its_specialisations(index: TaskIndex) -> None:
    # Registered Nurses (29-1141.00) and O*NET's specialisations of it (Acute Care, Critical Care, Clinical
    # Nurse Specialists …) share these duties; the general occupation is the likelier job.
    nursing = FitQuery(
        loved=(
            "Monitor patients' condition and record their vital signs",
            "Give patients their medications and explain their treatment to them",
        )
    )
    codes = _codes(index, nursing, top=10)
    nurses = [code for code in codes if code.startswith("29-1141")]
    assert nurses and nurses[0] == "29-1141.00", codes
