"""Model objects half-built by the loader's first pass, finished once every span has a location.

Plain Python; no UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from story_tui.story.model import (
    Figure,
    FigureValue,
    Location,
    Person,
    PersonKind,
    Quote,
    QuoteKind,
    TimelineEvent,
)
from story_tui.story.yamltree import Node


@dataclass
class Pending:
    """An anchored item waiting for its location."""

    text: str
    hint: str | None
    node: Node
    path: str
    prefix: str | None = None
    suffix: str | None = None
    affix_nodes: tuple[Node | None, Node | None] = (None, None)
    """Where the file gives the prefix and the suffix (for their error messages)."""
    location: Location | None = None


@dataclass
class QuoteDraft:
    key: str
    speaker: str
    text: str
    kind: QuoteKind
    pending: Pending
    source: str | None
    section: str | None
    extensions: dict[str, Any]
    check: str | None = None

    def finish(self) -> Quote:
        assert self.pending.location is not None
        return Quote(
            self.key,
            self.speaker,
            self.text,
            self.kind,
            self.pending.location,
            self.source,
            self.section,
            self.extensions,
            self.pending.prefix,
            self.pending.suffix,
            self.check,
        )


@dataclass
class PersonDraft:
    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    age: int | None
    origin: str | None
    quotes: list[QuoteDraft]
    extensions: dict[str, Any]
    kind: PersonKind = "person"
    same_as: tuple[str, ...] = ()
    check: str | None = None

    def finish(self, mentions: tuple[Location, ...]) -> Person:
        return Person(
            self.id,
            self.name,
            self.role,
            self.aliases,
            self.age,
            self.origin,
            tuple(q.finish() for q in self.quotes),
            mentions,
            self.extensions,
            self.kind,
            self.same_as,
            self.check,
        )


@dataclass
class FigureDraft:
    id: str
    label: str
    text: str
    pending: Pending
    value: FigureValue | None
    unit: str | None
    as_of: str | None
    sources: tuple[str, ...]
    note: str | None
    extensions: dict[str, Any]
    check: str | None = None

    def finish(self) -> Figure:
        assert self.pending.location is not None
        return Figure(
            self.id,
            self.label,
            self.text,
            self.pending.location,
            self.value,
            self.unit,
            self.as_of,
            self.sources,
            self.note,
            self.extensions,
            self.pending.prefix,
            self.pending.suffix,
            self.check,
        )


@dataclass
class EventDraft:
    key: str
    date: str
    label: str
    text: str
    pending: Pending
    extensions: dict[str, Any]
    check: str | None = None

    def finish(self) -> TimelineEvent:
        assert self.pending.location is not None
        return TimelineEvent(
            self.key,
            self.date,
            self.label,
            self.text,
            self.pending.location,
            self.extensions,
            self.pending.prefix,
            self.pending.suffix,
            self.check,
        )
