"""Find anchored spans and people's mentions in the article.

Both make one Aho-Corasick pass over the whole article, so the cost grows with the article's length
plus the number of matches, not with (spans x paragraphs). Plain Python; no UI imports.
"""

from __future__ import annotations

import unicodedata
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

    def place(self, offset: int) -> tuple[str, int]:
        """(section id, paragraph index) of the paragraph holding an article offset."""
        return self.places[bisect_right(self.starts, offset) - 1]

    def slot(self, offset: int) -> int:
        """The article-order index of the paragraph holding an article offset."""
        return bisect_right(self.starts, offset) - 1

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end, in `text`, of the paragraph holding an article offset."""
        slot = bisect_right(self.starts, offset) - 1
        limit = self.starts[slot + 1] - 1 if slot + 1 < len(self.starts) else len(self.text)
        return self.starts[slot], limit

    def paragraph_texts(self) -> list[str]:
        """Every paragraph, in article order."""
        return self.text.split(SEPARATOR)


def joins(char: str, neighbour: str) -> bool:
    """Whether `char`, next to a span's letter or digit, makes it part of a longer word or number.

    `neighbour` is the character on the far side of `char` ("" at either end of the text).
    """
    if char.isalnum() or unicodedata.category(char).startswith("M"):
        return True
    return char in ".," and neighbour.isdigit()


def at_boundary(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands alone: not inside a longer word or number.

    Where the span begins (ends) with a letter or digit, the character before (after) it must not
    be a letter, digit or combining mark, nor a `.` or `,` that joins it to a digit (so `5 percent`
    is not found inside `18.5 percent`, nor `Kast` inside `Kastner`).
    """
    if start > 0 and text[start].isalnum():
        before = text[start - 1]
        if joins(before, text[start - 2] if start > 1 else ""):
            return False
    if end < len(text) and text[end - 1].isalnum():
        after = text[end]
        if joins(after, text[end + 1] if end + 1 < len(text) else ""):
            return False
    return True


@dataclass(frozen=True, slots=True)
class SpanQuery:
    """A span to anchor: its text, and what narrows down where (all optional)."""

    text: str
    section: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True, slots=True)
class SpanMatch:
    """Where a span anchors, and what the loader needs to explain a failure or an ambiguity."""

    location: Location | None
    """The first place that fits every constraint, or None."""
    places: tuple[int, ...]
    """Article offsets of every place that fits every constraint (the first is `location`)."""
    occurrences: tuple[int, ...]
    """Article offsets of the text at word boundaries, ignoring prefix, suffix and section."""
    inside_word: int | None
    """When the text occurs only inside longer words or numbers: the offset of the first."""


def find_spans(article: Article, queries: Sequence[SpanQuery]) -> list[SpanMatch]:
    """Anchor each query, in order: one Aho-Corasick pass over the whole article.

    A place fits when the text stands at word boundaries, the text before it in its paragraph ends
    with `prefix` and the text after it starts with `suffix`. With a `section`, the places in that
    section win; when it has none, every place in the article counts.
    """
    texts = {q.text for q in queries if q.text}
    occurrences: dict[str, list[int]] = {t: [] for t in texts}
    inside: dict[str, int] = {}
    source = article.text
    if texts and source:
        automaton = ahocorasick.Automaton()
        for text in texts:
            automaton.add_word(text, text)
        automaton.make_automaton()
        for last, text in automaton.iter(source):
            start = last - len(text) + 1
            if at_boundary(source, start, last + 1):
                occurrences[text].append(start)
            elif text not in inside:
                inside[text] = start
    results: list[SpanMatch] = []
    memo: dict[SpanQuery, SpanMatch] = {}
    for query in queries:
        match = memo.get(query)
        if match is None:
            found = occurrences.get(query.text, [])
            match = _narrow(article, query, found, inside.get(query.text) if not found else None)
            memo[query] = match
        results.append(match)
    return results


def _narrow(article: Article, query: SpanQuery, found: list[int], inside: int | None) -> SpanMatch:
    text = article.text
    length = len(query.text)
    places = found
    prefix, suffix = query.prefix, query.suffix
    if prefix:
        places = [s for s in places if text[max(0, s - len(prefix)) : s] == prefix]
    if suffix:
        places = [s for s in places if text[s + length : s + length + len(suffix)] == suffix]
    if query.section is not None and places:
        in_section = [s for s in places if article.place(s)[0] == query.section]
        places = in_section or places
    location = article.locate(places[0], places[0] + length) if places else None
    return SpanMatch(location, tuple(places), tuple(found), inside)


def find_mentions(article: Article, names: dict[str, Sequence[str]]) -> dict[str, list[Location]]:
    """Every occurrence at word boundaries of each person's names, by person id, in article order.

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
    spans: dict[str, list[tuple[int, int]]] = {person_id: [] for person_id in names}
    for last, name in automaton.iter(text):
        start = last - len(name) + 1
        end = last + 1
        if not at_boundary(text, start, end):
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


def suggest_context(
    article: Article, places: Sequence[int], length: int, max_words: int = 8
) -> tuple[str | None, str | None]:
    """The shortest `prefix` and/or `suffix`, in whole words, that single out the first place.

    Tries one word of context before, then one after, then both, then two words, and so on.
    Returns `(None, None)` when no context within its paragraph tells the places apart.
    """
    text = article.text
    first, others = places[0], places[1:]
    para_start, para_end = article.bounds(first)
    end = first + length

    def fits(prefix: str | None, suffix: str | None) -> bool:
        for other in others:
            if prefix and text[max(0, other - len(prefix)) : other] != prefix:
                continue
            if suffix and text[other + length : other + length + len(suffix)] != suffix:
                continue
            return False  # this other place has the same context
        return True

    # Offsets into `text`, never slices of the paragraph: in a one-paragraph article of a
    # megabyte, a slice or a regex search per word made drafting quadratic.
    prefix_at, suffix_to = first, end
    for _ in range(max_words):
        grown_at = _word_start_before(text, prefix_at, para_start)
        grown_to = _word_end_after(text, suffix_to, para_end)
        if grown_at == prefix_at and grown_to == suffix_to:
            break
        prefix_at, suffix_to = grown_at, grown_to
        prefix, suffix = text[prefix_at:first], text[end:suffix_to]
        for candidate in ((prefix, None), (None, suffix), (prefix, suffix)):
            if (candidate[0] or candidate[1]) and fits(*candidate):
                return candidate
    return None, None


def _word_start_before(text: str, at: int, lowest: int) -> int:
    """Where the last word before `at`, with the spaces after it, starts (not before `lowest`)."""
    while at > lowest and text[at - 1].isspace():
        at -= 1
    while at > lowest and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end_after(text: str, at: int, highest: int) -> int:
    """Where the first word after `at`, with the spaces before it, ends (not after `highest`)."""
    while at < highest and text[at].isspace():
        at += 1
    while at < highest and not text[at].isspace():
        at += 1
    return at
