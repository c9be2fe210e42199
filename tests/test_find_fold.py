"""Folding for find: the fast whole-text path agrees with folding one character at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from story_tui.story.filtering import QueryFilter
from story_tui.story.find import ArticleIndex, fold, fold_by_character
from story_tui.story.loader import parse_story
from story_tui.story.model import Story
from tests.conftest import examples

# Letters with and without accents, in both cases, plus characters whose folding changes length.
ALPHABET = st.sampled_from(
    list("aAeEnNsSzZtThH áÁéÉñÑüÜçÇøØσΣςİıßẞﬁ’‘“”—–−'\"-þÞðÐæÆœłŁ\u0301\u0303 \n")
)


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.text(ALPHABET, max_size=40), st.booleans())
def test_fast_fold_is_the_reference_fold(text: str, case_sensitive: bool) -> None:
    reference = fold_by_character(text, case_sensitive)
    folded = fold(text, case_sensitive)
    assert folded.text == reference.text
    for start in range(len(folded.text)):
        assert folded.original_span(start, start + 1, text) == reference.original_span(
            start, start + 1, text
        )


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.text(max_size=30), st.booleans())
def test_any_unicode_folds_like_the_reference(text: str, case_sensitive: bool) -> None:
    assert fold(text, case_sensitive).text == fold_by_character(text, case_sensitive).text


def test_whole_article_index_finds_what_each_paragraph_does(story: Story) -> None:
    index = ArticleIndex(story)
    for query in ["Venezuela", "venezuela", "nunez", "migrant", "’", "Kast"]:
        found, _more = index.find(query)
        sensitive = any(c.isupper() for c in query)
        needle = fold(query, sensitive).text
        expected = 0
        for section in story.sections:
            for paragraph in section.paragraphs:
                expected += fold_by_character(paragraph, sensitive).text.count(needle)
        assert len(found) == expected, query
        for location in found:
            text = story.paragraph(location)[location.start : location.end]
            assert fold(text, sensitive).text == needle


@pytest.mark.fuzz
@settings(max_examples=examples(100))
@given(st.text(ALPHABET, max_size=40), st.booleans(), st.data())
def test_a_match_maps_back_to_the_exact_original_words(
    text: str, case_sensitive: bool, data: st.DataObject
) -> None:
    """Any span of the original text, folded, is found, and maps back to an original span
    that folds to the same words (whichever path folded the text)."""
    folded = fold(text, case_sensitive)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    needle = fold(text[start:end], case_sensitive).text
    if not needle:
        return
    at = folded.text.find(needle)
    assert at >= 0
    first, last = folded.original_span(at, at + len(needle), text)
    assert 0 <= first < last <= len(text)
    assert needle in fold(text[first:last], case_sensitive).text


def test_quotes_apostrophes_and_dashes_fold_to_ascii() -> None:
    assert fold("Chile’s “run-off” — Peru–Chile", True).text == 'Chile\'s "run-off" - Peru-Chile'
    # One character for one: the article still folds in the fast path.
    assert fold("Chile’s “run-off” — Peru–Chile", True).origin is None
    assert QueryFilter("'peru doesn't'")("‘Peru doesn’t’")


def test_letters_without_a_decomposition_fold_to_their_latin_spelling() -> None:
    for query, text in [
        ("thorsdottir", "Þórsdóttir"),
        ("Thorsdottir", "Þórsdóttir"),
        ("gudmundsson", "Guðmundsson"),
        ("aero", "Ærø"),
        ("strasse", "Straße"),
        ("lodz", "Łódź"),
        ("oeuvre", "Œuvre"),
    ]:
        assert QueryFilter(query)(text), (query, text)


def test_article_find_folds_apostrophes(story: Story) -> None:
    index = ArticleIndex(story)
    curly, _ = index.find("Chile’s")
    ascii_, _ = index.find("Chile's")
    assert curly and ascii_ == curly
    for location in ascii_:
        assert story.span(location) == "Chile’s"
    # The bundled article (curly quotes, dashes, accents) still folds in one C-speed pass.
    article = "\n".join(p for section in story.sections for p in section.paragraphs)
    assert fold(article, True).origin is None and fold(article, False).origin is None


def test_article_find_maps_a_longer_fold_back_to_the_original() -> None:
    story = parse_story(
        """format: 1
id: s
title: T
sections:
  - id: a
    title: A
    paragraphs:
      - "Anna Þórsdóttir met Guðrún—twice—in Ærø."
""",
        "s.yaml",
    )
    index = ArticleIndex(story)
    for query, words in [
        ("thorsdottir", "Þórsdóttir"),
        ("gudrun-twice", "Guðrún—twice"),
        ("aero", "Ærø"),
    ]:
        found, _ = index.find(query)
        assert [story.span(location) for location in found] == [words]
