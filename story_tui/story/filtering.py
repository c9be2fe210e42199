"""The one "type to filter" rule: the library's filter, the palette and find in a list use it.

Every word of the query must match the text, folded as find folds (`story/find.py`: accents and
typographic quotes loose, `nunez` finds `Núñez`; smart case, word by word: `Chile` matches case,
`chile` does not). A word matches where it occurs, or, failing that, where its letters occur in
order inside one word of the text that starts with the same letter (`brd` finds *bread*, `prces`
*prices*). So `chile border` needs both words, and `theme` no longer matches any title with a t,
h, e, m and e somewhere in it. Plain Python; no UI imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from story_tui.story.find import Folded, fold, is_case_sensitive

_TEXT_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Word:
    needle: str
    """The query word, folded."""
    sensitive: bool


class QueryFilter:
    """A query as the reader typed it; call it on a text to know whether the text is shown."""

    def __init__(self, query: str) -> None:
        self.words = [
            _Word(fold(word, sensitive).text, sensitive)
            for word in query.split()
            for sensitive in [is_case_sensitive(word)]
        ]
        self.words = [word for word in self.words if word.needle]

    def __bool__(self) -> bool:
        """Whether the query has any word (an empty query filters nothing out)."""
        return bool(self.words)

    def __call__(self, text: str) -> bool:
        """Whether `text` matches every word of the query (an empty query matches any text)."""
        folded: dict[bool, str] = {}
        for word in self.words:
            if word.sensitive not in folded:
                folded[word.sensitive] = fold(text, word.sensitive).text
            haystack = folded[word.sensitive]
            if word.needle not in haystack and _letters_in_a_word(word.needle, haystack) is None:
                return False
        return True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the query's words match in `text`, as original `(start, end)` offsets: every
        occurrence of a word, or the letters of a word matched by its letters. Sorted."""
        found: set[tuple[int, int]] = set()
        for word in self.words:
            folded = fold(text, word.sensitive)
            at = folded.text.find(word.needle)
            if at >= 0:
                while at >= 0:
                    found.add(folded.original_span(at, at + len(word.needle), text))
                    at = folded.text.find(word.needle, at + len(word.needle))
                continue
            letters = _letters_in_a_word(word.needle, folded.text)
            if letters is not None:
                found.update(_letter_spans(folded, letters, text))
        return sorted(found)


def _letters_in_a_word(needle: str, haystack: str) -> list[int] | None:
    """The offsets in `haystack` of `needle`'s letters, in order, inside one word of it that
    begins with the same letter; None when no word holds them."""
    for match in _TEXT_WORD.finditer(haystack):
        word = match.group()
        if len(needle) > len(word) or word[0] != needle[0]:
            continue
        offsets: list[int] = []
        at = 0
        for char in needle:
            at = word.find(char, at)
            if at < 0:
                break
            offsets.append(match.start() + at)
            at += 1
        else:
            return offsets
    return None


def _letter_spans(folded: Folded, letters: list[int], source: str) -> list[tuple[int, int]]:
    return [folded.original_span(at, at + 1, source) for at in letters]
