"""Find text in the article: smart case, accents matched loosely. Plain Python; no UI imports.

`Nunez` finds `Núñez`; `venezuela` finds `Venezuela`; `Venezuela` (with a capital) matches case.
Typographic quotes, apostrophes and dashes match their ASCII forms (`Chile's` finds `Chile’s`),
and letters without a decomposition match their usual Latin spelling (`thorsdottir` finds
`Þórsdóttir`: þ→th, ð→d, æ→ae, ø→o, ß→ss, ł→l, …).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from story_tui.story.model import Location, Story

MAX_MATCHES = 10_000
"""Stop counting past this many matches (a one-letter query in a huge story)."""


_SPELLED: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′ʹʼˈ＇", "'"),
    **dict.fromkeys("“”„‟″«»＂", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃﹣－", "-"),
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
    "đ": "d",
    "Đ": "D",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "ø": "o",
    "Ø": "O",
    "ß": "ss",
    "ẞ": "SS",
    "ł": "l",
    "Ł": "L",
    "ħ": "h",
    "Ħ": "H",
    "ŧ": "t",
    "Ŧ": "T",
    "ı": "i",
    "ĸ": "k",
    "ŋ": "ng",
    "Ŋ": "Ng",
}
"""Characters that Unicode does not decompose, and what a reader types for them."""


def _fold_char(char: str, case_sensitive: bool) -> str:
    base = "".join(
        _SPELLED.get(c, c)
        for c in unicodedata.normalize("NFKD", char)
        if not unicodedata.combining(c)
    )
    return base if case_sensitive else base.casefold()


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for searching, with a map from folded offsets back to original ones."""

    text: str
    origin: tuple[int, ...] | None
    """origin[i] is the original offset of folded character i; None when they are the same."""
    length: int

    def original_span(self, start: int, end: int, source: str) -> tuple[int, int]:
        """The original `(start, end)` of the folded span `[start, end)`."""
        if self.origin is None:
            return start, end
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        while last < self.length and unicodedata.combining(source[last]):
            last += 1  # keep trailing combining accents with their letter
        return first, last


_FOLDS: dict[bool, dict[str, str]] = {True: {}, False: {}}
"""Per case mode, each character seen so far and what it folds to."""


def _fold_known(char: str, case_sensitive: bool) -> str:
    known = _FOLDS[case_sensitive]
    folded = known.get(char)
    if folded is None:
        folded = known[char] = _fold_char(char, case_sensitive)
    return folded


def _fold_in_place(text: str, case_sensitive: bool) -> str | None:
    """`text` folded character for character, or None if some character changes length.

    Most of the work runs in C: `str.lower()`, then one regular-expression pass that replaces
    only the accented characters.
    """
    base = text if case_sensitive else text.lower()
    if len(base) != len(text):
        return None
    replace: dict[str, str] = {}
    for char in set(base):
        if char.isascii():
            continue
        folded = _fold_known(char, case_sensitive)
        if len(folded) != 1:
            return None
        if folded != char:
            replace[char] = folded
    if not replace:
        return base
    pattern = re.compile("[" + re.escape("".join(replace)) + "]")
    return pattern.sub(lambda match: replace[match.group()], base)


def fold(text: str, case_sensitive: bool) -> Folded:
    """Fold text: accents removed, and case too unless `case_sensitive`."""
    if text.isascii():
        return Folded(text if case_sensitive else text.lower(), None, len(text))
    in_place = _fold_in_place(text, case_sensitive)
    if in_place is not None:
        return Folded(in_place, None, len(text))
    return fold_by_character(text, case_sensitive)


def fold_by_character(text: str, case_sensitive: bool) -> Folded:
    """`fold`, one character at a time (the reference; handles characters that change length)."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = (
            _fold_char(char, case_sensitive)
            if not char.isascii()
            else (char if case_sensitive else char.lower())
        )
        chars.append(folded)
        origin.extend([index] * len(folded))
    return Folded("".join(chars), tuple(origin), len(text))


def is_case_sensitive(query: str) -> bool:
    """Smart case: a capital letter in the query makes the search match case."""
    return any(char.isupper() for char in query)


_Entry = tuple[str, int, str, "tuple[int, ...] | None", int]
"""(section id, paragraph index, folded text, origin, length): a plain tuple of strings and
numbers, which the cyclic garbage collector stops tracking (the 6 MB story has 20,000)."""


def _fields(folded: Folded) -> tuple[str, tuple[int, ...] | None, int]:
    return folded.text, folded.origin, folded.length


@dataclass
class ArticleIndex:
    """Folded paragraphs of a story, built once per case mode on the first search."""

    story: Story
    _cache: dict[bool, list[_Entry]] = field(default_factory=dict)

    def _folded(self, case_sensitive: bool) -> list[_Entry]:
        cached = self._cache.get(case_sensitive)
        if cached is None:
            places = [
                (section.id, index, paragraph)
                for section in self.story.sections
                for index, paragraph in enumerate(section.paragraphs)
            ]
            # Fold the whole article in one go when no character changes length (the usual
            # case): one C-speed pass instead of one per paragraph.
            joined = "\n".join(paragraph for _s, _i, paragraph in places)
            whole = fold(joined, case_sensitive)
            if whole.origin is None:
                cached = []
                offset = 0
                for section_id, index, paragraph in places:
                    end = offset + len(paragraph)
                    cached.append((section_id, index, whole.text[offset:end], None, len(paragraph)))
                    offset = end + 1
            else:
                cached = [
                    (s, i, *_fields(fold(paragraph, case_sensitive))) for s, i, paragraph in places
                ]
            self._cache[case_sensitive] = cached
        return cached

    def find(self, query: str, start: int = 0) -> tuple[list[Location], bool]:
        """Every match of `query` in article order, and whether the list was cut short.

        The search starts at paragraph `start` (counted over the whole article) and wraps
        around, so when there are more than `MAX_MATCHES` the ones kept are those from the
        reader's place on: the next match is never the one cut off.
        """
        if not query:
            return [], False
        sensitive = is_case_sensitive(query)
        needle = fold(query, sensitive).text
        if not needle:
            return [], False
        entries = self._folded(sensitive)
        start = max(0, min(start, len(entries)))
        found: list[tuple[int, Location]] = []
        more = False
        for order in [*range(start, len(entries)), *range(start)]:
            section_id, index, text, origin, length = entries[order]
            at = text.find(needle)
            if at < 0:
                continue
            folded = Folded(text, origin, length)
            source = self.story.paragraph(Location(section_id, index, 0, 0))
            while at >= 0:
                first, last = folded.original_span(at, at + len(needle), source)
                found.append((order, Location(section_id, index, first, last)))
                if len(found) >= MAX_MATCHES:
                    more = True
                    break
                at = folded.text.find(needle, at + len(needle))
            if more:
                break
        found.sort(key=lambda item: (item[0], item[1].start))
        return [location for _order, location in found], more
