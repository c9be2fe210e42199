"""The rows the library index gives back: plain frozen records. No UI imports."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One file of a library as the index knows it (an invalid file has `error` and no title)."""

    path: str
    digest: str | None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    sources: tuple[str, ...] = ()
    people: int = 0
    quotes: int = 0
    figures: int = 0
    to_check: int = 0
    """How many of its items carry a `check` (a tool's guess nobody has confirmed)."""
    error: str | None = None
    """The first problem, as `file:line:col: error: …` (or `cannot read …`)."""

    @property
    def valid(self) -> bool:
        """Whether the file is a story that opens."""
        return self.error is None and self.digest is not None

    @property
    def date(self) -> str:
        """The latest of its dates (ISO text sorts by time), or "" when it has none."""
        return max(self.updated or "", self.published or "")


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person of one story, as the index keeps them."""

    digest: str
    person: str
    name: str
    kind: str
    same_as: tuple[str, ...]
    role: str
    quotes: int
    unconfirmed: int = 0
    """How many guesses they carry, their own `check` and their quotes' (`person_guesses`)."""


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote of one story, with its place in the article."""

    digest: str
    person: str
    key: str
    text: str
    kind: str
    section: str
    paragraph: int
    start: int
    end: int
    check: str | None = None
    """What a tool guessed about it (its speaker), when nobody has confirmed it."""


@dataclass(frozen=True, slots=True)
class ParagraphRow:
    """A paragraph that matched a search, with the line it starts on in its file."""

    digest: str
    section: str
    paragraph: int
    line: int
    body: str


def iso(value: _dt.date | None) -> str | None:
    """A date or datetime as ISO text (None passes through)."""
    return None if value is None else value.isoformat()


def paragraph_lines(text: str) -> dict[tuple[int, int], int]:
    """The line of each paragraph, by (section index, paragraph index), for a valid story."""
    from story_tui.story.yamltree import Map, Seq, read_tree

    lines: dict[tuple[int, int], int] = {}
    root = read_tree(text).root
    if not isinstance(root, Map):
        return lines
    for key, value in root.items:
        if key.value == "sections" and isinstance(value, Seq):
            for s, section in enumerate(value.items):
                if not isinstance(section, Map):
                    continue
                for name, paragraphs in section.items:
                    if name.value == "paragraphs" and isinstance(paragraphs, Seq):
                        for p, node in enumerate(paragraphs.items):
                            lines[(s, p)] = node.line
    return lines
