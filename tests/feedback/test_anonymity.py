"""In anonymous mode nothing stored ties an answer to its invite or its time, and nothing is shown early."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from onward.services import Services

from .conftest import token_of


def _rows(services: Services, table: str) -> list[dict[str, object]]:
    with services.store.unscoped_session() as session:
        return [dict(r._mapping) for r in session.execute(text(f"select * from {table} order by id"))]


def test_answers_carry_no_time_and_nothing_of_their_invite(services: Services) -> None:
    closes = services.today + dt.timedelta(days=9)
    made = services.feedback.requests.create(
        "Habits", ratings=["Plans well"], invite=[f"P{i}" for i in range(20)], closes_on=closes
    )
    invites_before = _rows(services, "feedback_invites")
    for link in made.links:
        services.feedback.answers.submit(token_of(link), [3])
    # Answering changed nothing on the invites: not a flag, not a time.
    assert _rows(services, "feedback_invites") == invites_before
    answers = _rows(services, "feedback_responses")
    assert len(answers) == 20
    midnight = dt.datetime.combine(closes, dt.time())
    for row in answers:
        assert str(row["created_at"]).startswith(midnight.isoformat(" ")) and row["created_at"] == row["updated_at"]
        assert row["respondent"] == ""
        invite_values = {
            str(v) for invite in invites_before for k, v in invite.items() if k in ("id", "token_hash", "name")
        }
        assert not invite_values & {str(row["answer_key"]), str(row["id"])}
    # Ids are drawn at random: their order is not the order the answers came in.
    ids = [row["id"] for row in _rows(services, "feedback_responses")]
    in_arrival = []
    for link in made.links:
        with services.store.unscoped_session() as session:
            from onward.feedback.links import answer_key

            in_arrival.append(
                session.execute(
                    text("select id from feedback_responses where answer_key = :k"), {"k": answer_key(token_of(link))}
                ).scalar_one()
            )
    assert in_arrival != sorted(in_arrival) and sorted(ids) == sorted(in_arrival)


def test_closing_early_moves_every_answer_to_the_new_close_date(services: Services) -> None:
    made = services.feedback.requests.create("Habits", ratings=["Plans well"], invite=["A", "B", "C"])
    for link in made.links:
        services.feedback.answers.submit(token_of(link), [4])
    services.feedback.requests.close(made.request_id)
    stamps = {str(row["created_at"])[:19] for row in _rows(services, "feedback_responses")}
    assert stamps == {f"{services.today.isoformat()} 00:00:00"}


def test_results_stay_hidden_until_three_have_answered(services: Services) -> None:
    made = services.feedback.requests.create(
        "Habits", ratings=["Plans well"], open_questions=["Keep doing?"], invite=["A", "B", "C", "D", "E"]
    )
    results = services.feedback.results
    for count, link in enumerate(made.links[:2], start=1):
        services.feedback.answers.submit(token_of(link), [count + 2, "Keep the check-ins."])
        hidden = results.results(made.request_id)
        assert (hidden.answers, hidden.shown, hidden.ratings, hidden.open) == (count, False, [], [])
    services.feedback.answers.submit(token_of(made.links[2]), [5, "Say no more often."])
    shown = results.results(made.request_id)
    assert shown.shown and shown.ratings[0].distribution == [0, 0, 1, 1, 1]


def test_a_second_answer_from_the_same_link_replaces_the_first(services: Services) -> None:
    made = services.feedback.requests.create("Habits", ratings=["Plans well"], invite=["A", "B"])
    token = token_of(made.links[0])
    assert services.feedback.answers.submit(token, [2]) is False
    assert services.feedback.answers.submit(token, [5]) is True
    assert services.feedback.answers.form(token).previous == [5]
    assert services.feedback.answers.form(token_of(made.links[1])).previous is None
    assert services.feedback.requests.get(made.request_id).answers == 1


def test_named_mode_shows_who_said_what(services: Services) -> None:
    made = services.feedback.requests.create(
        "Habits", ratings=["Plans well"], open_questions=["Keep doing?"], invite=["Ann", "Bo", "Cy"], anonymous=False
    )
    for link, words in zip(made.links, ("Planning.", "Calm.", "Humour."), strict=True):
        services.feedback.answers.submit(token_of(link), [4, words])
    found = services.feedback.results.results(made.request_id)
    assert found.open[0].named == [("Ann", "Planning."), ("Bo", "Calm."), ("Cy", "Humour.")]


def test_the_database_itself_cannot_tell_which_answer_came_last(services: Services) -> None:
    made = services.feedback.requests.create("Habits", ratings=["Plans well"], invite=[f"P{i}" for i in range(6)])
    for link in made.links:
        services.feedback.answers.submit(token_of(link), [3])
    services.feedback.answers.submit(token_of(made.links[2]), [5])  # an edit, too
    if services.store.dialect == "postgresql":
        with services.store.unscoped_session() as session:
            # Every answer was rewritten by the last transaction: one transaction id for all of them.
            assert session.execute(text("select count(distinct xmin::text) from feedback_responses")).scalar() == 1
    stamps = {(str(r["created_at"]), str(r["updated_at"])) for r in _rows(services, "feedback_responses")}
    assert len(stamps) == 1
