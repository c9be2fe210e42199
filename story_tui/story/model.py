"""The immutable story model.

Plain Python only: this module (like the loader) must never import Textual or Rich, so that the
command line, the exporters and the tests can use the model without a UI. A test guards this.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "paraphrase"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "paraphrase")
PersonKind = Literal["person", "organisation"]
PERSON_KINDS: tuple[PersonKind, ...] = ("person", "organisation")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a span sits in the article.

    `paragraph` counts from 0 within the section; `start` and `end` are code point offsets into that
    paragraph, so that `story.paragraph(loc)[loc.start:loc.end]` is the anchored text.
    """

    section: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet the story reports from."""

    id: str
    name: str
    url: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Section:
    """A run of the article's paragraphs under an editorial heading."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    index: int = 0
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Quote:
    """Something a person said, anchored verbatim in the article."""

    key: str
    """Stable identifier within the story: `<person id>#<index>`."""
    speaker: str
    """The id of the person who said it."""
    text: str
    kind: QuoteKind
    location: Location
    source: str | None = None
    section_hint: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)
    prefix: str | None = None
    """The text just before the span in its paragraph, as the file gives it (TextQuoteSelector)."""
    suffix: str | None = None
    """The text just after the span in its paragraph, as the file gives it."""
    check: str | None = None
    """What a tool guessed about this item and a person should confirm (None: confirmed)."""


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names."""

    id: str
    name: str
    role: str = ""
    """A short description; empty when none is known."""
    aliases: tuple[str, ...] = ()
    age: int | None = None
    origin: str | None = None
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Location, ...] = ()
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)
    kind: PersonKind = "person"
    """`organisation` for a speaker that is not a person (a ministry, a company)."""
    same_as: tuple[str, ...] = ()
    """URIs of the same person elsewhere, e.g. a Wikidata entity."""
    check: str | None = None
    """What a tool guessed about this item and a person should confirm (None: confirmed)."""

    @property
    def summary(self) -> str:
        """Role, age and origin in one line, e.g. `Nurse, 56, Venezuela`."""
        parts = [self.role]
        if self.age is not None:
            parts.append(str(self.age))
        if self.origin:
            parts.append(self.origin)
        return ", ".join(part for part in parts if part)


FigureValue = int | float | str


@dataclass(frozen=True, slots=True)
class Figure:
    """A key number or date, anchored verbatim in the article."""

    id: str
    label: str
    text: str
    location: Location
    value: FigureValue | None = None
    """A number, or an ISO date string (`YYYY-MM-DD` or `YYYY-MM`) for a date figure."""
    unit: str | None = None
    as_of: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)
    prefix: str | None = None
    suffix: str | None = None
    check: str | None = None
    """What a tool guessed about this item and a person should confirm (None: confirmed)."""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event, anchored verbatim in the article."""

    key: str
    """Stable identifier within the story: `timeline[<index in the file>]`."""
    date: str
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    label: str
    text: str
    location: Location
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)
    prefix: str | None = None
    suffix: str | None = None
    check: str | None = None
    """What a tool guessed about this item and a person should confirm (None: confirmed)."""

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Year, month and day, with 0 for the parts the date leaves out."""
        parts = [int(p) for p in self.date.split("-")]
        parts += [0] * (3 - len(parts))
        return parts[0], parts[1], parts[2]


Anchored = Quote | Figure | TimelineEvent
Checkable = Person | Quote | Figure | TimelineEvent
"""The items that may carry a `check` (what a tool guessed)."""


def quote_key(person_id: str, index: int) -> str:
    """A quote's key: `<person id>#<index among that person's quotes>`."""
    return f"{person_id}#{index}"


def event_key(index: int) -> str:
    """A timeline event's key: `timeline[<index in the file>]`."""
    return f"timeline[{index}]"


@dataclass(frozen=True)
class Story:
    """One story: the article, the people in it, the key figures and the timeline.

    Build it with `story_tui.story.loader.load_story`; every anchored item's location has been
    checked against the article text.
    """

    id: str
    title: str
    sections: tuple[Section, ...]
    format: int = 1
    standfirst: str | None = None
    published: _dt.date | None = None
    updated: _dt.date | _dt.datetime | None = None
    """When this edition was last changed."""
    language: str = "en"
    sources: tuple[Source, ...] = ()
    people: tuple[Person, ...] = ()
    figures: tuple[Figure, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    extensions: Mapping[str, Any] = field(default_factory=dict, compare=False)
    url: str | None = None
    """The article's canonical address."""
    authors: tuple[str, ...] = ()
    """The article's byline, as the page gives it."""

    _sections_by_id: dict[str, Section] = field(init=False, repr=False, compare=False)
    _people_by_id: dict[str, Person] = field(init=False, repr=False, compare=False)
    _figures_by_id: dict[str, Figure] = field(init=False, repr=False, compare=False)
    _sources_by_id: dict[str, Source] = field(init=False, repr=False, compare=False)
    _quotes_by_key: dict[str, Quote] = field(init=False, repr=False, compare=False)
    _anchored_at: dict[tuple[str, int], tuple[Anchored, ...]] = field(
        init=False, repr=False, compare=False
    )
    _mentions_at: dict[tuple[str, int], tuple[tuple[Person, Location], ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Indexes are derived once here; the dataclass stays frozen for everyone else.
        setter = object.__setattr__
        setter(self, "_sections_by_id", {s.id: s for s in self.sections})
        setter(self, "_people_by_id", {p.id: p for p in self.people})
        setter(self, "_figures_by_id", {f.id: f for f in self.figures})
        setter(self, "_sources_by_id", {s.id: s for s in self.sources})
        setter(self, "_quotes_by_key", {q.key: q for q in self.quotes})
        anchored: dict[tuple[str, int], list[Anchored]] = {}
        items: list[Anchored] = [*self.quotes, *self.figures, *self.timeline]
        for item in items:
            key = (item.location.section, item.location.paragraph)
            anchored.setdefault(key, []).append(item)
        setter(
            self,
            "_anchored_at",
            {k: tuple(sorted(v, key=lambda i: i.location.start)) for k, v in anchored.items()},
        )
        mentions: dict[tuple[str, int], list[tuple[Person, Location]]] = {}
        for person in self.people:
            for loc in person.mentions:
                mentions.setdefault((loc.section, loc.paragraph), []).append((person, loc))
        setter(
            self,
            "_mentions_at",
            {k: tuple(sorted(v, key=lambda pl: pl[1].start)) for k, v in mentions.items()},
        )

    # Lookups -----------------------------------------------------------------------------------

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote of every person, in file order."""
        return tuple(q for p in self.people for q in p.quotes)

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the article has."""
        return sum(len(s.paragraphs) for s in self.sections)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return self._sections_by_id.get(section_id)

    def person(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        return self._people_by_id.get(person_id)

    def figure(self, figure_id: str) -> Figure | None:
        """The figure with this id, or None."""
        return self._figures_by_id.get(figure_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return self._sources_by_id.get(source_id)

    def quote(self, key: str) -> Quote | None:
        """The quote with this key (`<person id>#<index>`), or None."""
        return self._quotes_by_key.get(key)

    def source_name(self, source_id: str | None) -> str | None:
        """The display name of a source id (None passes through)."""
        if source_id is None:
            return None
        source = self.source(source_id)
        return source.name if source else source_id

    def paragraph(self, location: Location) -> str:
        """The text of the paragraph a location points into."""
        return self._sections_by_id[location.section].paragraphs[location.paragraph]

    def span(self, location: Location) -> str:
        """The exact text a location covers."""
        return self.paragraph(location)[location.start : location.end]

    def quotes_in_section(self, section_id: str) -> tuple[Quote, ...]:
        """The quotes anchored in a section, in article order."""
        found = [q for q in self.quotes if q.location.section == section_id]
        return tuple(sorted(found, key=lambda q: (q.location.paragraph, q.location.start)))

    def anchored_in(self, section_id: str, paragraph: int) -> tuple[Anchored, ...]:
        """Quotes, figures and timeline events anchored in one paragraph, by position."""
        return self._anchored_at.get((section_id, paragraph), ())

    def mentions_in(self, section_id: str, paragraph: int) -> tuple[tuple[Person, Location], ...]:
        """People mentioned in one paragraph, with where, by position."""
        return self._mentions_at.get((section_id, paragraph), ())

    def people_in(self, section_id: str, paragraph: int) -> tuple[Person, ...]:
        """The distinct people mentioned in, or quoted in, one paragraph, in order of appearance."""
        seen: dict[str, Person] = {}
        for person, _loc in self.mentions_in(section_id, paragraph):
            seen.setdefault(person.id, person)
        for item in self.anchored_in(section_id, paragraph):
            if isinstance(item, Quote):
                speaker = self.person(item.speaker)
                if speaker is not None:
                    seen.setdefault(speaker.id, speaker)
        return tuple(seen.values())

    def timeline_sorted(self) -> tuple[TimelineEvent, ...]:
        """The timeline in date order (stable for equal dates)."""
        return tuple(sorted(self.timeline, key=lambda e: e.sort_key))

    def to_check(self) -> tuple[Checkable, ...]:
        """Every item still carrying a `check` (a tool's guess nobody has confirmed), file order."""
        items: list[Checkable] = []
        for person in self.people:
            if person.check:
                items.append(person)
            items.extend(q for q in person.quotes if q.check)
        items.extend(f for f in self.figures if f.check)
        items.extend(e for e in self.timeline if e.check)
        return tuple(items)

    def speaker_of(self, quote: Quote) -> Person:
        """The person who said a quote."""
        return self._people_by_id[quote.speaker]


Target = tuple[str, str]
"""What to open in the browser: (kind, key), e.g. ("quote", "rivas#0") or ("section", "s1")."""


def target_key(target: Target) -> str:
    """A target as one string, `kind:key` (`quote:rivas#0`): how seen marks are remembered and
    what changed is matched. The one place this format is written."""
    kind, key = target
    return f"{kind}:{key}"


def target_from_key(text: str) -> Target | None:
    """The target a `target_key` string names; None when it has no `kind:`."""
    kind, colon, key = text.partition(":")
    return (kind, key) if colon and kind else None
