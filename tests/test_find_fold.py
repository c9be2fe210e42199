"""Folding for find: the fast whole-text path agrees with folding one character at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from story_tui.story.find import ArticleIndex, fold, fold_by_character
from story_tui.story.model import Story
from tests.conftest import examples

# Letters with and without accents, in both cases, plus characters whose folding changes length.
ALPHABET = st.sampled_from(list("aAeEnNsSzZ áÁéÉñÑüÜçÇøØσΣςİıßẞﬁ’—\u0301\u0303 \n"))


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
