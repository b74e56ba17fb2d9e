"""Requests in mail: precision and recall on the report half of the hand-labelled Enron messages
(tests/data/enron_requests_labels.csv, split by a fixed seed; the tuning half was the only one looked at while
writing the rules), next to the simple baseline (a question mark, or a sentence starting with an imperative verb).
"""

from __future__ import annotations

import csv
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

LABELS = ROOT / "tests" / "data" / "enron_requests_labels.csv"
SEED = 2026  # the split the tests use (tests/mail/test_labelled.py)


def enron_maildir() -> Path:
    for candidate in (
        os.environ.get("ONWARD_SHARED_DATA"),
        ROOT.parent.parent / "shared" / "data",
        "/work/shared/data",
    ):
        if candidate and (Path(candidate) / "enron_email_sample" / "maildir").is_dir():
            return Path(candidate) / "enron_email_sample" / "maildir"
    raise SystemExit("needs the team's data folder with enron_email_sample/ (set ONWARD_SHARED_DATA)")


def precision_recall(truth: list[bool], said: list[bool]) -> tuple[float, float]:
    hits = sum(t and s for t, s in zip(truth, said, strict=True))
    return hits / max(sum(said), 1), hits / max(sum(truth), 1)


def main() -> None:
    from onward.mail.detect import baseline, find_request
    from onward.mail.reading import read_message

    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    random.Random(SEED).shuffle(rows)
    report = rows[len(rows) // 2 :]
    root = enron_maildir()
    newest = [read_message((root / row["file"]).read_bytes()).newest for row in report]
    truth = [row["request"] == "1" for row in report]
    ours = precision_recall(truth, [bool(find_request(text)) for text in newest])
    simple = precision_recall(truth, [baseline(text) for text in newest])
    print(
        f"mail requests, report half ({len(report)} hand-labelled Enron messages, {sum(truth)} requests): "
        f"precision {ours[0]:.0%}, recall {ours[1]:.0%}; baseline (a '?' or an imperative start) "
        f"precision {simple[0]:.0%}, recall {simple[1]:.0%}"
    )


if __name__ == "__main__":
    main()
