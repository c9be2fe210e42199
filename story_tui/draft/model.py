"""What the drafter finds, before it is written as YAML. Plain Python; no UI imports."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class DraftPerson:
    """A person (or an organisation that speaks) found in the article."""

    name: str
    id: str
    role: str | None = None
    age: int | None = None
    origin: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str = "person"
    unnamed: bool = False
    """A speaker the article describes but does not name (`a senior Cruz adviser`)."""
    first: int = 0
    """Where the article first names them (an offset into the joined article)."""


@dataclass
class DraftQuote:
    """A direct quotation or a paraphrase, and who said it."""

    text: str
    speaker: str | None
    """The speaker's person id, or None when no speaker was found."""
    section: str
    source: str | None = None
    check: str | None = None
    kind: str = "direct"
    paragraph: int = 0
    start: int = 0
    """Offset of the text in its paragraph (for prefix/suffix)."""


@dataclass
class DraftFigure:
    """A number found in the article."""

    id: str
    text: str
    label: str
    value: int | float | str | None = None
    unit: str | None = None
    as_of: str | None = None
    sources: list[str] = field(default_factory=list)
    check: str | None = None
    paragraph: int = 0
    start: int = 0


@dataclass
class DraftEvent:
    """A dated clause for the timeline."""

    date: str
    text: str
    paragraph: int = 0
    start: int = 0
    check: str | None = None


@dataclass
class Section:
    """A run of paragraphs under one heading (a placeholder heading when the article has none)."""

    id: str
    title: str
    paragraphs: list[str]
    placeholder: bool


@dataclass
class Draft:
    """Everything found, ready to be written as YAML."""

    title: str
    sections: list[Section]
    people: list[DraftPerson]
    quotes: list[DraftQuote]
    figures: list[DraftFigure]
    events: list[DraftEvent]
    sources: dict[str, str]
    """id -> name."""
    published: str | None = None
    title_found: bool = True
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    """The page's authors, from its metadata."""
    updated: str | None = None
    """When the page was last modified, from its metadata."""
    url: str | None = None
    """The page's canonical address."""


def slug(text: str) -> str:
    """A format slug from any text: `Hugo de Zela` -> `hugo-de-zela`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value or "item"


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, … : the first not in `used` (which it joins)."""
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    used.add(candidate)
    return candidate
