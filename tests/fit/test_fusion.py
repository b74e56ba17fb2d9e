"""Occupations from long pasted text and short duties: views fused by rank, reasons read from the lines that
drove the match, and postings' duty lines found among their boilerplate (on a real posting)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np

from onward.fit.matching.fusion import best_lines_mean, query_lines, reciprocal_rank_fusion
from onward.fit.matching.index import TaskIndex, match_occupations
from onward.fit.matching.occupations import load_catalog
from onward.fit.matching.postings import duty_lines
from onward.fit.matching.query import FitQuery

from .conftest import LINKEDIN

ELDER_LAW = "23221523"  # the sample's "Senior Elder Law / Trusts and Estates Associate Attorney"


def _posting(shared_data: Callable[[str], Path], job_id: str) -> dict[str, str]:
    with shared_data(LINKEDIN).open(encoding="utf-8", newline="") as handle:
        return next(row for row in csv.DictReader(handle) if row["job_id"] == job_id)


def test_fusion_rewards_agreement_over_one_view_alone() -> None:
    words = np.array([3.0, 2.0, 0.5, 1.0])  # item 0 is first by words …
    meaning = np.array([0.1, 0.8, 0.2, 0.9])  # … but last by meaning; item 1 is second by both
    fused = reciprocal_rank_fusion([words, meaning])
    assert fused[1] > fused[0]
    assert reciprocal_rank_fusion([words, words])[0] == 1.0  # first in every view scores 1


def test_a_view_at_half_weight_sharpens_the_others_without_overruling_them() -> None:
    words = np.array([3.0, 2.0, 1.0])  # item 0 first by words and by meaning …
    meaning = np.array([0.9, 0.8, 0.1])
    titles = np.array([0.0, 5.0, 1.0])  # … item 1 first by titles alone
    fused = reciprocal_rank_fusion([words, meaning, titles], weights=[1.0, 1.0, 0.5])
    assert fused[0] > fused[1] > fused[2]
    assert abs(reciprocal_rank_fusion([words, words, words], weights=[1.0, 1.0, 0.5])[0] - 1.0) < 1e-12
    # At full weight the titles view ties item 1 with item 0; halved, the two views that agree win.
    even = reciprocal_rank_fusion([words, meaning, titles])
    assert fused[0] - fused[1] > even[0] - even[1]


def test_an_occupation_is_judged_by_its_best_lines_not_drowned_by_boilerplate() -> None:
    # Occupation 0 matches two lines strongly; occupation 1 matches every line a little (boilerplate).
    profile = np.array([[0.9, 0.3], [0.8, 0.3]] + [[0.0, 0.35]] * 20)
    best = best_lines_mean(profile, np.ones(len(profile)), best=2)
    assert best[0] > best[1]
    assert profile.mean(axis=0)[0] < profile.mean(axis=0)[1]  # what a mean over every line would have said


def test_a_short_duty_stays_as_typed_and_a_long_text_is_split_with_its_weight() -> None:
    lines = query_lines(
        ["Keep books", "Adult literacy workshops. Plan and lead the weekly evening workshops."], [1.0, 0.6]
    )
    assert lines.lines == ["Keep books", "Adult literacy workshops.", "Plan and lead the weekly evening workshops."]
    assert lines.source == [0, 1, 1] and list(lines.weights) == [1.0, 0.6, 0.6]


def test_detailed_work_activities_ship_with_the_occupations() -> None:
    adult_ed = load_catalog().occupation("25-3011.00")
    assert {"Teach life skills.", "Train staff members."} <= set(adult_ed.work_activities)


def test_a_real_posting_finds_its_occupation_by_the_duty_lines_that_drove_it(
    index: TaskIndex, shared_data: Callable[[str], Path]
) -> None:
    posting = _posting(shared_data, ELDER_LAW)
    description = posting["description"].replace("Attorney", " ").replace("attorney", " ")  # no title to read
    found = match_occupations(index, FitQuery(loved=(description,)), top=5)
    codes = [m.code for m in found.results]
    assert "23-1011.00" in codes, codes  # Lawyers
    lawyers = found.results[codes.index("23-1011.00")]
    # The reasons quote lines of the posting, and the strongest one is a duty about wills and trusts.
    assert all(pair.yours in description for pair in lawyers.evidence)
    assert "wills" in lawyers.evidence[0].yours.lower(), lawyers.evidence
    assert not any("salary" in pair.yours.lower() or "benefits" in pair.yours.lower() for pair in lawyers.evidence)


def test_duty_lines_of_a_real_posting_leave_out_its_pitch_pay_and_requirements(
    shared_data: Callable[[str], Path],
) -> None:
    posting = _posting(shared_data, ELDER_LAW)
    duties, real = duty_lines(posting["title"], posting["description"])
    assert real
    assert any(line.startswith("Drafting wills") for line in duties), duties
    assert any(line.startswith("Counseling clients") for line in duties), duties
    for line in duties:
        assert not any(word in line for word in ("Salary", "Benefits", "Juris Doctor", "We are")), line
