"""Results: the spread and mean of each rating beside the person's own, every sentence of the open answers
shuffled, and the themes several people raised."""

from __future__ import annotations

from onward.demo import fill_demo
from onward.services import Services

from .conftest import token_of


def test_ratings_compare_others_with_the_persons_own(services: Services) -> None:
    made = services.feedback.requests.create(
        "Habits", ratings=["Plans well", "Asks for help"], open_questions=["Change?"], invite=["A", "B", "C", "D"]
    )
    for link, values in zip(
        made.links, ([2, 1, None], [3, None, None], [2, 2, None], [5, 1, "Ask sooner."]), strict=True
    ):
        services.feedback.answers.submit(token_of(link), values)
    services.feedback.requests.rate_myself(made.request_id, [4, 2, 5])  # 5 on an open question is ignored
    plans, help_ = services.feedback.results.results(made.request_id).ratings
    assert (plans.distribution, plans.mean, plans.self_rating, plans.difference) == ([0, 2, 1, 0, 1], 3.0, 4, -1.0)
    assert (help_.answered, help_.mean, help_.self_rating) == (3, 1.33, 2)
    assert services.feedback.requests.get(made.request_id).self_ratings == [4, 2, None]


def test_open_answers_are_split_into_sentences_and_shuffled(services: Services) -> None:
    made = services.feedback.requests.create("Habits", open_questions=["Keep doing?"], invite=["A", "B", "C"])
    texts = [
        "Keep the weekly update. It saves a meeting.",
        "Your workshops are great! Keep the weekly update going.",
        "Nothing to add.",
    ]
    for link, words in zip(made.links, texts, strict=True):
        services.feedback.answers.submit(token_of(link), [words])
    result = services.feedback.results.results(made.request_id).open[0]
    assert sorted(result.sentences) == sorted(
        [
            "Keep the weekly update.",
            "It saves a meeting.",
            "Your workshops are great!",
            "Keep the weekly update going.",
            "Nothing to add.",
        ]
    )
    assert not any(text in result.sentences for text in texts[:2])  # no two-sentence answer survives whole
    assert [(t.word, t.answers) for t in result.themes] == [("update", 2), ("weekly", 2)]
    # The same page each visit: the shuffle depends on the content, not on when it is drawn.
    assert services.feedback.results.results(made.request_id).open[0].sentences == result.sentences


def test_the_demo_shows_results_for_the_closed_request_and_waits_on_the_open_one(services: Services) -> None:
    fill_demo(services)
    closed, waiting = sorted(services.feedback.requests.list_requests(), key=lambda r: r.id)
    assert (closed.status, closed.answers, len(closed.invites)) == ("closed", 5, 5)
    assert (waiting.status, waiting.answers) == ("open", 1)
    shown = services.feedback.results.results(closed.id)
    assert shown.shown and shown.ratings[0].self_rating == 4
    assert {t.word for t in shown.open[1].themes} >= {"rota"}
    assert services.feedback.results.results(waiting.id).shown is False
    meetings = services.feedback.meetings.list_meetings()
    assert len(meetings) == 2 and all(len(m.agreements) == 2 for m in meetings)
    assert [a.task_status for a in meetings[1].agreements] == ["done", "done"]
    assert meetings[0].report is not None and "One-on-one" in meetings[0].report
