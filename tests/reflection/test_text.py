"""Tags as people type them, and snippets that mark the words found without ever making markup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onward.errors import BadInput
from onward.reflection.text import read_tags, search_words, snippet


def test_tags_are_read_the_way_people_type_them() -> None:
    assert read_tags("Hope, #work  @team,hope") == ["hope", "work", "team"]
    assert read_tags(["a b", "#c"]) == ["a", "b", "c"]
    assert read_tags("") == []
    with pytest.raises(BadInput, match="is longer than 40 characters"):
        read_tags("x" * 41)


def test_a_long_entry_gives_a_short_snippet_around_the_first_match() -> None:
    text = " ".join(f"word{i}" for i in range(100)) + " the rota again. " + " ".join(f"more{i}" for i in range(100))
    pieces = snippet(text, ["rota"])
    assert pieces[0].text.startswith("… ")
    assert [p.text for p in pieces if p.marked] == ["rota"]
    assert pieces[-1].text.endswith("…")
    assert len("".join(p.text for p in pieces).split()) < 35


def test_search_words_are_plain_and_bounded() -> None:
    assert search_words('"Rota" AND rota*  NEAR(x)') == ["rota", "and", "near", "x"]
    with pytest.raises(BadInput, match="up to 12 words"):
        search_words(" ".join(f"w{i}" for i in range(13)))


@given(text=st.text(max_size=300), words=st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_a_snippet_is_always_a_piece_of_the_entry(text: str, words: list[str]) -> None:
    pieces = snippet(text, search_words(" ".join(words))[:3])
    joined = "".join(p.text for p in pieces).removeprefix("… ").removesuffix("…")
    assert joined in text
    assert all(p.text in text for p in pieces if p.marked)
