"""Asking for feedback: the questions asked, one unguessable link each (kept only as a hash), and closing,
reopening, revoking and remaking links as a person would."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from onward.errors import BadInput, Conflict, NotFound
from onward.feedback.questions import DEFAULT_OPEN, DEFAULT_RATINGS
from onward.services import Services

from .conftest import token_of

FIVE = ("Jo Baptiste", "Sam Okafor <sam@example.org>", "Priya Shah, priya@example.org", "Dee", "tom@example.org")


def test_five_people_get_five_different_links_built_from_the_public_url(services: Services) -> None:
    made = services.feedback.requests.create("My habits", invite=FIVE, asker="Alex")
    assert [(link.name, link.email) for link in made.links] == [
        ("Jo Baptiste", ""),
        ("Sam Okafor", "sam@example.org"),
        ("Priya Shah", "priya@example.org"),
        ("Dee", ""),
        ("tom", "tom@example.org"),
    ]
    assert len({link.url for link in made.links}) == 5
    assert all(link.url.startswith("http://127.0.0.1:8765/f/") for link in made.links)
    # secrets.token_urlsafe(24): 32 characters of 6 bits each = 192 bits, past the 128 the issue asks for.
    assert all(len(token_of(link)) == 32 for link in made.links)
    # The default questions, ratings first, in the order the answer page asks them.
    assert [(q.kind, q.text) for q in made.questions] == [("rating", t) for t in DEFAULT_RATINGS] + [
        ("open", t) for t in DEFAULT_OPEN
    ]


def test_the_public_url_setting_builds_the_links(services: Services) -> None:
    services.workspace.settings = services.workspace.settings.model_copy(
        update={"public_url": "https://onward.example.org/"}
    )
    made = services.feedback.requests.create("Habits", invite=["Jo"])
    assert made.links[0].url.startswith("https://onward.example.org/f/")


def test_only_a_hash_of_each_link_is_stored(services: Services) -> None:
    made = services.feedback.requests.create("Habits", invite=FIVE)
    services.feedback.answers.submit(token_of(made.links[0]), [4, 4, 4, 4, "Fine.", None, None])
    dump = json.dumps(services.export())
    with services.store.unscoped_session() as session:
        rows = [
            str(r)
            for t in ("feedback_invites", "feedback_responses")
            for r in session.execute(text(f"select * from {t}"))
        ]
    for link in made.links:
        assert token_of(link) not in dump
        assert all(token_of(link) not in row for row in rows)


def test_minimum_answers_is_never_below_three(services: Services) -> None:
    with pytest.raises(BadInput, match="minimum answers must be from 3"):
        services.feedback.requests.create("Habits", invite=FIVE, min_answers=2)
    assert services.feedback.requests.create("Habits", invite=FIVE, min_answers=4).request_id


def test_bad_input_names_the_reason(services: Services) -> None:
    with pytest.raises(BadInput, match="name at least one person"):
        services.feedback.requests.create("Habits", invite=[])
    with pytest.raises(BadInput, match="'Sam <not-an-address>'"):
        services.feedback.requests.create("Habits", invite=["Sam <not-an-address>"])
    with pytest.raises(BadInput, match="title"):
        services.feedback.requests.create("  ", invite=["Sam"])
    with pytest.raises(BadInput, match="has passed"):
        services.feedback.requests.create("Habits", invite=["Sam"], closes_on=services.today - dt.timedelta(days=1))
    assert services.feedback.requests.list_requests() == []


def test_close_reopen_and_revoke(services: Services) -> None:
    made = services.feedback.requests.create("Habits", ratings=["Plans well"], invite=FIVE)
    token = token_of(made.links[0])
    requests, answers = services.feedback.requests, services.feedback.answers
    answers.submit(token, [3])
    assert requests.close(made.request_id).status == "closed"
    assert answers.form(token).open is False
    with pytest.raises(Conflict, match="has closed"):
        answers.submit(token, [4])
    reopened = requests.reopen(made.request_id, services.today + dt.timedelta(days=3))
    assert (reopened.status, reopened.closes_on) == ("open", services.today + dt.timedelta(days=3))
    assert answers.submit(token, [4]) is True  # the same link's answer, replaced
    assert requests.revoke(made.request_id).status == "revoked"
    with pytest.raises(NotFound):
        answers.form(token)
    with pytest.raises(Conflict):
        requests.reopen(made.request_id)
    assert requests.get(made.request_id).answers == 1  # the answers given stay the person's


def test_a_new_link_replaces_the_old_one(services: Services) -> None:
    made = services.feedback.requests.create("Habits", ratings=["Plans well"], invite=["Jo", "Sam"])
    old = token_of(made.links[0])
    fresh = services.feedback.requests.new_link(made.request_id, made.links[0].invite_id)
    assert fresh.name == "Jo" and token_of(fresh) != old
    with pytest.raises(NotFound):
        services.feedback.answers.form(old)
    assert services.feedback.answers.form(token_of(fresh)).questions[0].text == "Plans well"
    more = services.feedback.requests.add_invites(made.request_id, ["Priya"])
    assert [link.name for link in more] == ["Priya"]
    assert len(services.feedback.requests.get(made.request_id).invites) == 3
