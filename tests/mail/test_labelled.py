"""The hand-labelled Enron messages: at least 200, each readable from the sample, split by a fixed seed.
Accuracy is printed by bench/mail_requests.py on the report half only; here the tuning half shows the
detector does better than the simple baseline, so a change that breaks it is caught."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

from onward.mail.detect import baseline, find_request
from onward.mail.reading import read_message

from .conftest import ENRON, LABELS

SEED = 2026


def halves() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    random.Random(SEED).shuffle(rows)
    middle = len(rows) // 2
    return rows[:middle], rows[middle:]


def f1(rows: list[dict[str, str]], said: list[bool]) -> float:
    truth = [row["request"] == "1" for row in rows]
    hits = sum(t and s for t, s in zip(truth, said, strict=True))
    return 2 * hits / (sum(truth) + sum(said))


def test_there_are_at_least_200_labels_split_in_fixed_halves(shared_data: Callable[[str], Path]) -> None:
    tuning, report = halves()
    assert len(tuning) + len(report) >= 200 and abs(len(tuning) - len(report)) <= 1
    assert {row["request"] for row in tuning + report} == {"0", "1"}
    root = shared_data(f"{ENRON}/maildir")
    for row in tuning + report:
        assert read_message((root / row["file"]).read_bytes()).key == row["message_id"]


def test_the_detector_beats_the_baseline_on_the_tuning_half(shared_data: Callable[[str], Path]) -> None:
    tuning, _ = halves()
    root = shared_data(f"{ENRON}/maildir")
    newest = [read_message((root / row["file"]).read_bytes()).newest for row in tuning]
    assert f1(tuning, [bool(find_request(text)) for text in newest]) > f1(tuning, [baseline(t) for t in newest]) + 0.2
