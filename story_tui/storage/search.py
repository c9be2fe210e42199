"""Search every article of a library: words and word beginnings, accents and case loose. No UI.

The index's FTS5 table finds the paragraphs that hold the query's words in order; each match is
then located in the paragraph's own text with the same folding as find in the browser (`Nunez`
finds `Núñez`; a capital letter in the query makes it match case), so every hit has its exact
place in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from story_tui.storage.library import Library
from story_tui.storage.rows import StoryRow
from story_tui.story.find import fold, is_case_sensitive
from story_tui.story.model import Location

MAX_HITS = 2000
"""Stop after this many hits (a one-letter query across a thousand stories)."""
CONTEXT = 40
"""Characters of context on each side of a hit."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match in one story's article, with its context on one line."""

    story: StoryRow
    location: Location
    line: int
    """The line of the paragraph in the story file."""
    context: str
    """The text around the match, `…` where it was cut, on one line."""
    match: tuple[int, int]
    """Where the match is within `context`."""

    @property
    def where(self) -> str:
        """`story-id/section-id/paragraph`."""
        loc = self.location
        return f"{self.story.id}/{loc.section}/{loc.paragraph}"


def words_of(query: str) -> list[str]:
    """The words of a query (what FTS5's unicode61 tokenizer would make of it)."""
    return re.findall(r"\w+", query)


def fts_query(query: str) -> str | None:
    """The FTS5 query for the words of `query`, in order, the last one as a prefix."""
    words = words_of(query)
    if not words:
        return None
    phrase = " ".join(words).replace('"', '""')
    return f'"{phrase}" *'


def _pattern(query: str, sensitive: bool) -> re.Pattern[str]:
    words = [re.escape(fold(word, sensitive).text) for word in words_of(query)]
    return re.compile(r"(?<!\w)" + r"\W+".join(words))


def context_of(
    text: str, start: int, end: int, width: int = CONTEXT
) -> tuple[str, tuple[int, int]]:
    """Up to `width` characters each side of `text[start:end]`, cut at spaces, on one line."""
    left = max(0, start - width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + width)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    line = before + text[start:end] + after
    line = line.replace("\n", " ").replace("\t", " ")
    return line, (len(before), len(before) + end - start)


def search_library(
    library: Library, query: str, limit: int = MAX_HITS
) -> tuple[list[SearchHit], bool]:
    """Every hit of `query`, grouped by story (newest first), in article order within a story.

    Returns the hits and whether the list was cut at `limit`.
    """
    fts = fts_query(query)
    if fts is None:
        return [], False
    stories = library.by_digest()
    sensitive = is_case_sensitive(query)
    pattern = _pattern(query, sensitive)
    by_story: dict[str, list[SearchHit]] = {}
    count = 0
    for row in library.index.paragraphs_matching(fts, stories):
        folded = fold(row.body, sensitive)
        for match in pattern.finditer(folded.text):
            start, end = folded.original_span(match.start(), match.end(), row.body)
            context, span = context_of(row.body, start, end)
            hit = SearchHit(
                stories[row.digest],
                Location(row.section, row.paragraph, start, end),
                row.line,
                context,
                span,
            )
            by_story.setdefault(row.digest, []).append(hit)
            count += 1
            if count >= limit:
                break
        if count >= limit:
            break
    hits = [hit for story in library.stories for hit in by_story.pop(story.digest or "", [])]
    return hits, count >= limit
