"""The one "type to filter" rule (story/filtering.py), and the three places that use it."""

from __future__ import annotations

import pytest

from story_tui.story.filtering import QueryFilter


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("brd prces", "Bread prices rise"),  # letters in order inside one word
        ("nunez", "Ana Núñez"),  # accents folded as find folds them
        ("chile border", "Chile–Peru border"),  # every word, in any order
        ("border chile", "Chile–Peru border"),
        ("Chile", "Chile–Peru border"),  # a capital matches case
        ("'peru doesn't'", "‘Peru doesn’t’"),  # typographic quotes
        ("", "anything"),  # an empty query hides nothing
    ],
)
def test_what_matches(query: str, text: str) -> None:
    assert QueryFilter(query)(text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("chile", "Peru border"),
        ("chile bread", "Chile–Peru border"),  # one word missing hides the text
        ("CHILE", "Chile–Peru border"),  # smart case, word by word
        ("rd", "Bread prices"),  # letters only inside a word that starts with the first one
        ("theme", "the measures taken at home"),  # not letters scattered across words
    ],
)
def test_what_does_not_match(query: str, text: str) -> None:
    assert not QueryFilter(query)(text)


def test_the_spans_are_where_the_words_match() -> None:
    text = "Ana Núñez, mayor of Núñez"
    spans = QueryFilter("nunez").spans(text)
    assert [text[a:b] for a, b in spans] == ["Núñez", "Núñez"]
    # A word matched by its letters marks the letters.
    assert [text[a:b] for a, b in QueryFilter("myr").spans(text)] == ["m", "y", "r"]
    assert QueryFilter("").spans(text) == []


def test_the_library_the_palette_and_find_in_a_list_use_the_rule() -> None:
    # Each used its own rule before: the library a fuzzy match without smart case, the palette
    # whole words only, find in a list the whole query as one string.
    from tests.test_one_of_each import modules_saying

    assert modules_saying(r"QueryFilter\(") == [
        "tui/library_commands.py",
        "tui/palette.py",
        "tui/screens/library.py",
        "tui/screens/library_people.py",
        "tui/widgets/lists.py",
    ]
    assert modules_saying(r"def fuzzy_match|class TitleFilter|def matches_text") == []
