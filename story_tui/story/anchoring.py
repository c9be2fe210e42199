"""Find anchored spans and people's mentions in the article.

Both make one Aho-Corasick pass over the whole article, so the cost grows with the article's length
plus the number of matches, not with (spans x paragraphs). Plain Python; no UI imports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from story_tui.story.model import Location

SEPARATOR = "\x00"
"""Joins paragraphs; it can never occur in valid story text, so no span crosses two paragraphs."""


@dataclass(frozen=True, slots=True)
class Article:
    """The article as one string, with a map from offsets back to (section, paragraph)."""

    text: str
    starts: tuple[int, ...]
    """Offset in `text` of each paragraph, in article order."""
    places: tuple[tuple[str, int], ...]
    """(section id, paragraph index) of each paragraph, in article order."""

    @classmethod
    def build(cls, sections: Iterable[tuple[str, Sequence[str]]]) -> Article:
        """Join the paragraphs of `(section id, paragraphs)` pairs in order."""
        parts: list[str] = []
        starts: list[int] = []
        places: list[tuple[str, int]] = []
        offset = 0
        for section_id, paragraphs in sections:
            for index, paragraph in enumerate(paragraphs):
                starts.append(offset)
                places.append((section_id, index))
                parts.append(paragraph)
                offset += len(paragraph) + 1
        return cls(SEPARATOR.join(parts), tuple(starts), tuple(places))

    def locate(self, start: int, end: int) -> Location | None:
        """The location of `text[start:end]`, or None if it crosses a paragraph boundary."""
        slot = bisect_right(self.starts, start) - 1
        base = self.starts[slot]
        section, paragraph = self.places[slot]
        limit = self.starts[slot + 1] - 1 if slot + 1 < len(self.starts) else len(self.text)
        if end > limit:
            return None
        return Location(section, paragraph, start - base, end - base)

    def paragraph_texts(self) -> list[str]:
        """Every paragraph, in article order."""
        return self.text.split(SEPARATOR)


def find_spans(
    article: Article, wanted: Iterable[tuple[str, str | None]]
) -> dict[tuple[str, str | None], Location]:
    """Resolve `(text, section hint)` pairs to the first occurrence of each text.

    With a hint, the first occurrence inside that section wins; otherwise (or when the hinted
    section does not contain it) the first occurrence in the whole article. Pairs that are not
    found are missing from the result.
    """
    wanted = [(text, hint) for text, hint in wanted if text]
    if not wanted or not article.text:
        return {}
    hints: dict[str, set[str]] = {}
    for text, hint in wanted:
        bucket = hints.setdefault(text, set())
        if hint is not None:
            bucket.add(hint)
    automaton = ahocorasick.Automaton()
    for text in hints:
        automaton.add_word(text, text)
    automaton.make_automaton()
    first: dict[str, Location] = {}
    first_in: dict[tuple[str, str], Location] = {}
    pending = sum(1 + len(h) for h in hints.values())
    for last, text in automaton.iter(article.text):
        start = last - len(text) + 1
        location = None
        if text not in first:
            location = article.locate(start, last + 1)
            if location is None:
                continue
            first[text] = location
            pending -= 1
        wanted_sections = hints[text]
        if wanted_sections:
            location = location or article.locate(start, last + 1)
            if location is not None and location.section in wanted_sections:
                key = (text, location.section)
                if key not in first_in:
                    first_in[key] = location
                    pending -= 1
        if pending == 0:
            break
    found: dict[tuple[str, str | None], Location] = {}
    for text, hint in wanted:
        location = first_in.get((text, hint)) if hint is not None else None
        location = location or first.get(text)
        if location is not None:
            found[(text, hint)] = location
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_mentions(article: Article, names: dict[str, Sequence[str]]) -> dict[str, list[Location]]:
    """Every whole-word occurrence of each person's names, by person id, in article order.

    An occurrence inside a longer occurrence of the same person (`Kast` inside `Jose Antonio
    Kast`) counts once.
    """
    automaton = ahocorasick.Automaton()
    owners: dict[str, list[str]] = {}
    for person_id, person_names in names.items():
        for name in person_names:
            if name:
                owners.setdefault(name, []).append(person_id)
    result: dict[str, list[Location]] = {person_id: [] for person_id in names}
    if not owners or not article.text:
        return result
    for name in owners:
        automaton.add_word(name, name)
    automaton.make_automaton()
    text = article.text
    size = len(text)
    spans: dict[str, list[tuple[int, int]]] = {person_id: [] for person_id in names}
    for last, name in automaton.iter(text):
        start = last - len(name) + 1
        end = last + 1
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        if end < size and _is_word_char(text[end]):
            continue
        for person_id in owners[name]:
            spans[person_id].append((start, end))
    for person_id, found in spans.items():
        found.sort(key=lambda se: (se[0], -se[1]))
        reach = -1
        for start, end in found:
            if end <= reach:
                continue  # inside a longer mention of the same person
            reach = end
            location = article.locate(start, end)
            if location is not None:
                result[person_id].append(location)
    return result


def closest_passage(needle: str, paragraphs: Sequence[str], width: int = 80) -> str | None:
    """The passage of the article most like `needle`, for a 'did you mean' hint."""
    if not needle or not paragraphs:
        return None
    from rapidfuzz import fuzz, process  # only needed when something is wrong

    best = process.extractOne(needle, paragraphs, scorer=fuzz.partial_ratio)
    if best is None:
        return None
    paragraph = best[0]
    alignment = fuzz.partial_ratio_alignment(needle, paragraph)
    if alignment is None:
        return None
    passage = paragraph[alignment.dest_start : alignment.dest_end]
    if len(passage) > width:
        passage = passage[: width - 1] + "…"
    return passage
